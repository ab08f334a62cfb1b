// `matrix run` end to end: the real CLI, a real Docker engine, real containers from the emulator
// image (and, for the infra cases, real image references without --emulate).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, pathWithFakeNvidiaSmi, query, startCli, waitFor, workdir, writeMatrix } from './support/matrix-cli.ts';

const leaseDir = workdir('leases-');
const env = { MATRIX_LEASE_DIR: leaseDir };
const runIds: string[] = [];

function args(dir: string, matrix: string, extra: string[] = []): string[] {
  return ['run', matrix, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', ...extra];
}

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

describe('matrix run --emulate', () => {
  it('passes healthy cells and stores phases, probes and raw request timings', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ probes: 'text, stream' }));
    const r = await cli(args(dir, m), { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    expect(out.cells).toHaveLength(1);
    const c = out.cells[0]!;
    expect(c.verdict).toBe('pass');
    expect(Object.keys(c.phases).sort()).toEqual(['create', 'image', 'probes', 'ready', 'start', 'teardown']);
    expect(c.probes.map((p) => [p.name, p.verdict])).toEqual([['text', 'pass'], ['stream', 'pass']]);
    const reqs = query<{ n: number }>(join(dir, 'r.sqlite'), "SELECT COUNT(*) AS n FROM requests WHERE probe = 'stream'");
    expect(reqs[0]!.n).toBeGreaterThan(0);
    expect(existsSync(out.report!)).toBe(true);
    expect(r.stderr).toContain('all 1 cell passed (--verbose lists them)');
  });

  it('gives a crash its verdict the moment the container exits, with the signature and evidence', async () => {
    const dir = workdir();
    const m = writeMatrix(
      dir,
      emulatedMatrix({
        traits: 'kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }\ndriver_cuda: { h100: "12.8" }',
        // Far beyond this test's own timeout: a verdict that waited for it fails the test; the
        // verdict follows the exit (how soon: benchmark B1, container exit → verdict).
        timeouts: '{ startup: 60m, probe: 30s }',
      }),
    );
    const r = await cli(args(dir, m), { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(1);
    const c = out.cells[0]!;
    expect(c.verdict).toBe('fail');
    expect(c.category).toBe('ptx-toolchain');
    expect(c.signature).not.toBe('startup-timeout');
    const ev = query<{ diagnosis: string }>(join(dir, 'r.sqlite'), 'SELECT diagnosis FROM attempts')[0]!;
    expect(JSON.parse(ev.diagnosis).evidence.some((e: { text: string }) => e.text.includes('unsupported toolchain'))).toBe(true);
  });

  it('names a startup that never becomes ready as a timeout', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ traits: 'faults: { slow_start_s: 60 }', timeouts: '{ startup: 3s, probe: 10s }' }));
    const r = await cli(args(dir, m), { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(out.cells[0]!.verdict).toBe('fail');
    expect(out.cells[0]!.signature).toBe('startup-timeout');
  });

  it('calls a cell that fails then passes on a fresh container flaky', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ traits: 'faults: { fail_first_starts: 1 }', retries: 1 }));
    const r = await cli(args(dir, m), { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(out.cells[0]!.verdict).toBe('flaky');
    expect(out.cells[0]!.attempts).toBe(2);
    expect(r.code).toBe(0);
  });

  it('never lets two concurrent runs share a GPU slot', async () => {
    const a = workdir();
    const b = workdir();
    const flags = '  - { id: f1 }\n  - { id: f2 }\n  - { id: f3 }';
    const ma = writeMatrix(a, emulatedMatrix({ flags, startup: '{ weights_s: 0.6, compile_s: 0.1, graphs_s: 0.1 }' }));
    const mb = writeMatrix(b, emulatedMatrix({ flags, startup: '{ weights_s: 0.6, compile_s: 0.1, graphs_s: 0.1 }' }));
    const shared = { MATRIX_LEASE_DIR: workdir('leases-shared-') };
    const [ra, rb] = await Promise.all([cli(args(a, ma, ['--emulate-gpus', '1']), { env: shared }), cli(args(b, mb, ['--emulate-gpus', '1']), { env: shared })]);
    runIds.push(parseRun(ra).run, parseRun(rb).run);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    // Every container lifetime (create → teardown) of both runs, on the one emulated GPU: no overlap.
    const spans = [a, b].flatMap((d) =>
      query<{ started_at: string; finished_at: string }>(join(d, 'r.sqlite'), 'SELECT started_at, finished_at FROM cells').map((c) => [Date.parse(c.started_at), Date.parse(c.finished_at)] as const),
    );
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1] - 5);
  });

  it('SIGINT stops, removes every container of the run, keeps finished cells and writes a partial report', async () => {
    const dir = workdir();
    const flags = '  - { id: quick }\n  - { id: slow1 }\n  - { id: slow2 }';
    const m = writeMatrix(
      dir,
      // The slow cells could not end within this test's timeout: only a stop ends the run.
      emulatedMatrix({ flags, traits: 'faults: { slow_start_s: 3600 }', timeouts: '{ startup: 2h, probe: 30s }' }).replace('  - { id: quick }', '  - { id: quick, options: { max_model_len: 4096 } }'),
    );
    const child = startCli([...args(dir, m), '--emulate-gpus', '3', '--run-id', `sigint-${process.pid}`], { env });
    runIds.push(`sigint-${process.pid}`);
    await waitFor(async () => (await containersOfRun(`sigint-${process.pid}`)).length >= 3 || null, 30_000, 'three containers');
    const t0 = Date.now();
    child.kill('SIGINT');
    const r = await child.done;
    // The figure, not asserted (GitHub's 7.5 s window is run-endings.test.ts's: no second signal needed).
    console.log(`SIGINT to exit with 3 running cells: ${Date.now() - t0} ms`);
    expect(r.code).toBe(3);
    expect(await containersOfRun(`sigint-${process.pid}`)).toEqual([]);
    const run = query<{ status: string }>(join(dir, 'r.sqlite'), 'SELECT status FROM runs')[0]!;
    expect(run.status).toBe('interrupted');
    expect(existsSync(join(dir, 'out', 'report', 'index.html'))).toBe(true);
  });

  it('after a SIGKILL, the next run reaps the orphans and --resume runs only the cells without a verdict', async () => {
    const dir = workdir();
    const runId = `resume-${process.pid}`;
    runIds.push(runId);
    const m = writeMatrix(dir, emulatedMatrix({ flags: '  - { id: a }\n  - { id: b }\n  - { id: c }', startup: '{ weights_s: 1.5, compile_s: 0.1, graphs_s: 0.1 }' }));
    const child = startCli([...args(dir, m), '--emulate-gpus', '1', '--run-id', runId], { env });
    await waitFor(() => query<{ n: number }>(join(dir, 'r.sqlite'), 'SELECT COUNT(*) AS n FROM cells WHERE verdict IS NOT NULL')[0]?.n || null, 60_000, 'a first verdict');
    await waitFor(async () => (await containersOfRun(runId)).length > 0 || null, 30_000, 'the next container');
    child.kill('SIGKILL');
    await child.done;
    expect((await containersOfRun(runId)).length).toBeGreaterThan(0); // orphaned by the kill
    const before = query<{ cell_id: string; finished_at: string }>(join(dir, 'r.sqlite'), 'SELECT cell_id, finished_at FROM cells WHERE verdict IS NOT NULL');
    const r = await cli([...args(dir, m), '--resume', runId], { env });
    expect(r.code, r.stderr).toBe(0);
    // The orphans are gone: reaped by this run (it says so), or already by another run that
    // started meanwhile (test files run in parallel, and any run reaps the dead runs' containers).
    expect(await containersOfRun(runId)).toEqual([]);
    if (!/reaped \d+ container/.test(r.stderr)) expect(r.stderr).not.toContain('Error');
    const out = parseRun(r);
    // --json covers the whole run; the cells that had their verdict before say so.
    expect(out.cells.map((c) => c.id).sort()).toEqual(['img/h100/small/a', 'img/h100/small/b', 'img/h100/small/c']);
    expect(out.cells.filter((c) => !c.earlier).map((c) => c.id).sort()).toEqual(['img/h100/small/a', 'img/h100/small/b', 'img/h100/small/c'].filter((id) => !before.some((b) => b.cell_id === id)));
    const after = query<{ cell_id: string; finished_at: string; verdict: string }>(join(dir, 'r.sqlite'), 'SELECT cell_id, finished_at, verdict FROM cells');
    expect(after.every((c) => c.verdict === 'pass')).toBe(true);
    for (const b of before) expect(after.find((a) => a.cell_id === b.cell_id)!.finished_at).toBe(b.finished_at);
  });
});

