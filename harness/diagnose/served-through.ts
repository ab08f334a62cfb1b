// What a server survived, so not its root cause. Healthy is earned: a failure is passed over only on
// POSITIVE evidence, after its last line, that the server went on SERVING — never because it answered
// a client error, because a line says it goes on, or because it repeats one that was passed over
// (only a repeat, answered as the client's error, of one the server was seen serving after). Pure.
// The evidence, by what the failure names:
// - a failure of a fatal kind (a category of its own, a fatal CUDA/NCCL error name, out of memory, an
//   engine core or worker that died): the engine's own work after it (vLLM's throughput line with
//   tokens counted, SGLang's decode and prefill batches), or a start's ready line after it once the
//   server had been up (a restart). A request answered 200 is not enough: a streamed answer's status
//   is logged before its tokens are made, and the HTTP server answers while its engine is dead.
// - any other failure (one request's `ValueError`, a traceback cut before its exception): that, or a
//   request answered with success that shows the engine alive (a POST answered 2xx, vLLM's /health 200).
// - an error line that names no failure (not a crash): that, or, logged before the server came up,
//   any sign that it came up after it ("Error retrieving safetensors: …, retrying 1 of 2", then ready).
// Once up and told to stop (isShutdownLine), what fails from then on is the stop, not a cause. The shell not finding a program
// (a helper of the entrypoint) is passed over on any sign of health after it: the program it names did not run, another did.
import { COMMAND_NOT_FOUND, intervalReportOf, isCrashLine, isErrorLevel, isExceptionLine, isReadyLine, isShutdownLine, isStartedLine, servingShown, type LogLine } from './log-lines.ts';
import { TRACEBACK, type Failure, type ProcessFindings } from './root-cause.ts';
import type { ProcessView } from './processes.ts';
import { blockStart } from './signature-match.ts';
import { healthKindOf } from './health-evidence.ts';
import { CHAINED } from './wrapper-words.ts';

/** Reads a process's findings from a view position on (root-cause.ts readProcess). */
export type Reread = (view: ProcessView, from: number) => ProcessFindings;

/** How many survived failures of one process are read past (each one rereads the rest of its output). */
const MAX_PASSED = 20;

/** Words of a fatal failure, whatever category names it. */
const FATAL_WORDS = /\bCUDA error\b|\bcuda\w*Error|\bout of memory\b|\bNCCL\b|\bnccl\w*Error|EngineDead|\bdied\b|\bcore dumped\b|Segmentation fault|\bFatal\b/i;

/** How strong the evidence of serving on must be, by what failed. */
type Kind = 'fatal' | 'failure' | 'nameless';

/** The last line of each kind of evidence, and where the server first came up and was told to stop. */
interface Shown {
  up: number;
  stop: number;
  /** Whether the engine's own work is shown after a line (engineShownAfter). */
  engineAfter: (end: number) => boolean;
  request: number;
  /** The last start's ready line. */
  started: number;
}

function shownIn(lines: readonly LogLine[]): Shown {
  // a line of serving may be cut at a terminal's width: read it with its rests (cut inside a word or at a space); a server seen serving was up
  const serving = lines.map((l, i) => (l.cont ? null : withRests(lines, i).map(servingShown).find((x) => x !== null) ?? null));
  const up = lines.findIndex((l, i) => isReadyLine(l) || serving[i] !== null);
  return {
    up,
    stop: up < 0 ? -1 : lines.findIndex((l, i) => i > up && isShutdownLine(l)),
    engineAfter: engineShownAfter(lines, serving),
    request: serving.findLastIndex((x) => x !== null),
    started: lines.findLastIndex(isStartedLine),
  };
}

/**
 * The engine's work after a line: a batch the engine logged as it ran it (SGLang), or a vLLM throughput line with tokens that
 * is not that engine's first after the line — the first counts since the previous one, so partly before the line (intervalReportOf) —
 * unless the server started after the line (its count began then).
 */
