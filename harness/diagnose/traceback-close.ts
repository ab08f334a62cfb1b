// Where a Python traceback ends: the exception line right under its last frame, and a whole traceback a logger relayed at INFO.
// Pure.
import { FRAME_AT, type LogLine } from './log-lines.ts';
import type { ProcessView } from './processes.ts';

/** A traceback's header (cut by a terminal, its first words). */
export const TRACEBACK_HEAD = /Traceback \(most\b/;

/**
 * `Name: message` (or a bare `Name`) right after a traceback's last frame is its exception, whatever its name; a bare
 * one is a class's name (`StopIteration`, `socket.timeout`), not a lowercase word (the start of a line cut off: `re`).
 */
export const EXCEPTION_SHAPE = /^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*:\s|^(?:(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*|[A-Z]\w*):?$/;

export function closesTraceback(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const l = lines[view.index[pos]!]!;
  if (l.cont || !EXCEPTION_SHAPE.test(l.text)) return false;
  // the line above is a frame or its indented source line, and a frame is at most 4 lines up
  const above = view.index.slice(Math.max(0, pos - 4), pos).map((i) => lines[i]!.text).filter((t) => t.trim() !== '');
  return above.length > 0 && /^\s+\S/.test(above[above.length - 1]!) && above.some((t) => FRAME_AT.test(t));
}

/**
 * An INFO line that closes a traceback whose header and frames were logged at INFO too: a program's stderr relayed line by line
 * through a logger at INFO (SGLang 0.3's `- sglang - INFO -` lines of a thread's traceback), not a record the program logged as
 * information; Python's logging writes an exception's traceback at ERROR (`logger.exception`), so a whole one at INFO is a relay.
 */
export function relayedTraceback(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  if (lines[view.index[pos]!]!.level !== 'INFO' || !closesTraceback(lines, view, pos)) return false;
  const head = view.index.slice(Math.max(0, pos - 80), pos).findLast((i) => TRACEBACK_HEAD.test(lines[i]!.text));
  return head !== undefined && lines[head]!.level === 'INFO';
}
