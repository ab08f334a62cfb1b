// Turning what root-cause selection found into a Diagnosis: the category and its confidence, the
// evidence lines (the failure, its exception, the context that chose the signature), the phase,
// remedies and links. Pure.
import type { Diagnosis, EvidenceLine } from '../core/diagnosis.ts';
import { cutRests, isExceptionLine, isWrapperLine, joinedReadings, withRest, type LogLine } from './log-lines.ts';
import { phaseAt, phaseFromFrames, phaseMarkedBy } from '../engines/phase-at.ts';
import type { ProcessView } from './processes.ts';
import type { Failure } from './root-cause.ts';
import { blockStart } from './signature-match.ts';
import { FRAME_RULES } from './category-evidence.ts';
import { pybindFrames } from './traceback-close.ts';
import { CAUSED_BY } from './unlevelled-errors.ts';
import { guessCategory, regionTokens, type FallbackGuess, type FallbackModel } from './fallback-model.ts';

const MAX_EVIDENCE_CHARS = 400;
/** How far from a matching line (in its process) its exception line is looked for. */
const EXCEPTION_NEAR = 12;

/** The line as evidence; a very long line (prose, one-line pastes) is cut around what matched. */
export function evidenceOf(l: LogLine, res: readonly RegExp[] = []): EvidenceLine {
  const raw = l.given ?? l.raw;
  if (raw.length <= MAX_EVIDENCE_CHARS) return { line: l.n, text: raw };
  const at = res.map((r) => raw.search(r)).find((x) => x >= 0) ?? 0;
  const from = Math.max(0, Math.min(at - 120, raw.length - MAX_EVIDENCE_CHARS));
  const text = raw.slice(from, from + MAX_EVIDENCE_CHARS);
  return { line: l.n, text: `${from > 0 ? '…' : ''}${text}${from + MAX_EVIDENCE_CHARS < raw.length ? '…' : ''}` };
}

/** The exception line that belongs to line i: itself, or the nearest real one in its process. */
function exceptionNear(lines: readonly LogLine[], view: ProcessView, i: number): number | null {
  if (isExceptionLine(lines[i]!)) return i;
  const pos = view.index.indexOf(i);
  for (let d = 1; d <= EXCEPTION_NEAR; d++) {
    for (const p of [pos + d, pos - d]) {
      const j = view.index[p];
      if (j !== undefined && isExceptionLine(lines[j]!) && !isWrapperLine(lines[j]!)) return j;
    }
  }
  return null;
}

/** A line with the rests a terminal cut off it (the lines after it that continue it), when what matched needs them. */
function withRests(lines: readonly LogLine[], i: number, res: readonly RegExp[]): number[] {
  return res.some((r) => r.test(lines[i]!.text)) ? [i] : [i, ...cutRests(lines, i)];
}

function evidence(lines: readonly LogLine[], indexes: Array<number | null>, res: readonly RegExp[]): EvidenceLine[] {
  const uniq = [...new Set(indexes.filter((i): i is number => i !== null))].sort((a, b) => a - b);
  return uniq.map((i) => evidenceOf(lines[i]!, res));
}

/** The phase of a failure: its traceback's frames, else the last startup marker before it. */
function phaseOf(lines: readonly LogLine[], view: ProcessView, index: number): string | null {
  const pos = Math.max(0, view.index.indexOf(index));
  const trace = view.index.slice(blockStart(lines, view, pos), pos + 1);
  return phaseFromFrames(lines, trace) ?? phaseAt(lines, index);
}

/**
 * The lines of a failure's message that show the generic evidence: the one line that does, else
 * the lines up to where their join does (a message a terminal cut mid-word: "…mCudaSt" "ream…: out of memory"; one laid out on
 * indented lines, read without their indentation).
 */
function deciding(lines: readonly LogLine[], f: Failure, re: RegExp): number[] {
  const idx = f.block.map((p) => f.view.index[p]!);
  // the lines before the failure's line that its block holds are shown whole (the frame and assert statement of an `AssertionError`)
  const before = idx.filter((i) => i < f.index && re.test(lines[i]!.text));
  if (before.length > 0) return before;
  const one = idx.find((i) => re.test(lines[i]!.text));
  if (one !== undefined) return [one];
  for (let k = 2; k <= idx.length; k++) {
    const texts = idx.slice(0, k).map((i) => lines[i]!.text);
    if (joinedReadings(texts).some((t) => re.test(t))) return idx.slice(0, k);
  }
  return [];
}

/**
 * The last frame of the failure's traceback that a frame rule read (the step it was raised through), or the innermost of pybind11's
 * frames under its message that it read (traceback-close.ts, pybindFrames).
 */
