// Root cause, not last line: each process's output is read on its own, its first real failure is
// found (a signature's line, an exception, a fatal CUDA/NCCL error name), and the earliest failure
// of all processes is the cause — vLLM's "See root cause above". Wrapper errors only point at it;
// a wrapper that quotes the worker's error ("Worker failed with error '…'") is read for that error.
// Warnings never decide while something failed; a repeated error counts once. Pure.
import { DRIVER_CHECK, exitsAfterMessage, FRAME_LINE, FRAME_RULES, frameEvidence, messageEvidence, TORCH_COMPILE, type GenericRule } from './category-evidence.ts';
import type { CompiledSignature } from './knowledge-base.ts';
import { captureOpenAt, cutMessageEvidence, NAMES_OWN_FAILURE, RAISED_IN_CAPTURE } from './fallback-evidence.ts';
import { crashWithStack } from './crash-stack.ts';
import { ASYNCIO_CONTEXT, CAUGHT_REFUSAL, caughtBySycl, ignoredEnd, lineAfterRests, namedBefore, namesNothing, reasonGiven, printedAndGoneOn } from './error-reasons.ts';
import { closesTraceback, cutAtLogEnd, EXCEPTION_SHAPE, pybindTraceback, relayedTraceback } from './traceback-close.ts';
import { CAUGHT, completesCutClass, FRAME_AT, withRest, IGNORED_HEAD, isCrashLine, isErrorLevel, isKilledLine, isErrorLine, isExceptionLine, relaysFailure, isStartFailedLine, isWrapperLine, joinedReadings, type LogLine } from './log-lines.ts';
import { CHAINED, MODEL_FAILED_WITH, RUNNER_TERMINATED } from './wrapper-words.ts';
import type { ProcessView } from './processes.ts';
import { blockStart, matchSignature, SOURCE_CODE, type SignatureHit } from './signature-match.ts';
import { failedCapture } from './capture-failed.ts';
import { sentenceMessages } from './sentence-messages.ts';
import { LLAMACPP_ERROR_LINE } from './upstream-messages.ts';
import { isNcclInfo, SHELL_TRACE } from './line-clean.ts';
import { CAUSE, CAUSED_BY } from './unlevelled-errors.ts';

/** A failure found in one process: what decides it and the lines of its message. */
export interface Failure {
  /** The line that shows the failure (log index). */
  index: number;
  view: ProcessView;
  /** View positions of the failure's message (the failure line and its continuation). */
  block: number[];
  sig: SignatureHit | null;
  generic: GenericRule | null;
  /** Lines (log indexes) that show where it happened, shown beside it as evidence (the frames of a crash's stack). */
  shown?: number[];
}

/** What one process's output shows. */
export interface ProcessFindings {
  failure: Failure | null;
  /** A signature matched only by a WARNING line (decides only when nothing failed; an INFO or DEBUG line reports no failure: the guide's rule 6). */
  weak: Failure | null;
  /** The first wrapper error ("See root cause above") or start-failed announcement. */
  wrapper: number | null;
  /** The first traceback header or frame. */
  traceback: number | null;
  /** The first ERROR/CRITICAL line that names no failure of its own ("Failed to …"). */
  errorLine: number | null;
  /**
   * The first unlevelled line (prose, a pasted message, a cut line) whose words name a category
   * ("… is not supported for the current GPU"): decides only when nothing failed and the server
   * never became ready.
   */
  hint: Failure | null;
}

/**
 * A traceback's header or frame, also a frame cut off inside its path (`File ".../attention/mm_`); and the line Python's threading prints
 * before the traceback of a thread that raised, also cut (CPython's Lib/threading.py, excepthook: `print(f"Exception in thread {name}:", …)`,
 * then the traceback; read in RustPython/RustPython cc1e55e3e43f14a673901ea78ccb426ecb6c3bbb:Lib/threading.py:1297-1299, its copy of CPython's).
 */
