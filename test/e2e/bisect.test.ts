// `matrix bisect` end to end (issue #26): the real CLI and Docker engine over six emulated nightly
// images. Each is built FROM the emulator image with its own label (so its own digest); 04, 05 and
// 06 carry a `matrix.emulate` label whose traits give FlashAttention PTX from CUDA 13.2 on a 12.8
// driver (ptx-toolchain). The bisect must find 04 as the first bad image in ⌈log2(4 + 1)⌉ = 3 runs
// or fewer, record each probe as a normal run and the bisect beside them, and show it in the report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, emulatorImage } from './support/emulator-container.ts';
import { cli, containersOfRun, emulatedMatrix, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const REPO = `matrix-test-nightly-${process.pid}`;
const TAGS = ['nightly-01', 'nightly-02', 'nightly-03', 'nightly-04', 'nightly-05', 'nightly-06'];
const PTX_TOO_NEW = { kernels: { flash: { sass: ['sm_80'], ptx: ['compute_80'], toolkit: '13.2', library: '_vllm_fa2_C' } }, driver_cuda: { h100: '12.8' } };
const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const CELL = 'img/h100/small/default';
const ids: Record<string, string> = {};
const runIds: string[] = [];

async function buildNightly(tag: string, bad: boolean): Promise<string> {
  const ctx = pack();
  ctx.entry({ name: 'Dockerfile' }, `FROM ${emulatorImage()}\n`);
  ctx.finalize();
  const labels = { 'matrix.test': '1', 'matrix.test.build': tag, ...(bad ? { 'matrix.emulate': JSON.stringify(PTX_TOO_NEW) } : {}) };
  const stream = await docker.buildImage(ctx as unknown as NodeJS.ReadableStream, { t: `${REPO}:${tag}`, labels, rm: true, forcerm: true });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null, out: Array<{ error?: string }>) => {
      const failed = out?.find((o) => o.error);
      if (err || failed) reject(err ?? new Error(failed!.error));
      else resolve();
    }),
  );
  return (await docker.getImage(`${REPO}:${tag}`).inspect()).Id;
}

beforeAll(async () => {
  for (const [i, tag] of TAGS.entries()) ids[tag] = await buildNightly(tag, i >= 3);
}, 120_000);

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
  for (const tag of TAGS) await docker.getImage(`${REPO}:${tag}`).remove({ force: true }).catch(() => {});
});

function setup() {
  const dir = workdir();
  const m = writeMatrix(dir, emulatedMatrix({ image: `${REPO}:nightly-01` }));
  const db = join(dir, 'r.sqlite');
  const bisect = (args: string[]) => cli(['bisect', m, ...args, '--emulate', '--db', db, '--out', join(dir, 'out')], { env });
  return { dir, m, db, bisect };
}

