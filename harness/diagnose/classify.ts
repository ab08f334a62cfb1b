// From a log to a Diagnosis: which known failure it shows, the lines that prove it, and what to try.
// The rooms, in the order a log passes through them:
//   log-lines.ts (+ process-key.ts)  each line cleaned of prefixes, markup and its process named
//   line-joins.ts                    frames cut by a terminal joined again
//   processes.ts                     each process's (rank's) lines read on their own
//   root-cause.ts                    each process's first failure; the earliest one is the cause
//   signature-match.ts               the specific signature of that failure, if one matches
//   category-evidence.ts             else generic evidence of a category (error names, frames)
//   diagnosis-build.ts               the Diagnosis with its confidence, evidence and remedies
// Healthy is earned: a failed start, a wrapper error or a traceback cut short is never healthy, and
// a log without failure is healthy only by positive evidence (health-evidence.ts), else `unknown`.
// Pure.
import type { Diagnosis } from '../core/diagnosis.ts';
import { SIGNATURES, type CompiledSignature } from './knowledge-base.ts';
import { isErrorLevel, isExitedLine, isKilledLine, isReadyLine, isShutdownLine, isSigkillLine, isStartedLine, isStoppedLine, readLog, servingShown, withRest, type LogLine } from './log-lines.ts';
import { survived } from './served-through.ts';
import { joinCutFrames } from './line-joins.ts';
import { untangle, viewAt } from './processes.ts';
import { earliest, explainsBefore, readProcess, textOf, type Failure, type ProcessFindings } from './root-cause.ts';
import { DRIVER_CHECK } from './category-evidence.ts';
import { importBehindFailure, importFailureBefore, importLogged } from './import-failure.ts';
import { CAUGHT_REFUSAL } from './error-reasons.ts';
import { fromFailure as diagnose, healthy, importBehindModel, importFailed, noSignOfHealth, requestRefused, rootCauseMissing, type MissingWhy } from './diagnosis-build.ts';
import { engineStarted, healthEvidence, healthKindOf } from './health-evidence.ts';
import { cutAtRaise, cutInStep } from './cut-traceback.ts';
import { regionTokens, type FallbackModel } from './fallback-model.ts';

export { signatureById } from './knowledge-base.ts';
export { classifyInfra } from './classify-infra.ts';

export interface ClassifyOptions {
  /** Engine id of the image ("vllm", "sglang"): signatures limited to other engines are skipped. */
  engine?: string;
  /** The signatures to match (default: the whole knowledge base); none shows what generic evidence alone decides. */
  signatures?: readonly CompiledSignature[];
  /**
   * A learned fallback for failures nothing names (fallback-model.ts). Default none: grouped 5-fold
   * cross-validation on the tuning split showed it hurts out of fold (scripts/train-fallback.ts), so
   * such a failure stays `other` (confidence `none`). Given here only to measure it again.
   */
  fallback?: FallbackModel | null;
}

