// What diagnosis produces from a log. Pure data.
import type { SemanticOptions } from './cell.ts';

export const CATEGORIES = [
  'ptx-toolchain',
  'no-kernel-image',
  'graph-capture',
  'oom',
  'unsupported-model',
  'backend-unsupported',
  'nccl',
  'driver-mismatch',
  'import-error',
  'other',
  /** Something failed, but the log does not hold the root cause (cut off, or only a wrapper error). */
  'unknown',
  'healthy',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface EvidenceLine {
  /** 1-based line number in the log (or in `source`, when set). */
  line: number;
  /**
   * The line as it reads (diagnose/log-lines.ts asShown): without terminal control sequences
   * (ANSI colours), CR or trailing blanks; a very long line cut around what matched, `…` marking a cut.
   */
  text: string;
  /** Where the line comes from when it is not the server's log, e.g. "probe text" (what the probe saw). */
  source?: string;
}

/**
 * How the category was reached: a specific signature of signatures.yaml named the failure
 * (`signature`); only generic evidence of the category did — an error name, an exception's words,
 * the frames it was raised through (`generic`); nothing names it but the learned fallback of
 * fallback-model.ts finds it most like one category's logs (`learned`, a guess); or nothing names it (`none`: other, unknown).
 */
export const CONFIDENCES = ['signature', 'generic', 'learned', 'none'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface Diagnosis {
  category: Category | string;
  /** Absent on diagnoses stored before it existed and on those the harness makes itself. */
  confidence?: Confidence;
  /** Signature id from signatures.yaml (or an infra id such as gpu-runtime-missing), null when healthy. */
  signature: string | null;
  title: string;
  explanation: string;
  /** Startup phase in which it happened, e.g. "profile", "graph-capture", "load". */
  phase: string | null;
  evidence: EvidenceLine[];
  /** Remedies as semantic option changes, in the order triage should try them. */
  remedies: Array<Partial<SemanticOptions>>;
  links: string[];
  /** The harness stopped the engine before it exited or was ready (absent when it did not). */
  stopped?: StoppedStart;
}

/** Why the harness stopped a start: it hung after a fatal line (the grace period ran out), or its output stalled. */
export interface StoppedStart {
  reason: 'fatal-hang' | 'stalled';
  /** Seconds it waited: the grace period after the fatal line, or the stall timeout. */
  afterS: number;
  /** The fatal line, or the last line before the stall. */
  line: EvidenceLine | null;
}

export interface TimelinePhase {
  /** e.g. "weights", "model-load", "compile", "kv-cache", "graph-capture", "ready" */
  name: string;
  /** Seconds from the first log line, when timestamps are known. */
  startS: number | null;
  durationS: number | null;
  detail: Record<string, string | number | boolean>;
}
