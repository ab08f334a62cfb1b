// Schema 3's compact facts: the codec, the writer's group commit, and the migration of a schema-2
// database (rows per phase, timeline step and request) to it, on real SQLite files.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CodecError, decodeLogTail, decodeRequests, encodeLogTail, encodeRequests } from '../../../harness/store/codec.ts';
import { openDb, schemaVersion } from '../../../harness/store/db.ts';
import { MIGRATIONS } from '../../../harness/store/migrations.ts';
import { finishedCellIds } from '../../../harness/store/queries.ts';
import { loadReport } from '../../../harness/store/report-data.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { cell, info } from './fixtures.ts';
import type { RequestTiming } from '../../../harness/core/probe-result.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { CellResult } from '../../../harness/core/events.ts';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'compact-')), 'r.sqlite');

const requests: RequestTiming[] = [
  { label: 'warmup', startMs: 1000.125, chunks: [{ atMs: 1002.5, kind: 'role' }, { atMs: 1080.37, kind: 'content' }, { atMs: 1095.01, kind: 'content' }, { atMs: 1096, kind: 'other' }, { atMs: 1097.25, kind: 'usage' }], endMs: 1098, promptTokens: 24, completionTokens: 2, status: 200, error: null },
  { label: 'seq-0', startMs: 2000, chunks: [], endMs: 62000, promptTokens: null, completionTokens: null, status: null, error: 'stream stalled after 0 chunks; "quoted"\ttab' },
];

function result(c: Cell): CellResult {
  return {
    cell: c, verdict: 'pass', category: null, signature: null, triage: null, reason: null, durationMs: 900,
    attempts: [{
      attempt: 1, kind: 'first', options: {}, command: c.command, outcome: 'pass', exitCode: null, diagnosis: null,
      steps: { create: 0.05, ready: 2.5, probes: 1.25 },
      probes: [{ name: 'stream', verdict: 'pass', assertions: [], metrics: { seq_ttft_p50_ms: 80.4 }, requests, evidence: [], error: null }],
      timeline: [{ name: 'weights', startS: 0, durationS: 1.5, detail: { gib: 1.12 } }, { name: 'ready', startS: 1.5, durationS: null, detail: {} }],
      logPath: null, logTail: [{ line: 7, text: 'INFO\tstarting [x]' }, { line: 9, text: '' }, { line: 12, text: '[' }],
      fingerprint: null, containerId: null, dockerRun: null, error: null,
    }],
  };
}

/** A run of one cell that has just ended (its commit still pending). */
function oneCellEnded() {
  const db = openDb(tmp());
  const w = new SqliteWriter(db);
  const c = cell('a/h100/m/default');
  w.onRunBegin(info('r1'), [c]);
  w.onCellEnd(result(c));
  return { db, w, c };
}

