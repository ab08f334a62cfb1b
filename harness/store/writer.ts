// The SQLite writer: one Reporter on the event stream. Each finished cell is written in one
// transaction, so a run killed halfway leaves a consistent database (unfinished cells simply
// have no verdict, which is what --resume looks for).
import type { Cell } from '../matrix/types.ts';
import type { CellResult, Reporter, RunInfo, RunSummary } from '../run/events.ts';
import { redactCell, redactDeep, redactText } from '../run/secrets.ts';
import type { Db } from './db.ts';

const j = (v: unknown) => JSON.stringify(v ?? null);

/** The figures the report's history shows for a cell: from the attempt that decided the verdict. */
export function historyFigures(r: CellResult): { startupS: number | null; ttftMs: number | null; itlMs: number | null } {
  const a = [...r.attempts].reverse().find((x) => x.kind !== 'triage');
  const stream = a?.probes.find((p) => p.name === 'stream')?.metrics;
  return { startupS: a?.phases.ready ?? null, ttftMs: stream?.seq_ttft_p50_ms ?? null, itlMs: stream?.seq_itl_p50_ms ?? null };
}

export class SqliteWriter implements Reporter {
  constructor(
    private readonly db: Db,
    private readonly secrets: readonly string[] = [],
  ) {}

  onRunBegin(run: RunInfo, cells: Cell[]): void {
    const db = this.db;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO runs (id, started_at, status, host, runner_labels, git_commit, matrix_files, emulate, argv, resumed_from)
         VALUES (@id, @startedAt, 'running', @host, @labels, @git, @files, @emulate, @argv, @resumed)
         ON CONFLICT(id) DO UPDATE SET status = 'running', finished_at = NULL, resumed_from = excluded.resumed_from`,
      ).run({
        id: run.id,
        startedAt: run.startedAt,
        host: run.host,
        labels: j(run.runnerLabels),
        git: run.gitCommit,
        files: j(run.matrixFiles),
        emulate: run.emulate ? 1 : 0,
        argv: j(redactDeep(run.argv, this.secrets)),
        resumed: run.resumedFrom,
      });
      const ins = db.prepare(
        `INSERT OR IGNORE INTO cells (run_id, cell_id, matrix, image_id, image_ref, engine, gpu, arch, model, flags, options, spec, expect)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of cells) {
        ins.run(run.id, c.id, c.matrix, c.image.id, c.image.ref, c.image.engine, c.gpu.name, c.gpu.arch, c.model.id, c.flags.id, j(c.options), j(redactCell(c)), c.expect ? j(c.expect) : null);
      }
    })();
    this.runId = run.id;
  }

  private runId = '';

  onCellBegin(cell: Cell): void {
    this.db.prepare('UPDATE cells SET started_at = ? WHERE run_id = ? AND cell_id = ?').run(new Date().toISOString(), this.runId, cell.id);
  }

  /** Statements prepared once per writer: preparing them per cell cost more than the inserts. */
  private stmts: ReturnType<SqliteWriter['prepareCellStatements']> | null = null;

  private prepareCellStatements() {
    const db = this.db;
    return {
      clear: db.prepare('DELETE FROM attempts WHERE run_id = ? AND cell_id = ?'),
      attempt: db.prepare(
        `INSERT INTO attempts (run_id, cell_id, attempt, kind, options, command, outcome, exit_code, category, signature, diagnosis, log_path, log_tail, docker_run, container_id, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      phase: db.prepare('INSERT INTO phases (run_id, cell_id, attempt, phase, seconds) VALUES (?, ?, ?, ?, ?)'),
      timeline: db.prepare('INSERT INTO timeline (run_id, cell_id, attempt, seq, name, start_s, duration_s, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      probe: db.prepare('INSERT INTO probes (run_id, cell_id, attempt, name, verdict, metrics, assertions, evidence, outputs, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      request: db.prepare(
        'INSERT INTO requests (run_id, cell_id, attempt, probe, seq, label, start_ms, end_ms, chunks, prompt_tokens, completion_tokens, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      fingerprint: db.prepare(
        `INSERT INTO fingerprints (run_id, cell_id, attempt, image_ref, image_digest, engine_version, gpu_name, compute_capability, driver_version, cuda_version, torch_version, image_labels)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      cell: db.prepare(
        `UPDATE cells SET verdict = ?, category = ?, signature = ?, reason = ?, triage = ?, attempts = ?, finished_at = ?, duration_ms = ?,
           startup_s = ?, ttft_ms = ?, itl_ms = ?
         WHERE run_id = ? AND cell_id = ?`,
      ),
    };
  }

  onCellEnd(raw: CellResult): void {
    const r = redactDeep(raw, this.secrets);
    const run = this.runId;
    const id = r.cell.id;
    const st = (this.stmts ??= this.prepareCellStatements());
    this.db.transaction(() => {
      st.clear.run(run, id);
      for (const a of r.attempts) {
        const d = a.diagnosis;
        st.attempt.run(run, id, a.attempt, a.kind, j(a.options), j(a.command), a.outcome, a.exitCode, d?.category ?? null, d?.signature ?? null, d ? j(d) : null, a.logPath, j(a.logTail), a.dockerRun, a.containerId, a.error);
        for (const [phase, seconds] of Object.entries(a.phases)) if (seconds !== undefined) st.phase.run(run, id, a.attempt, phase, seconds);
        a.timeline.forEach((t, i) => st.timeline.run(run, id, a.attempt, i, t.name, t.startS, t.durationS, j(t.detail)));
        for (const p of a.probes) {
          st.probe.run(run, id, a.attempt, p.name, p.verdict, j(p.metrics), j(p.assertions), j(p.evidence), p.outputs ? j(p.outputs) : null, p.error);
          p.requests.forEach((q, i) =>
            st.request.run(run, id, a.attempt, p.name, i, q.label, q.startMs, q.endMs, j(q.chunks.map((c) => ({ atMs: c.atMs, kind: c.kind }))), q.promptTokens, q.completionTokens, q.status, q.error),
          );
        }
        const f = a.fingerprint;
        if (f) st.fingerprint.run(run, id, a.attempt, f.imageRef, f.imageDigest, f.engineVersion, f.gpuName, f.computeCapability, f.driverVersion, f.cudaVersion, f.torchVersion, j(f.imageLabels));
      }
      const h = historyFigures(r);
      st.cell.run(r.verdict, r.category, r.signature, r.reason, r.triage ? j(r.triage) : null, r.attempts.length, new Date().toISOString(), Math.round(r.durationMs), h.startupS, h.ttftMs, h.itlMs, run, id);
    })();
  }

  onRunEnd(run: RunInfo, summary: RunSummary): void {
    this.db.prepare('UPDATE runs SET status = ?, finished_at = ?, exit_code = ? WHERE id = ?').run(summary.status, summary.finishedAt, summary.exitCode, run.id);
  }

  onPrediction(cell: Cell, p: { verdict: string; detail: string }): void {
    this.db.prepare('INSERT OR REPLACE INTO predictions (run_id, cell_id, verdict, detail) VALUES (?, ?, ?, ?)').run(this.runId, cell.id, p.verdict, redactText(p.detail, this.secrets));
  }
}
