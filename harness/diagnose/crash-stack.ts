// A process killed by a signal of its own making (a segmentation fault, a bus error, an illegal instruction, an abort) with the stack
// it crashed in: the crash is a failure whose place the log shows, not a bare "Segmentation fault (core dumped)" that holds no
// root cause (the labelling guide, rule 4, for which a bare crash, like a bare `Killed`, stays `unknown`). Its category is what the
// stack runs through: the capture step's frames (the guide, rule 7), NCCL's own functions (a crash inside the collective library),
// else `other` (the guide's table: launch failures and crashes that name no category). Round 22's tuning logs show the three kinds,
// each labelled so by the collector and a blind labeller alike. The stacks, as each crash handler writes them:
// - CPython's faulthandler: "Fatal Python error: Segmentation fault", then "Current thread 0x… (most recent call first):" or
//   "Stack (most recent call first):" and `  File "<path>", line <n> in <function>` (python/cpython v3.12.0:Python/traceback.c:
//   dump_frame writes `  File "%s", line %d in %s`; rendered the same by Debian's CPython 3.11 with `python3 -X faulthandler`);
// - UCX's error handler: "Caught signal 11 (Segmentation fault: …)", "==== backtrace (tid: N) ====" and ` 5  <lib>(<function>+0x8a) [0x…]`;
// - Abseil's failure signal handler under Ray's logging: "*** SIGSEGV received at time=… ***", "PC: @ 0x… (unknown) <function>()"
//   and "@ 0x… <size> (unknown)" frames;
// - gdb's and glibc's backtraces: "#3  0x… in <function> () from <lib>".
// Pure.
import { frameEvidence, type GenericRule } from './category-evidence.ts';
import { cutRests, type LogLine } from './log-lines.ts';
import type { ProcessView } from './processes.ts';

/** A signal the process raised on itself: the crash line (not an exit code, which reports a child's end). */
const SIGNAL_CRASH = /Segmentation fault|\bSIG(?:SEGV|BUS|ILL|ABRT|FPE)\b|\bCaught signal \d+ \(|Fatal Python error: (?:Segmentation fault|Bus error|Aborted|Illegal instruction|Floating point exception)/;

/** A frame of the stack that names where it ran: its function (native) or its file and function (Python). */
const NAMED_FRAME = new RegExp(
  [
    String.raw`^\s*File "[^"]+", line \d+ in [\w<>]+`, // faulthandler
    String.raw`^\s*\d+\s+\S+\([A-Za-z_][\w:]*\+0x[0-9a-f]+\)\s*\[0x`, // UCX, glibc backtrace_symbols
    String.raw`@\s+0x[0-9a-f]+\s+(?:\d+\s+)?\S+\s+[A-Za-z_][\w:~]*\(`, // Abseil
    String.raw`^\s*#\d+\s+0x[0-9a-f]+ in [A-Za-z_][\w:~]*`, // gdb
  ].join('|'),
);

/** How far after the crash line its stack may begin, and how many of its lines are read. */
const STACK_WITHIN = 6;
const STACK_LINES = 40;

/** NCCL's own functions and library in a stack (`ncclAllReduce`, `libnccl.so.2`, pynccl's wrapper, its proxy thread). */
const NCCL_FRAME = /\bnccl[A-Z]\w*|\blibnccl\b|\bpynccl\w*|\baddProxyOp\w*|\bncclProxy\w*/;

const crash = (category: string, what: string): GenericRule => ({ category, what, re: new RegExp(`${SIGNAL_CRASH.source}|${NAMED_FRAME.source}`), fatal: false });
const IN_NCCL = crash('nccl', 'the process crashed (a signal) inside NCCL, as its stack shows');
const CRASHED = crash('other', 'the process crashed (a signal) where its stack shows');

/** The crash at view position `pos` with the frames of its stack that name where it ran, or null when it shows no such stack. */
export function crashWithStack(lines: readonly LogLine[], view: ProcessView, pos: number): { block: number[]; generic: GenericRule } | null {
  if (!SIGNAL_CRASH.test(lines[view.index[pos]!]!.text)) return null;
  const named: number[] = [];
  let other = false; // under faulthandler's "Thread 0x…" header: another thread's stack, not where it crashed
  let seen = 0; // the lines read, blank ones aside (a page may double-space them)
  for (let p = pos + 1; p < view.index.length && seen < STACK_LINES; p++) {
    const l = lines[view.index[p]!]!;
    if (l.text.trim() === '' || (l.cont && p > pos + 1 && !NAMED_FRAME.test(l.text))) continue;
    seen++;
    // (a frame read with the rests a terminal cut off it; a line right under the crash's, marked as its rest, read on its own)
    const text = l.cont ? l.text : withCut(lines, view, p);
    if (THREAD.test(text)) other = !CURRENT_THREAD.test(text);
    else if (NAMED_FRAME.test(text) && !(other && PY_FRAME.test(text))) named.push(p);
    if (named.length === 0 && seen > STACK_WITHIN) break;
  }
  if (named.length === 0) return null;
  const frames = named.map((p) => withCut(lines, view, p));
  const generic = frameEvidence(frames.map(asTracebackFrame)) ?? (frames.some((f) => NCCL_FRAME.test(f)) ? IN_NCCL : CRASHED);
  return { block: [pos, ...named.slice(0, 3)], generic };
}

/** faulthandler's header of a thread's stack: the current thread's (where it crashed) or its only one, or another thread's. */
const THREAD = /^\s*(?:Current thread|Thread) 0x[0-9a-f]+ \(most recent call first\):|^\s*Stack \(most recent call first\):/;
const CURRENT_THREAD = /^\s*(?:Current thread 0x|Stack \()/;
const PY_FRAME = /^\s*File "/;

/** A line with the rests a terminal cut off it (log-lines.ts, cutRests). */
const withCut = (lines: readonly LogLine[], view: ProcessView, pos: number): string => {
  const i = view.index[pos]!;
  return [i, ...cutRests(lines, i)].map((j) => lines[j]!.text).join('');
};

/** A faulthandler frame in a traceback's words (`File "…", line N, in f`), as the frame rules read them. */
const asTracebackFrame = (f: string): string => f.replace(/^(\s*File "[^"]+", line \d+) in /, '$1, in ');
