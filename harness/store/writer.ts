// The SQLite writer: one Reporter on the event stream. Finished cells are written whole, in
// group commits: every cell that ends in one turn of the event loop (a burst of skipped cells, the
// cells an engine outage fails at once, a resumed run's backlog) goes into one transaction, at the
// next turn or every GROUP cells, and onRunEnd writes what is left. A run killed halfway therefore
// leaves whole cells only (unfinished ones simply have no verdict, which is what --resume looks
// for); at most the cells of the last turn are lost with a SIGKILL, and --resume runs them again.
// A cell is ~6 rows (codec.ts, migration 3); a commit per cell would cost more than its rows.
// Checkpoints (copying the WAL back into the database file, with two fsyncs) run on a thread of
// their own (checkpointer.ts), poked after each commit; close() (or onRunEnd) stops it.
import type { Cell } from '../core/cell.ts';
import type { CellResult, ModelPredictionEvent, Reporter, RunInfo, RunSummary } from '../core/events.ts';
import { redactCell, redactDeep, redactText } from '../core/secrets.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { encodeLogTail, encodeRequests } from './codec.ts';
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';

type Statement = Database.Statement<unknown[]>;

/** Cells per transaction at most: bounds the work (and the loss on SIGKILL) of one commit. */
const GROUP = 512;

const j = (v: unknown) => JSON.stringify(v ?? null);

/** The figures the report's history shows for a cell: from the attempt that decided the verdict. */
export function historyFigures(r: CellResult): { startupS: number | null; ttftMs: number | null; itlMs: number | null; tokS: number | null; accept: number | null; accuracy: number | null } {
  const a = [...r.attempts].reverse().find((x) => x.kind !== 'triage');
  const metrics = (name: string) => a?.probes.find((p) => p.name === name)?.metrics;
  const stream = metrics('stream');
  const scores = Object.entries(metrics('accuracy') ?? {}).filter(([k, v]) => /^score_c\d+$/.test(k) && typeof v === 'number').map(([, v]) => v as number);
  return {
    startupS: a?.steps.ready ?? null,
    ttftMs: stream?.seq_ttft_p50_ms ?? null,
    itlMs: stream?.seq_itl_p50_ms ?? null,
    tokS: stream?.seq_output_tokens_per_s ?? null,
    accept: metrics('mtp')?.mean_acceptance_length ?? null,
    accuracy: scores.length ? Math.min(...scores) : null,
  };
}