/** Classifies an engine's startup/crash log (vLLM or SGLang; raw, from Docker, or pasted from an issue). */
export function classifyLog(text: string, opts: ClassifyOptions = {}): Diagnosis {
  const { lines, views, found: all } = readAll(text, opts);
  const ready = lines.find(isReadyLine);
  const found = survived(all, lines, (view, from) => readProcess(lines, view, sigsOf(opts), from));
  const model = opts.fallback ?? null;
  const fromFailure = (ls: readonly LogLine[], f: Failure): Diagnosis => diagnose(ls, f, model);

  const cause = saidInCapture(checkedDriver(explainedBefore(explained(earliest(found), found), found, lines), found, lines), found);
  if (cause) {
    const d = fromFailure(lines, cause);
    // a model "not supported" only because its module failed to import earlier; a failure that names nothing but a module whose import failed
    const message = cause.block.map((p) => lines[cause.view.index[p]!]!.text).join(' ');
    const imp = d.category === 'unsupported-model' ? importFailureBefore(lines, cause.index) : d.confidence === 'none' ? importBehindFailure(lines, cause.index, message) : null;
    return imp === null ? d : importBehindModel(lines, imp, d);
  }
  const weak = found.map((f) => f.weak).find((w) => w !== null);
  // nothing failed by its level, yet a bare line or a warning names a failure and the server never came up
  const hint = ready ? null : earliest(found, (f) => f.hint);
  // the log's first sign of health, read once and only when a rule below weighs it
  let health: { sign: LogLine | undefined } | undefined;
  const sign = (): LogLine | undefined => (health ??= { sign: healthEvidence(lines) }).sign;
  // a fatal error name (cudaError…, a CUDA driver symbol) of another category says more than a warning's signature on or after its line;
  // a warning decides only in a log that shows no health (the labelling guide, rule 6)
  // … a refusal the engine caught and went on from (CAUGHT_REFUSAL, kept as a warning) only once the start then failed without naming why
  const missing = causeMissing(lines, found, ready !== undefined);
  const refusal = weak !== undefined && CAUGHT_REFUSAL.test(lines[weak.index]!.text);
  if (weak && !(refusal && missing === null) && !ready && !(hint?.generic?.fatal && hint.index <= weak.index && hint.generic.category !== weak.sig?.sig.category) && !sign()) {
    // (a caught refusal is shown with the failure after it that named no cause: it decides only with that line)
    return fromFailure(lines, refusal ? { ...weak, shown: [missing!.index] } : weak);
  }
  // a logged line below ERROR (a warning, a debug probe) decides only in a log that shows no health (the labelling guide, rule 6)
  // healthy is earned: the server up, or a startup step seen to finish; else the log says nothing either way
  const shown = missing === null ? sign() : undefined;
  // (… unless its program exits right after it: a step finished before a warning uvicorn exits after says nothing of the end)
  if (hint && (hint.generic?.exits || !(lines[hint.index]!.level !== null && shown))) return fromFailure(lines, hint);
  if (missing === null) {
    // a request refused after the server came up, and nothing served after it: that error is the cause (guide, rule 2)
    const refused = shown ? lastRefused(lines) : null;
    if (refused !== null) return requestRefused(lines, refused, shown!);
    // … and a request the server failed (5xx), its access log saying no more: the cause is not in the log (guide, rules 2 and 4)
    const failed = shown ? lastAnswered(lines, SERVER_ERROR, ANSWERED_OK) : null;
    if (failed !== null) return rootCauseMissing(lines, viewAt(views, lines, failed)!.view, failed, 'error');
    if (shown) return healthy(shown, shown === ready);
    // no sign of health, and the only failure the log names is an import a logger reported
    const imp = ready ? null : importLogged(lines);
    return imp === null ? noSignOfHealth(lines) : importFailed(lines, imp);
  }
  // the only failure the log names is an import: it is the cause — unless the engine said it went on without it
  const imp = importFailureBefore(lines, missing.index, false);
  if (imp !== null) return importFailed(lines, imp);
  // a traceback cut off (not a start killed or stopped) may still say what was raised:
  // right after the statement that raises it (`raise ValueError("No available memory for the cache blocks. "`), or, naming
  // nothing else, in a run through the capture step: raised in the capture (guide, rule 7)
  const cut = missing.why === 'killed' || missing.why === 'stopped' ? null : (cutAtRaise(lines, views, found) ?? cutInStep(lines, views, found));
  if (cut) return fromFailure(lines, cut);
  return rootCauseMissing(lines, viewAt(views, lines, missing.index)!.view, missing.index, missing.why);
}

/** The head of gin's access-log line (`[GIN] 2026/04/18 - 14:29:03 | `, gin-gonic/gin v1.12.0:logger.go:185) followed by `rest` (a regex source). */
const ginHead = (rest: string): string => String.raw`^\[GIN\] [\d/]+ - [\d:]+ \| ` + rest;

