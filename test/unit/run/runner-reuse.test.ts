// `--reuse` in the dispatcher, over the in-memory runtime and a real SQLite store: a cell whose
// inputs did not change keeps its verdict and never gets a container (nor a GPU lease); a cell
// whose image digest changed runs, and its result says what changed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { refPath } from '../../../harness/models/cache-layout.ts';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../harness/core/cell.ts';
import type { CellResult, Reporter } from '../../../harness/core/events.ts';
import { DEFAULT_MAX_AGE_MS } from '../../../harness/run/reuse.ts';
import { executeRun, type RunRequest } from '../../../harness/run/runner.ts';
import { openDb, type Db } from '../../../harness/store/db.ts';
import { reuseCandidates } from '../../../harness/store/reuse-candidates.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import type { ContainerSpec, ImageInfo } from '../../../harness/runtime/runtime.ts';
import { EarlyStop } from '../../../harness/run/early-stop.ts';
import { makeCell } from '../../support/cell.ts';
import { MemoryRuntime, type ContainerScript } from '../../support/memory-runtime.ts';
import { scriptedProbe } from '../../support/probes.ts';
import { info } from '../store/fixtures.ts';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const SERVES: ContainerScript = { log: ['INFO Application startup complete.'], readyAfterMs: 0 };

/** A runtime whose images have the digests given (others: the memory runtime's). */
class DigestRuntime extends MemoryRuntime {
  constructor(
    private readonly digests: Record<string, string>,
    script: (spec: ContainerSpec) => ContainerScript = () => SERVES,
  ) {
    super({ script });
  }
  override async inspectImage(ref: string): Promise<ImageInfo | null> {
    const i = await super.inspectImage(ref);
    return i && this.digests[ref] ? { ...i, digest: this.digests[ref]! } : i;
  }
}

const cellOn = (image: string, ref: string, over: Parameters<typeof makeCell>[1] = {}, flags = 'default'): Cell =>
  makeCell(`${image}/h100/m/${flags}`, { image: { ref }, probes: ['text'], timeouts: { startupMs: 5000, probeMs: 5000 }, ...over });

async function night(db: Db, n: number, cells: Cell[], runtime: MemoryRuntime, over: Partial<RunRequest> = {}): Promise<{ results: CellResult[]; runId: string; exitCode: number }> {
  const run = { ...info(`night-${n}`), startedAt: `2026-12-0${n}T00:00:00Z`, outDir: tmp('out-') };
  const ended: CellResult[] = [];
  const recorder: Reporter = { onCellEnd: (r) => void ended.push(r) };
  const req: RunRequest = {
    run,
    cells,
    runtime,
    reporters: [new SqliteWriter(db), recorder],
    pools: [{ gpus: null, slots: { ids: ['0', '1'], namespace: 'mem', facts: { driverVersion: '570.1', cudaVersion: '12.8', torchVersion: null } } }],
    emulate: null,
    pull: 'never',
    retries: 0,
    triage: false,
    signal: new AbortController().signal,
    secrets: [],
    probesFor: async () => [scriptedProbe('text', () => 'pass')],
    leaseDir: tmp('leases-'),
    cacheDir: tmp('cache-'),
    reuse: { maxAgeOf: () => DEFAULT_MAX_AGE_MS, earlier: (ids) => reuseCandidates(db, run.id, ids) },
    harnessVersion: '0.1.0+test',
    ...over,
  };
  const out = await executeRun(req);
  expect(out.results.map((r) => r.cell.id).sort()).toEqual(ended.map((r) => r.cell.id).sort());
  return { results: out.results, runId: run.id, exitCode: out.summary.exitCode };
}

