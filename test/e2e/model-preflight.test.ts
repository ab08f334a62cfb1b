// The model against the image end to end (#23 part 2): an image built here (never started) whose
// site-packages hold a vLLM and a transformers from before Qwen3.5 (dist-info METADATA, registry.py,
// vLLM's config registry, transformers' configuration_auto.py, as upstream's files look), a hub on
// 127.0.0.1 serving config.json files, and the real CLI: `matrix preflight --image --model` says
// what the image can load with the file evidence, and `matrix run --preflight` skips the cell whose
// model the image cannot load before any container exists for it, while a loadable model runs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitOf, startTestHub, type TestHub } from '../support/hub-server.ts';
import { buildScratchImage } from './support/scratch-image.ts';
import { cli, containersOfRun, parseRun, query, ROOT, startCli, workdir, writeMatrix } from './support/matrix-cli.ts';

const docker = new Docker();
const TAG = `matrix-test-model-image-${process.pid}:v1`;
const SITE = 'usr/local/lib/python3.12/dist-packages';
const LABELS = `matrix.test=1,matrix.test.owner=${process.pid}`;
const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/image-software', name));
let hub: TestHub;

const IMAGE_FILES: Record<string, Buffer> = {
  [`${SITE}/vllm-0.15.1.dist-info/METADATA`]: Buffer.from('Metadata-Version: 2.1\nName: vllm\nVersion: 0.15.1\nSummary: A high-throughput and memory-efficient inference and serving engine for LLMs\n\n# vLLM\n'),
  [`${SITE}/vllm/__init__.py`]: Buffer.from(''),
  [`${SITE}/vllm/model_executor/models/registry.py`]: fixture('vllm-registry-0.10.2.py'),
  [`${SITE}/vllm/transformers_utils/config.py`]: fixture('vllm-config-0.15.py'),
  [`${SITE}/transformers-4.57.1.dist-info/METADATA`]: fixture('transformers-METADATA'),
  [`${SITE}/transformers/__init__.py`]: Buffer.from('# no version here: the dist-info says it\n'),
  [`${SITE}/transformers/models/auto/configuration_auto.py`]: fixture('configuration_auto.py'),
};


const config = (architecture: string, modelType: string) => ({ 'config.json': Buffer.from(JSON.stringify({ architectures: [architecture], model_type: modelType, torch_dtype: 'bfloat16' })) });

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  await buildScratchImage(docker, TAG, IMAGE_FILES);
  hub = await startTestHub([
    { name: 'test-org/qwen35-moe', refs: { main: commitOf('q35') }, files: config('Qwen3_5MoeForConditionalGeneration', 'qwen3_5_moe') },
    { name: 'test-org/qwen3', refs: { main: commitOf('q3') }, files: config('Qwen3ForCausalLM', 'qwen3') },
  ]);
});

afterAll(async () => {
  await hub?.close();
  const left = await docker.listContainers({ all: true, filters: { label: [`matrix.test.owner=${process.pid}`] } });
  for (const c of left) await docker.getContainer(c.Id).remove({ force: true });
  await docker.getImage(TAG).remove({ force: true }).catch(() => undefined);
});

