// The report's input: everything the page shows, as plain JSON. The store's queries build it
// (harness/store/report-data.ts); the renderer (reports/render.ts) embeds it into one HTML file.
import type { CellState, Verdict, SemanticOptions, Expectation } from '../harness/core/cell.ts';
import type { EvidenceLine, TimelinePhase } from '../harness/core/diagnosis.ts';
import type { Fingerprint, TriageResult } from '../harness/core/events.ts';
import type { SinceBlock } from './since/block.ts';

export interface ReportRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  host: string;
  gitCommit: string | null;
  emulate: boolean;
  /** Cells per verdict, and per state for those without one (pending, running, not-run). */
  counts: Record<CellState, number>;
  /** `--reuse`: how many of its verdicts were reused from earlier runs (absent: none). */
  reused?: number;
}

export interface ReportProbe {
  name: string;
  verdict: 'pass' | 'fail' | 'skip';
  metrics: Record<string, number>;
  error: string | null;
  assertions: Array<{ name: string; ok: boolean; message: string }>;
}

export interface ReportCell {
  id: string;
  image: string;
  imageRef: string;
  engine: string;
  gpu: string;
  arch: string;
  model: string;
  flags: string;
  options: SemanticOptions;
  /** The verdict, or pending / running / not-run for a cell without one (never infra). */
  verdict: CellState;
  category: string | null;
  signature: string | null;
  /** Failure title / explanation from the signature knowledge base. */
  title: string | null;
  explanation: string | null;
  remedies: Array<Partial<SemanticOptions>>;
  links: string[];
  reason: string | null;
  expect: Expectation | null;
  attempts: number;
  triage: TriageResult | null;
  probes: ReportProbe[];
  timeline: TimelinePhase[];
  /** Lifecycle step durations in seconds (image, create, start, ready, probes, teardown). */
  steps: Record<string, number>;
  /** The log tail; `evidence` line numbers index into the full log. */
  logExcerpt: Array<{ line: number; text: string }>;
  evidence: EvidenceLine[];
  /** Relative link to the full log beside index.html, or null. */
  logHref: string | null;
  fingerprint: Fingerprint | null;
  dockerRun: string | null;
  /** Preflight prediction for the cell, if one was made. */
  prediction: { verdict: string; detail: string } | null;
  /** Preflight: whether the image's engine can load the model (loads · unsupported · unknown); certain ones skipped the cell. */
  modelPrediction?: { verdict: string; certain: boolean; detail: string } | null;
  /** Triage's fix in the engine's own flags (and env), and the YAML that adds it to the matrix. */
  fix?: { flags: string[]; removed?: string[]; env: Record<string, string>; yaml: string } | null;
  /** `--reuse`: the run that produced this verdict; no container ran for it in this run (the attempt shown is that run's). */
  reusedFrom?: string | null;
  /** A flaky cell: the attempt that failed before a retry passed (the fields above are the passing one's). */
  failedAttempt?: FailedAttempt | null;
  /** The newest `matrix bisect` of this cell that ended, if any (absent in reports written before). */
  bisect?: ReportBisect | null;
}

/** A bisect over ordered image refs: which first broke the cell, and the probe runs that showed it. */
export interface ReportBisect {
  id: string;
  startedAt: string;
  /** found: the answer is known; failed: the bisect stopped (error says why). */
  status: 'found' | 'failed';
  refs: string[];
  lastGood: { ref: string; digest: string | null } | null;
  firstBad: { ref: string; digest: string | null } | null;
  signature: string | null;
  /** ⌈log2(candidates + 1)⌉: the most search runs. */
  bound: number;
  error: string | null;
  runs: Array<{ run: string; ref: string; verdict: string; signature: string | null; outcome: string; purpose: string }>;
}

export interface FailedAttempt {
  attempt: number;
  signature: string | null;
  title: string | null;
  evidence: EvidenceLine[];
  /** Its log tail (line numbers of its own full log). */
  logExcerpt: Array<{ line: number; text: string }>;
}

export interface HistoryPoint {
  run: string;
  startedAt: string;
  verdict: Verdict;
  startupS: number | null;
  ttftMs: number | null;
  itlMs: number | null;
  /** Output tokens/s, MTP acceptance length and the worst accuracy score, when measured. */
  tokS?: number | null;
  accept?: number | null;
  accuracy?: number | null;
}

export interface ReportData {
  generatedAt: string;
  /** Runs shown, newest first; runs[0] is the current run. */
  runs: ReportRun[];
  cells: ReportCell[];
  /** Per cell id, oldest first. */
  history: Record<string, HistoryPoint[]>;
  regressions: string[];
  fixed: string[];
  flaky: string[];
  /** What changed since the previous run: new failures, newly fixed / flaky, performance regressions. */
  since?: SinceBlock | null;
  /** The latency definitions, printed on the page. */
  formulas: Record<string, string>;
  /** What other tools call each figure, with where that was read (absent in reports written before). */
  latencyNames?: { tools: readonly string[]; sources: Record<string, string>; rows: ReadonlyArray<{ metric: string; figure: string; names: Record<string, string | null>; notes: string[] }> };
}
