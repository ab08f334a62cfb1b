// Renders the seeds' fixture once per worker into a temp directory and hands out its file:// URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { seedsReportData, writeSeedLogs } from '../fixtures/report/generate.ts';
import { writeReport } from '../../reports/write.ts';
import type { ReportData } from '../../reports/data.ts';

let cached: { url: string; data: ReportData; dir: string } | null = null;

export function seedsReport(): { url: string; data: ReportData; dir: string } {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'seeds-report-'));
  const data = seedsReportData();
  const logSources = writeSeedLogs(data, join(dir, 'raw-logs'));
  const { index } = writeReport(data, join(dir, 'report'), { logSources });
  cached = { url: pathToFileURL(index).href, data, dir };
  return cached;
}

export async function openReport(page: Page, hash = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(seedsReport().url + hash);
  await page.waitForSelector('html[data-ready]');
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}

export function cellSel(id: string): string {
  return `td[data-cell="${id}"]`;
}