describe('matrix run on a runner (no --emulate)', () => {
  it('an image that is not on the runner with --pull never is infra, exit 3, with what to do', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ image: 'registry.invalid/nobody/vllm:0.19.0-missing' }));
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--pull', 'never', '--model-download', 'never'], { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(3);
    expect(out.cells[0]!.verdict).toBe('infra');
    expect(out.cells[0]!.category).toBe('image-missing');
    expect(out.cells[0]!.reason).toMatch(/not on the runner.*pull/);
  });

  it('GPU device requests on a machine without the NVIDIA runtime are infra gpu-runtime-missing', async () => {
    const dir = workdir();
    const image = process.env.MATRIX_EMULATOR_IMAGE ?? 'matrix-emulator:latest';
    const m = writeMatrix(dir, emulatedMatrix({ image }));
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--pull', 'never', '--model-download', 'never'], { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(3);
    expect(out.cells[0]!.verdict).toBe('infra');
    expect(out.cells[0]!.signature).toBe('gpu-runtime-missing');
    expect(out.cells[0]!.reason).toContain('could not select device driver');
  });

  it('refuses a --gpu the runner does not have, with exit 3 and what it has', async () => {
    const dir = workdir();
    // The matrix has thor cells (a --gpu that selects no cell is a usage error, exit 2: verdicts.test.ts).
    const m = writeMatrix(dir, emulatedMatrix().replace('gpus: [h100]', 'gpus: [h100, thor]'));
    const r = await cli(['run', m, '--gpu', 'thor', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out')], { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('this runner has no such GPU (it has: h100 ×1)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('images for another platform', () => {
  it('refuses an arm64 image on this runner before pulling: infra platform-mismatch', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ image: 'registry.invalid/jetson/vllm:r39' }).replace('    engine: vllm\n', '    engine: vllm\n    platform: linux/arm64\n'));
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code).toBe(3);
    expect(out.cells[0]!.category).toBe('platform-mismatch');
    expect(out.cells[0]!.reason).toMatch(/is for linux\/arm64, this runner is linux\/amd64/);
  });
});
