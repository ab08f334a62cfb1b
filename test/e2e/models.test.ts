// The managed model cache end to end: the real CLI, real Docker containers from the emulator image,
// and a hub on 127.0.0.1 that the test starts (HF_ENDPOINT). The harness downloads on the host;
// containers only read the mounted cache.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitOf, startTestHub, tinyModelFiles, type TestHub } from '../support/hub-server.ts';
import { cli, containersOfRun, parseRun, query, startCli, workdir, writeMatrix } from './support/matrix-cli.ts';

const TOKEN = 'hf_e2e_secret_token_4242';
const SHARD = 'model-00001-of-00002.safetensors';
let hub: TestHub;
const runIds: string[] = [];
const leaseDir = workdir('leases-');

beforeAll(async () => {
  const huge = tinyModelFiles({ shardBytes: 1000 });
  huge['model.safetensors.index.json'] = Buffer.from(JSON.stringify({ metadata: { total_size: 500 * 1024 ** 3 }, weight_map: {} }));
  hub = await startTestHub([
    { name: 'test-org/tiny-a', refs: { main: commitOf('a') }, files: tinyModelFiles() },
    { name: 'test-org/tiny-b', refs: { main: commitOf('b'), v1: commitOf('b') }, files: tinyModelFiles({ architecture: 'Qwen3VLForConditionalGeneration', vision: true }) },
    { name: 'test-org/gated', refs: { main: commitOf('g') }, files: tinyModelFiles({ shardBytes: 1000 }), token: TOKEN },
    { name: 'test-org/huge', refs: { main: commitOf('h') }, files: huge },
  ]);
});
afterAll(async () => {
  await hub.close();
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

function matrix(models: string, flags = '  - { id: default }'): string {
  return `version: 1
defaults: { timeouts: { startup: 60s, probe: 30s }, retries: 0 }
images:
  - id: img
    ref: vllm/vllm-openai:v0.19.0
    engine: vllm
    emulate: { startup: { weights_s: 1.5, compile_s: 0.05, graphs_s: 0.05 }, ttft_ms: 5, itl_ms: 1 }
gpus: [h100]
models:
${models}
flags:
${flags}
probes: [text]
`;
}

function run(dir: string, m: string, env: Record<string, string> = {}) {
  const cache = join(dir, 'cache');
  const args = ['run', m, '--emulate', '--emulate-gpus', '4', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--cache-dir', cache];
  return { cache, child: startCli(args, { env: { MATRIX_LEASE_DIR: leaseDir, HF_ENDPOINT: hub.url, ...env } }) };
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Every container of the run that is seen alive: its env and binds, read with docker inspect. */
async function watchContainers(runIdOf: () => string | null, until: Promise<unknown>): Promise<Array<{ env: string[]; binds: string[] }>> {
  const docker = new Docker();
  const seen = new Map<string, { env: string[]; binds: string[] }>();
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const list = await docker.listContainers({ all: true, filters: { label: ['matrix.run'] } }).catch(() => []);
    for (const c of list.filter((x) => !seen.has(x.Id) && (!runIdOf() || x.Labels['matrix.run'] === runIdOf()))) {
      const info = await docker.getContainer(c.Id).inspect().catch(() => null);
      if (info && info.Config.Labels['matrix.run'] && info.HostConfig.Binds?.some((b) => b.includes('matrix-models-e2e-'))) seen.set(c.Id, { env: info.Config.Env, binds: info.HostConfig.Binds ?? [] });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return [...seen.values()];
}

describe('models in matrix run --emulate', () => {
  it('downloads each model once for a run of many cells, and runs the cells offline on the mounted cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-models-e2e-'));
    hub.downloads.clear();
    const m = writeMatrix(dir, matrix('  - { id: a, name: test-org/tiny-a }\n  - { id: b, name: test-org/tiny-b, revision: v1, modalities: [text, image] }', '  - { id: f1 }\n  - { id: f2, options: { max_model_len: 4096 } }\n  - { id: f3, options: { max_model_len: 8192 } }'));
    const { cache, child } = run(dir, m);
    const inspected = await watchContainers(() => null, child.done);
    const r = await child.done;
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    expect(out.cells.map((c) => c.verdict)).toEqual(Array(6).fill('pass'));
    expect(hub.downloads.get(`test-org/tiny-a/${SHARD}`)).toBe(1);
    expect(hub.downloads.get(`test-org/tiny-b/${SHARD}`)).toBe(1);
    expect(r.stderr).toMatch(/model test-org\/tiny-a@main: downloaded 4\.0 MiB \(4 files, main = /);
    // What Docker was asked to run, read back from the engine: the cache mounted, the env pointing at it, offline.
    expect(inspected.length).toBeGreaterThan(0);
    for (const c of inspected) {
      expect(c.binds).toContain(`${join(cache, 'huggingface')}:/root/.cache/huggingface`);
      expect(c.env).toEqual(expect.arrayContaining(['HF_HOME=/root/.cache/huggingface', 'HF_HUB_CACHE=/root/.cache/huggingface/hub', 'HF_HUB_OFFLINE=1']));
    }
    // The emulated engine read the checkpoint from the mounted cache: its architecture comes from config.json.
    const log = readFileSync(join(dir, 'out', 'logs', out.run, 'img_h100_b_f1.attempt-1.log'), 'utf8');
    expect(log).toContain(`checkpoint test-org/tiny-b read from /root/.cache/huggingface/hub/models--test-org--tiny-b/snapshots/${commitOf('b')}`);
    expect(log).toContain('Resolved architecture: Qwen3VLForConditionalGeneration');
    // The pinned revision reaches the engine.
    const argv = query<{ command: string }>(join(dir, 'r.sqlite'), "SELECT command FROM attempts WHERE cell_id LIKE '%/b/%' LIMIT 1");
    expect(argv[0]?.command ?? '').toContain('"--revision","v1"');
    // Plan time, from the cache alone: a matrix that calls the vision checkpoint text-only is warned.
    const textOnly = writeMatrix(dir, matrix('  - { id: b, name: test-org/tiny-b, revision: v1 }'), 'text-only.yaml');
    const plan = await cli(['plan', textOnly], { env: { MATRIX_CACHE_DIR: cache } });
    expect(plan.stderr).toContain('matrix plan: warning: model b: its config.json has a vision encoder, the matrix declares modalities [text] (add image to test it)');
  });

  it('gives hub failures an infra model-download verdict, and skips a model too big for the GPU with the arithmetic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-models-e2e-'));
    const m = writeMatrix(dir, matrix('  - { id: gated, name: test-org/gated }\n  - { id: norev, name: test-org/tiny-a, revision: no-such-branch }\n  - { id: huge, name: test-org/huge }'));
    const r = await run(dir, m).child.done;
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(3);
    const by = Object.fromEntries(out.cells.map((c) => [c.id.split('/')[2], c]));
    expect([by.gated!.verdict, by.gated!.signature]).toEqual(['infra', 'model-download']);
    expect(by.gated!.reason).toMatch(/HTTP 401.*accept its license.*HF_TOKEN/);
    expect([by.norev!.verdict, by.norev!.signature]).toEqual(['infra', 'model-download']);
    expect(by.norev!.reason).toMatch(/no-such-branch: not found.*HTTP 404/);
    expect(by.huge!.verdict).toBe('skip');
    expect(by.huge!.reason).toMatch(/^model does not fit: weights 500\.0 GiB \/ tp 1 = 500\.0 GiB per GPU; 0\.92 × 80 GiB \(h100\) = 73\.6 GiB/);
  });

  it('a hub that cannot be reached is infra model-download for every cell of the model, not a failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-models-e2e-'));
    const m = writeMatrix(dir, matrix('  - { id: a, name: test-org/tiny-a }', '  - { id: f1 }\n  - { id: f2, options: { max_model_len: 4096 } }'));
    const closed = await closedPort();
    const r = await run(dir, m, { HF_ENDPOINT: `http://127.0.0.1:${closed}` }).child.done;
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(3);
    expect(out.cells.map((c) => [c.verdict, c.signature])).toEqual([['infra', 'model-download'], ['infra', 'model-download']]);
    expect(out.cells[0]!.reason).toBe(`the model could not be downloaded: model test-org/tiny-a@main: the download failed (ECONNREFUSED) — check the runner's network and HF_ENDPOINT (now http://127.0.0.1:${closed}); a rerun resumes from the files already complete`);
  });

  it('sends HF_TOKEN to the hub only, and prints or stores it nowhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-models-e2e-'));
    const m = writeMatrix(dir, matrix('  - { id: gated, name: test-org/gated }'));
    const r = await run(dir, m, { HF_TOKEN: TOKEN }).child.done;
    const out = parseRun(r);
    runIds.push(out.run);
    expect(out.cells[0]!.verdict, r.stderr).toBe('pass');
    expect(hub.authorizations).toContain(`Bearer ${TOKEN}`);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    for (const f of ['r.sqlite', 'r.sqlite-wal', 'out/junit.xml']) {
      if (existsSync(join(dir, f))) expect(readFileSync(join(dir, f)).includes(TOKEN), f).toBe(false);
    }
  });
});

