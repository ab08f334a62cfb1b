// From a log to a Diagnosis: which known failure it shows, the lines that prove it, and what to try.
// The first real failure is the root cause: wrapper errors ("Engine core initialization failed. See
// root cause above") and warnings that merely look like errors do not decide when a real one exists.
// Pure.
import type { Diagnosis, EvidenceLine } from './types.ts';
import { INFRA_SIGNATURES, SIGNATURES, type CompiledSignature } from './knowledge-base.ts';
import { isExceptionLine, isReadyLine, isStartFailedLine, isWrapperLine, readLog, type LogLine } from './log-lines.ts';
import { phaseAt, phaseFromFrames } from './phase-at.ts';

export { signatureById } from './knowledge-base.ts';

export interface ClassifyOptions {
  /** Engine id of the image ("vllm", "sglang"): signatures limited to other engines are skipped. */
  engine?: string;
}

/** How far back a traceback is followed when looking for a signature's `context`. */
const CONTEXT_BEFORE = 150;
const CONTEXT_AFTER = 3;
/** How far from a matching line its exception line is looked for. */
const EXCEPTION_NEAR = 12;
const MAX_EVIDENCE_CHARS = 400;
/** The header or a frame of a Python traceback. */
const TRACEBACK = /Traceback \(most\b|^\s*File "[^"]+", line \d+, in \S+/;
/** A traceback's source line that raises a message template is not the message itself. */
const SOURCE_CODE = /^\s*raise\s+\w+\(\s*f?["']/;

interface Match {
  index: number;
  sig: CompiledSignature;
  /** Index of the line that satisfied the signature's context, when it has one. */
  contextIndex: number | null;
  weak: boolean;
}

function isWeak(l: LogLine): boolean {
  return l.level === 'WARNING' || l.level === 'DEBUG' || l.level === 'INFO' || /\b[A-Z]\w*Warning:/.test(l.text);
}

/** First index of the traceback (or message block) that line i belongs to. */
function blockStart(lines: LogLine[], i: number): number {
  let start = i;
  for (let j = i - 1; j >= Math.max(0, i - CONTEXT_BEFORE); j--) {
    const l = lines[j]!;
    if (l.level !== null && l.level !== 'ERROR' && l.level !== 'CRITICAL') break;
    start = j;
    if (/Traceback \(most recent call last\)/.test(l.text)) break;
  }
  return start;
}

function contextIndex(lines: LogLine[], i: number, sig: CompiledSignature): number | null {
  const res = sig.contextRes!;
  const lo = sig.contextScope === 'log' ? 0 : blockStart(lines, i);
  const hi = Math.min(lines.length - 1, i + CONTEXT_AFTER);
  const hit = (j: number): boolean => !lines[j]!.header && res.some((r) => r.test(lines[j]!.raw));
  // nearest first: the line itself, then upwards, then the few lines after
  for (let j = i; j >= lo; j--) if (hit(j)) return j;
  for (let j = i + 1; j <= hi; j++) if (hit(j)) return j;
  return null;
}

function matchLine(lines: LogLine[], i: number, sigs: readonly CompiledSignature[]): Match | null {
  const l = lines[i]!;
  if (l.header || l.text.length === 0 || SOURCE_CODE.test(l.text)) return null;
  for (const sig of sigs) {
    if (!sig.patternRes.some((r) => r.test(l.text))) continue;
    let ctx: number | null = null;
    if (sig.contextRes) {
      ctx = contextIndex(lines, i, sig);
      if (ctx === null) continue;
    }
    return { index: i, sig, contextIndex: ctx, weak: isWeak(l) };
  }
  return null;
}

/** The line as evidence; a very long line (prose, one-line pastes) is cut around what matched. */
function evidenceOf(l: LogLine, res: readonly RegExp[] = []): EvidenceLine {
  if (l.raw.length <= MAX_EVIDENCE_CHARS) return { line: l.n, text: l.raw };
  const at = res.map((r) => l.raw.search(r)).find((x) => x >= 0) ?? 0;
  const from = Math.max(0, Math.min(at - 120, l.raw.length - MAX_EVIDENCE_CHARS));
  const text = l.raw.slice(from, from + MAX_EVIDENCE_CHARS);
  return { line: l.n, text: `${from > 0 ? '…' : ''}${text}${from + MAX_EVIDENCE_CHARS < l.raw.length ? '…' : ''}` };
}

/** The exception line that belongs to line i: itself, or the nearest real exception around it. */
function exceptionNear(lines: LogLine[], i: number): number | null {
  if (isExceptionLine(lines[i]!)) return i;
  for (let d = 1; d <= EXCEPTION_NEAR; d++) {
    for (const j of [i + d, i - d]) {
      const l = lines[j];
      if (l && isExceptionLine(l) && !isWrapperLine(l)) return j;
    }
  }
  return null;
}

function evidence(lines: LogLine[], indexes: Array<number | null>, res: readonly RegExp[]): EvidenceLine[] {
  const uniq = [...new Set(indexes.filter((i): i is number => i !== null))].sort((a, b) => a - b);
  return uniq.map((i) => evidenceOf(lines[i]!, res));
}

function fromSignature(lines: LogLine[], m: Match): Diagnosis {
  const s = m.sig;
  return {
    category: s.category,
    signature: s.id,
    title: s.title,
    explanation: s.explanation,
    phase: phaseFromFrames(lines, blockStart(lines, m.index), m.index) ?? phaseAt(lines, m.index) ?? s.phase,
    evidence: evidence(lines, [m.index, exceptionNear(lines, m.index), m.contextIndex], [...s.patternRes, ...(s.contextRes ?? [])]),
    remedies: s.remedies.map((r) => ({ ...r })),
    links: [...s.links],
  };
}

function healthy(ready: LogLine | undefined): Diagnosis {
  return {
    category: 'healthy',
    signature: null,
    title: ready ? 'The server started and reported ready' : 'No failure in the log',
    explanation: ready
      ? 'The log shows the server ready to serve and no failure.'
      : 'The log shows no failure (it may end before the server reported ready).',
    phase: ready ? 'serve' : null,
    evidence: ready ? [evidenceOf(ready)] : [],
    remedies: [],
    links: [],
  };
}

function unrecognised(lines: LogLine[], i: number, wrapperOnly: boolean): Diagnosis {
  const l = lines[i]!;
  const what = l.text.trim().slice(0, 160);
  return {
    category: wrapperOnly ? 'unknown' : 'other',
    signature: null,
    title: wrapperOnly ? 'The engine failed to start; its root cause is not in the log' : `Unrecognised failure: ${what}`,
    explanation: wrapperOnly
      ? 'Only an error that points at an earlier root cause was found; the log is probably truncated. Look at the full container log (every process and rank).'
      : 'No known signature matches. The first exception in the log is shown; if it is a new failure mode, add a signature to harness/diagnose/signatures.yaml.',
    phase: phaseFromFrames(lines, blockStart(lines, i), i) ?? phaseAt(lines, i),
    evidence: [evidenceOf(l)],
    remedies: [],
    links: [],
  };
}

/** Classifies an engine's startup/crash log (vLLM or SGLang; raw, from Docker, or pasted from an issue). */
export function classifyLog(text: string, opts: ClassifyOptions = {}): Diagnosis {
  const lines = readLog(text);
  const sigs = SIGNATURES.filter((s) => !opts.engine || !s.engines || s.engines.includes(opts.engine));
  const ready = lines.find(isReadyLine);

  let firstWeak: Match | null = null;
  let firstException: number | null = null;
  let firstWrapper: number | null = null;
  let firstTraceback: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = matchLine(lines, i, sigs);
    if (m && !m.weak) {
      // a real exception before the signature's line is the root cause — unless it is a wrapper
      if (firstException !== null) return unrecognised(lines, firstException, false);
      return fromSignature(lines, m);
    }
    if (m && !firstWeak) firstWeak = m;
    const l = lines[i]!;
    if (firstTraceback === null && !isWeak(l) && TRACEBACK.test(l.text)) firstTraceback = i;
    if (isStartFailedLine(l)) firstWrapper ??= i;
    if (isExceptionLine(l) && !isWeak(l)) {
      if (isWrapperLine(l)) firstWrapper ??= i;
      else if (firstException === null && !exceptionFollowedBySignature(lines, i, sigs)) firstException = i;
    }
  }
  if (firstException !== null) return unrecognised(lines, firstException, false);
  if (firstWeak && !ready) return fromSignature(lines, firstWeak);
  if (firstWrapper !== null) return unrecognised(lines, firstWrapper, true);
  // a traceback cut off before its exception: something failed, the log does not say what
  if (firstTraceback !== null && !ready) return unrecognised(lines, firstTraceback, true);
  return healthy(ready);
}

/** An exception line whose message continues on the next lines (e.g. `(cudaErrorUnsupportedPtxVersion)`). */
function exceptionFollowedBySignature(lines: LogLine[], i: number, sigs: readonly CompiledSignature[]): boolean {
  for (let j = i + 1; j <= Math.min(lines.length - 1, i + 3); j++) {
    if (isExceptionLine(lines[j]!)) return false;
    const m = matchLine(lines, j, sigs);
    if (m && !m.weak) return true;
  }
  return false;
}

/** Classifies a container runtime (Docker) error message into an infra Diagnosis. */
export function classifyInfra(message: string): Diagnosis {
  const lines = message.split('\n');
  for (const s of INFRA_SIGNATURES) {
    const i = lines.findIndex((l) => s.patternRes.some((r) => r.test(l)));
    if (i < 0) continue;
    return {
      category: s.id,
      signature: s.id,
      title: s.title,
      explanation: `${s.explanation} On the runner: ${s.fix}`,
      phase: null,
      evidence: [{ line: i + 1, text: lines[i]!.trimEnd() }],
      remedies: [],
      links: [...s.links],
    };
  }
  const first = lines.findIndex((l) => l.trim().length > 0);
  return {
    category: 'infra-other',
    signature: 'infra-other',
    title: first >= 0 ? `The container runtime failed: ${lines[first]!.trim().slice(0, 160)}` : 'The container runtime failed',
    explanation: 'The runner could not test this cell; the message matches no known infra signature.',
    phase: null,
    evidence: first >= 0 ? [{ line: first + 1, text: lines[first]!.trimEnd() }] : [],
    remedies: [],
    links: [],
  };
}
