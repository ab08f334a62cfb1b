// A cell skipped by the model-against-image preflight: its panel's Preflight part says the image
// cannot load the model, that the skip came from it, and with which evidence.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeReport } from '../../reports/write.ts';
import { SEED_IDS, seedsReportData } from '../fixtures/report/generate.ts';

test('the Preflight part shows the model-on-image prediction and its evidence', async ({ page }) => {
  const data = seedsReportData();
  const detail = 'nvcr.io/nvidia/vllm:26.02-py3: unsupported model (vLLM 0.15.1, transformers 4.57.1): model_type qwen3_5_moe is not among the 412 model types of /usr/local/lib/python3.12/dist-packages/transformers/models/auto/configuration_auto.py';
  const cells = data.cells.map((c) => (c.id === SEED_IDS.regression ? { ...c, modelPrediction: { verdict: 'unsupported', certain: true, detail } } : c));
  const { index } = writeReport({ ...data, cells }, mkdtempSync(join(tmpdir(), 'model-prediction-')));
  await page.goto(`${pathToFileURL(index).href}#cell=${encodeURIComponent(SEED_IDS.regression)}`);
  await page.waitForSelector('html[data-ready]');
  const part = page.locator('#panel .model-prediction');
  await expect(part).toHaveText('model on image: unsupported model (certain: the cell was skipped)');
  await expect(part.locator('xpath=following-sibling::p[1]')).toHaveText(detail);
  await expect(page.locator(`td[data-cell="${SEED_IDS.regression}"]`)).toHaveAttribute('title', new RegExp(`preflight, model on image: ${detail.slice(0, 30).replace(/[.:()]/g, '\\$&')}`));
});
