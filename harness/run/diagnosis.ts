// Glue between a cell's captured log and harness/diagnose/: classify the kept lines and map the
// evidence back to line numbers of the full log file.
import type { InfraError } from '../errors.ts';
import type { Cell } from '../core/cell.ts';
import type { Diagnosis, TimelinePhase } from '../core/diagnosis.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import { classifyInfra, classifyLog } from '../diagnose/classify.ts';
import { startupTimeline } from '../engines/log-phases.ts';
import { readLog } from '../diagnose/log-lines.ts';
import type { LogCapture } from './log-capture.ts';
import type { WatchdogTrip } from './startup-watchdog.ts';
import { stoppedDiagnosis } from './stopped-diagnosis.ts';

export interface FailureFacts {
  phase: string;
  exitCode?: number | null;
  timeoutS?: number;
  lastStatus?: string;
  probes?: ProbeResult[];
  error?: string;
  /** The log's line count when the probes began: what a live server logged before then did not break a probe. */
  probesFromLine?: number;
  /** The startup watchdog stopped the start: a hang after a fatal line, or a stall. */
  stopped?: WatchdogTrip;
}

export function diagnoseAttempt(capture: LogCapture, cell: Cell, facts: FailureFacts): Diagnosis {
  const kept = capture.lines();
  if (facts.stopped) return stoppedDiagnosis(classifyKept(kept, cell), facts.stopped);
  const failed = facts.probes?.find((p) => p.verdict === 'fail');
  if (failed && (facts.exitCode === null || facts.exitCode === undefined)) {
    // The server is alive: only a failure it logged while the probes ran (a crash in progress)
    // explains the probe; what it logged before (startup noise) does not.
    const during = classifyKept(kept.filter((l) => l.line > (facts.probesFromLine ?? 0)), cell);
    return during.category !== 'healthy' && during.category !== 'unknown' ? during : probeDiagnosis(failed);
  }
  const mapped = classifyKept(kept, cell);
  if (mapped.category !== 'healthy' && mapped.category !== 'unknown') return mapped;

  // The log shows no engine failure, or one whose cause it does not hold (a start killed at the
  // timeout, an ERROR line while probes ran): name what the harness saw.
  if (facts.timeoutS !== undefined) {
    return {
      ...base('startup-timeout', 'other', `server not ready after ${Math.round(facts.timeoutS)}s`),
      explanation: `The container kept running but never passed its readiness check (last: ${facts.lastStatus ?? 'no answer'}). The startup timeline shows the last phase it reached.`,
      phase: 'startup',
      evidence: kept.slice(-3).map((l) => ({ line: l.line, text: l.text })),
      remedies: [],
    };
  }
  // an exit or a harness error says less than a failure whose cause the log does not hold
  if (mapped.category === 'unknown') return mapped;
  if (facts.exitCode !== null && facts.exitCode !== undefined) {
    return {
      ...base('exited', 'other', `server exited with code ${facts.exitCode}`),
      explanation: 'The container exited, and its log names no known failure. Read the log tail.',
      phase: facts.phase,
      evidence: kept.slice(-5).map((l) => ({ line: l.line, text: l.text })),
    };
  }
  return {
    ...base('harness-error', 'other', facts.error ?? 'the attempt failed'),
    explanation: facts.error ?? 'The attempt failed without a log signature.',
    phase: facts.phase,
  };
}

/** The classifier over kept log lines, its evidence numbered as in the full log. */
function classifyKept(kept: ReturnType<LogCapture['lines']>, cell: Cell): Diagnosis {
  const d = classifyLog(kept.map((l) => l.text).join('\n'), { engine: cell.image.engine });
  return { ...d, evidence: d.evidence.map((e) => ({ line: kept[e.line - 1]?.line ?? e.line, text: e.text })) };
}

/** A probe's failure: signature probe-<name>, category probe, the probe's own evidence (or its error). */
function probeDiagnosis(failed: ProbeResult): Diagnosis {
  const why = failed.error ?? failed.assertions.find((a) => !a.ok)?.message ?? 'assertion failed';
  const seen = failed.evidence.length ? failed.evidence.slice(0, 5) : [why];
  return {
    ...base(failed.signature ?? `probe-${failed.name}`, 'probe', `probe ${failed.name} failed: ${why}`.slice(0, 200)),
    explanation: `The server started and answered, but the ${failed.name} probe did not pass: ${why}`,
    phase: 'serve',
    evidence: seen.map((text, i) => ({ line: i + 1, text, source: `probe ${failed.name}` })),
  };
}

function base(signature: string, category: string, title: string): Diagnosis {
  return { category, signature, title, explanation: '', phase: null, evidence: [], remedies: [], links: [] };
}

export function infraDiagnosis(err: InfraError): Diagnosis {
  const d = classifyInfra(err.message);
  const known = d.signature && d.signature === err.kind;
  return {
    ...d,
    category: err.kind,
    signature: err.kind,
    title: known ? d.title : err.message.split('\n')[0]!.slice(0, 200),
    explanation: known ? d.explanation : `${err.message}${err.hint ? `\nWhat to do: ${err.hint}` : ''}`,
    phase: err.phase ?? d.phase,
    evidence: [{ line: 1, text: err.message }],
  };
}

export function timelineOf(capture: LogCapture): TimelinePhase[] {
  return startupTimeline(readLog(capture.lines().map((l) => l.text).join('\n')));
}
