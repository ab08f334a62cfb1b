// From a log to a Diagnosis: which known failure it shows, the lines that prove it, and what to try.
// The rooms, in the order a log passes through them:
//   log-lines.ts (+ process-key.ts)  each line cleaned of prefixes, markup and its process named
//   line-joins.ts                    frames cut by a terminal joined again
//   processes.ts                     each process's (rank's) lines read on their own
//   root-cause.ts                    each process's first failure; the earliest one is the cause
//   signature-match.ts               the specific signature of that failure, if one matches
//   category-evidence.ts             else generic evidence of a category (error names, frames)
//   diagnosis-build.ts               the Diagnosis with its confidence, evidence and remedies
// Healthy is earned: a failed start, a wrapper error or a traceback cut short is never healthy.
// Pure.
import type { Diagnosis } from './types.ts';
import { SIGNATURES } from './knowledge-base.ts';
import { isReadyLine, readLog } from './log-lines.ts';
import { joinCutFrames } from './line-joins.ts';
import { untangle, viewAt } from './processes.ts';
import { earliest, importFailureBefore, readProcess } from './root-cause.ts';
import { fromFailure, healthy, importBehindModel, rootCauseMissing } from './diagnosis-build.ts';

export { signatureById } from './knowledge-base.ts';
export { classifyInfra } from './classify-infra.ts';

export interface ClassifyOptions {
  /** Engine id of the image ("vllm", "sglang"): signatures limited to other engines are skipped. */
  engine?: string;
}

/** Classifies an engine's startup/crash log (vLLM or SGLang; raw, from Docker, or pasted from an issue). */
export function classifyLog(text: string, opts: ClassifyOptions = {}): Diagnosis {
  const lines = readLog(text);
  const views = untangle(lines);
  joinCutFrames(lines, views);
  const sigs = SIGNATURES.filter((s) => !opts.engine || !s.engines || s.engines.includes(opts.engine));
  const ready = lines.find(isReadyLine);
  const found = views.map((v) => readProcess(lines, v, sigs));

  const cause = earliest(found);
  if (cause) {
    const d = fromFailure(lines, cause);
    const imp = d.category === 'unsupported-model' ? importFailureBefore(lines, cause.index) : null;
    return imp === null ? d : importBehindModel(lines, imp, d);
  }
  const weak = found.map((f) => f.weak).find((w) => w !== null);
  if (weak && !ready) return fromFailure(lines, weak);
  const first = (xs: Array<number | null>): number | null => xs.reduce<number | null>((a, x) => (x !== null && (a === null || x < a) ? x : a), null);
  // only a wrapper error, or a traceback cut off before its exception: failed, cause not in the log
  const missing = first(found.map((f) => f.wrapper)) ?? first(found.map((f) => f.errorLine)) ?? first(found.map((f) => f.traceback));
  if (missing !== null) return rootCauseMissing(lines, viewAt(views, lines, missing)!.view, missing);
  return healthy(ready);
}
