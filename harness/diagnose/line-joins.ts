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
      if (!FRAME_START.test(a.text)) continue;
      // a frame cut more than once (a long prefix, a long path): each rest in turn, until the frame is whole
      for (let q = p + 1; q < v.index.length && !FRAME_WHOLE.test(a.text); q++) {
        const b = lines[v.index[q]!]!;
        if (b.header || !(isStub(b) || isRest(b))) break;
        a.text += b.text;
        b.text = '';
      }
      const b = lines[v.index[p + 1]!]!;
      if (b.header || !isStub(b) || !FRAME_WHOLE.test(a.text + b.text)) continue;
      a.text += b.text; // (a whole frame that a stub still continues: `…, in _initialize_k` + `v_caches`)
      b.text = '';
    }
  }
}

/** The rest of a line a terminal cut at its width (`cont`), however long: not a line of its own. */
const isRest = (l: LogLine): boolean => l.cont && l.text !== '' && !OWN_LINE.test(l.text);