describe('matrix models', () => {
  it('pull: progress per file on a non-terminal, a cut transfer restarted, then nothing to do', async () => {
    const dir = workdir('matrix-models-e2e-');
    const m = writeMatrix(dir, matrix('  - { id: a, name: test-org/tiny-a }'));
    hub.faults.cutOnce.add(SHARD);
    const env = { HF_ENDPOINT: hub.url };
    const first = await cli(['models', 'pull', m, '--cache-dir', join(dir, 'cache')], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/model test-org\/tiny-a@main: main = [0-9a-f]{12}, 4 files 4\.0 MiB; downloading 4 \(4\.0 MiB\)/);
    expect(first.stderr).toMatch(new RegExp(`${SHARD}: transfer failed .*restarting the file \\(attempt 2\\)`));
    expect(first.stderr).toMatch(new RegExp(`${SHARD} 2\\.0 MiB in [\\d.]+ s — \\d/4 files`));
    expect(first.stdout).toContain('1 of 1 model(s) complete');
    const again = await cli(['models', 'pull', m, '--cache-dir', join(dir, 'cache')], { env });
    expect(again.stderr).toMatch(/tiny-a@main: complete in the cache/);
  });

  it('pull: a hub that keeps answering 429 ends in a clear error and exit 3', async () => {
    const dir = workdir('matrix-models-e2e-');
    const m = writeMatrix(dir, matrix('  - { id: a, name: test-org/tiny-a }'));
    hub.faults.rateLimit = 1000;
    const r = await cli(['models', 'pull', m, '--cache-dir', join(dir, 'cache')], { env: { HF_ENDPOINT: hub.url } });
    hub.faults.rateLimit = 0;
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/rate-limited by the hub \(429\); retrying/);
    expect(r.stderr).toMatch(/the hub kept rate-limiting the download \(HTTP 429 on 6 attempts\)\n\s+what to do: set HF_TOKEN/);
  });

  it('info: architectures, vision encoder, size and the fit per GPU', async () => {
    const r = await cli(['models', 'info', 'test-org/tiny-b', '--gpu', 'h100', '--gpu', 'l4', '--cache-dir', workdir('matrix-models-e2e-')], { env: { HF_ENDPOINT: hub.url } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('architectures: Qwen3VLForConditionalGeneration');
    expect(r.stdout).toContain('modalities:    text, image  (config.json has a vision encoder)');
    expect(r.stdout).toContain('weights:       4.0 MiB (from the safetensors index)');
    expect(r.stdout).toMatch(/h100 +fits +weights 0\.0 GiB \/ tp 1/);
  });
});
