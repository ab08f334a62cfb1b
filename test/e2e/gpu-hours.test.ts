// GPU-hours (issue #26) end to end: the real CLI, a real Docker engine and the emulator image, whose
// `emulate:` traits make deterministic failures (a PTX toolchain the driver cannot JIT) and transient
// ones (the first N starts crash). Retries only for what can change; stopping early; chained triage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedImagesMatrix, parseRun, pathWithFakeNvidiaSmi, PTX_TOO_NEW, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

/** FlashAttention with PTX from CUDA 13.2 on a driver of 12.8: the engine dies loading it, every time. */

const matrix = emulatedImagesMatrix;

async function run(dir: string, m: string, extra: string[] = []) {
  const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', ...extra], { env });
  const out = parseRun(r);
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

/** The cells of a run as the database holds them: verdict (null: not run) and reason. */
const stored = (dir: string) => query<{ cell_id: string; verdict: string | null; reason: string | null }>(join(dir, 'r.sqlite'), 'SELECT cell_id, verdict, reason FROM cells ORDER BY cell_id');

describe('stopping early', () => {
  const FLAGS = '  - { id: f1 }\n  - { id: f2, options: { max_model_len: 4096 } }\n  - { id: f3, options: { max_model_len: 2048 } }';

  it('--max-failures 1: the first failure stops the run; the cells not started are "not run", never infra', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, matrix({ ok: '', ptx: PTX_TOO_NEW }, { flags: FLAGS }));
    const { r, out } = await run(dir, m, ['--emulate-gpus', '1', '--max-failures', '1']);
    expect(r.code).toBe(1);
    // Images run in order of first appearance: the healthy image's 3 cells, then the first PTX cell fails.
    expect(out.cells.map((c) => [c.id, c.verdict])).toEqual([['ok/h100/small/f1', 'pass'], ['ok/h100/small/f2', 'pass'], ['ok/h100/small/f3', 'pass'], ['ptx/h100/small/f1', 'fail']]);
    expect(r.stderr).toContain('stopping early: --max-failures 1 reached (1 unexpected failures)');
    expect(r.stderr).toMatch(/2 not run/);
    const notRun = stored(dir).filter((c) => c.verdict === null);
    expect(notRun.map((c) => c.cell_id)).toEqual(['ptx/h100/small/f2', 'ptx/h100/small/f3']);
    for (const c of notRun) expect(c.reason).toBe('not run: --max-failures 1 reached (1 unexpected failures)');
    expect(readFileSync(join(dir, 'out', 'junit.xml'), 'utf8')).toMatch(/name="ptx\/h100\/small\/f2"[^>]*><skipped message="not run: --max-failures 1 reached/);
    // The report says the same on the cell; nothing counts them as infra.
    const html = readFileSync(out.report!, 'utf8');
    expect(html).toContain('--max-failures 1 reached');
    expect(stored(dir).some((c) => c.verdict === 'infra')).toBe(false);
  });

  it('a runner whose first K cells all end with one infra signature starts no more of them', async () => {
    const dir = workdir();
    // A real run (no --emulate) on a machine whose Docker has no NVIDIA runtime: every cell would end gpu-runtime-missing.
    const image = process.env.MATRIX_EMULATOR_IMAGE ?? 'matrix-emulator:latest';
    const m = writeMatrix(dir, matrix({ img: '' }, { flags: `${FLAGS}\n  - { id: f4, options: { max_model_len: 1024 } }` }).replace('vllm/vllm-openai:v0.19.0', image));
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--pull', 'never', '--model-download', 'never', '--infra-stop', '2'], { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(3);
    expect(out.cells.map((c) => [c.verdict, c.signature])).toEqual([['infra', 'gpu-runtime-missing'], ['infra', 'gpu-runtime-missing']]);
    expect(r.stderr).toContain("stopping early: the runner's first 2 cells all ended with infra signature gpu-runtime-missing; it starts no more");
    const notRun = stored(dir).filter((c) => c.verdict === null);
    expect(notRun).toHaveLength(2);
    for (const c of notRun) expect(c.reason).toMatch(/^not run: the runner's first 2 cells all ended with infra signature gpu-runtime-missing/);
    expect(r.stderr).toContain(`resume with: `);
  });

  it('--last-failed re-runs the newest run\'s non-pass cells: failures and cells not run, not passes', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, matrix({ ok: '', ptx: PTX_TOO_NEW }, { flags: FLAGS }));
    const first = await run(dir, m, ['--emulate-gpus', '1', '--max-failures', '1']);
    expect(first.out.cells).toHaveLength(4);
    const again = await run(dir, m, ['--emulate-gpus', '1', '--last-failed']);
    expect(again.r.stderr).toContain(`--last-failed: 3 of the selected cells did not pass in run ${first.out.run}`);
    expect(again.out.cells.map((c) => [c.id, c.verdict])).toEqual([['ptx/h100/small/f1', 'fail'], ['ptx/h100/small/f2', 'fail'], ['ptx/h100/small/f3', 'fail']]);
    // Selecting only cells that passed: nothing to run, nothing recorded, exit 0.
    const only = await run(dir, m, ['--emulate-gpus', '1', '--last-failed', '--only', 'ok/**']);
    expect(only.r.code).toBe(0);
    expect(only.r.stderr).toContain(`--last-failed: every selected cell passed (or failed as expected) in run ${again.out.run}; nothing to run or record`);
  });
});

