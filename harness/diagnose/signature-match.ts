// Matching the specific signatures of signatures.yaml at a failure: the failure's message (its
// lines, joined when a terminal or logger broke it) against each signature's patterns, and the
// signature's `context` in the same process's traceback (or anywhere before, `contextScope: log`).
// Signatures are tried in file order, so specific ones come before generic ones. Pure.
import type { CompiledSignature } from './knowledge-base.ts';
import type { LogLine } from './log-lines.ts';
import type { ProcessView } from './processes.ts';

/** How far back a traceback is followed when looking for a signature's `context`. */
const CONTEXT_BEFORE = 150;
const CONTEXT_AFTER = 3;
/** A traceback's source line that raises a message template is not the message itself. */
export const SOURCE_CODE = /^\s*raise\s+\w+\(\s*f?["']/;

export interface SignatureHit {
  sig: CompiledSignature;
  /** The line that matched (the first line of the message when only the joined message did). */
  index: number;
  /** The line that satisfied the signature's context, when it has one. */
  contextIndex: number | null;
}

/**
 * Position in the view where the traceback (or message block) holding position pos starts. A block is read in its own
 * stream: a logger's ERROR record (leveled lines) or a traceback printed straight to the stream (lines without a level).
 * The other stream's lines inside it belong to the block but do not end it. vLLM's engine core logs its exception through
 * its logger ("EngineCore failed to start." then the traceback) and re-raises it (b8b302cde434df8c9289a2b465406b47ebab1c2d:
 * vllm/v1/engine/core.py:706-712, v0.11.0); the logger writes to stdout (vllm/logger.py:37-43, vllm/envs.py:574-575), and
 * multiprocessing prints "Process EngineCore_DP0:" and the same traceback to stderr (CPython's
 * Lib/multiprocessing/process.py, BaseProcess._bootstrap: `sys.stderr.write('Process %s:\n' % self.name)`, `traceback.print_exc()`;
 * line 329 in 3.10). A container's log takes both pipes as they come,
 * so the stderr copy's "Traceback (most recent call last):" can land inside the ERROR record, above its innermost frames
 * (seen in the emulator's seed run under load: the Thor cell's vision-encoder frames cut off, the attention signature named).
 */
export function blockStart(lines: readonly LogLine[], view: ProcessView, pos: number): number {
  const leveled = lines[view.index[pos]!]!.level !== null;
  let start = pos;
  for (let p = pos - 1; p >= Math.max(0, pos - CONTEXT_BEFORE); p--) {
    const l = lines[view.index[p]!]!;
    if (l.level !== null && l.level !== 'ERROR' && l.level !== 'CRITICAL') break;
    start = p;
    if (/Traceback \(most recent call last\)/.test(l.text) && (l.level !== null) === leveled) break;
  }
  return start;
}

function contextOf(lines: readonly LogLine[], view: ProcessView, pos: number, sig: CompiledSignature): number | null {
  const res = sig.contextRes!;
  const hit = (j: number): boolean => !lines[j]!.header && res.some((r) => r.test(lines[j]!.raw));
  const at = view.index[pos]!;
  if (sig.contextScope === 'log') {
    for (let j = at; j >= 0; j--) if (hit(j)) return j;
    return null;
  }
  // nearest first: the line itself, then upwards through its traceback, then the few lines after
  for (let p = pos; p >= blockStart(lines, view, pos); p--) if (hit(view.index[p]!)) return view.index[p]!;
  for (let p = pos + 1; p <= Math.min(view.index.length - 1, pos + CONTEXT_AFTER); p++) if (hit(view.index[p]!)) return view.index[p]!;
  return null;
}

function hitAt(lines: readonly LogLine[], view: ProcessView, pos: number, sig: CompiledSignature): SignatureHit | null {
  const contextIndex = sig.contextRes ? contextOf(lines, view, pos, sig) : null;
  if (sig.contextRes && contextIndex === null) return null;
  return { sig, index: view.index[pos]!, contextIndex };
}

/**
 * The signature of a message: the view positions of its lines (first = the failure line). Each
 * line is tried alone, in order (the first line's signature wins), then the lines joined with and
 * without a space (a message that a logger or terminal broke).
 */
export function matchSignature(lines: readonly LogLine[], view: ProcessView, block: readonly number[], sigs: readonly CompiledSignature[]): SignatureHit | null {
  const texts = block.map((p) => lines[view.index[p]!]!.text);
  for (let k = 0; k < block.length; k++) {
    if (SOURCE_CODE.test(texts[k]!)) continue;
    for (const sig of sigs) {
      if (!sig.patternRes.some((r) => r.test(texts[k]!))) continue;
      const hit = hitAt(lines, view, block[k]!, sig);
      if (hit) return hit;
    }
  }
  if (block.length < 2) return null;
  const joined = [texts.join(' '), texts.join('')];
  for (const sig of sigs) {
    if (!joined.some((t) => sig.patternRes.some((r) => r.test(t)))) continue;
    const hit = hitAt(lines, view, block[0]!, sig);
    if (hit) return hit;
  }
  return null;
}
