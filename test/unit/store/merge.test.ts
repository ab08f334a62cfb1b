import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as mergeCommand } from '../../../harness/cli/merge.ts';
import { UsageError } from '../../../harness/errors.ts';
import type { Cell, Verdict } from '../../../harness/core/cell.ts';
import type { CellResult, RunInfo } from '../../../harness/core/events.ts';
import { openDb, type Db } from '../../../harness/store/db.ts';
import { combineRuns, mergeDatabases } from '../../../harness/store/merge.ts';
import { regressions } from '../../../harness/store/queries.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { contentHash, TABLES } from './content-hash.ts';
import { makeCell } from '../../support/cell.ts';


const cell = (id: string): Cell => makeCell(id, { matrix: 'seeds', image: { ref: `repo/${id.split('/')[0]}:1` }, gpu: { arch: 'sm_90', computeCapability: '9.0', memoryGiB: 80 }, model: { id: 'm' }, flags: { id: 'default' } });

function result(c: Cell, verdict: Verdict, logPath: string | null = null): CellResult {
  const failed = verdict === 'fail';
  return {
    cell: c,
    verdict,
    category: failed ? 'ptx-toolchain' : null,
    signature: failed ? 'ptx-toolchain-attention' : null,
    triage: null,
    reason: null,
    durationMs: 1000,
    attempts: [
      {
        attempt: 1,
        kind: 'first',
        options: {},
        command: c.command,
        outcome: failed ? 'fail' : 'pass',
        exitCode: failed ? 1 : null,
        diagnosis: null,
        steps: { create: 0.1, ready: 2.5 },
        probes: [
          {
            name: 'stream',
            verdict: 'pass',
            assertions: [],
            metrics: { seq_ttft_p50_ms: 30 },
            requests: [{ label: 'seq-0', startMs: 1, chunks: [{ atMs: 2, kind: 'content', text: 'hi' }], endMs: 4, promptTokens: 3, completionTokens: 1, status: 200, error: null }],
            evidence: [],
            error: null,
          },
        ],
        timeline: [{ name: 'model-load', startS: 0, durationS: 1.5, detail: {} }],
        logPath,
        logTail: [{ line: 1, text: 'ready' }],
        fingerprint: { imageRef: c.image.ref, imageDigest: 'sha256:1', engineVersion: '0.19.0', gpuName: c.gpu.name, computeCapability: '9.0', driverVersion: '580', cudaVersion: '13.0', driverCuda: '13.0', torchVersion: null, imageLabels: {} },
        containerId: 'abc',
        dockerRun: 'docker run img',
        error: null,
      },
    ],
  } as CellResult;
}

interface ShardSpec {
  run: string;
  started: string;
  finished: string | null;
  status?: 'finished' | 'interrupted' | 'failed';
  exit?: number;
  file?: string;
  cells: Array<[string, Verdict | null]>;
  /** Where the run wrote its logs (one file per cell, named after the cell). */
  logDir?: string;
}

/** A shard database written by the real writer; `keepOpen` leaves rows in the WAL, as a live run does. */
function shard(dir: string, name: string, s: ShardSpec, keepOpen = false): { path: string; db: Db } {
  const path = join(dir, name);
  const db = openDb(path);
  const w = new SqliteWriter(db);
  const cells = s.cells.map(([id]) => cell(id));
  const info: RunInfo = { id: s.run, startedAt: s.started, host: 'h', runnerLabels: [`gpu-${cells[0]!.gpu.name}`], gitCommit: 'abc', matrixFiles: [{ path: s.file ?? 'matrix/seeds.yaml', sha256: 'f1' }], emulate: true, argv: ['run'], dbPath: path, outDir: dir, resumedFrom: null };
  w.onRunBegin(info, cells);
  s.cells.forEach(([, v], i) => {
    if (v) w.onCellEnd(result(cells[i]!, v, s.logDir ? join(s.logDir, `${cells[i]!.id.replaceAll('/', '_')}.attempt-1.log`) : null));
    w.onPrediction(cells[i]!, { verdict: 'native', detail: 'sm_90 SASS' });
    w.onModelPrediction(cells[i]!, { verdict: 'loads', certain: false, detail: 'Qwen3ForCausalLM is registered at registry.py:134' });
  });
  w.flush(); // what the next turn of a live run's event loop does
  if (s.finished) w.onRunEnd(info, { status: s.status ?? 'finished', finishedAt: s.finished, counts: {} as Record<Verdict, number>, exitCode: s.exit ?? 0 });
  if (!keepOpen) db.close();
  return { path, db };
}