const summary = { status: 'finished' as const, finishedAt: '2026-11-22T01:00:00Z', counts: { pass: 1, fail: 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: 0 };

describe('codec', () => {
  it('round-trips request timings exactly: every chunk time, kinds in order, nulls, errors', () => {
    const enc = encodeRequests(requests);
    expect(enc.timings.length).toBe(8 * (5 + 5 + 5 + 0) + 5);
    const back = decodeRequests(enc.requests, enc.timings);
    expect(back).toEqual(requests.map((q) => ({ ...q, chunks: q.chunks.map(({ atMs, kind }) => ({ atMs, kind })) })));
    expect(decodeRequests(encodeRequests([]).requests, null)).toEqual([]);
  });

  it('refuses timings that do not match the requests column', () => {
    const enc = encodeRequests(requests);
    expect(() => decodeRequests(enc.requests, enc.timings.subarray(0, enc.timings.length - 8))).toThrow(CodecError);
    expect(() => decodeRequests(enc.requests, Buffer.concat([enc.timings, Buffer.alloc(8)]))).toThrow(/are 133 bytes; the requests column describes 125/);
  });

  it('round-trips a log excerpt with tabs, empty lines and brackets, and still reads the JSON of schema 1–2', () => {
    const lines = result(cell('x')).attempts[0]!.logTail;
    expect(decodeLogTail(encodeLogTail(lines))).toEqual(lines);
    expect(decodeLogTail(encodeLogTail([]))).toEqual([]);
    expect(decodeLogTail(JSON.stringify(lines))).toEqual(lines);
  });
});

describe('writer group commit', () => {
  it('commits the cells that end in one turn of the event loop together, in the writer thread, without a call to wait', async () => {
    const path = tmp();
    const db = openDb(path);
    const other = new Database(path, { readonly: true });
    const cells = Array.from({ length: 300 }, (_, i) => cell(`c${i}/h100/m/default`));
    const w = new SqliteWriter(db);
    w.onRunBegin(info('r1'), cells);
    for (const c of cells) w.onCellEnd(result(c));
    expect(finishedCellIds(other, 'r1').size).toBe(0);
    // All at once: a reader sees none of them or all of them.
    const seen = new Set<number>();
    await vi.waitFor(() => {
      seen.add(finishedCellIds(other, 'r1').size);
      expect(seen.has(300)).toBe(true);
    }, { timeout: 10_000, interval: 1 });
    expect([...seen].filter((n) => n !== 0 && n !== 300)).toEqual([]);
    other.close();
    db.close();
  });

  it('writes what is pending at the end of the run', () => {
    const { db, w } = oneCellEnded();
    w.onRunEnd(info('r1'), summary);
    expect([...finishedCellIds(db, 'r1')]).toEqual(['a/h100/m/default']);
    db.close();
  });

  it('a commit that fails after the event is thrown from the next call, so the run hears of it; the cell stays unfinished', async () => {
    const db = openDb(tmp());
    const w = new SqliteWriter(db);
    const [a, b] = [cell('a/h100/m/default'), cell('b/h100/m/default')];
    w.onRunBegin(info('r1'), [a, b]);
    db.exec("CREATE TRIGGER full BEFORE INSERT ON probes BEGIN SELECT RAISE(ABORT, 'database or disk is full (test)'); END");
    w.onCellEnd(result(a));
    await new Promise((r) => setImmediate(r));
    expect(() => {
      w.onCellEnd(result(b));
      w.flush();
    }).toThrow(/disk is full \(test\)/);
    expect(finishedCellIds(db, 'r1').size).toBe(0);
    db.exec('DROP TRIGGER full');
    w.onRunEnd(info('r1'), summary);
    expect(db.prepare("SELECT status FROM runs WHERE id = 'r1'").get()).toEqual({ status: 'finished' });
    db.close();
  });

  it('stores a probe as one row that decodes to the raw timings; the old tables remain as views', () => {
    const { db, w, c } = oneCellEnded();
    w.flush();
    const p = db.prepare('SELECT requests, timings FROM probes').get() as { requests: string; timings: Buffer };
    expect(decodeRequests(p.requests, p.timings).map((q) => q.chunks.map((x) => x.atMs))).toEqual(requests.map((q) => q.chunks.map((x) => x.atMs)));
    expect(db.prepare('SELECT probe, seq, label, chunks, error FROM requests ORDER BY seq').all()).toEqual([
      { probe: 'stream', seq: 0, label: 'warmup', chunks: 5, error: null },
      { probe: 'stream', seq: 1, label: 'seq-0', chunks: 0, error: requests[1]!.error },
    ]);
    expect(db.prepare('SELECT phase, seconds FROM phases ORDER BY seconds').all()).toEqual([{ phase: 'create', seconds: 0.05 }, { phase: 'probes', seconds: 1.25 }, { phase: 'ready', seconds: 2.5 }]);
    expect(db.prepare('SELECT seq, name, start_s, duration_s, detail FROM timeline ORDER BY seq').all()).toEqual([
      { seq: 0, name: 'weights', start_s: 0, duration_s: 1.5, detail: '{"gib":1.12}' },
      { seq: 1, name: 'ready', start_s: 1.5, duration_s: null, detail: '{}' },
    ]);
    const shown = loadReport(db, { runs: 1 }).data.cells[0]!;
    expect(shown.steps).toEqual({ create: 0.05, ready: 2.5, probes: 1.25 });
    expect(shown.timeline).toEqual([{ name: 'weights', startS: 0, durationS: 1.5, detail: { gib: 1.12 } }, { name: 'ready', startS: 1.5, durationS: null, detail: {} }]);
    expect(shown.logExcerpt).toEqual(result(c).attempts[0]!.logTail);
    db.close();
  });
});

describe('migration 3', () => {
  it('moves a schema-2 database’s phases, timeline, requests and log excerpts into the compact columns', () => {
    const path = tmp();
    const raw = new Database(path);
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-11-01');
    }
    raw.exec(`INSERT INTO runs (id, started_at, status, host, runner_labels, matrix_files, emulate, argv) VALUES ('r1', '2026-11-01', 'finished', 'h', '[]', '[]', 1, '[]');
      INSERT INTO cells (run_id, cell_id, matrix, image_id, image_ref, engine, gpu, arch, model, flags, options, spec, verdict, attempts) VALUES ('r1', 'a', 'm', 'i', 'r', 'vllm', 'h100', 'sm_90', 'm', 'f', '{}', '{}', 'pass', 1);
      INSERT INTO attempts (run_id, cell_id, attempt, kind, options, command, outcome, log_tail) VALUES ('r1', 'a', 1, 'first', '{}', '[]', 'pass', '[{"line":3,"text":"hello\\tworld"},{"line":4,"text":"bye"}]');
      INSERT INTO phases VALUES ('r1', 'a', 1, 'ready', 2.5), ('r1', 'a', 1, 'create', 0.05);
      INSERT INTO timeline VALUES ('r1', 'a', 1, 1, 'ready', 1.5, NULL, '{}'), ('r1', 'a', 1, 0, 'weights', 0, 1.5, '{"gib":1.12}');
      INSERT INTO probes (run_id, cell_id, attempt, name, verdict, metrics, assertions, evidence) VALUES ('r1', 'a', 1, 'stream', 'pass', '{}', '[]', '[]'), ('r1', 'a', 1, 'text', 'pass', '{}', '[]', '[]');`);
    const ins = raw.prepare('INSERT INTO requests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    // Inserted out of order: the migration keeps each probe's requests in seq order.
    requests.map((q, seq) => ({ q, seq })).reverse().forEach(({ q, seq }) => ins.run('r1', 'a', 1, 'stream', seq, q.label, q.startMs, q.endMs, JSON.stringify(q.chunks), q.promptTokens, q.completionTokens, q.status, q.error));
    raw.close();

    // The report reads a schema-2 database as it is (read-only, unmigrated): rows of their own.
    const old = openDb(path, { readonly: true });
    const shown = loadReport(old, { runs: 1 }).data.cells[0]!;
    expect(shown.steps).toEqual({ ready: 2.5, create: 0.05 });
    expect(shown.timeline.map((t) => t.name)).toEqual(['weights', 'ready']);
    expect(shown.logExcerpt).toEqual([{ line: 3, text: 'hello\tworld' }, { line: 4, text: 'bye' }]);
    old.close();

    const db = openDb(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const a = db.prepare('SELECT phases, timeline, log_tail FROM attempts').get() as { phases: string; timeline: string; log_tail: string };
    expect(JSON.parse(a.phases)).toEqual({ ready: 2.5, create: 0.05 });
    expect(JSON.parse(a.timeline)).toEqual([{ name: 'weights', startS: 0, durationS: 1.5, detail: { gib: 1.12 } }, { name: 'ready', startS: 1.5, durationS: null, detail: {} }]);
    expect(a.log_tail).toBe('3\thello\tworld\n4\tbye');
    const probes = db.prepare('SELECT name, requests, timings FROM probes ORDER BY name').all() as Array<{ name: string; requests: string; timings: Buffer | null }>;
    expect(decodeRequests(probes[0]!.requests, probes[0]!.timings)).toEqual(requests.map((q) => ({ ...q, chunks: q.chunks.map(({ atMs, kind }) => ({ atMs, kind })) })));
    expect(probes[1]).toEqual({ name: 'text', requests: '[]', timings: null });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('phases', 'timeline', 'requests') ORDER BY name").all().length).toBe(3);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('phases', 'timeline', 'requests')").get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