export const TRACEBACK = /Traceback \(most\b|^\s*File "[^"]+", line \d+, in \S+|^\s*File "[^"\s]+$|^\s*Exception in thread \S/;
const FRAME = FRAME_LINE;
/** A traceback's source line that opens a CUDA-graph capture (`with torch.cuda.graph(g):`): what it raised, it raised in capture. */
const CAPTURE_SOURCE = /\btorch\.cuda\.graph\(/;
/**
 * Lines that end an exception's message: frames, tracebacks, glog lines of C++ code (and, in messageBlock, Python's separator of a
 * chained exception, wrapper-words.ts CHAINED, and the shell's trace of its next command, line-clean.ts SHELL_TRACE).
 */
const MESSAGE_END = /^\s*File "|Traceback \(most|^\s*\[?[IWEF]\d{3,4} \d\d:|^\s*\d+\s+0x[0-9a-f]+ |^frame #\d+:|^Exception raised from /;
const MAX_MESSAGE_LINES = 12;
/**
 * Wrappers that quote the failing worker's own error message (a wrapper that quotes a wrapper, `RayTaskError(ActorDiedError)`, quotes no cause).
 * vLLM V1's executor quoted it as `'{result}'` (77f0d465d0a6:vllm/v1/executor/multiproc_executor.py:208) and, for a while in April 2025
 * (0.8.3–0.8.4, 1dd23386ecab:…:123), passed it as a second argument to a `%s` message, so the exception prints as a tuple:
 * `RuntimeError: ('Worker failed with error %s, please check the stack trace above for the root cause', 'TypeError …')`.
 * mistral.rs's failed step quotes its error too (log-lines.ts, MODEL_FAILED_WITH). Not Ray's header alone, `RayTaskError(ValueError): ray::f()
 * (pid=…, ip=…)`: Ray writes it in place of the remote traceback's "Traceback (most recent call last):" line (the task's proctitle, pid
 * and ip, in cyan, and an actor's id and repr after them for an actor's method, `(pid=…, ip=…, actor_id=…, repr=<…>)`; a Ray Serve
 * replica's class is named "ServeReplica:<app>:<deployment>", 0016b72beb2c8da9bbf73272374d68c00a585877:python/ray/serve/_private/common.py:31-32:
 * ray-project/ray 3c6f7df5c02ea13ed318b8979feb912c80ec9b1b:python/ray/exceptions.py, RayTaskError.__str__), so the
 * message is the traceback's last line, and a header whose traceback is cut before it quotes no cause (the guide's rule 4).
 */
const QUOTES_CAUSE = new RegExp(
  String.raw`Worker failed with error '|Worker failed with error %s, please check the stack trace above for the root cause', ['"](?:['"]\w)?[^'"\s)]|RayTaskError\((?!(?:ActorDiedError|RayTaskError|ChildFailedError)\))\w+\)(?!: (?:\x1b?\[\d+m)?ray::[\w.:-]+\(\)(?:\x1b?\[\d+m)? \(pid=\d+, ip=[\d.]+(?:, actor_id=[0-9a-f]+, repr=.*)?\)\s*$)|Exception in worker \S+ while processing method \w+: \S|\b\w+ hit an exception: (?!Traceback)\S|` +
    String.raw`${MODEL_FAILED_WITH.source}\S`,
);
/** A wrapper that names the program that failed (`CalledProcessError: Command '['…/bin/ptxas', …]'`): the program may name the category. */
const NAMES_PROGRAM = /CalledProcessError: Command '/;
/**
 * A wrapper that relays the last error line its child wrote, cut to what follows an error prefix (Ollama's "llama runner process
 * has terminated: <last>", llm/status.go): it decides when those words name a category ("CUDA error: out of memory"); a crash
 * ("error:fault", from the Go runtime's "fatal error: fault"), an exit status or a "CUDA error" that names no error leave it a
 * wrapper; a message of its own (words after its last colon: "error loading model: tensor 'x' data is not within the file bounds")
 * that names no category is still the cause, as a quoted worker's error is (`other`).
 */
const RELAYS_LAST_ERROR = new RegExp(String.raw`${RUNNER_TERMINATED.source}\S`);
const RELAYED_MESSAGE = /\bprocess has terminated: (?:.*?: )?[A-Za-z][^\s:]*(?: ['"]?[A-Za-z][^\s:]*){2,}\s*$/;

/**
 * A line logged below ERROR, or that calls itself a warning: a Python warning (`<Class>Warning: …`), or a program's or library's own
 * prefix and the word ("libibverbs: Warning: couldn't load driver 'libmlx5-rdmav34.so': …", written before it goes on to the next
 * provider: linux-rdma/rdma-core libibverbs/dynamic_driver.c, load_driver's out_dlopen).
 */
export function isWeak(l: LogLine): boolean {
  return l.level === 'WARNING' || l.level === 'DEBUG' || l.level === 'INFO' || /\b[A-Z]\w*Warning:|^[\w.-]{1,40}: [Ww]arning: /.test(l.text);
}

/** A traceback's source line (right after its frame, or a `raise X(f"…")`) quotes code, not a message. */
function isSourceLine(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const prev = view.index[pos - 1];
  const text = lines[view.index[pos]!]!.text;
  return SOURCE_CODE.test(text) || (/^\s/.test(text) && prev !== undefined && FRAME_AT.test(lines[prev]!.text));
}

/**
 * View positions of the message that starts at pos: its continuation lines, joined later. llama.cpp writes its errors one line each
 * (LLAMACPP_ERROR_LINE: "…\n" formats), its other records bare after them: such an error's message is its line and the rests a
 * terminal cut off it (cutBlock).
 */
export function messageBlock(lines: readonly LogLine[], view: ProcessView, pos: number): number[] {
  if (LLAMACPP_ERROR_LINE.test(lines[view.index[pos]!]!.text)) return cutBlock(lines, view, pos);
  const out = [pos];
  for (let p = pos + 1; p < view.index.length && out.length < MAX_MESSAGE_LINES; p++) {
    const l = lines[view.index[p]!]!;
    if (l.text.trim() === '' && !l.header) {
      out.push(...causedBy(lines, view, p));
      break;
    }
    if (l.header || MESSAGE_END.test(l.text) || CHAINED.test(l.text) || SHELL_TRACE.test(l.text) || isWrapperLine(l)) break;
    if (l.level !== null && l.level !== 'ERROR' && l.level !== 'CRITICAL') break;
    // another exception logged at another level is another record, not this message's rest
    if (!l.cont && l.level !== lines[view.index[pos]!]!.level && isExceptionLine(l)) break;
    out.push(p);
  }
  return out;
}

/**
 * The causes an error's Debug form lists after it — `Error: <error>`, a blank line, `Caused by:`, then each cause indented, numbered
 * when there are several (dtolnay/anyhow 1.0.104:src/fmt.rs:27-40, Indented's `{: >5}: `): the last is the root cause, and part of
 * the error's message. From the blank line at `pos`; none when no such chain follows.
 */
function causedBy(lines: readonly LogLine[], view: ProcessView, pos: number): number[] {
  const head = view.index[pos + 1];
  if (head === undefined || !CAUSED_BY.test(lines[head]!.text)) return [];
  const out = [pos + 1];
  // (indented as written, under whatever carried or tagged the line: `text-embeddings-1  |     Could not start backend: …`)
  // (and the rest a terminal cut off a cause)
  for (let p = pos + 2; p < view.index.length && out.length < MAX_MESSAGE_LINES; p++) {
    const l = lines[view.index[p]!]!;
    if (!l.cont && !CAUSE.test(l.text)) break;
    out.push(p);
  }
  return out.length > 1 ? out : [];
}

/** A line with the rest a terminal cut off it (the next lines of its process that continue it). */
function cutBlock(lines: readonly LogLine[], view: ProcessView, pos: number): number[] {
  const out = [pos];
  for (let p = pos + 1; p < view.index.length && out.length < 4 && view.index[p] === view.index[p - 1]! + 1 && lines[view.index[p]!]!.cont; p++) out.push(p);
  return out;
}

/**
 * The rest a terminal cut off a warning is a warning too (`… WARNING … ImportError:` + `libnvrtc.so.13: …`), as the rest of NCCL's
 * INFO line is information (`… NCCL INFO ncclOsDlopen(libnccl-env.so) failed: libnccl-env` + `.so: cannot open …`), unless it
 * announces or names an exception alone. (Not any INFO line's: a bare line after a long INFO line of an engine is as often its own.)
 */
function restOfWarning(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const l = lines[view.index[pos]!]!;
  let p = pos;
  while (p > 0 && view.index[p - 1] === view.index[p]! - 1 && lines[view.index[p]!]!.cont) p--;
  // (Python's "<file>:<line>: UserWarning: …" may be cut right after the line number: the category is then in the piece after it)
  const head = withRest(lines, view.index[p]!);
  // (an exception's class cut inside its name, `… Val` + `ueError: …`, is the warning's own exception line, not one of its own)
  const i = view.index[pos]!;
  const classCut = i > 0 && /^[a-z]/.test(l.text) && completesCutClass(lines[i - 1]!.text, l.text);
  return p < pos && !announces(l) && (!isExceptionLine(l) || classCut || /^\s*[A-Z]\w*Warning:/.test(l.text)) && (head.level === 'WARNING' || /\b[A-Z]\w*Warning:/.test(head.text) || (isNcclInfo(head.text) && !relaysFailure(head)));
}

/** A wrapper or a start-failed announcement (the rest of a cut line that says it alone is its own line, not this one's). */
const announces = (l: LogLine): boolean => isWrapperLine(l) || isStartFailedLine(l);

/**
 * The line at pos with the rests a terminal cut off it (`…[core.py:1] t` + `orch._dynamo.exc.…Error: …`): joined as cut inside a word, or at
 * a space where only that reading announces a failure told elsewhere (a terminal cut a wrapper's words between two of them).
 */
function whole(lines: readonly LogLine[], view: ProcessView, pos: number): LogLine {
  const head = lines[view.index[pos]!]!;
  const texts = cutBlock(lines, view, pos).map((p) => lines[view.index[p]!]!.text);
  const joined = { ...head, text: texts.join('') };
  if (texts.length < 2 || announces(joined)) return joined;
  const spaced = { ...head, text: texts.join(' ') };
  return announces(spaced) ? spaced : joined;
}

export const textOf = (lines: readonly LogLine[], view: ProcessView, block: readonly number[]): string => block.map((p) => lines[view.index[p]!]!.text).join('');

/** Frames of the traceback that the message at pos ends. */
function framesBefore(lines: readonly LogLine[], view: ProcessView, pos: number): string[] {
  const out: string[] = [];
  for (let p = blockStart(lines, view, pos); p < pos; p++) {
    const t = lines[view.index[p]!]!.text;
    if (FRAME.test(t) || CAPTURE_SOURCE.test(t)) out.push(t);
  }
  return out;
}

/**
 * How a line is read. `exception`: it failed, the category is what its message or frames show, else
 * none. `error` (logged as an error): it failed if a signature or its words name a category. `line`:
 * only a signature or a fatal error name (cudaError…, nccl…Error) makes it a failure.
 */
type Mode = 'exception' | 'error' | 'line';

/** Reads a message: a signature, else generic evidence of its words, else of its frames. */
function judge(lines: readonly LogLine[], view: ProcessView, block: number[], sigs: readonly CompiledSignature[], mode: Mode): Failure | null {
  const index = view.index[block[0]!]!;
  const sig = matchSignature(lines, view, block, sigs);
  const texts = block.map((p) => lines[view.index[p]!]!.text);
  if (sig) {
    // (the message read whole, with the lines that continue it: "Capture cuda graph failed: Assertion error" + "(/deepgemm/…)")
    const whole = messageBlock(lines, view, block[0]!);
    const readings = [...texts, ...[' ', ''].map((j) => whole.map((p) => lines[view.index[p]!]!.text).join(j))];
    // (undefined: a fatal error of another category overrules the signature; null: the signature stands; else the carried error's rule)
    const named = overruled(sig, readings) ? undefined : failedCapture(sig, readings);
    if (named === null) return { index: sig.index, view, block, sig, generic: null };
    if (named) return { index, view, block: whole.length > block.length ? whole : block, sig: null, generic: named };
  }
  // the whole message (its lines joined each way they may have been broken), rules in their order
  let generic = messageEvidence(texts.length > 1 ? joinedReadings(texts) : texts, mode === 'line');
  // before giving up: a message cut inside a fatal error's text, the frames it was raised through, the capture it broke
  if (!generic && mode !== 'line') generic = cutMessageEvidence(texts.join(''));
  // (the exception read with the rest a terminal cut off it: `KeyError: 'mll` + `ama'`; or pybind11's frames under a message, with the
  // exception it carries: "… Internal: AttributeError: module 'x' has no attribute 'y'")
  if (!generic && mode === 'exception') generic = frameEvidence(framesBefore(lines, view, block[0]!), textOf(lines, view, cutBlock(lines, view, block[0]!)));
  if (!generic && mode !== 'line') generic = frameEvidence(...pybindTraceback(lines, view, block));
  if (!generic && mode === 'exception' && /^\s*AssertionError\s*$/.test(texts.join(''))) {
    const asserted = assertedSupport(lines, view, block[0]!);
    if (asserted) return { index, view, block: [...asserted, ...block], sig: null, generic: ASSERTED_SUPPORT };
  }
  if (!generic && mode === 'exception' && captureOpenAt(lines, index)) generic = RAISED_IN_CAPTURE;
  // torch.compile failed while CUDA graphs were being captured (its frames, or a capture begun and not ended): the capture's failure
  if (generic === TORCH_COMPILE && (captureOpenAt(lines, index) || frameEvidence(framesBefore(lines, view, block[0]!))?.category === 'graph-capture')) generic = RAISED_IN_CAPTURE;
  if (!generic && mode !== 'line' && [...texts, texts.join(' '), texts.join('')].some((t) => NAMES_OWN_FAILURE.re.test(t))) generic = NAMES_OWN_FAILURE;
  if (mode !== 'exception' && !generic) return null;
  return { index, view, block, sig: null, generic };
}

/** A backend's own code: attention backends, quantization layers, kernels, an attention kernel's own file (SGLang's layers/extend_attention.py). */
const BACKEND_FRAME = /\/(?:attention\/(?:backends|ops)|layers\/quantization|kernels?)\/[\w/]*\.py"|\/\w*attention\w*\.py"/;
/**
 * An assert that something is supported, or that a size is one of those a kernel was written for (`assert Lq in {16, 32, 64, 128, 256, 576}`,
 * the head sizes of SGLang's Triton extend-attention kernel: 05bea6883c4b3f2fb7f01287cd8dccefeacd545f:python/sglang/srt/layers/extend_attention.py:264).
 */
const ASSERTS_SUPPORT = /^\s*assert\b.*support|^\s*assert\s+[\w.[\]]+\s+in\s+[[{(]\s*\d+(?:\s*,\s*\d+)+\s*[\]})]\s*$/i;
const ASSERTED_SUPPORT: GenericRule = { category: 'backend-unsupported', what: 'a backend asserted that it supports this GPU or configuration, and it does not', re: new RegExp(`${ASSERTS_SUPPORT.source}|^\\s*File "`, 'i'), fatal: false };

/**
 * A bare `AssertionError` is read by its assert statement: raised by a backend's own code (an attention backend,
 * a quantization layer, a kernel) asserting that something is supported (`assert is_fa_version_supported(…)`),
 * the backend refused this GPU or configuration (the guide's table: backend-unsupported).
 */
function assertedSupport(lines: readonly LogLine[], view: ProcessView, pos: number): number[] | null {
  // (each line read with the rests a terminal cut off it: its process's next lines that continue it)
  const near = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => pos - d).filter((p) => p >= 0 && !lines[view.index[p]!]!.cont);
  const src = near.find((p) => ASSERTS_SUPPORT.test(whole(lines, view, p).text));
  const frame = near.find((p) => /^\s*File "/.test(lines[view.index[p]!]!.text));
  // the assert statement right under the traceback's last frame, which is a backend's
  return src !== undefined && frame !== undefined && frame < src && BACKEND_FRAME.test(whole(lines, view, frame).text) ? [frame, src] : null;
}

/** A fatal error name in the message (cudaError…, a libcuda symbol) of another category than the signature's says more. */
function overruled(sig: SignatureHit, texts: readonly string[]): boolean {
  const fatal = messageEvidence(texts, true);
  return fatal !== null && fatal.category !== sig.sig.category;
}

/**
 * An ERROR line logged right before a traceback (`logger.exception(msg)`) describes it. The traceback may be indented: rich's
 * RichHandler lays the message out in a column after the time and level (rich 13.7.1:rich/_log_render.py:49-52), so the lines
 * after its first start under that column.
 */
function logsTraceback(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  const next = lineAfterRests(lines, view, pos);
  return next !== undefined && /^\s*Traceback \(most/.test(next.text) && !ASYNCIO_CONTEXT.test(lines[view.index[pos]!]!.text);
}

/**
 * PyTorch Inductor's autotuner benchmarking one candidate kernel (max-autotune) that raised: it logs one record over three lines,
 * "Runtime error during autotuning: \n<the error>. \nIgnoring this choice.", gives that candidate an infinite time and goes on with the
 * others (torch/_inductor/select_algorithm.py, benchmark_in_current_process: `log.error(…)` then `timing = float("inf")`, as the code
 * index holds it; pytorch/pytorch is over the fetch limit). Its head and its last line; the error between them (an OutOfMemoryError of
 * Triton's shared memory, "No valid triton configs") failed nothing. Behind torch's logging header, each line may carry the compile's id
 * ("[12/0] "), as dynamo's frame and compile counts.
 */
const [AUTOTUNE_CHOICE_FAILED, AUTOTUNE_CHOICE_IGNORED] = [/^(?:\[\d+\/\d+(?:_\d+)?\] )?Runtime error during autotuning:/, /^(?:\[\d+\/\d+(?:_\d+)?\] )?Ignoring this choice\.\s*$/];

/**
 * Where what starts at `pos` ends when it reports an error that did not fail the process, else null: an error the engine caught,
 * read whole (with the rests a terminal cut off it, which are skipped with it), or an exception Python reported and ignored; or a
 * process's last line cut before it named its traceback's exception (traceback-close.ts, cutAtLogEnd), which reports none.
 * A refusal the engine caught (CAUGHT_REFUSAL) is kept as a warning is (`f.weak`): gone on from, it failed nothing by itself; it decides
 * when the start then failed without naming why and nothing shows health (classify.ts; the labelling guide, rule 6: the only cause the log names).
 */
function notFailed(lines: readonly LogLine[], view: ProcessView, pos: number, f: ProcessFindings): number | null {
  const text = lines[view.index[pos]!]!.text;
  if (IGNORED_HEAD.test(text)) return ignoredEnd(lines, view, pos);
  // (a process's last line under a traceback, cut before it named the exception: the traceback is cut, the guide's rule 4)
  if (cutAtLogEnd(lines, view, pos) && closesTraceback(lines, view, pos)) return pos;
  if (printedAndGoneOn(lines, view, pos)) return cutBlock(lines, view, pos).at(-1)!; // with the rests a terminal cut off it
  // (the autotuner's record ends a few lines on: the error it holds may span some; its head or its end may be cut by a terminal)
  const end = AUTOTUNE_CHOICE_FAILED.test(withRest(lines, view.index[pos]!).text) ? view.index.slice(pos + 1, pos + 16).findIndex((i) => [lines[i]!, withRest(lines, i)].some((l) => AUTOTUNE_CHOICE_IGNORED.test(l.text))) : -1;
  if (end >= 0) return pos + 1 + end;
  const caught = CAUGHT.test(text) ? [pos] : cutBlock(lines, view, pos);
  // the block read as one line, its rests joined as a terminal cut them (a space at a cut end is lost where the text is trimmed)
  const said = joinedReadings(caught.map((p) => lines[view.index[p]!]!.text)).find((t) => CAUGHT.test(t));
  if (said === undefined) return null;
  if (!f.weak && CAUGHT_REFUSAL.test(said)) f.weak = judgeHint(lines, view, pos);
  return caught.at(-1)!;
}

/**
 * Whether the line at `pos` says the process was interrupted (killed, or told to stop): what follows is the stop. A traceback it
 * closes (`KeyboardInterrupt` under its frames) is the interrupt's own, not one cut before its exception: no longer counted as cut.
 */
function interrupted(f: ProcessFindings, lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  if (!isKilledLine(lines[view.index[pos]!]!)) return false;
  if (f.traceback !== null && closesTraceback(lines, view, pos)) f.traceback = null;
  return true;
}

/** The first failure of a process from view position `from`, and the position where it was found. */
function scan(lines: readonly LogLine[], view: ProcessView, sigs: readonly CompiledSignature[], from: number): { f: ProcessFindings; pos: number } {
  const f: ProcessFindings = { failure: null, weak: null, wrapper: null, traceback: null, errorLine: null, hint: null };
  const seen = new Set<string>();
  let described: number | null = null;
  let quoted: number | null = null;
  for (let p = from; p < view.index.length; p++) {
    const i = view.index[p]!;
    const l = lines[i]!;
    if (l.text.trim() === '' && !l.header && isErrorLevel(l)) f.errorLine ??= i; // an ERROR header whose message is cut off or blank
    // (a candidate the autotuner dropped is read again, its record to be skipped whole, also when its head repeats an earlier one's)
    if (l.header || l.text.trim() === '' || (seen.has(l.text) && !AUTOTUNE_CHOICE_FAILED.test(withRest(lines, i).text)) || isSourceLine(lines, view, p)) continue;
    seen.add(l.text);
    const past = notFailed(lines, view, p, f);
    if (past !== null) {
      p = past;
      continue;
    }
    if (l.cont && restOfWarning(lines, view, p)) continue;
    // (Python's "<file>:<line>: UserWarning: …" is a warning also when a terminal cut it right after the line number)
    if (isWeak(withRest(lines, i)) && !relaysFailure(l) && !relayedTraceback(lines, view, p)) {
      if (!f.weak) f.weak = judgeWeak(lines, view, p, sigs);
      // a warning that names a fatal error (cudaError…, "driver version is insufficient"), or a record whose error field does
      // (klog/logfmt `err="… CUDA Error: out of memory …"`): every line read here (a level, or a Python warning's class) is one
      if (f.hint === null) f.hint = judgeHint(lines, view, p, true);
      continue;
    }
    if (f.traceback === null && TRACEBACK.test(l.text)) f.traceback = i;
    // interrupted from outside (Ctrl-C; vLLM turns SIGTERM into `KeyboardInterrupt: terminated`): what follows is the stop
    if (interrupted(f, lines, view, p)) break;
    // what a line is (wrapper, exception, error) is read from it whole, with the rests a terminal cut off
    const w = whole(lines, view, p);
    // (a rest that announces alone may be a line of its own, unless the head is no message of its own: `vllm.v1.engine.exception` + `s.EngineDeadError: …`)
    if (announces(l) || (announces(w) && (!announces({ ...l, text: w.text.slice(l.text.length) }) || !isExceptionLine(l)))) {
      // a quoted error decides at once if it names a category; else a traceback after it may
      const named = QUOTES_CAUSE.test(w.text) || NAMES_PROGRAM.test(w.text) || RELAYS_LAST_ERROR.test(w.text) ? judge(lines, view, messageBlock(lines, view, p), sigs, 'error') : null;
      if (named) return { f: { ...f, failure: named }, pos: p };
      if (QUOTES_CAUSE.test(w.text) || (RELAYS_LAST_ERROR.test(w.text) && RELAYED_MESSAGE.test(w.text))) quoted ??= p;
      else described = null; // the traceback an error line described ended in this wrapper: not cut, and the error only relayed it
      f.wrapper ??= i;
      continue;
    }
    const { mode, closes, traceback } = readAs(lines, view, p, w);
    // an unlevelled message that says the program goes on past the error it names ("Will ignore error and continue.
    // Error: [Errno 30] …"), or with something else in place of what it refused ("…; setting cudagraph_mode=PIECEWISE",
    // "…, communicator is not available."), reports no failure (the labelling guide, rule 6: a warning whose logger header
    // was lost reads the same); an exception a traceback raised does not go on
    if (l.level === null && !(mode === 'exception' && EXCEPTION_SHAPE.test(l.text)) && !closes && GOES_ON.test(w.text)) {
      p = cutBlock(lines, view, p).at(-1)!; // with the rests a terminal cut off it
      continue;
    }
    if (mode === 'error' && logsTraceback(lines, view, p)) {
      described ??= p;
      continue;
    }
    // pydantic's ValidationError names no failure: a validator's ValueError follows as "  Value error, <its message>"; when that
    // message is a wrapper's ("Model architectures [...] failed to be inspected"), the whole error is one
    if (mode === 'exception' && relaysWrapper(lines, view, p)) {
      f.wrapper ??= i;
      continue;
    }
    const failure = shownFailure(lines, view, p, traceback, judge(lines, view, mode === 'line' ? cutBlock(lines, view, p) : messageBlock(lines, view, p), sigs, mode));
    // a container's driver check goes on to start the engine: it decides only when nothing after it does
    if (failure && DRIVER_CHECK.test(textOf(lines, view, messageBlock(lines, view, p)))) {
      f.hint ??= failure;
      p = Math.max(p, failure.block.at(-1)!);
      continue;
    }
    if (failure) return { f: { ...f, failure: closes ? failure : namedBefore(lines, view, failure, f.hint) }, pos: p };
    if (mode === 'error' || isCrashLine(l)) f.errorLine ??= i;
    else if (f.hint === null && l.level === null && !l.cont) f.hint = judgeHint(lines, view, p);
  }
  const last = described ?? quoted;
  if (last !== null) f.failure = messageCause(lines, view, sigs, last, described !== null ? f.hint : null) ?? f.failure;
  return { f, pos: last ?? view.index.length };
}

/**
 * What a line is read as, from it whole (`w`, with the rests a terminal cut off): an exception (its own, one that closes a traceback, a
 * relayed failure, an error that gives its reason — with the traceback header such a line is read for), an error, or a line.
 */
function readAs(lines: readonly LogLine[], view: ProcessView, pos: number, w: LogLine): { mode: Mode; closes: boolean; traceback: number | null } {
  const closes = closesTraceback(lines, view, pos);
  const reason = reasonGiven(lines, view, pos, w, cutBlock(lines, view, pos).map((p) => lines[view.index[p]!]!.text));
  const mode: Mode = isExceptionLine(w) || closes || relaysFailure(w) || reason !== null || caughtBySycl(lines, view, pos) ? 'exception' : isErrorLine(w) ? 'error' : 'line';
  return { mode, closes, traceback: reason?.traceback ?? null };
}

/**
 * The failure a line shows: what judge read — an unlevelled line read as an error for the traceback after it (`traceback`) is shown
 * with that traceback —, or else a crash by a signal with the stack it crashed in (crash-stack.ts): the crash is the failure, where its stack shows.
 */
function shownFailure(lines: readonly LogLine[], view: ProcessView, pos: number, traceback: number | null, failure: Failure | null): Failure | null {
  if (failure) return traceback === null ? failure : { ...failure, shown: [traceback] };
  const crashed = isCrashLine(lines[view.index[pos]!]!) ? crashWithStack(lines, view, pos) : null;
  return crashed && { index: view.index[pos]!, view, block: crashed.block, sig: null, generic: crashed.generic, shown: crashed.block.slice(1).map((q) => view.index[q]!) };
}

/**
 * A traceback logged after its message but cut before its exception: the message is the cause, unless it names nothing and a line
 * before it named a failure (`hint`: ggml's "cudaMalloc failed: out of memory" before "Failed to load the model."), which came first
 * (the labelling guide, rule 1). An error quoted by a wrapper (`hint` null) that names no category is still the cause (other), unless
 * its message names nothing but that something failed (`namesNothing`: "Failed to load the model."): the cut traceback held the cause.
 */
function messageCause(lines: readonly LogLine[], view: ProcessView, sigs: readonly CompiledSignature[], pos: number, hint: Failure | null): Failure | null {
  const said = judge(lines, view, messageBlock(lines, view, pos), sigs, 'exception');
  return said && !said.sig && !said.generic && ((hint && hint.index < said.index) || namesNothing(said.block.map((p) => lines[view.index[p]!]!.text))) ? null : said;
}



const HANDLING = /During handling of the above exception, another exception occurred/;

/**
 * pydantic's ValidationError (vLLM's config classes are pydantic dataclasses) with the validator's ValueError on the next line,
 * as pydantic-core renders it: `Value error, <message>` (ErrorType::ValueError's template "Value error, {error}",
 * pydantic/pydantic-core c009b0004ea955d874790ee2d0a88164f313c23a:src/errors/types.rs), whose message is a wrapper's.
 */
const VALIDATION_ERROR = /\bValidationError: \d+ validation errors? for \w+/;
function relaysWrapper(lines: readonly LogLine[], view: ProcessView, pos: number): boolean {
  // (each line read with the rests a terminal cut off it: the validator's line is the one after them)
  const next = cutBlock(lines, view, pos).at(-1)! + 1;
  if (!VALIDATION_ERROR.test(whole(lines, view, pos).text) || view.index[next] === undefined) return false;
  const l = whole(lines, view, next);
  return /^\s*Value error, /.test(l.text) && isWrapperLine(l);
}

/**
 * Errors of the build or the environment (ptxas, no kernel image, the driver) that explain an
 * earlier failure which named nothing (`RuntimeError: CUDA: Error- invalid image`, then
 * `ptxas fatal : Unsupported .version 7.3`). Errors that a failure may cause in turn (NCCL
 * timeouts of the ranks left waiting, illegal memory accesses, out of memory) do not.
 */
const ENVIRONMENT = new Set(['ptx-toolchain', 'no-kernel-image', 'driver-mismatch']);
export const explainsBefore = (f: Failure): boolean => f.generic !== null && f.generic.fatal && ENVIRONMENT.has(f.generic.category);

/**
 * The first failure of one process, with its wrappers, warnings and tracebacks noted. When that
 * failure names no category and, while it was being handled, another exception was raised that
 * does (transformers turns `KeyError: 'qwen3'` into "does not recognize this architecture"), or a
 * later error of the build or environment names one, the second one says what the first meant.
 */
export function readProcess(lines: readonly LogLine[], view: ProcessView, sigs: readonly CompiledSignature[], from = 0): ProcessFindings {
  const first = scan(lines, view, sigs, from);
  const fail = first.f.failure;
  // a failure placed only by the frames it was raised through, or only named a failure of no known kind, names no category by its words
  if (!fail || fail.sig || (fail.generic && !FRAME_RULES.includes(fail.generic) && fail.generic !== NAMES_OWN_FAILURE)) return first.f;
  const after = first.pos + fail.block.length;
  const next = scan(lines, view, sigs, after);
  const better = next.f.failure;
  if (!better || (!better.sig && !better.generic)) return first.f;
  const between = view.index.slice(after, next.pos).some((i) => HANDLING.test(lines[i]!.text));
  return between || explainsBefore(better) ? { ...first.f, failure: better } : first.f;
}

/**
 * A warning that says the engine goes on without what failed: falls back, retries, ignores, disables, sets another mode in
 * place of the one refused (vLLM: "CUDAGraphMode.FULL_AND_PIECEWISE is not supported with … backend (…); setting
 * cudagraph_mode=PIECEWISE because attention is compiled piecewise", 2a69949bdadf0e8942b7a1619b229cb475beef20:
 * vllm/v1/worker/gpu_model_runner.py:6324-6338, logged as a warning), or leaves a part of itself out ("SymmMemCommunicator:
 * Device capability 7.5 not supported, communicator is not available.", the same commit's
 * vllm/distributed/device_communicators/symm_mem.py:66-70, a warning and `return`), or turns the part off (SGLang: "opentelemetry package
 * is not installed, tracing disabled", 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/observability/trace.py:67, logged
 * at INFO by 0.5.4), or takes work back to run it again (SGLang's scheduler retracting requests under a full KV cache: log-lines.ts,
 * RETRACTED), or names what it needs only for another mode (vLLM's Ray, needed only for distributed inference: "Failed to import Ray
 * with %r. For distributed inference, please install Ray with `pip install ray`.", then `ray = None` and on: Yuran-7/vllm-0.11
 * a88081bf768fcc1c662e4f588bd01ca9ddcc6aad:vllm/executor/ray_utils.py:45-49; its Intel ops, optional on other GPUs: "Import error msg: No
 * module named 'intel_extension_for_pytorch'", a warning until September 2025, 79cbcab8717d737945fc458f21fb1f98711ed50e:vllm/_ipex_ops.py:13-16),
 * or probes a platform that is not this one and goes on to the next ("TPU platform is not available because: No module named 'libtpu'",
 * the same for XPU, ROCm and CPU: 2665d4910d814b0affde789ac16e4d4a3bcb4da9:vllm/platforms/__init__.py:52,120,146,167 — not CUDA's,
 * the platform a GPU host needs), or a feature of an optional library it probes at import and goes on without (xFormers' blocksparse
 * attention on a GPU older than compute capability 7.0: "Blocksparse is not available: the current GPU does not expose Tensor cores",
 * logger.warning, then `_is_blocksparse_available = False`: facebookresearch/xformers v0.0.22
 * 1e065bcaca65af9e07fa6743f6fec50c92762d7e:xformers/components/attention/blocksparse.py:28-32). Not advice on how to make a later run retry
 * (Ray's memory monitor: "Set max_retries to enable retry when the task crashes due to OOM."), nor a value it goes on with that
 * cannot work: SGLang's KV-cache capacity profiled below zero ("max_total_tokens=131072 is larger than the profiled value -561981. Use
 * the profiled value instead."), on which it raises "Not enough memory. Please try to increase --mem-fraction-static." next
 * (BBuf/sglang f18a8fddd4182c9802f62f406d50978cf4b11b96:python/sglang/srt/model_executor/model_runner.py:914-917,1017-1038).
 * Nor vLLM's V0 backend selector choosing another backend, "Cannot use FlashAttention-2 backend for Volta and Turing GPUs." (for a dtype,
 * an FP8 KV cache, a block size, a head size; "… because the vllm.vllm_flash_attn package is not found"), each an INFO line and then
 * `target_backend = _Backend.XFORMERS` (fa9ee08121d1d0ffb19c64f4b72ee653589e983b:vllm/platforms/cuda.py:170-218, Yuran-7/vllm-0.11):
 * read so also where its logger header was lost. And OpenCompass's model conversion for an accelerator that leaves a model type it
 * cannot convert as it was, "Unsupported model type <class …>, will keep the original model." (open-compass/opencompass
 * b9c0991bf3507af44035e0d4ebb09bfcc1db8aa5:opencompass/utils/run.py, change_accelerator: `acc_model = model` after the warning).
 * And transformers' caution when a checkpoint's config is read by a config class of another model type, "You are using a model of type
 * siglip to instantiate a model of type . This is not supported for all configurations of models and can yield errors.", a
 * logger.warning and then the config made all the same (huggingface/transformers 40a493c7ed4f:src/transformers/configuration_utils.py:
 * 563-568, as mklasby/transformers carries it): read so also where its logger header was lost.
 */
export const GOES_ON = /\b(?:fall(?:s|ing)? ?back|(?<!\benable )retry(?:ing)?\b|ignor(?:e|es|ed|ing)\b|skipp(?:ed|ing)\b|will not be (?:available|used)|(?:is|are|been|be) disabled|disabling\b|(?<!\bprofiled value -\d+\. Use the profiled value )instead\b|continu(?:e|es|ing) (?:without|with)\b)|[;,] (?:now )?setting [\w.]+ ?= ?\w|[;,] (?:the |this )?[\w-]+(?: [\w-]+)? (?:is|are) (?:not available|unavailable)(?:\.|\s*$)|[;,] [\w-]+(?: [\w-]+)? disabled\.?\s*$|#retracted_reqs: |\. For distributed inference, please install Ray\b|^Import error msg: No module named 'intel_extension_for_pytorch'|\b(?:TPU|XPU|ROCm|CPU) platform is not available because\b|\bBlocksparse is not available: the current GPU does not expose Tensor cores\b|\bCannot use FlashAttention-2 backend (?:for|because)\b|, will keep the original model\b|^libibverbs: Warning: couldn't load driver\b|\bThis is not supported for all configurations of models and can yield errors\b/i;

function judgeWeak(lines: readonly LogLine[], view: ProcessView, pos: number, sigs: readonly CompiledSignature[]): Failure | null {
  const l = lines[view.index[pos]!]!;
  if (l.level === 'INFO' || l.level === 'DEBUG') return null;
  // the warning with its message: the rests a terminal cut off it, or the lines of a message it opens (readLog marks both)
  const block = cutBlock(lines, view, pos);
  if (GOES_ON.test(textOf(lines, view, block))) return null;
  const sig = matchSignature(lines, view, block, sigs);
  return sig ? { index: sig.index, view, block, sig, generic: null } : null;
}

/** An unlevelled line judged by every generic rule but the loose ones (a bare word "nccl"); a person's sentence only for the messages it quotes or cites. */
function judgeHint(lines: readonly LogLine[], view: ProcessView, pos: number, onlyFatal = false): Failure | null {
  const block = cutBlock(lines, view, pos);
  const texts = block.map((p) => lines[view.index[p]!]!.text);
  // a traceback's frame is code, not a message; a line that says the engine goes on without what failed
  // (falls back, ignores, retries) decides nothing (the labelling guide, rule 6), unless it names a fatal error
  if (/^\s*File "[^"]+", line \d+, in \S+\s*$/.test(texts.join('')) || (!onlyFatal && GOES_ON.test(texts.join(' ')))) return null;
  const read = exitsAfterMessage(joinedReadings(texts)) ? texts : (sentenceMessages(texts[0]!, texts.join(''), onlyFatal) ?? texts);
  if (read.length === 0) return null;
  const generic = messageEvidence(read.length > 1 ? [read.join(' '), read.join('')] : read, onlyFatal, true);
  // a fatal error of another category in the rest of its message says more ("Capture cuda graph failed: Assertion error" + "(/deepgemm/…)")
  if (generic && !generic.fatal && read === texts) {
    const whole = messageBlock(lines, view, pos);
    const message = whole.map((p) => lines[view.index[p]!]!.text);
    const fatal = whole.length > block.length ? messageEvidence([message.join(' '), message.join('')], true) : null;
    if (fatal && fatal.category !== generic.category) return { index: view.index[pos]!, view, block: whole, sig: null, generic: fatal };
  }
  return generic ? { index: view.index[pos]!, view, block, sig: null, generic } : null;
}

/** The root cause over all processes: the earliest first failure. */
export function earliest(found: readonly ProcessFindings[], pick: (f: ProcessFindings) => Failure | null = (f) => f.failure): Failure | null {
  let best: Failure | null = null;
  for (const f of found) {
    const x = pick(f);
    if (x && (!best || x.index < best.index)) best = x;
  }
  return best;
}