function counts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  const out = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  db.close();
  return out;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'merge-'));

const night1 = (dir: string) => [
  shard(dir, 's1.sqlite', { run: 'n1', started: '2026-11-20T02:00:05Z', finished: '2026-11-20T03:00:00Z', cells: [['a/h100/m/default', 'pass'], ['b/h100/m/default', 'pass']] }).path,
  shard(dir, 's2.sqlite', { run: 'n1', started: '2026-11-20T02:00:00Z', finished: '2026-11-20T02:40:00Z', status: 'interrupted', exit: 3, file: 'matrix/extra.yaml', cells: [['c/thor/m/default', 'fail']] }).path,
];

describe('mergeDatabases', () => {
  it('makes two shards of one run one run', () => {
    const dir = tmp();
    const into = join(dir, 'run.sqlite');
    const r = mergeDatabases(night1(dir), into);
    expect(r.runs).toEqual(['n1']);
    expect(counts(into)).toMatchObject({ runs: 1, cells: 3, attempts: 3, phases: 6, probes: 3, requests: 3, timeline: 3, fingerprints: 3, predictions: 3, model_predictions: 3 });
    const db = new Database(into, { readonly: true });
    const run = db.prepare('SELECT * FROM runs').get() as Record<string, unknown>;
    expect(run).toMatchObject({ id: 'n1', started_at: '2026-11-20T02:00:00Z', finished_at: '2026-11-20T03:00:00Z', status: 'interrupted', exit_code: 3 });
    expect(JSON.parse(run.matrix_files as string)).toEqual([{ path: 'matrix/extra.yaml', sha256: 'f1' }, { path: 'matrix/seeds.yaml', sha256: 'f1' }]);
    expect(JSON.parse(run.runner_labels as string)).toEqual(['gpu-h100', 'gpu-thor']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(readdirSync(dir).filter((f) => !/^s\d\.sqlite/.test(f))).toEqual(['run.sqlite']);
  });

  it('is idempotent: merging the same inputs again, or one input twice, changes nothing', () => {
    const dir = tmp();
    const into = join(dir, 'history.sqlite');
    const inputs = night1(dir);
    mergeDatabases(inputs, into);
    const before = { counts: counts(into), hash: contentHash(into) };
    const again = mergeDatabases([...inputs, inputs[0]!], into);
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect({ counts: counts(into), hash: contentHash(into) }).toEqual(before);
    const other = join(dir, 'other.sqlite');
    mergeDatabases([inputs[1]!, inputs[0]!, inputs[1]!], other);
    expect(contentHash(other)).toBe(before.hash);
  });

  it('keeps the older history of the target and finds the regression of the new night', () => {
    const dir = tmp();
    const into = join(dir, 'history.sqlite');
    mergeDatabases(night1(dir), into);
    const n2 = shard(dir, 'n2.sqlite', { run: 'n2', started: '2026-11-21T02:00:00Z', finished: '2026-11-21T03:00:00Z', exit: 1, cells: [['a/h100/m/default', 'fail'], ['b/h100/m/default', 'pass']] });
    const r = mergeDatabases([n2.path], into);
    expect(r.runs).toEqual(['n1', 'n2']);
    expect(counts(into)).toMatchObject({ runs: 2, cells: 5 });
    const db = openDb(into, { readonly: true });
    expect(regressions(db, 'n2').regressed).toEqual(['a/h100/m/default']);
    db.close();
  });

  it('reads rows still in the write-ahead log of a shard that is open', () => {
    const dir = tmp();
    const live = shard(dir, 'live.sqlite', { run: 'n3', started: '2026-11-22T02:00:00Z', finished: null, cells: [['a/h100/m/default', 'pass'], ['b/h100/m/default', null]] }, true);
    try {
      expect(existsSync(`${live.path}-wal`)).toBe(true);
      const into = join(dir, 'out.sqlite');
      mergeDatabases([live.path], into);
      expect(counts(into)).toMatchObject({ runs: 1, cells: 2, attempts: 1 });
    } finally {
      live.db.close();
    }
  });

  it('replaces a cell left unfinished in the target by the same cell finished in an input', () => {
    const dir = tmp();
    const into = join(dir, 'out.sqlite');
    const partial = shard(dir, 'p.sqlite', { run: 'n1', started: '2026-11-20T02:00:00Z', finished: null, cells: [['a/h100/m/default', null]] });
    const done = shard(dir, 'd.sqlite', { run: 'n1', started: '2026-11-20T02:00:00Z', finished: '2026-11-20T03:00:00Z', cells: [['a/h100/m/default', 'pass']] });
    mergeDatabases([partial.path, done.path], into);
    const db = new Database(into, { readonly: true });
    expect(db.prepare('SELECT verdict, attempts FROM cells').all()).toEqual([{ verdict: 'pass', attempts: 1 }]);
    expect(db.prepare('SELECT status, finished_at FROM runs').get()).toEqual({ status: 'finished', finished_at: '2026-11-20T03:00:00Z' });
    db.close();
  });

  it('points log paths at the directory the logs were downloaded to, where the files exist', () => {
    const dir = tmp();
    const a = shard(dir, 'a.sqlite', { run: 'n1', started: '1', finished: '2', logDir: '/runner/_work/out/logs', cells: [['a/h100/m/default', 'pass'], ['b/h100/m/default', 'fail']] });
    mkdirSync(join(dir, 'downloaded'));
    writeFileSync(join(dir, 'downloaded', 'a_h100_m_default.attempt-1.log'), 'log');
    const into = join(dir, 'out.sqlite');
    for (let i = 0; i < 2; i++) mergeDatabases([a.path], into, { logDir: join(dir, 'downloaded') });
    const db = new Database(into, { readonly: true });
    expect(db.prepare('SELECT cell_id, log_path FROM attempts ORDER BY cell_id').all()).toEqual([
      { cell_id: 'a/h100/m/default', log_path: join(dir, 'downloaded', 'a_h100_m_default.attempt-1.log') },
      { cell_id: 'b/h100/m/default', log_path: '/runner/_work/out/logs/b_h100_m_default.attempt-1.log' },
    ]);
    db.close();
  });

  it('finds logs in the run folder of the downloaded logs (`out/logs/RUN_ID/`, where matrix run writes them)', () => {
    const dir = tmp();
    const a = shard(dir, 'a.sqlite', { run: 'n1', started: '1', finished: '2', logDir: '/runner/_work/out/logs/n1', cells: [['a/h100/m/default', 'pass']] });
    mkdirSync(join(dir, 'downloaded', 'n1'), { recursive: true });
    writeFileSync(join(dir, 'downloaded', 'n1', 'a_h100_m_default.attempt-1.log'), 'log');
    const into = join(dir, 'out.sqlite');
    mergeDatabases([a.path], into, { logDir: join(dir, 'downloaded') });
    const db = new Database(into, { readonly: true });
    expect(db.prepare('SELECT log_path FROM attempts').all()).toEqual([{ log_path: join(dir, 'downloaded', 'n1', 'a_h100_m_default.attempt-1.log') }]);
    db.close();
  });

  it('takes a cell whole from the first database that has it, never mixing attempts of two executions', () => {
    const dir = tmp();
    const first = shard(dir, 'first.sqlite', { run: 'n1', started: '1', finished: '2', cells: [['a/h100/m/default', 'pass']] });
    const rerun = shard(dir, 'rerun.sqlite', { run: 'n1', started: '1', finished: '3', cells: [['a/h100/m/default', 'fail']] });
    const raw = new Database(rerun.path);
    raw.prepare("INSERT INTO attempts SELECT run_id, cell_id, 2, 'retry', options, command, outcome, exit_code, category, signature, diagnosis, log_path, log_tail, docker_run, container_id, error, phases, timeline FROM attempts").run();
    raw.close();
    const into = join(dir, 'nested', 'dir', 'out.sqlite');
    mergeDatabases([first.path, rerun.path], into);
    const db = new Database(into, { readonly: true });
    expect(db.prepare('SELECT verdict FROM cells').all()).toEqual([{ verdict: 'pass' }]);
    expect(db.prepare('SELECT attempt, outcome FROM attempts').all()).toEqual([{ attempt: 1, outcome: 'pass' }]);
    db.close();
  });

  it('refuses a corrupt input with a clear error and leaves the target untouched', () => {
    const dir = tmp();
    const into = join(dir, 'history.sqlite');
    const inputs = night1(dir);
    mergeDatabases(inputs, into);
    const bytes = readFileSync(into);
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, Buffer.alloc(8192, 0x5a));
    const n2 = shard(dir, 'n2.sqlite', { run: 'n2', started: '2026-11-21T02:00:00Z', finished: '2026-11-21T03:00:00Z', cells: [['a/h100/m/default', 'pass']] });
    let err: unknown;
    try {
      mergeDatabases([n2.path, bad], into);
    } catch (e) {
      err = e;
    }
    // The user named a file that is not a results database: a user error (exit 2), not infrastructure.
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe(`matrix merge: ${bad}: cannot read it as a results database (file is not a database)`);
    expect((err as UsageError).hint).toMatch(/damaged or not an SQLite database/);
    expect((err as UsageError).exitCode).toBe(2);
    expect(readFileSync(into).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a database of a newer schema, one that is not a results database, and a missing file', () => {
    const dir = tmp();
    const newer = shard(dir, 'newer.sqlite', { run: 'n1', started: '2026-11-20T02:00:00Z', finished: null, cells: [['a/h100/m/default', 'pass']] }).path;
    const raw = new Database(newer);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    raw.close();
    expect(() => mergeDatabases([newer], join(dir, 'o.sqlite'))).toThrow(/written by a newer harness \(schema version 999; this one knows up to \d+\)/);
    expect(() => mergeDatabases([newer], join(dir, 'o.sqlite'))).toThrow(UsageError);
    const other = join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(() => mergeDatabases([other], join(dir, 'o.sqlite'))).toThrow(/not a results database/);
    expect(() => mergeDatabases([join(dir, 'nope.sqlite')], join(dir, 'o.sqlite'))).toThrow(UsageError);
    expect(() => mergeDatabases([join(dir, 'nope.sqlite')], join(dir, 'o.sqlite'))).toThrow(/nope\.sqlite: no such file/);
    expect(existsSync(join(dir, 'o.sqlite'))).toBe(false);
  });

  it('skips an input that is the target itself', () => {
    const dir = tmp();
    const into = join(dir, 'h.sqlite');
    mergeDatabases(night1(dir), into);
    const hash = contentHash(into);
    expect(mergeDatabases([into], into).inputs).toEqual([]);
    expect(contentHash(into)).toBe(hash);
  });
});

describe('combineRuns', () => {
  const row = (o: Partial<Parameters<typeof combineRuns>[0]>) => ({ id: 'r', started_at: '2', finished_at: '5', status: 'finished', runner_labels: '[]', matrix_files: '[]', emulate: 0, exit_code: 0, ...o });
  it('takes the earliest start, the latest finish, the worst status and exit code', () => {
    expect(combineRuns(row({ status: 'failed', exit_code: 1 }), row({ started_at: '1', finished_at: null, status: 'interrupted', exit_code: 3 }))).toMatchObject({
      started_at: '1',
      finished_at: '5',
      status: 'failed',
      exit_code: 3,
    });
    expect(combineRuns(row({ status: 'finished' }), row({ status: 'running', exit_code: null }))).toMatchObject({ status: 'finished', exit_code: 0 });
  });

  it('marks a run interrupted when every shard said finished but a cell has no verdict', () => {
    const dir = tmp();
    const into = join(dir, 'out.sqlite');
    const a = shard(dir, 'a.sqlite', { run: 'n1', started: '1', finished: '2', cells: [['a/h100/m/default', 'pass']] });
    const b = shard(dir, 'b.sqlite', { run: 'n1', started: '1', finished: '3', cells: [['b/h100/m/default', null]] });
    mergeDatabases([a.path, b.path], into);
    const db = new Database(into, { readonly: true });
    expect(db.prepare('SELECT status, finished_at FROM runs').get()).toEqual({ status: 'interrupted', finished_at: '3' });
    db.close();
  });
});

describe('matrix merge', () => {
  afterEach(() => vi.restoreAllMocks());
  it('prints what it merged', async () => {
    const dir = tmp();
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const code = await mergeCommand.run({ positionals: night1(dir), values: { into: join(dir, 'h.sqlite') } as never });
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(out).toMatch(/^merged 2 databases into .*h\.sqlite: runs \+1, cells \+3, attempts \+3, .*\n {2}1 runs, newest n1\n$/);
  });
});
