// What a server that came up survived: failures that did not stop it are not its root cause. Pure.
// - Its shutdown: once up and told to stop (isShutdownLine), what fails from then on is the stop.
// - A request's own failure: after the server was up, a failure the server answered with a client
//   error (4xx) right after it, or after which it went on serving (a request answered 200, a
//   throughput line), was one request's (a prompt over the context length, an unknown model name).
// - An error line that names no failure, logged before the server came up: the start went on past it
//   ("Error retrieving safetensors: …, retrying 1 of 2", then ready).
import { isReadyLine, isShutdownLine, type LogLine } from './log-lines.ts';
import type { Failure, ProcessFindings } from './root-cause.ts';
import type { ProcessView } from './processes.ts';

/** uvicorn's access-log line of a request answered with a client error (`"POST /v1/chat/completions HTTP/1.1" 400 Bad Request`). */
const CLIENT_ERROR = /"(?:GET|POST|PUT|DELETE|PATCH) \/\S* HTTP\/[\d.]+" 4\d\d\b/;
/** How near (in lines) the answer to a failed request follows its message. */
const ANSWER_WITHIN = 3;

/** Reads a process's findings from a view position on (root-cause.ts readProcess). */
export type Reread = (view: ProcessView, from: number) => ProcessFindings;

/** How many failed requests of one process are read past (each one rereads the rest of its output). */
const MAX_REQUESTS = 20;

/** The findings of each process without what the server survived (all of them when it never came up). */
export function survived(found: readonly ProcessFindings[], lines: readonly LogLine[], reread: Reread): ProcessFindings[] {
  const ready = lines.findIndex(isReadyLine);
  if (ready < 0) return [...found];
  const stop = lines.findIndex((l, i) => i > ready && isShutdownLine(l));
  const lastServed = lines.findLastIndex(isReadyLine);
  const kept = (i: number, end = i): boolean => (stop < 0 || i < stop) && !(i > ready && (end < lastServed || answered(lines, end)));
  // a failure repeated (other numbers, same words) after one the server survived is that request failing again
  const survivedOnce = new Set<string>();
  const repeated = (x: Failure): boolean => survivedOnce.has(shapeOf(lines, x));
  const f = (x: Failure | null): Failure | null => (x && kept(x.index, endOf(x)) && !repeated(x) ? x : null);
  const n = (i: number | null): number | null => (i !== null && kept(i) ? i : null);
  return found.map((first) => {
    let p = first;
    // a failure that was one request's: the process is read on after it (its traceback goes with it)
    for (let k = 0; k < MAX_REQUESTS && p.failure && !f(p.failure) && (stop < 0 || p.failure.index < stop); k++) {
      if (p.failure.index > ready && (stop < 0 || p.failure.index < stop)) survivedOnce.add(shapeOf(lines, p.failure));
      const next = reread(p.failure.view, p.failure.block[p.failure.block.length - 1]! + 1);
      // its traceback and the error lines of it (logged since the server came up) go with it
      const own = (i: number | null): number | null => (i !== null && i > ready && i <= p.failure!.index ? null : i);
      p = { ...next, weak: p.weak ?? next.weak, hint: p.hint ?? next.hint, wrapper: p.wrapper ?? next.wrapper, traceback: own(p.traceback) ?? next.traceback, errorLine: own(p.errorLine) ?? next.errorLine };
    }
    const errorLine = p.errorLine !== null && p.errorLine < ready ? null : n(p.errorLine);
    return { failure: f(p.failure), weak: f(p.weak), hint: f(p.hint), wrapper: n(p.wrapper), traceback: n(p.traceback), errorLine };
  });
}

/** A failure's message with its numbers blanked: the same failure of another request reads the same. */
const shapeOf = (lines: readonly LogLine[], x: Failure): string => lines[x.index]!.text.replace(/\d+/g, '#').trim();

const endOf = (x: Failure): number => x.view.index[x.block[x.block.length - 1]!] ?? x.index;

/** The server answered the request that failed at `end` with a client error. */
function answered(lines: readonly LogLine[], end: number): boolean {
  // the answer's line may be cut at a terminal's width: read the lines after the failure joined
  const near = lines.slice(end + 1, end + 1 + ANSWER_WITHIN).filter((l) => !l.header);
  return CLIENT_ERROR.test(near.map((l) => l.text).join('')) || near.some((l) => CLIENT_ERROR.test(l.text));
}