describe('executeRun --reuse', () => {
  it('the second night reuses the unchanged cell without a container, and runs the one whose image digest changed', async () => {
    const db = openDb(join(tmp('db-'), 'r.sqlite'));
    const cells = [cellOn('a', 'img-a:1'), cellOn('b', 'img-b:1')];
    const first = await night(db, 1, cells, new DigestRuntime({}));
    expect(first.results.map((r) => [r.cell.id, r.verdict, r.reusedFrom ?? null])).toEqual(expect.arrayContaining([['a/h100/m/default', 'pass', null], ['b/h100/m/default', 'pass', null]]));
    for (const r of first.results) expect(r.reuse?.key).toMatch(/^sha256:/);

    const runtime = new DigestRuntime({ 'img-b:1': 'sha256:rebuilt' });
    const second = await night(db, 2, cells, runtime);
    const byId = Object.fromEntries(second.results.map((r) => [r.cell.id, r]));
    expect(byId['a/h100/m/default']).toMatchObject({ verdict: 'pass', attempts: [], reusedFrom: { runId: first.runId } });
    expect(byId['b/h100/m/default']).toMatchObject({ verdict: 'pass', notReused: 'image digest changed sha256:img-b:1 → sha256:rebuilt' });
    // Only b got a container: the reused cell never reached create (nor a GPU lease).
    expect(runtime.created.map((s) => s.image)).toEqual(['img-b:1']);
    expect(runtime.journal.filter((j) => j.startsWith('create'))).toHaveLength(1);
    // The store names the run the verdict came from; the reused row keeps the key, the earlier run its figures.
    const rows = db.prepare('SELECT cell_id, verdict, reused_from, reuse_key, attempts FROM cells WHERE run_id = ? ORDER BY cell_id').all(second.runId);
    expect(rows).toEqual([
      { cell_id: 'a/h100/m/default', verdict: 'pass', reused_from: first.runId, reuse_key: first.results.find((r) => r.cell.id.startsWith('a/'))!.reuse!.key, attempts: 0 },
      { cell_id: 'b/h100/m/default', verdict: 'pass', reused_from: null, reuse_key: expect.stringMatching(/^sha256:/), attempts: 1 },
    ]);

    // A third night reuses a again, still from the run that ran it (the age counts from there).
    const third = await night(db, 3, cells, new DigestRuntime({ 'img-b:1': 'sha256:rebuilt' }));
    expect(third.results.map((r) => [r.cell.id, r.reusedFrom?.runId ?? null]).sort()).toEqual([['a/h100/m/default', first.runId], ['b/h100/m/default', second.runId]]);
    db.close();
  });

  it('a cell whose baseline runs runs too, and says why', async () => {
    const db = openDb(join(tmp('db-'), 'r.sqlite'));
    const base = cellOn('a', 'img-a:1');
    const spec = cellOn('a', 'img-a:1', { options: { speculative: { method: 'ngram', tokens: 2 } }, probes: ['text', 'mtp'] }, 'spec');
    await night(db, 1, [base, spec], new DigestRuntime({}));
    // The baseline's probe set changes: it runs; the speculative cell compares with it, so it runs too.
    const second = await night(db, 2, [{ ...base, probes: ['text', 'stream'] }, spec], new DigestRuntime({}));
    const why = Object.fromEntries(second.results.map((r) => [r.cell.id, r.notReused ?? r.reusedFrom?.runId]));
    expect(why['a/h100/m/default']).toBe('probe set changed');
    expect(why['a/h100/m/spec']).toBe('its baseline cell a/h100/m/default runs');
    db.close();
  });

  it('a reused failure fails the run but counts toward no early stop (--max-failures is about tonight)', async () => {
    const db = openDb(join(tmp('db-'), 'r.sqlite'));
    const crashes = (spec: ContainerSpec): ContainerScript => (spec.image === 'img-f:1' ? { log: ['RuntimeError: boom'], exit: { code: 1, afterMs: 5 } } : SERVES);
    const cells = [cellOn('f', 'img-f:1'), cellOn('a', 'img-a:1')];
    const first = await night(db, 1, cells, new DigestRuntime({}, crashes));
    expect(first.results.find((r) => r.cell.id.startsWith('f/'))!.verdict).toBe('fail');
    // a's image changed: it runs, although the reused failure came first and --max-failures is 1.
    const second = await night(db, 2, cells, new DigestRuntime({ 'img-a:1': 'sha256:new' }, crashes), { earlyStop: new EarlyStop({ maxFailures: 1, infraStreak: 0 }) });
    expect(second.results.map((r) => [r.cell.id, r.verdict, r.reusedFrom?.runId ?? null, r.attempts.length]).sort()).toEqual([
      ['a/h100/m/default', 'pass', null, 1],
      ['f/h100/m/default', 'fail', first.runId, 0],
    ]);
    expect(second.exitCode).toBe(1);
    db.close();
  });

  it('with downloads on, the model is brought up to date first: a moved branch is a changed revision', async () => {
    const db = openDb(join(tmp('db-'), 'r.sqlite'));
    const cacheDir = tmp('cache-');
    const cells = [cellOn('a', 'img-a:1', { model: { name: 'Qwen/x', revision: 'main' } })];
    // The "hub": each night's warm resolves main to that night's commit, as a download writes refs/main.
    const hub = (commit: string) => ({
      warm: async (name: string, revision: string) => {
        mkdirSync(dirname(refPath(cacheDir, name, revision)), { recursive: true });
        writeFileSync(refPath(cacheDir, name, revision), commit);
      },
    });
    const c1 = '1'.repeat(40);
    const c2 = '2'.repeat(40);
    await night(db, 1, cells, new DigestRuntime({}), { cacheDir, models: hub(c1) });
    const same = await night(db, 2, cells, new DigestRuntime({}), { cacheDir, models: hub(c1) });
    expect(same.results[0]!.reusedFrom?.runId).toBe('night-1');
    const moved = await night(db, 3, cells, new DigestRuntime({}), { cacheDir, models: hub(c2) });
    expect(moved.results[0]!.reusedFrom).toBeUndefined();
    expect(moved.results[0]!.notReused).toBe(`model revision changed ${c1.slice(0, 23)}… → ${c2.slice(0, 23)}…`);
    db.close();
  });
});