function decidingFrame(lines: readonly LogLine[], f: Failure, re: RegExp): number | null {
  const pos = Math.max(0, f.view.index.indexOf(f.index));
  const trace = f.view.index.slice(blockStart(lines, f.view, pos), pos);
  return trace.filter((i) => re.test(lines[i]!.text)).pop() ?? pybindFrames(lines, f.view, pos).findLast((p) => re.test(p.text))?.index ?? null;
}

export function fromFailure(lines: readonly LogLine[], f: Failure, model: FallbackModel | null = null): Diagnosis {
  if (f.sig) {
    const s = f.sig.sig;
    return {
      category: s.category,
      confidence: 'signature',
      signature: s.id,
      title: s.title,
      explanation: s.explanation,
      phase: phaseOf(lines, f.view, f.sig.index) ?? s.phase,
      evidence: evidence(lines, [...withRests(lines, f.sig.index, s.patternRes), exceptionNear(lines, f.view, f.sig.index), f.sig.contextIndex], [...s.patternRes, ...(s.contextRes ?? [])]),
      remedies: s.remedies.map((r) => ({ ...r })),
      links: [...s.links],
    };
  }
  const what = lines[f.index]!.text.trim().slice(0, 160);
  const g = f.generic;
  const guess = !g && model ? guessCategory(model, regionTokens(lines, f)) : null;
  if (guess) return learned(lines, f, guess, what);
  return {
    category: g ? g.category : 'other',
    confidence: g ? 'generic' : 'none',
    signature: null,
    title: g ? `${titled(g.what)}: ${what}` : `Unrecognised failure: ${what}`,
    explanation: g
      ? `No known signature matches this wording, but the failure shows ${g.what}, which marks a failure of category ${g.category}. Check the evidence; if it is a new wording, add a signature to harness/diagnose/signatures.yaml.`
      : 'No known signature matches. The first exception in the log is shown; if it is a new failure mode, add a signature to harness/diagnose/signatures.yaml.',
    phase: phaseOf(lines, f.view, f.index),
    evidence: evidence(lines, [f.index, ...(g ? deciding(lines, f, g.re) : []), ...reportCauses(lines, f), ...(g && FRAME_RULES.includes(g) ? [decidingFrame(lines, f, g.re)] : []), ...(f.shown ?? [])], g ? [g.re] : []),
    remedies: [],
    links: [],
  };
}

/** An error report's "Caused by:" and its last cause, the root cause, shown beside its first line (unlevelled-errors.ts, markErrorReports). */
function reportCauses(lines: readonly LogLine[], f: Failure): number[] {
  if (!lines[f.index]!.report) return [];
  const at = f.block.map((p) => f.view.index[p]!);
  const k = at.findIndex((i) => CAUSED_BY.test(lines[i]!.text));
  return k < 0 ? [] : [at[k]!, at.at(-1)!];
}

/** A failure nothing names, its category guessed by the learned fallback (fallback-model.ts). */
function learned(lines: readonly LogLine[], f: Failure, g: FallbackGuess, what: string): Diagnosis {
  return {
    category: g.category,
    confidence: 'learned',
    signature: null,
    title: `Unrecognised failure, most like ${g.category} (${Math.round(g.p * 100)}%): ${what}`,
    explanation: `No signature or generic evidence names this failure. A small model trained on the labelled tuning logs finds it most like the ${g.category} logs, by the words ${g.because.join(', ')}. Treat the category as a guess; if it is a new failure mode, add a signature to harness/diagnose/signatures.yaml.`,
    phase: phaseOf(lines, f.view, f.index),
    evidence: evidence(lines, [f.index], []),
    remedies: [],
    links: [],
  };
}

/**
 * Evidence's words as a title's start: capitalised where they begin as prose ("a kernel refused …", "the shell (bash, dash) …"), kept as
 * written where they begin with a name (ggml's, llama.cpp's, cuDNN, transformers:, pip (pypa/pip), ptxas / …), whose case is its own.
 */