/** uvicorn's access-log line of a request to the API refused with a client error (`"POST /v1/embeddings HTTP/1.1" 400 Bad Request`). */
// … and llama-server's own request log, `srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 400` (SRV_INF("request: %s %s
// %s %d\n", method, path, remote_addr, status) in log_server_request, its function name cut to 12 by SRV_INF's "srv  %12.*s: ": llama.cpp as
// mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b vendors it, app/src/main/cpp/llama/tools/server/server.cpp:3672, utils.hpp:37)
// … and gin's (Ollama: `[GIN] 2026/04/18 - 14:29:03 | 400 |  1.4ms |  127.0.0.1 | POST  "/api/chat"`, gin-gonic/gin v1.12.0:logger.go:185), where a
// 404 on a route Ollama has says the model asked for is not there ("model '%s' not found": ollama/ollama v0.17.6:server/routes.go:203,
// 703, 2027, the handlers of the routes it registers at :1628-1636), not a route it lacks
const REFUSED = new RegExp(String.raw`"POST \/\S* HTTP\/[\d.]+" 4(?!0[45])\d\d\b|\blog_server_r: request: POST \/\S* \S+ 4(?!0[45])\d\d\s*$|${ginHead(String.raw`(?:4(?!0[45])\d\d \|.*\| POST\s|404 \|.*\| POST\s+"\/(?:api\/(?:generate|chat|embed|embeddings)|v1\/(?:chat\/completions|completions|embeddings))")`)}`);

/**
 * The last request the log shows answered, refused with a client error, when nothing after it shows the server
 * serving (a request answered with success, throughput with tokens, decode batches) nor told to stop: the labelling
 * guide's rule 2 ("a request's error after ready, then the log ends: that error's category").
 */
function lastRefused(lines: readonly LogLine[]): number | null {
  // (a request answered with success after it: the server went on serving)
  return lastAnswered(lines, REFUSED, ANSWERED_OK);
}

/**
 * A request answered with a status `status` matches, in an access log: gin's (Ollama: `[GIN] 2024/02/26 - 17:19:33 | 500 | 10.1ms |
 * 127.0.0.1 | POST "/api/embeddings"`, gin-gonic/gin v1.12.0:logger.go:185), uvicorn's (`"POST /v1/completions HTTP/1.1" 500 Internal
 * Server Error`) and llama-server's (`request: POST /completion 127.0.0.1 500`).
 */
const answeredWith = (status: string): RegExp =>
  new RegExp(String.raw`${ginHead(String.raw`${status} \|`)}|"(?:GET|POST|PUT|DELETE) \/\S* HTTP\/[\d.]+" ${status}\b|\blog_server_r: request: (?:GET|POST) \/\S* \S+ ${status}\s*$`);

/**
 * A request the server failed (5xx; not llama-server's 503 while it loads), in an access log that writes no error with it; or one whose
 * streamed answer never came: refact's web UI, which logs the request's 200 when its stream begins, giving up on the model's answer
 * ("TIMEOUT comp-…", the ticket's id: smallcloudai/refact 3e63faca14674444020102c5a67cc4f9d6115005:
 * refact-server/refact_webgui/webgui/selfhost_fastapi_completions.py:119-122, then an error message to the client).
 */
const SERVER_ERROR = new RegExp(String.raw`${answeredWith(String.raw`50(?!3)\d`).source}|\bTIMEOUT comp-[\w-]+\s*$`);

/** A request the same access logs show answered with success: after a failed one, the server went on serving. */
const ANSWERED_OK = answeredWith(String.raw`2\d\d`);

/**
 * The last request the log shows answered as `re` says, with nothing after it that shows the server serving (nor, given `ok`, a
 * request answered so), nor told to stop.
 */
