// Where a log says a module or library failed to import: the cause behind a model "not supported",
// or the only failure a log that shows neither failure nor health names. Pure.
import { cutRests, isErrorLevel, joinedReadings, type LogLine } from './log-lines.ts';
import { GOES_ON } from './root-cause.ts';

/**
 * Old vLLM warns that its compiled ops could not be imported and runs on (CPU builds, other
 * platforms): that does not make a model unsupported.
 */
const OPTIONAL_KERNELS = /Failed to import from vllm\._C\b/;

/** A line that says a module or library failed to import, at any level (SGLang warns "Ignore import error"). */
const IMPORT_FAILED = /\b(?:ModuleNotFoundError|ImportError)\b|No module named|cannot import name|\bimport error\b|Failed to import|undefined symbol:|cannot open shared object file/i;

/**
 * A model "is not supported" only because its module failed to import: the first import failure
 * logged before the failure line (any process, any level), or null. Without goesOn, an import the
 * engine says it went on without ("Ignore import error when loading …") is passed over: it is no
 * cause of its own (the labelling guide, rule 6), only the reason a model it names is missing.
 */
export function importFailureBefore(lines: readonly LogLine[], index: number, goesOn = true): number | null {
  for (let i = 0; i < index; i++) {
    const t = lines[i]!.text;
    if (!lines[i]!.header && IMPORT_FAILED.test(t) && !OPTIONAL_KERNELS.test(t) && (goesOn || !GOES_ON.test(t))) return i;
  }
  return null;
}

/** An import failure that a logger reported as a warning or an error (not DEBUG's probing of optional platforms): `Failed to import from vllm._C with ModuleNotFoundError(…)`. */
const IMPORT_LOGGED = /\b(?:ModuleNotFoundError|ImportError)\b|No module named|undefined symbol:|cannot open shared object file/;

/**
 * A log where nothing failed and nothing shows health, but a logged line says an import failed:
 * that import is the only failure the log names (the first such line), or null.
 */
export function importLogged(lines: readonly LogLine[]): number | null {
  const i = lines.findIndex((l, k) => !l.header && (l.level === 'WARNING' || isErrorLevel(l)) && IMPORT_LOGGED.test(l.text) && !joinedReadings(withRests(lines, k, lines.length)).some((t) => GOES_ON.test(t)));
  return i >= 0 ? i : null;
}

/** A line's text and the rests a terminal cut off it (log-lines.ts, cutRests) before `end`, each as its own piece. */
const withRests = (lines: readonly LogLine[], i: number, end: number): string[] =>
  [i, ...cutRests(lines, i, Infinity).filter((j) => j < end)].map((j) => lines[j]!.text);

/** The modules an import failure names (`Failed to import from vllm._core_C`, `No module named 'a.b'`), by their last part. */
function modulesNamed(text: string): string[] {
  const names = [...text.matchAll(/\b(?:import(?: from)?|No module named|cannot import name)\s+['"`]?([\w.]+)/gi)].map((m) => m[1]!.split('.').pop()!);
  return names.filter((n) => n.length >= 3 && !/^(?:from|with|the)$/i.test(n));
}

/**
 * A failure that names no category but names a module whose import a logger reported failed before it
 * (`WARNING … Failed to import from vllm._core_C with ImportError(…)`, then `RuntimeError: Tried to instantiate
 * class '_core_C.ScalarType', but it does not exist!`): the import failed first (the labelling guide, rule 3).
 * The first such import line, or null.
 */
export function importBehindFailure(lines: readonly LogLine[], index: number, message: string): number | null {
  for (let i = 0; i < index; i++) {
    const l = lines[i]!;
    if (l.header || !(l.level === 'WARNING' || isErrorLevel(l))) continue;
    // (read with the rests a terminal cut off it)
    const text = withRests(lines, i, index).join('');
    if (!IMPORT_LOGGED.test(text) || GOES_ON.test(text)) continue;
    // (a name is word characters only: the last part of a dotted module path)
    if (modulesNamed(text).some((m) => new RegExp(`(?<![\\w.])${m}\\b`).test(message))) return i;
  }
  return null;
}
