// One event stream, many consumers (ARCHITECTURE.md rule 3). The runner emits these to every
// Reporter in order; the SQLite writer, console, JUnit and GitHub summary are all Reporters.
import type { Cell, SemanticOptions, Verdict } from './cell.ts';
import type { ProbeResult } from './probe-result.ts';
import type { Diagnosis, TimelinePhase } from './diagnosis.ts';
import type { ReuseInputs } from './reuse.ts';

export interface RunInfo {
  id: string;
  startedAt: string;
  host: string;
  runnerLabels: string[];
  gitCommit: string | null;
  matrixFiles: Array<{ path: string; sha256: string }>;
  emulate: boolean;
  argv: string[];
  dbPath: string;
  outDir: string;
  resumedFrom: string | null;
}

/**
 * The steps of a cell's container lifecycle. ("Phase" means one thing: a startup phase of the
 * engine, in the log — TimelinePhase, Diagnosis.phase.)
 */
export type StepName = 'image' | 'create' | 'start' | 'ready' | 'probes' | 'teardown';

export interface Fingerprint {
  imageRef: string;
  imageDigest: string | null;
  engineVersion: string | null;
  gpuName: string;
  computeCapability: string;
  driverVersion: string | null;
  /** The image's CUDA as the image tells it (server, CUDA_VERSION, label), or null when it does not (run/fingerprint.ts). */
  cudaVersion: string | null;
  /** The highest CUDA the runner's driver supports (nvidia-smi; the emulated driver's under --emulate). */
  driverCuda: string | null;
  torchVersion: string | null;
  imageLabels: Record<string, string>;
}

export interface AttemptResult {
  attempt: number;
  /** 'retry' for a plain retry, 'triage' for a remedy trial. */
  kind: 'first' | 'retry' | 'triage';
  options: SemanticOptions;
  command: string[];
  outcome: 'pass' | 'fail' | 'infra';
  exitCode: number | null;
  diagnosis: Diagnosis | null;
  /** Seconds per lifecycle step (stored in the attempts.phases column, its name since schema 1). */
  steps: Partial<Record<StepName, number>>;
  probes: ProbeResult[];
  timeline: TimelinePhase[];
  logPath: string | null;
  /** The kept log lines with their line numbers in the full log (bounded). */
  logTail: Array<{ line: number; text: string }>;
  fingerprint: Fingerprint | null;
  containerId: string | null;
  dockerRun: string | null;
  error: string | null;
}

export interface TriageResult {
  /**
   * Every trial in order: `options` are all the changes from the cell's own options (a chained
   * trial carries the remedy before it too); `after` is the index of the trial whose new failure
   * signature it answers (absent: it answers the cell's own failure).
   */
  tried: Array<{ options: Partial<SemanticOptions>; outcome: 'pass' | 'fail' | 'infra'; signature: string | null; after?: number }>;
  /** The first change that passed (along a chain: all its remedies together), or null. */
  fixedBy: Partial<SemanticOptions> | null;
  /** Why triage stopped before it ran out of remedies: its depth or its budget of starts (absent: it did not). */
  stopped?: string;
}

export interface CellResult {
  cell: Cell;
  verdict: Verdict;
  category: string | null;
  signature: string | null;
  attempts: AttemptResult[];
  triage: TriageResult | null;
  /** Human reason for skip / infra / unexpected outcomes. */
  reason: string | null;
  durationMs: number;
  /** Why an unexpected failure was not retried although `retries` allowed it (a deterministic signature); absent otherwise. */
  notRetried?: string;
  /** The reuse key of what decided this verdict and its inputs (core/reuse.ts); absent when not known (the cell never reached its image). */
  reuse?: { key: string; inputs: ReuseInputs };
  /** `--reuse`: the verdict is the one this earlier run produced with the same reuse key; no container ran for it now. */
  reusedFrom?: { runId: string; finishedAt: string };
  /** `--reuse`: why the cell's earlier verdict was not reused (what changed, or why it may not be); absent otherwise. */
  notReused?: string;
}

export interface RunSummary {
  status: 'finished' | 'interrupted' | 'failed';
  finishedAt: string;
  counts: Record<Verdict, number>;
  /** Selected cells that got no verdict because the run was interrupted: "not run", never infra (absent: none). */
  notRun?: Cell[];
  /** Why a cell of `notRun` was not started when an early stop (`--max-failures`, a broken runner) left it, by cell id. */
  notRunReasons?: Record<string, string>;
  exitCode: number;
}

/** The model against the image (preflight/model-vs-image.ts), as a cell's event and stored row. */
export interface ModelPredictionEvent {
  verdict: 'loads' | 'unsupported' | 'unknown';
  /** Decided from the image's own files: an "unsupported" that skips the cell. */
  certain: boolean;
  detail: string;
}

export interface Reporter {
  onRunBegin?(run: RunInfo, cells: Cell[]): void | Promise<void>;
  onCellBegin?(cell: Cell, attempt: number): void | Promise<void>;
  onStep?(cell: Cell, step: StepName, state: 'begin' | 'end', seconds?: number): void | Promise<void>;
  onProbeEnd?(cell: Cell, result: ProbeResult): void | Promise<void>;
  /** `--preflight`: what the image's CUDA code predicts for the cell, before it runs. */
  onPrediction?(cell: Cell, prediction: { verdict: 'native' | 'jit' | 'fail'; detail: string }): void | Promise<void>;
  /** `--preflight`: whether the image's engine can load the cell's model, before it runs (a certain "unsupported" skips it). */
  onModelPrediction?(cell: Cell, prediction: ModelPredictionEvent): void | Promise<void>;
  onCellEnd?(result: CellResult): void | Promise<void>;
  /** `--resume`: a cell that got its verdict in an earlier invocation of this run, so summaries cover the whole run. */
  onEarlierResult?(result: CellResult): void | Promise<void>;
  onRunEnd?(run: RunInfo, summary: RunSummary): void | Promise<void>;
}