function lastAnswered(lines: readonly LogLine[], re: RegExp, ok?: RegExp): number | null {
  // (an access-log line may be cut at a terminal's width, its status on the rest: read with it, as the lines after it are)
  const readings = (k: number): LogLine[] => (!lines[k]!.cont && lines[k + 1]?.cont ? [lines[k]!, withRest(lines, k)] : [lines[k]!]);
  const i = lines.findLastIndex((l, k) => !l.header && readings(k).some((r) => re.test(r.text)));
  if (i < 0) return null;
  // a refusal that answers a failure the log shows (its traceback, an error line) is weighed with that failure (served-through.ts)
  if (lines.slice(Math.max(0, i - 6), i).some((l) => isErrorLevel(l) || /Traceback \(most|^\s*File "/.test(l.text))) return null;
  const after = lines.slice(i + 1).flatMap((_, k) => readings(i + 1 + k));
  return after.some((l) => servingShown(l) !== null || isShutdownLine(l) || isStartedLine(l) || (ok?.test(l.text) ?? false)) ? null : i;
}

/** How far after a failure's line the rest of its message may run. */
const REST_OF_MESSAGE = 12;

/**
 * A failure that names nothing (`RuntimeError: Error building extension 'sampling':`), explained by an
 * error of the build or the environment in the lines right after it that another process seems to own
 * (`/bin/sh: 1: …/bin/nvcc: not found`): a process may tag only the first line of its message, so its
 * rest reads as a process of its own (as a later such error in the same process explains it: root-cause.ts).
 */
function explained(cause: Failure | null, found: readonly ProcessFindings[]): Failure | null {
  if (!cause || cause.sig || cause.generic) return cause;
  const later = found.map((f) => f.failure).find((f) => f !== null && f.view !== cause.view && f.index > cause.index && f.index - cause.index <= REST_OF_MESSAGE && explainsBefore(f));
  return later ?? cause;
}

/**
 * A failure that names nothing (llama.cpp's `llama_init_from_gpt_params: error: failed to load model '…'`) right after a line of its
 * own process, written with no level, that says an error of a category (`llama_model_load: error loading model: … unknown model
 * architecture: 'deci'`, ggml's `… allocating 360757.13 MiB on device 0: cudaMalloc failed: out of memory`: LLAMA_LOG_ERROR and
 * GGML_LOG_ERROR print no level, v0.17.6:llama/llama.cpp/src/llama.cpp:799 of ollama/ollama): that line came first and says why
 * (the labelling guide, rule 1), as a later error of the environment explains one that named nothing.
 */
function explainedBefore(cause: Failure | null, found: readonly ProcessFindings[], lines: readonly LogLine[]): Failure | null {
  if (!cause || cause.sig || cause.generic) return cause;
  const hint = found.find((f) => f.failure === cause)?.hint;
  // (only one that names a category: an `other` says no more than the failure after it)
  const named = hint?.sig?.sig.category ?? hint?.generic?.category;
  const before = hint && named && named !== 'other' && lines[hint.index]!.level === null && hint.index < cause.index && cause.index - hint.index <= REST_OF_MESSAGE && SAYS_ERROR.test(textOf(lines, hint.view, hint.block));
  return before ? hint : cause;
}
const SAYS_ERROR = /\berror\b|\bfailed\b/i;

/**
 * A failure that names nothing after the container's driver check said the driver is older than the image needs: the
 * check says what it meant (as a later error of the environment explains an earlier failure that named nothing).
 */
function checkedDriver(cause: Failure | null, found: readonly ProcessFindings[], lines: readonly LogLine[]): Failure | null {
  if (!cause || cause.sig || cause.generic) return cause;
  const check = earliest(found, (f) => f.hint);
  const isCheck = check !== null && check.index < cause.index && DRIVER_CHECK.test(textOf(lines, check.view, check.block));
  return isCheck ? check : cause;
}

/**
 * A failure that names nothing (a bare `AssertionError`), in a log whose own words say the failure came while CUDA graphs
 * were being captured ("fails during CUDA graph capture", an unlevelled line): raised in the capture, naming nothing else,
 * it is the capture's failure (the labelling guide, rule 7), as when its frames or the capture's markers show it.
 */
function saidInCapture(cause: Failure | null, found: readonly ProcessFindings[]): Failure | null {
  if (!cause || cause.sig || cause.generic) return cause;
  const said = earliest(found, (f) => (f.hint?.generic?.category === 'graph-capture' ? f.hint : null));
  return said ?? cause;
}

function readAll(text: string, opts: ClassifyOptions): { lines: LogLine[]; views: ReturnType<typeof untangle>; found: ProcessFindings[] } {
  const lines = readLog(text);
  const views = untangle(lines);
  joinCutFrames(lines, views);
  const sigs = sigsOf(opts);
  return { lines, views, found: views.map((v) => readProcess(lines, v, sigs)) };
}

const sigsOf = (opts: ClassifyOptions): readonly CompiledSignature[] => (opts.signatures ?? SIGNATURES).filter((s) => !opts.engine || !s.engines || s.engines.includes(opts.engine));

/** The tokens of the root-cause region of a log's first failure (what the learned fallback reads), or null when nothing failed. */
export function rootCauseTokens(text: string, opts: ClassifyOptions = {}): string[] | null {
  const { lines, found } = readAll(text, opts);
  const f = earliest(found) ?? found.map((x) => x.weak).find((w) => w !== null) ?? earliest(found, (x) => x.hint);
  return f ? regionTokens(lines, f) : null;
}

const first = (xs: Array<number | null>): number | null => xs.reduce<number | null>((a, x) => (x !== null && (a === null || x < a) ? x : a), null);

/**
 * Where the log first shows that its work was done (`success` of health-evidence.ts: an offline run's outputs, a benchmark's results;
 * or its engine up, `engineStarted`) and that it listened (`listening`, or done), the log's length where it shows none. A program
 * that reported its work done before it ended ended naturally (the interpreter exiting, "leaked semaphore objects to clean up at
 * shutdown"), it did not stop mid-start; a server that listened and was then told to stop (a KeyboardInterrupt, SIGTERM or SIGINT received, not SIGKILL) stopped, it did not
 * fail (the labelling guide, rule 2: an error during shutdown after the server was told to stop; rule 5: a server that listened is healthy).
 */
function signsAt(lines: readonly LogLine[]): { done: number; listened: number } {
  let done = lines.length;
  let listened = lines.length;
  for (const [i, l] of lines.entries()) {
    const kind = healthKindOf(l);
    const up = engineStarted(withRest(lines, i)); // (with the rests a terminal cut off it)
    if (kind === 'success' || up) done = Math.min(done, i);
    if (kind === 'success' || kind === 'listening' || up) listened = Math.min(listened, i);
    if (done < lines.length) break;
  }
  return { done, listened };
}

/**
 * The line showing that something failed although no failure names its cause: a wrapper error, an
 * ERROR line, a traceback cut off before its exception, or (before the server was ready) a kill or a shutdown.
 */
function causeMissing(lines: readonly LogLine[], found: readonly ProcessFindings[], ready: boolean): { index: number; why: MissingWhy } | null {
  // (read only when a kill or a stop is there to weigh)
  let signs: { done: number; listened: number } | undefined;
  const at = (): { done: number; listened: number } => (signs ??= signsAt(lines));
  // (after the server was ready, only the shell's bare `Killed`, a SIGKILL no stop asked for — the OOM killer's, most often — ends it:
  // a SIGTERM or Ctrl-C there is a stop, the server up until then; the labelling guide, rules 2 and 4)
  const killed = lines.findIndex((l, i) => (ready ? isSigkillLine(l) : isKilledLine(withRest(lines, i)) && !(isShutdownLine(l) && i > at().listened)));
  // (a process that ended while the server went on is not the server stopping: the interpreter of a helper process exiting, as Python's
  // resource tracker reports it, before the engine's KV cache was sized — the engine's signs after it show which process ended)
  const stopped = ready ? -1 : lines.findIndex((l, i) => isStoppedLine(withRest(lines, i)) && i <= at().done && !(isExitedLine(withRest(lines, i)) && lines.slice(i + 1).some((x) => healthKindOf(x) !== null)));
  const order: Array<[MissingWhy, number | null]> = [
    ['wrapper', first(found.map((f) => f.wrapper))],
    ['error', first(found.map((f) => f.errorLine))],
    ['traceback', first(found.map((f) => f.traceback))],
    ['killed', killed >= 0 ? killed : null],
    ['stopped', stopped >= 0 ? stopped : null],
  ];
  const hit = order.find(([, i]) => i !== null);
  return hit ? { index: hit[1]!, why: hit[0] } : null;
}
