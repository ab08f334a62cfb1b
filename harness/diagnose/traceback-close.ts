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
  // the line above is a frame's indented source line (or one a paste stripped of its indentation, right under its frame), and a
  // frame is at most 4 lines up
  const above = view.index.slice(Math.max(0, pos - 4), pos).map((i) => lines[i]!.text).filter((t) => t.trim() !== '');
  const source = above.length > 0 && (/^\s+\S/.test(above[above.length - 1]!) || (above.length > 1 && FRAME_AT.test(above[above.length - 2]!)));
  return source && above.some((t) => FRAME_AT.test(t));
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

/** How a Python exception's class name ends: its kind (`…Error`, `…Exception`), or one of the builtins named otherwise. */
const CLASS_END = /(?:Error|Exception|Interrupt|Exit|Iteration|Warning|Group|Failure|Failed|[Tt]imeout)$/;
/** The header of a traceback, which an exception's message may carry whole (TVM's FFI errors: their frames in the message, the error last). */
const TRACEBACK_HEADER = 'Traceback (most recent call last):';

/**
 * A process's last line in the log, under a traceback's last frame, cut before it names the exception (the labelling guide, rule 4: a traceback cut
 * before its exception line is `unknown`): a bare name that ends like no exception class (`torch.Accel`, a terminal or a paste cut inside
 * `torch.AcceleratorError`), or an exception whose message only begins a traceback of its own (`tvm._ffi.base.TVMError: Traceback (m`:
 * TVM's FFI error carries the frames it crossed in its message and its own error after them, so the cause is in the part cut off).
 */
export function cutAtLogEnd(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  // (its shape first: the scanner asks this of every line, and only a cut exception's shape needs the rest of the view read)
  const text = lines[view.index[pos]!]!.text.trim();
  const message = /^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception):\s+(\S.*)$/.exec(text)?.[1];
  const cut = /^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*$/.test(text) ? !CLASS_END.test(text) : message !== undefined && TRACEBACK_HEADER.startsWith(message.trimEnd());
  // (its process's last line: where ranks interleave, another's lines may follow it in the text)
  return cut && !view.index.slice(pos + 1).some((i) => !lines[i]!.header && lines[i]!.text.trim() !== '');
}


/** pybind11's form of a Python error's frames, under an "At:" line, the innermost first: `  /x/flexpoint.py(55): <module>`. */
const PYBIND_AT = /^\s*At:\s*$/;
const PYBIND_FRAME = /^\s+(\S[^()]*)\((\d+)\): ([\w<>.]+)\s*$/;

/**
 * The frames a C++ caller wrote under a Python error's message through pybind11 (`error_already_set::what()`: the message, a blank
 * line, "At:", then one `  <file>(<line>): <function>` for each frame from the deepest out: pybind/pybind11
 * v3.0.4:include/pybind11/pytypes.h:660-695; Triton Inference Server's Python backend and its vLLM backend pass it on as a model's
 * load error), in a Python traceback's form and order (the innermost last), so that they are read as a traceback's frames are.
 */
export function pybindFrames(lines: readonly LogLine[], view: ProcessView, pos: number): { index: number; text: string }[] {
  // (the blank line and "At:" before them, a page or an evidence list may have dropped either; the message's own rows a terminal cut first)
  let p = pos + 1;
  while (p < view.index.length && lines[view.index[p]!]!.cont && !PYBIND_FRAME.test(lines[view.index[p]!]!.text)) p++;
  while (p < view.index.length && p <= pos + 2 && lines[view.index[p]!]!.text.trim() === '') p++;
  if (p < view.index.length && PYBIND_AT.test(lines[view.index[p]!]!.text)) p++;
  const frames: { index: number; text: string }[] = [];
  for (let q = p; q < view.index.length; q++) {
    const m = PYBIND_FRAME.exec(lines[view.index[q]!]!.text);
    if (!m) break;
    frames.unshift({ index: view.index[q]!, text: `  File "${m[1]}", line ${m[2]}, in ${m[3]}` });
  }
  return frames;
}

/** An exception a message carries after its own words (`… UNAVAILABLE state: Internal: AttributeError: module …`), from its class on. */
const CARRIED_EXCEPTION = /(?<=^|\s)(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception): \S.*$/;

/** The frames pybind11 wrote under the message at view positions `block` (pybindFrames), and the exception the message carries. */
export function pybindTraceback(lines: readonly LogLine[], view: ProcessView, block: readonly number[]): [frames: string[], exception: string] {
  const message = block.map((p) => lines[view.index[p]!]!.text).join(' ');
  return [pybindFrames(lines, view, block[0]!).map((f) => f.text), CARRIED_EXCEPTION.exec(message)?.[0] ?? ''];
}