describe('matrix preflight --image --model', () => {
  it("seed 001: the image's transformers and vLLM do not know qwen3_5_moe → unsupported model, with file and line evidence, exit 1", async () => {
    const dir = workdir('matrix-model-preflight-');
    const r = await cli(['preflight', '--image', TAG, '--model', 'test-org/qwen35-moe', '--cache-dir', join(dir, 'cache')], { env: { HF_ENDPOINT: hub.url, MATRIX_CONTAINER_LABELS: LABELS } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`model test-org/qwen35-moe on image ${TAG}`);
    expect(r.stdout).toContain(`engine:        vLLM 0.15.1  (/${SITE}/vllm-0.15.1.dist-info/METADATA:3)`);
    expect(r.stdout).toContain(`transformers:  4.57.1  (/${SITE}/transformers-4.57.1.dist-info/METADATA:3)`);
    expect(r.stdout).toContain(`architecture known by the registry?  NO [image's files]: Qwen3_5MoeForConditionalGeneration not among the 1 architectures of /${SITE}/vllm/model_executor/models/registry.py`);
    expect(r.stdout).toContain(`model_type known by transformers?    NO [image's files]: model_type qwen3_5_moe is not among the 6 model types of /${SITE}/transformers/models/auto/configuration_auto.py nor among the engine's 2 own config types (/${SITE}/vllm/transformers_utils/config.py)`);
    expect(r.stdout).toContain('→ unsupported model (certain: the cell would be skipped)');
    const left = await docker.listContainers({ all: true, filters: { label: [`matrix.test.owner=${process.pid}`] } });
    expect(left).toEqual([]); // the never-started container is gone
  });

  it('a model the image knows loads, the evidence at the registry and mapping lines; --json carries the same', async () => {
    const dir = workdir('matrix-model-preflight-');
    const r = await cli(['preflight', '--image', TAG, '--model', 'test-org/qwen3', '--cache-dir', join(dir, 'cache'), '--json'], { env: { HF_ENDPOINT: hub.url, MATRIX_CONTAINER_LABELS: LABELS } });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { prediction: { verdict: string; certain: boolean; engine: string; engineVersion: { value: string }; architecture: { known: boolean; text: string }; modelType: { known: boolean; text: string } } };
    const registry = IMAGE_FILES[`${SITE}/vllm/model_executor/models/registry.py`]!.toString().split('\n');
    const mapping = IMAGE_FILES[`${SITE}/transformers/models/auto/configuration_auto.py`]!.toString().split('\n');
    expect(out.prediction).toMatchObject({ verdict: 'loads', certain: false, engine: 'vllm', engineVersion: { value: '0.15.1' } });
    expect(out.prediction.architecture.text).toBe(`Qwen3ForCausalLM is registered at /${SITE}/vllm/model_executor/models/registry.py:${registry.findIndex((l) => l.includes('"Qwen3ForCausalLM":')) + 1}`);
    expect(out.prediction.modelType.text).toBe(`model_type qwen3 is in transformers' CONFIG_MAPPING_NAMES at /${SITE}/transformers/models/auto/configuration_auto.py:${mapping.findIndex((l) => l.includes('("qwen3", "Qwen3Config")')) + 1}`);
  });
});

/** Every container the engine creates while `until` is pending, by its matrix.cell label. */
async function createdCells(until: Promise<unknown>): Promise<string[]> {
  const events = (await docker.getEvents({})) as unknown as NodeJS.ReadableStream & { destroy(): void };
  const cells: string[] = [];
  let buf = '';
  events.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const e = JSON.parse(buf.slice(0, i)) as { Type?: string; Action?: string; Actor?: { Attributes?: Record<string, string> } };
      buf = buf.slice(i + 1);
      const cell = e.Actor?.Attributes?.['matrix.cell'];
      if (e.Type === 'container' && e.Action === 'create' && cell) cells.push(cell);
    }
  });
  await until.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 200)); // the last events
  events.destroy();
  return cells;
}

describe('matrix run --preflight', () => {
  it('skips the cell whose model the image cannot load before it starts (no container), runs the loadable one, and stores both predictions', async () => {
    const dir = workdir('matrix-model-preflight-');
    const image = `mp${process.pid}`;
    const m = writeMatrix(dir, `version: 1
defaults: { timeouts: { startup: 60s, probe: 30s }, retries: 0 }
images:
  - id: ${image}
    ref: ${TAG}
    engine: vllm
    emulate: { startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }, ttft_ms: 5, itl_ms: 1 }
gpus: [h100]
models:
  - { id: qwen35, name: test-org/qwen35-moe, modalities: [text, image] }
  - { id: qwen3, name: test-org/qwen3 }
probes: [text]
`);
    const db = join(dir, 'r.sqlite');
    const child = startCli(['run', m, '--emulate', '--preflight', '--json', '--db', db, '--out', join(dir, 'out'), '--cache-dir', join(dir, 'cache')], { env: { HF_ENDPOINT: hub.url, MATRIX_LEASE_DIR: workdir('leases-') } });
    const created = createdCells(child.done);
    const r = await child.done;
    const out = parseRun(r);
    expect(await containersOfRun(out.run)).toEqual([]);
    const byId = Object.fromEntries(out.cells.map((c) => [c.id, c]));
    const skipped = byId[`${image}/h100/qwen35/default`]!;
    expect(skipped.verdict).toBe('skip');
    expect(skipped.attempts).toBe(0);
    expect(skipped.reason).toContain(`preflight: the image cannot load the model: ${TAG}: unsupported model (vLLM 0.15.1, transformers 4.57.1): transformers 4.57.1 does not know model_type qwen3_5_moe`);
    expect(skipped.reason).toContain(`/${SITE}/transformers/models/auto/configuration_auto.py`);
    expect(byId[`${image}/h100/qwen3/default`]!.verdict, r.stderr).toBe('pass');
    expect(r.code, r.stderr).toBe(0);
    // Docker's own record: a container was created for the loadable cell, none for the skipped one.
    const cells = await created;
    expect(cells).toContain(`${image}/h100/qwen3/default`);
    expect(cells).not.toContain(`${image}/h100/qwen35/default`);
    const rows = query<{ cell_id: string; verdict: string; certain: number }>(db, 'SELECT cell_id, verdict, certain FROM model_predictions ORDER BY cell_id');
    expect(rows).toEqual([
      { cell_id: `${image}/h100/qwen3/default`, verdict: 'loads', certain: 0 },
      { cell_id: `${image}/h100/qwen35/default`, verdict: 'unsupported', certain: 1 },
    ]);
  });
});
