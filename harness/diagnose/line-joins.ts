// Joining what a terminal or a paste broke apart: a traceback frame cut at the terminal's width
// continues, unindented, on the next line of the same process (`…, in _initialize_k` + `v_caches`).
// The frame gets its whole text back; the stub is left empty so line numbers stay. Pure.
import type { LogLine } from './log-lines.ts';
import type { ProcessView } from './processes.ts';

const FRAME_START = /^\s*File "/;
const FRAME_WHOLE = /^\s*File "[^"]+", line \d+, in [\w<>.]+$/;
/** The start of a line of its own: a frame, a traceback header, an exception, indentation. */
const OWN_LINE = /^(?:\s|File "|Traceback \(|During handling|The above exception|[A-Za-z_][\w.]*(?:Error|Exception|Warning)\b)/;

/** A cut stub: short, unindented, one token without spaces (the rest of a path or a name). */
function isStub(l: LogLine): boolean {
  return l.text.length > 0 && l.text.length <= 60 && !OWN_LINE.test(l.text) && /^[^\s]+(?:", line \d+, in \S+)?$/.test(l.text);
}

/** Joins every frame cut at the terminal's width with the stub that follows it in its process. */
export function joinCutFrames(lines: LogLine[], views: readonly ProcessView[]): void {
  for (const v of views) {
    for (let p = 0; p + 1 < v.index.length; p++) {
      const a = lines[v.index[p]!]!;
      const b = lines[v.index[p + 1]!]!;
      if (!FRAME_START.test(a.text) || b.header || !isStub(b)) continue;
      if (FRAME_WHOLE.test(a.text) && FRAME_WHOLE.test(a.text + b.text) === false) continue;
      a.text += b.text;
      b.text = '';
    }
  }
}