describe('triage follows the chain', () => {
  // FlashAttention's PTX is too new for the driver, and MTP with FULL graphs hits the Triton capture bug:
  // Triton gets past the first failure into the second, whose remedy (PIECEWISE graphs) passes on top of it.
  const chained = () => matrix({ img: `${PTX_TOO_NEW}\n      mtp_full_graph_capture_bug: true` }, { flags: '  - { id: mtp2, options: { speculative: { method: mtp, tokens: 2 }, cuda_graphs: full } }' }).replace('{ id: small, name: Qwen/Qwen3-0.6B }', '{ id: small, name: Qwen/Qwen3.5-0.8B, mtp: true }');

  it('a remedy that fails with a new signature has that signature\'s remedies tried on top; the whole path is stored, printed and reported', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, chained());
    const { r, out } = await run(dir, m, ['--triage']);
    const c = out.cells[0]!;
    expect([c.verdict, c.signature]).toEqual(['fail', 'ptx-toolchain-attention']);
    expect(c.triage).toMatchObject({
      fixedBy: { attention: 'triton', cuda_graphs: 'piecewise' },
      tried: [
        { options: { attention: 'triton' }, outcome: 'fail', signature: 'graph-capture-mtp-triton' },
        { options: { attention: 'triton', cuda_graphs: 'piecewise' }, outcome: 'pass', after: 0 },
      ],
    });
    expect(r.stderr).toContain('triage path: ptx-toolchain-attention → attention: triton → graph-capture-mtp-triton →');
    const [row] = query<{ triage: string }>(join(dir, 'r.sqlite'), 'SELECT triage FROM cells');
    expect(JSON.parse(row!.triage).tried[1].after).toBe(0);
    const kinds = query<{ kind: string; command: string }>(join(dir, 'r.sqlite'), 'SELECT kind, command FROM attempts ORDER BY attempt');
    expect(kinds.map((k) => k.kind)).toEqual(['first', 'triage', 'triage']);
    expect(kinds[2]!.command).toMatch(/TRITON_ATTN/);
    expect(kinds[2]!.command).toMatch(/PIECEWISE/);
    expect(readFileSync(out.report!, 'utf8')).toContain('graph-capture-mtp-triton');
  });

  it('--triage-depth 1 keeps to the first failure\'s remedies and says where it stopped', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, chained());
    const { out } = await run(dir, m, ['--triage', '--triage-depth', '1']);
    const t = out.cells[0]!.triage as { fixedBy: object | null; stopped?: string; tried: Array<{ after?: number }> };
    expect(t.fixedBy).toBeNull();
    expect(t.tried.every((x) => x.after === undefined)).toBe(true);
    expect(t.stopped).toBe('the chain reached its depth (1 signatures) at graph-capture-mtp-triton');
  });
});