const PROSE_START = /^[a-z]+ (?![(/])/;
export const titled = (what: string): string => (PROSE_START.test(what) ? `${what[0]!.toUpperCase()}${what.slice(1)}` : what);

/** Something failed, but the log does not hold why: only a wrapper, or a traceback cut short. */
/** What showed a failure whose cause the log does not hold. */
export type MissingWhy = 'wrapper' | 'error' | 'traceback' | 'killed' | 'stopped';

const MISSING_WHY: Record<MissingWhy, string> = {
  wrapper: 'Only an error that points at an earlier root cause was found; the log is probably truncated.',
  error: 'An error was logged (or the process crashed), but no message in the log names its cause.',
  traceback: 'A traceback is cut off before its exception; the log is probably truncated.',
  killed: 'The server was stopped from outside before it became ready; the log does not say why.',
  stopped: 'The server shut down before it became ready; the log does not say why.',
};

export function rootCauseMissing(lines: readonly LogLine[], view: ProcessView, i: number, why: MissingWhy): Diagnosis {
  return {
    category: 'unknown',
    confidence: 'none',
    signature: null,
    title: 'The engine failed; its root cause is not in the log',
    explanation: `${MISSING_WHY[why]} Look at the full container log (every process and rank).`,
    phase: phaseOf(lines, view, i),
    evidence: [evidenceOf(lines[i]!)],
    remedies: [],
    links: [],
  };
}

/** No failure, and a line that shows the server up (`ready`) or a startup step finished. */
export function healthy(shown: LogLine, ready: boolean): Diagnosis {
  return {
    category: 'healthy',
    confidence: 'generic',
    signature: null,
    title: ready ? 'The server started and reported ready' : 'No failure; the startup was making progress',
    explanation: ready
      ? 'The log shows the server ready to serve and no failure.'
      : 'The log shows no failure and a startup step that finished (it ends before the server reported ready).',
    phase: ready ? 'serve' : phaseMarkedBy(shown.text),
    evidence: [evidenceOf(shown)],
    remedies: [],
    links: [],
  };
}

/** No failure, and no sign of health either: a start cut off or hung reads just like this. */
export function noSignOfHealth(lines: readonly LogLine[]): Diagnosis {
  const last = [...lines].reverse().find((l) => !l.header && l.text.trim() !== '');
  return {
    category: 'unknown',
    confidence: 'none',
    signature: null,
    title: 'No failure and no sign of health in the log; its root cause, if any, is not in it',
    explanation:
      'Nothing in the log failed, but nothing shows the server up or a startup step finished either: it may have been cut off, or the start hung. Look at the full container log, or whether the server answers.',
    phase: null,
    evidence: last ? [evidenceOf(last)] : [],
    remedies: [],
    links: [],
  };
}

/** The model is "not supported" (or a failure names a module) because an import failed first: the import is the cause. */
export function importBehindModel(lines: readonly LogLine[], importIndex: number, model: Diagnosis): Diagnosis {
  const unsupported = model.category === 'unsupported-model';
  return {
    category: 'import-error',
    confidence: 'generic',
    signature: null,
    title: `${unsupported ? 'The model is reported unsupported' : 'The engine failed on a module'} because a module failed to import: ${lines[importIndex]!.text.trim().slice(0, 140)}`,
    explanation: unsupported
      ? 'The engine says it does not support the model, but a module or library failed to import before that; the model class could not be loaded because of it. Fix the import (a missing or mismatched package in the image) and the model may load.'
      : 'The failure names a module whose import was reported failed before it: it failed because the module is missing. Fix the import (a missing or mismatched package or library in the image).',
    phase: model.phase,
    evidence: [evidenceOf(lines[importIndex]!), ...model.evidence.filter((e) => e.line !== lines[importIndex]!.n)],
    remedies: [],
    links: [],
  };
}

/** The log's only named failure is an import that failed (the engine went on, then died). */
export function importFailed(lines: readonly LogLine[], importIndex: number): Diagnosis {
  return {
    category: 'import-error',
    confidence: 'generic',
    signature: null,
    title: `A module failed to import: ${lines[importIndex]!.text.trim().slice(0, 160)}`,
    explanation:
      'The engine failed, and the only failure the log names is a module or library that could not be imported (the engine logged it and went on). Fix the import: a missing or mismatched package in the image.',
    phase: phaseAt(lines, importIndex),
    evidence: [evidenceOf(lines[importIndex]!)],
    remedies: [],
    links: [],
  };
}

/** The server came up, then refused a request with a client error, and the log shows nothing served after it. */
export function requestRefused(lines: readonly LogLine[], i: number, up: LogLine): Diagnosis {
  return {
    category: 'other',
    confidence: 'generic',
    signature: null,
    title: `A request was refused with a client error, and nothing was served after it: ${withRest(lines, i).text.trim().slice(0, 140)}`,
    explanation:
      'The server was up, but the last request the log shows was refused (4xx) and no request was served after it. The request (its model name, parameters or length) is the likely cause; the server log above it or the client says why.',
    phase: 'serve',
    // (with the sign that the server was up: the refusal after it is what the log ends on, with the rest a terminal cut off it)
    evidence: [evidenceOf(up), evidenceOf(lines[i]!), ...(lines[i + 1]?.cont ? [evidenceOf(lines[i + 1]!)] : [])].sort((a, b) => a.line - b.line),
    remedies: [],
    links: [],
  };
}
