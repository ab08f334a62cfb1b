// The diagnosis of a start the startup watchdog stopped (startup-watchdog.ts): after a fatal line,
// the failure the log names, told as a hang the harness ended; after a stall, `startup-stalled`
// with the last phase and its last line, unless the log names a failure. Pure.
import { formatDuration } from '../matrix/duration.ts';
import type { Diagnosis, EvidenceLine } from '../core/diagnosis.ts';
import type { NumberedLine } from './log-capture.ts';
import type { WatchdogTrip } from './startup-watchdog.ts';

export const STALLED_SIGNATURE = 'startup-stalled';

const evidenceOf = (l: NumberedLine | null): EvidenceLine | null => (l ? { line: l.line, text: l.text } : null);

/** What to look at when a start stalls in a phase. */
const STALL_HINTS: Record<string, string> = {
  load: 'loading weights: a download or file system that stopped delivering (check the model cache, the network, `HF_HUB_OFFLINE`)',
  profile: 'the profiling run: a kernel that never returns, or tensor-parallel ranks waiting on each other (NCCL)',
  compile: 'torch.compile: a compile that hangs or is slower than the stall timeout (a warm compile cache helps)',
  'kv-cache': 'sizing the KV cache: ranks waiting on each other (NCCL) or a GPU shared with another process',
  'graph-capture': 'CUDA graph capture: a kernel or collective that hangs while capturing (`cuda_graphs: none` shows whether graphs are the cause)',
};

/** `fromLog`: the classifier's diagnosis of the log up to the moment the watchdog tripped. */
export function stoppedDiagnosis(fromLog: Diagnosis, trip: WatchdogTrip): Diagnosis {
  return trip.kind === 'fatal-hang' ? hungAfterFatal(fromLog, trip) : stalled(fromLog, trip);
}

function hungAfterFatal(fromLog: Diagnosis, trip: Extract<WatchdogTrip, { kind: 'fatal-hang' }>): Diagnosis {
  const fatal = evidenceOf(trip.line)!;
  const grace = formatDuration(trip.graceMs);
  const base = fromLog.category === 'healthy' ? { ...fromLog, category: 'unknown', confidence: 'none' as const, title: 'The engine failed; its root cause is not in the log', remedies: [] } : fromLog;
  const evidence = base.evidence.some((e) => e.line === fatal.line) ? base.evidence : [...base.evidence, fatal];
  return {
    ...base,
    title: `${base.title} — the engine did not exit: stopped ${grace} after its fatal line`,
    explanation: `${base.explanation}\nThe engine logged a fatal line (line ${fatal.line}: "${fatal.text.trim().slice(0, 200)}") and was still running ${grace} later (hung, e.g. workers waiting on NCCL or an API server whose engine died), so the harness stopped it instead of waiting for the startup timeout.`,
    evidence,
    stopped: { reason: 'fatal-hang', afterS: trip.graceMs / 1000, line: fatal },
  };
}

function stalled(fromLog: Diagnosis, trip: Extract<WatchdogTrip, { kind: 'stalled' }>): Diagnosis {
  const stall = formatDuration(trip.stallMs);
  const last = evidenceOf(trip.lastLine);
  const stopped = { reason: 'stalled' as const, afterS: trip.stallMs / 1000, line: last };
  if (fromLog.category !== 'healthy' && fromLog.category !== 'unknown') return { ...fromLog, title: `${fromLog.title} — then no output for ${stall}: stopped`, stopped };
  const where = trip.phase ? `in phase ${trip.phase}` : 'before the first startup phase';
  const todo = `${trip.phase && STALL_HINTS[trip.phase] ? `look at ${STALL_HINTS[trip.phase]}; ` : ''}if the engine is only slow here, raise \`timeouts.stall\` (now ${stall}).`;
  const lines = [evidenceOf(trip.phaseLine), last].filter((l): l is EvidenceLine => l !== null);
  return {
    category: 'other',
    confidence: 'none',
    signature: STALLED_SIGNATURE,
    title: `startup stalled ${where}: no output for ${stall}`,
    explanation: [
      `The engine printed nothing for ${stall} while starting, ${where}, so the harness stopped it instead of waiting for the startup timeout.`,
      trip.phaseLine ? `Last phase: ${trip.phase}, begun at line ${trip.phaseLine.line}: "${trip.phaseLine.text.trim().slice(0, 200)}".` : 'No startup phase was reached.',
      !last ? 'The engine printed no line at all.' : last.line === trip.phaseLine?.line ? 'That was its last line.' : `Last line (${last.line}): "${last.text.trim().slice(0, 200)}".`,
      `What to do: ${todo}`,
    ].join('\n'),
    phase: trip.phase ?? 'startup',
    evidence: lines.filter((l, i) => lines.findIndex((x) => x.line === l.line) === i),
    remedies: [],
    links: [],
    stopped,
  };
}
