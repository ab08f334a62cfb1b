// `--reuse` end to end (issue #26): the real CLI, a real Docker engine and emulator images. A
// second night whose cells changed nothing reuses their verdicts without creating one container
// (Docker's own events say so); a rebuilt image (another `image_labels` trait: another digest)
// runs again and says what changed; a flaky verdict is never reused; nor one older than max_age.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedImagesMatrix, parseRun, PTX_TOO_NEW, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});


/** The images' matrix without a flags section; expectPtx: the ptx image is expected to fail. */
function matrix(images: Record<string, string>, o: { retries?: number; extra?: string; expectPtx?: boolean } = {}): string {
  const expectPtx = o.expectPtx ? 'expect:\n  - { where: { image: ptx }, fail: ptx-toolchain }\n' : '';
  return emulatedImagesMatrix(images, { retries: o.retries, flags: null, extra: `${expectPtx}${o.extra ?? ''}` });
}

type Cells = Array<{ id: string; verdict: string; attempts: number; reusedFrom?: string | null; notReused?: string | null }>;

async function run(dir: string, m: string, runId: string, extra: string[] = []) {
  const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, runId), '--run-id', runId, '--json', ...extra], { env });
  const out = parseRun(r);
  runIds.push(out.run);
  const cells = out.cells as unknown as Cells;
  return { r, out, cells, cell: (image: string) => cells.find((c) => c.id.startsWith(`${image}/`))! };
}

/** The containers Docker created for a run while `fn` ran, from Docker's event stream. */
async function containersCreated(runId: string, fn: () => Promise<unknown>): Promise<number> {
  const since = Math.floor(Date.now() / 1000) - 1;
  await fn();
  const until = Math.floor(Date.now() / 1000) + 1;
  const stream = await new Docker().getEvents({ since, until, filters: { type: ['container'], event: ['create'], label: [`matrix.run=${runId}`] } });
  let text = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString();
  return text.split('\n').filter((l) => l.trim()).length;
}

const id = (name: string) => `${name}-${Math.random().toString(16).slice(2, 8)}`;

describe('matrix run --reuse', () => {
  it('a second night with nothing changed reuses every verdict and creates no container; --no-reuse runs them all', async () => {
    const dir = workdir();
    // `reuse:` in the matrix turns reuse on without --reuse.
    const m = writeMatrix(dir, matrix({ ok: '', ptx: PTX_TOO_NEW }, { expectPtx: true, extra: 'reuse: { max_age: 1h }\n' }));
    const first = await run(dir, m, id('first'));
    expect(first.r.code).toBe(0);
    expect(first.cells.map((c) => [c.id, c.verdict, c.reusedFrom])).toEqual([['ok/h100/small/default', 'pass', null], ['ptx/h100/small/default', 'xfail', null]]);

    const secondId = id('second');
    let second!: Awaited<ReturnType<typeof run>>;
    expect(await containersCreated(secondId, async () => (second = await run(dir, m, secondId)))).toBe(0);
    expect(second.r.code).toBe(0);
    expect(second.cells.map((c) => [c.id, c.verdict, c.attempts, c.reusedFrom])).toEqual([['ok/h100/small/default', 'pass', 0, first.out.run], ['ptx/h100/small/default', 'xfail', 0, first.out.run]]);
    expect(second.r.stderr).toMatch(new RegExp(`ok/h100/small/default .*reused from run ${first.out.run}`));
    expect(second.r.stderr).toMatch(/1 pass, 1 xfail, 2 reused \(no container\)/);
    // Stored as reused, named in JUnit and in the report's cell detail.
    expect(query<{ reused_from: string; attempts: number }>(join(dir, 'r.sqlite'), 'SELECT reused_from, attempts FROM cells WHERE run_id = ?', second.out.run)).toEqual([
      { reused_from: first.out.run, attempts: 0 },
      { reused_from: first.out.run, attempts: 0 },
    ]);
    expect(readFileSync(join(dir, secondId, 'junit.xml'), 'utf8')).toContain(`<property name="reused_from" value="${first.out.run}"/>`);
    expect(readFileSync(second.out.report!, 'utf8')).toContain(`"reusedFrom":"${first.out.run}"`);
    const runs = await cli(['runs', '--db', join(dir, 'r.sqlite')]);
    expect(runs.stdout).toMatch(new RegExp(`${second.out.run} .*1 pass, 1 xfail \\(2 reused\\)`));

    const thirdId = id('third');
    expect(await containersCreated(thirdId, () => run(dir, m, thirdId, ['--no-reuse']))).toBe(2);
  });

  it('a rebuilt image (another image_labels trait, another digest) runs again and says what changed', async () => {
    const dir = workdir();
    const first = await run(dir, writeMatrix(dir, matrix({ built: 'image_labels: { org.example.build: "1" }' })), id('first'), ['--reuse']);
    expect(first.cell('built')).toMatchObject({ verdict: 'pass', reusedFrom: null });
    const m2 = writeMatrix(dir, matrix({ built: 'image_labels: { org.example.build: "2" }' }), 'm2.yaml');
    const second = await run(dir, m2, id('second'), ['--reuse']);
    expect(second.cell('built')).toMatchObject({ verdict: 'pass', attempts: 1, reusedFrom: null });
    expect(second.cell('built').notReused).toMatch(/^image digest changed sha256:[0-9a-f]+… → sha256:[0-9a-f]+…/);
    expect(second.r.stderr).toMatch(/built\/h100\/small\/default .*\(not reused: image digest changed sha256:/);
  });

  it('a flaky verdict (a transient fault that passed on retry) is never reused', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, matrix({ crashy: 'faults: { fail_first_starts: 1 }' }, { retries: 1 }));
    const first = await run(dir, m, id('first'), ['--reuse']);
    expect(first.cell('crashy')).toMatchObject({ verdict: 'flaky', attempts: 2 });
    const second = await run(dir, m, id('second'), ['--reuse']);
    expect(second.cell('crashy')).toMatchObject({ verdict: 'flaky', attempts: 2, reusedFrom: null, notReused: `run ${first.out.run}'s verdict is flaky: a flaky verdict is always run again` });
  });

  it('a verdict older than max_age is run again', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, matrix({ ok: '' }, { extra: 'reuse: { max_age: 1s }\n' }));
    const first = await run(dir, m, id('first'));
    await new Promise((r) => setTimeout(r, 1500));
    const second = await run(dir, m, id('second'));
    expect(second.cell('ok')).toMatchObject({ verdict: 'pass', attempts: 1, reusedFrom: null });
    expect(second.cell('ok').notReused).toMatch(new RegExp(`^the verdict of run ${first.out.run} is \\d+s old \\(max age 1s\\)$`));
  });
});