/** Every statement the writer runs, by index (the writer thread prepares them once). */
const SQL = [
  `INSERT INTO runs (id, started_at, status, host, runner_labels, git_commit, matrix_files, emulate, argv, resumed_from)
   VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT(id) DO UPDATE SET status = 'running', finished_at = NULL, resumed_from = excluded.resumed_from`,
  `INSERT OR IGNORE INTO cells (run_id, cell_id, matrix, image_id, image_ref, engine, gpu, arch, model, flags, options, spec, expect)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  'UPDATE cells SET started_at = ? WHERE run_id = ? AND cell_id = ?',
  'DELETE FROM attempts WHERE run_id = ? AND cell_id = ?',
  `INSERT INTO attempts (run_id, cell_id, attempt, kind, options, command, outcome, exit_code, category, signature, diagnosis, log_path, log_tail, docker_run, container_id, error, phases, timeline)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  'INSERT INTO probes (run_id, cell_id, attempt, name, verdict, metrics, assertions, evidence, outputs, error, requests, timings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  `INSERT INTO fingerprints (run_id, cell_id, attempt, image_ref, image_digest, engine_version, gpu_name, compute_capability, driver_version, cuda_version, driver_cuda, torch_version, image_labels)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  `UPDATE cells SET verdict = ?, category = ?, signature = ?, reason = ?, triage = ?, attempts = ?, finished_at = ?, duration_ms = ?,
     startup_s = ?, ttft_ms = ?, itl_ms = ?, tok_s = ?, accept = ?, accuracy = ?, reuse_key = ?, reuse_inputs = ?, reused_from = ?
   WHERE run_id = ? AND cell_id = ?`,
  'UPDATE runs SET status = ?, finished_at = ?, exit_code = ? WHERE id = ?',
  'INSERT OR REPLACE INTO predictions (run_id, cell_id, verdict, detail) VALUES (?, ?, ?, ?)',
  'INSERT OR REPLACE INTO model_predictions (run_id, cell_id, verdict, certain, detail) VALUES (?, ?, ?, ?, ?)',
] as const;
const RUN = 0, CELL = 1, CELL_BEGIN = 2, CLEAR = 3, ATTEMPT = 4, PROBE = 5, FINGERPRINT = 6, CELL_END = 7, RUN_END = 8, PREDICTION = 9, MODEL_PREDICTION = 10;

export class SqliteWriter implements Reporter {
  constructor(
    private readonly db: Db,
    private readonly secrets: readonly string[] = [],
  ) {
    // Each secret as it appears inside a JSON string (quotes, backslashes escaped), for JSON columns.
    this.jsonSecrets = secrets.map((v) => JSON.stringify(v).slice(1, -1));
  }

  private readonly jsonSecrets: readonly string[];
  private runId = '';
  /** Statements prepared once per writer: preparing them per cell cost more than the inserts. */
  private stmts: Statement[] | null = null;
  /** Finished cells not yet committed, and when they finished. */
  private pending: Array<{ result: CellResult; finishedAt: string }> = [];
  private scheduled: NodeJS.Immediate | null = null;
  /** A deferred commit that failed (a full disk): thrown from the next call, so the run hears of it. */
  private failed: unknown = null;
  /** Started by onRunBegin (or the first commit) on a WAL database file; null before, after close(), and for :memory:. */
  private ckpt: Checkpointer | null = null;
  private ckptTried = false;
  /** endNow() marked the run. */
  private endedNow = false;

  /** The checkpoint thread's figures (tests, the bench), or null when none runs. */
  get checkpointer(): Checkpointer | null {
    return this.ckpt;
  }

  private get st(): Statement[] {
    return (this.stmts ??= SQL.map((sql) => this.db.prepare(sql)));
  }

  onRunBegin(run: RunInfo, cells: Cell[]): void {
    const st = this.st;
    this.ensureCheckpointer(); // before the first commit: a WAL left by the last run is its work, not this commit's
    this.db.transaction(() => {
      st[RUN]!.run(run.id, run.startedAt, run.host, j(run.runnerLabels), run.gitCommit, j(run.matrixFiles), run.emulate ? 1 : 0, j(redactDeep(run.argv, this.secrets)), run.resumedFrom);
      for (const c of cells) st[CELL]!.run(run.id, c.id, c.matrix, c.image.id, c.image.ref, c.image.engine, c.gpu.name, c.gpu.arch, c.model.id, c.flags.id, j(c.options), j(redactCell(c)), c.expect ? j(c.expect) : null);
    })();
    this.ckpt?.poke();
    this.runId = run.id;
  }

  onCellBegin(cell: Cell): void {
    this.rethrow();
    this.st[CELL_BEGIN]!.run(new Date().toISOString(), this.runId, cell.id);
  }

  onCellEnd(result: CellResult): void {
    this.rethrow();
    this.pending.push({ result, finishedAt: new Date().toISOString() });
    if (this.pending.length >= GROUP) this.flush();
    else
      this.scheduled ??= setImmediate(() => {
        try {
          this.flush();
        } catch (e) {
          this.failed ??= e;
        }
      });
  }

  /** Commits every finished cell still pending, in one transaction. Readers in this process call it before they read. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.db.transaction(() => {
      for (const { result, finishedAt } of batch) this.writeCell(result, finishedAt);
    })();
    this.ensureCheckpointer();
    this.ckpt?.poke();
  }

  /**
   * Commits what is pending and stops the checkpoint thread, waiting for its connection to close:
   * the caller's close() of the database is then the last, which checkpoints the rest of the WAL
   * and removes it. onRunEnd calls it; the writer can go on after it (without the thread).
   */
  close(): void {
    try {
      this.flush();
    } finally {
      const c = this.ckpt;
      this.ckpt = null; // and not started again: ckptTried stays
      if (c) {
        c.stop();
        if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000'); // SQLite's default again
      }
    }
  }

  private ensureCheckpointer(): void {
    if (this.ckptTried) return;
    this.ckptTried = true;
    this.ckpt = startCheckpointer(this.db);
  }

  private rethrow(): void {
    const e = this.failed;
    this.failed = null;
    if (e !== null) throw e;
  }

  /** One cell's rows. Secrets are redacted column by column: as written in text, JSON-escaped in JSON. */
  private writeCell(r: CellResult, finishedAt: string): void {
    const st = this.st;
    const run = this.runId;
    const id = r.cell.id;
    const none = this.secrets.length === 0;
    const t = none ? (s: string) => s : (s: string) => redactText(s, this.secrets);
    const tn = (s: string | null) => (s === null ? null : t(s));
    const js = none ? (s: string) => s : (s: string) => redactText(s, this.jsonSecrets);
    const json = (v: unknown) => js(JSON.stringify(v ?? null));
    st[CLEAR]!.run(run, id);
    for (const a of r.attempts) {
      const d = a.diagnosis;
      st[ATTEMPT]!.run(run, id, a.attempt, a.kind, json(a.options), json(a.command), a.outcome, a.exitCode, d?.category ?? null, d?.signature ?? null, d ? json(d) : null, tn(a.logPath), t(encodeLogTail(a.logTail)), tn(a.dockerRun), a.containerId, tn(a.error), json(a.steps), json(a.timeline));
      for (const p of a.probes) {
        const q = encodeRequests(p.requests);
        st[PROBE]!.run(run, id, a.attempt, p.name, p.verdict, json(p.metrics), json(p.assertions), json(p.evidence), p.outputs ? json(p.outputs) : null, tn(p.error), js(q.requests), q.timings);
      }
      const f = a.fingerprint;
      if (f) st[FINGERPRINT]!.run(run, id, a.attempt, t(f.imageRef), tn(f.imageDigest), tn(f.engineVersion), f.gpuName, f.computeCapability, tn(f.driverVersion), tn(f.cudaVersion), tn(f.driverCuda), tn(f.torchVersion), json(f.imageLabels));
    }
    const h = historyFigures(r);
    st[CELL_END]!.run(r.verdict, r.category, r.signature, tn(r.reason), r.triage ? json(r.triage) : null, r.attempts.length, finishedAt, Math.round(r.durationMs), h.startupS, h.ttftMs, h.itlMs, h.tokS, h.accept, h.accuracy, r.reuse?.key ?? null, r.reuse ? json(r.reuse.inputs) : null, r.reusedFrom?.runId ?? null, run, id);
  }

  onRunEnd(run: RunInfo, summary: RunSummary): void {
    if (this.endedNow) return; // a forced end marked the run: the wind-down after it does not change that
    this.rethrow();
    this.close();
    // A cell an early stop left unstarted keeps no verdict ("not run", --resume runs it), but says why.
    const notRun = this.db.prepare('UPDATE cells SET reason = ? WHERE run_id = ? AND cell_id = ? AND verdict IS NULL');
    for (const [cell, reason] of Object.entries(summary.notRunReasons ?? {})) notRun.run(reason, run.id, cell);
    this.st[RUN_END]!.run(summary.status, summary.finishedAt, summary.exitCode, run.id);
  }

  /**
   * Ends the run outside the event stream, synchronously (a second signal, a crash: the process
   * exits next): the finished cells still pending are committed, then the run is marked.
   */
  endNow(status: RunSummary['status'], exitCode: number): void {
    this.endedNow = true;
    try {
      this.close();
    } finally {
      this.st[RUN_END]!.run(status, new Date().toISOString(), exitCode, this.runId);
    }
  }

  onPrediction(cell: Cell, p: { verdict: string; detail: string }): void {
    this.rethrow();
    this.st[PREDICTION]!.run(this.runId, cell.id, p.verdict, redactText(p.detail, this.secrets));
  }

  onModelPrediction(cell: Cell, p: ModelPredictionEvent): void {
    this.rethrow();
    this.st[MODEL_PREDICTION]!.run(this.runId, cell.id, p.verdict, p.certain ? 1 : 0, redactText(p.detail, this.secrets));
  }
}
