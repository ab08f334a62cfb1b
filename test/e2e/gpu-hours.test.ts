// GPU-hours (issue #26) end to end: the real CLI, a real Docker engine and the emulator image, whose
// `emulate:` traits make deterministic failures (a PTX toolchain the driver cannot JIT) and transient
// ones (the first N starts crash). Retries only for what can change; stopping early; chained triage.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

/** FlashAttention with PTX from CUDA 13.2 on a driver of 12.8: the engine dies loading it, every time. */
const PTX_TOO_NEW = 'kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }\n      driver_cuda: { h100: "12.8" }';
const STARTUP = '{ weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }';

/** An emulated matrix of the given images (id → emulate traits), GPU h100, one text model. */
function matrix(images: Record<string, string>, o: { retries?: number; flags?: string; extra?: string } = {}): string {
  const imgs = Object.entries(images).map(([id, traits]) => `  - id: ${id}
    ref: vllm/vllm-openai:v0.19.0
    engine: vllm
    emulate:
      startup: ${STARTUP}
      ttft_ms: 5
      itl_ms: 1
${traits ? `      ${traits}\n` : ''}`);
  return `version: 1
defaults:
  timeouts: { startup: 60s, probe: 30s }
  retries: ${o.retries ?? 0}
images:
${imgs.join('')}gpus: [h100]
models:
  - { id: small, name: Qwen/Qwen3-0.6B }
flags:
${o.flags ?? '  - { id: default }'}
probes: [text]
${o.extra ?? ''}`;
}

async function run(dir: string, m: string, extra: string[] = []) {
  const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', ...extra], { env });
  const out = parseRun(r) as ReturnType<typeof parseRun> & { cells: Array<{ notRetried?: string | null }> };
  runIds.push(out.run);
  const cell = (image: string) => out.cells.find((c) => c.id.startsWith(`${image}/`))!;
  return { r, out, cell };
}

describe('retries apply to transient failures only', () => {
  it('a deterministic failure runs once and says why; a transient one is retried (flaky)', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, matrix({ ptx: PTX_TOO_NEW, crashy: 'faults: { fail_first_starts: 1 }' }, { retries: 2 }));
    const { r, cell } = await run(dir, m);
    expect(r.code).toBe(1);
    expect(cell('ptx')).toMatchObject({ verdict: 'fail', category: 'ptx-toolchain', attempts: 1 });
    expect(cell('ptx').notRetried).toMatch(/^ptx-toolchain-\S+ is deterministic: a retry would fail the same way$/);
    expect(cell('crashy')).toMatchObject({ verdict: 'flaky', attempts: 2, notRetried: null });
    // The console and the stored verdict (the report's reason) say why the PTX cell ran once.
    expect(r.stderr).toMatch(/ptx\/h100\/small\/default .*\(not retried: ptx-toolchain-\S+ is deterministic/);
    const [row] = query<{ reason: string; attempts: number }>(join(dir, 'r.sqlite'), "SELECT reason, attempts FROM cells WHERE cell_id LIKE 'ptx/%'");
    expect(row).toMatchObject({ attempts: 1, reason: expect.stringMatching(/\(not retried: ptx-toolchain-\S+ is deterministic/) });
    const kinds = query<{ kind: string }>(join(dir, 'r.sqlite'), "SELECT kind FROM attempts WHERE cell_id LIKE 'crashy/%' ORDER BY attempt").map((a) => a.kind);
    expect(kinds).toEqual(['first', 'retry']);
  });
});