function engineShownAfter(lines: readonly LogLine[], serving: ReadonlyArray<'engine' | 'request' | null>): (end: number) => boolean {
  // each line's report, read once: its process and engine (each process logs its own intervals: the same engine of two processes is two
  // reports), read with its rests as servingShown was (a throughput line may be cut at a terminal's width); a start is a report of its own
  const work = serving.flatMap((x, i) => (x === 'engine' ? [i] : []));
  if (work.length === 0) return () => false;
  const report = lines.map((l, i) => {
    if (isStartedLine(l)) return 'start';
    const engine = l.cont ? undefined : withRests(lines, i).map(intervalReportOf).find((x) => x !== null);
    return engine === undefined ? null : `${l.proc ?? ''}/${engine}`;
  });
  return (end) => work.some((e) => e > end && (report[e] === null || report.slice(end + 1, e).some((r) => r === report[e] || r === 'start')));
}

/** A line read with the rests a terminal cut off it, joined inside a word and at a space. */
function withRests(lines: readonly LogLine[], i: number): LogLine[] {
  let j = i + 1;
  while (j < lines.length && j < i + 4 && lines[j]!.cont) j++;
  if (j === i + 1) return [lines[i]!];
  const texts = lines.slice(i, j).map((l) => l.text);
  return [texts.join(''), texts.join(' ')].map((text) => ({ ...lines[i]!, text }));
}

/** The server went on serving after a failure at `i` that ends at `end`. */
function servedOn(s: Shown, i: number, end: number, kind: Kind): boolean {
  if (s.engineAfter(end)) return true;
  if (kind !== 'fatal' && end < s.request) return true;
  // a start that went on past an error that names nothing, and came up
  if (kind === 'nameless' && end < s.up) return true;
  // a restart: a start's ready line after a failure once the server had been up
  return i > s.up && end < s.started;
}

/**
 * What a failure names: a fatal kind, or a failure of no known kind; an error line that only gives its reason ("Failed to
 * <do>: <why>", logged, not raised: no exception, no traceback) is weighed as an error line that names nothing — a start
 * that went on past it and came up survived it.
 */
function kindOf(lines: readonly LogLine[], x: Failure): Kind {
  const category = x.sig?.sig.category ?? x.generic?.category ?? 'other';
  const text = x.block.map((p) => lines[x.view.index[p]!]!.text).join(' ');
  if (category !== 'other' || x.generic?.fatal || FATAL_WORDS.test(text)) return 'fatal';
  const first = lines[x.index]!;
  return x.sig === null && x.generic === null && isErrorLevel(first) && !isExceptionLine(first) && !x.block.some((p) => TRACEBACK.test(lines[x.view.index[p]!]!.text)) ? 'nameless' : 'failure';
}

/**
 * The shell's lines for a program it did not find, when any sign of health (health-evidence.ts: up, listening, a startup step done,
 * the KV cache sized, success) is seen after them: the shell writes one line naming the program that did not run
 * ("/aio/entrypoint.sh: line 52: nvidia-smi: command not found"), so a server seen starting after it was another program, which
 * ran; null when there is none. (The signs are read only in a log that holds such a line.)
 */
function helperMissed(lines: readonly LogLine[]): Set<number> | null {
  const missed = lines.flatMap((l, i) => (COMMAND_NOT_FOUND.test(l.text) ? [i] : []));
  if (missed.length === 0) return null;
  const shown = lines.findLastIndex((l) => healthKindOf(l) !== null);
  const before = missed.filter((i) => i < shown);
  return before.length > 0 ? new Set(before) : null;
}