describe('matrix bisect over emulated nightly images', () => {
  it('finds nightly-04 as the first bad image in 2 runs (≤ 3), records the probe runs and the bisect, and the report shows it on the cell', async () => {
    const { db, bisect } = setup();
    const r = await bisect([CELL, '--good', 'nightly-01', '--between', 'nightly-02,nightly-03', '--between', 'nightly-04', '--between', 'nightly-05', '--bad', 'nightly-06', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { bisect: string; candidates: number; bound: number; runs: number; firstBad: { ref: string; digest: string }; lastGood: { ref: string; digest: string }; signature: string; probes: Array<{ run: string; ref: string; verdict: string; outcome: string }>; report: string };
    runIds.push(...out.probes.map((p) => p.run));
    expect(out).toMatchObject({ candidates: 4, bound: 3, runs: 2, signature: 'ptx-toolchain-attention' });
    expect(out.firstBad).toEqual({ ref: `${REPO}:nightly-04`, digest: ids['nightly-04'] });
    expect(out.lastGood).toEqual({ ref: `${REPO}:nightly-03`, digest: ids['nightly-03'] });
    expect(out.probes.map((p) => [p.ref.split(':')[1], p.verdict, p.outcome])).toEqual([['nightly-03', 'pass', 'good'], ['nightly-04', 'fail', 'bad']]);
    // progress on stderr under --json: the plan, one line per run
    expect(r.stderr).toContain(`bisect ${CELL}: 4 candidates between nightly-01 (good) and nightly-06 (bad), ≤ 3 runs`);
    expect(r.stderr).toMatch(/run 2\/3: nightly-04 → fail \(ptx-toolchain-attention\): bad/);
    expect(r.stderr).toMatch(/first bad: nightly-04 \(sha256:[0-9a-f]{12}…\) · last good: nightly-03 .* · 2 runs · appears: ptx-toolchain-attention/);

    // Each probe is a normal run: its cell on the ref, verdict, diagnosis, full log.
    const cells = query<{ run_id: string; image_ref: string; verdict: string; signature: string | null }>(db, 'SELECT c.run_id, c.image_ref, c.verdict, c.signature FROM cells c JOIN runs r ON r.id = c.run_id ORDER BY r.started_at');
    expect(cells.map((c) => [c.run_id, c.image_ref, c.verdict])).toEqual([[out.probes[0]!.run, `${REPO}:nightly-03`, 'pass'], [out.probes[1]!.run, `${REPO}:nightly-04`, 'fail']]);
    const [failed] = query<{ diagnosis: string; log_path: string }>(db, 'SELECT diagnosis, log_path FROM attempts WHERE run_id = ?', out.probes[1]!.run);
    expect(JSON.parse(failed!.diagnosis)).toMatchObject({ signature: 'ptx-toolchain-attention' });
    expect(existsSync(failed!.log_path)).toBe(true);
    // The bisect links them to their refs, verdicts and the answer.
    const [b] = query<Record<string, unknown>>(db, 'SELECT * FROM bisects');
    expect(b).toMatchObject({ id: out.bisect, cell_id: CELL, status: 'found', bound: 3, first_bad_ref: `${REPO}:nightly-04`, first_bad_digest: ids['nightly-04'], last_good_ref: `${REPO}:nightly-03`, last_good_digest: ids['nightly-03'], signature: 'ptx-toolchain-attention' });
    const links = query<{ run_id: string; ref_index: number; verdict: string; outcome: string }>(db, 'SELECT run_id, ref_index, verdict, outcome FROM bisect_runs ORDER BY seq');
    expect(links).toEqual([{ run_id: out.probes[0]!.run, ref_index: 2, verdict: 'pass', outcome: 'good' }, { run_id: out.probes[1]!.run, ref_index: 3, verdict: 'fail', outcome: 'bad' }]);
    // The report (of the last probe run) carries the bisect on the cell.
    const html = readFileSync(out.report, 'utf8');
    expect(html).toContain(`"firstBad":{"ref":"${REPO}:nightly-04","digest":"${ids['nightly-04']}"}`);
    expect(html).toContain(`"lastGood":{"ref":"${REPO}:nightly-03"`);
  });

  it('--verify runs good and bad first; a good ref that fails stops with a typed error and the bisect is recorded as failed', async () => {
    const { db, bisect } = setup();
    const r = await bisect([CELL, '--good', 'nightly-04', '--between', 'nightly-05', '--bad', 'nightly-06', '--verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/run 1\/3: nightly-04 → fail \(ptx-toolchain-attention\): bad \[verify\]/);
    expect(r.stderr).toContain(`matrix bisect: --verify: the good ref ${REPO}:nightly-04 gave fail (ptx-toolchain-attention)`);
    expect(r.stderr).toContain('hint: give an older --good');
    const runs = query<{ run_id: string }>(db, 'SELECT run_id FROM bisect_runs');
    runIds.push(...runs.map((x) => x.run_id));
    expect(runs).toHaveLength(1);
    expect(query<{ status: string; error: string }>(db, 'SELECT status, error FROM bisects')[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('the good ref') });
  });

  it('says what to do about an unknown cell, a ref the engine does not have, and good = bad (exit 2, nothing run)', async () => {
    const { db, bisect } = setup();
    const unknown = await bisect(['img/h100/small/defualt', '--good', 'nightly-01', '--bad', 'nightly-06']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('matrix bisect: unknown cell img/h100/small/defualt');
    expect(unknown.stderr).toContain(`did you mean "${CELL}"?`);
    const same = await bisect([CELL, '--good', 'nightly-01', '--bad', `${REPO}:nightly-01`]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--good and --bad are the same image');
    const missing = await bisect([CELL, '--good', 'nightly-01', '--between', 'nightly-99', '--bad', 'nightly-06', '--pull', 'never']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`matrix bisect: ref ${REPO}:nightly-99 does not exist on this Docker engine`);
    expect(missing.stderr).toContain('hint: pull it first');
    expect(query(db, 'SELECT * FROM runs')).toEqual([]);
  });
});