/** The findings of each process without what the server survived (all of them when it never came up). */
export function survived(found: readonly ProcessFindings[], lines: readonly LogLine[], reread: Reread): ProcessFindings[] {
  const s = shownIn(lines);
  const missed = helperMissed(lines);
  if (s.up < 0 && missed === null) return [...found];
  const stopped = (i: number): boolean => s.stop >= 0 && i >= s.stop;
  // failures the server was seen to serve on after: the same failure again (numbers aside), answered
  // the same way, as the client's error, is passed on that evidence (a streamed answer's 200 is logged
  // before its failure, so a failure after a 200 is not "answered")
  const seenSurvived = new Set<string>();
  const passed = (x: Failure): boolean => {
    if (stopped(x.index) || missed?.has(x.index)) return true;
    const kind = kindOf(lines, x);
    if (kind !== 'fatal' && seenSurvived.has(shapeOf(lines, x)) && answeredClientError(lines, x)) return true;
    const on = servedOn(s, x.index, endOf(x), kind);
    if (on) seenSurvived.add(shapeOf(lines, x));
    return on;
  };
  const f = (x: Failure | null): Failure | null => (x && !passed(x) ? x : null);
  const n = (i: number | null, kind: Kind): number | null => (i !== null && !stopped(i) && !servedOn(s, i, i, kind) ? i : null);
  return found.map((first) => {
    let p = first;
    // a failure survived: the process is read on after it (its traceback and error lines go with it)
    for (let k = 0; k < MAX_PASSED && p.failure && passed(p.failure) && !stopped(p.failure.index); k++) {
      const x = p.failure;
      const next = reread(x.view, x.block[x.block.length - 1]! + 1);
      const own = (i: number | null): number | null => (i !== null && i <= x.index ? null : i);
      // (the separator of a chained exception right under the survived one is that exception's: survived with it)
      const wrapper = next.wrapper !== null && chainedFrom(lines, x, next.wrapper) ? null : next.wrapper;
      p = { ...next, weak: p.weak ?? next.weak, hint: p.hint ?? next.hint, wrapper: p.wrapper ?? wrapper, traceback: own(p.traceback) ?? next.traceback, errorLine: own(p.errorLine) ?? next.errorLine };
    }
    // a wrapper announces a dead engine or worker: a fatal kind
    const errorKind: Kind = p.errorLine !== null && (isCrashLine(lines[p.errorLine]!) || FATAL_WORDS.test(lines[p.errorLine]!.text)) ? 'fatal' : 'nameless';
    return { failure: f(p.failure), weak: f(p.weak), hint: f(p.hint), wrapper: n(p.wrapper, 'fatal'), traceback: n(p.traceback, 'failure'), errorLine: n(p.errorLine, errorKind) };
  });
}

/**
 * Whether the line at `i` is Python's separator of a chained exception ("The above exception was the direct cause of the following
 * exception:") right under the failure `x` (only blank lines of its process between): it wraps `x`, not a cause of its own.
 */
function chainedFrom(lines: readonly LogLine[], x: Failure, i: number): boolean {
  if (!CHAINED.test(lines[i]!.text)) return false;
  const at = x.view.index.indexOf(i);
  const between = x.view.index.slice(x.block[x.block.length - 1]! + 1, at);
  return at > 0 && between.every((k) => lines[k]!.text.trim() === '');
}

/** uvicorn's access-log line of a request answered with a client error (`"POST /v1/chat/completions HTTP/1.1" 400 Bad Request`). */
const CLIENT_ERROR = /"(?:GET|POST|PUT|DELETE|PATCH) \/\S* HTTP\/[\d.]+" 4\d\d\b/;
/** How near (in lines of its process) the answer to a failed request is logged, before its traceback or after its message. */
const ANSWER_WITHIN = 3;

/** The request that failed was answered with a client error (the line may be cut at a terminal's width). */
function answeredClientError(lines: readonly LogLine[], x: Failure): boolean {
  const start = blockStart(lines, x.view, x.block[0]!);
  const end = x.block[x.block.length - 1]!;
  const near = [...x.view.index.slice(Math.max(0, start - ANSWER_WITHIN), start), ...x.view.index.slice(end + 1, end + 1 + ANSWER_WITHIN)];
  return near.some((i) => !lines[i]!.cont && withRests(lines, i).some((l) => CLIENT_ERROR.test(l.text)));
}

/** A failure's message with its numbers blanked: the same failure of another request reads the same. */
const shapeOf = (lines: readonly LogLine[], x: Failure): string => lines[x.index]!.text.replace(/\d+/g, '#').trim();

const endOf = (x: Failure): number => x.view.index[x.block[x.block.length - 1]!] ?? x.index;
