// Positive evidence of health, for a log in which nothing failed: healthy is earned, not assumed.
// A log that shows no failure and none of these is `unknown` (a start cut off or hung before any
// sign of progress reads exactly like a healthy excerpt cut early; the text cannot tell them apart).
// The kinds, chosen by what the healthy tuning logs show rather than by one log's phrase:
// - up:       the ready line or a line only a serving server writes (isReadyLine of log-lines.ts)
// - listening: a server bound to its port or its routes set up (vLLM's "Starting vLLM server on
//             http://…" and "Available routes are:", Triton's
//             "Started HTTPService at …", a model table row `| READY |`), or giving the address to
//             open once its engine is built (lmdeploy's "HINT: Please open http://…:23333 in a browser",
//             printed after the engine: 1263d5cd889b7ad500e85b8eb20401327a4516ab:lmdeploy/serve/openai/api_server.py:371,432-436)
//   … unless the app's startup is seen begun after it and never finished: uvicorn's "Waiting for
//   application startup." with no ready line (lmdeploy starts its engine loop there: api_server.py:218-223)
// - step-done: a startup step that ran the model reported finished with its duration ("Graph
//             capturing finished in 7 secs", "Capture cuda graph end. Time elapsed: 11.35 s",
//             "Memory profiling takes 4.2 seconds", "init engine (profile, create kv cache, warmup model)
//             took 49 s"); not loading the weights ("Loading weights took 24.8 seconds" shows only that
//             reading files worked), nor compiling the model (torch.compile / Dynamo / Inductor: "Dynamo
//             bytecode transform time: 3.54 s", "torch.compile took 30.6 s in total", "Compiling a graph
//             for … takes 6.06 s"): tracing and compiling the graphs does not run the model on the GPU
//             (the labelling guide, rule 5: "a startup step that ran the model finished")
// - sized:    the KV cache sized, which follows a successful profile run ("# GPU blocks: 10039",
//             "num_gpu_blocks is: 57656", "Maximum concurrency for … tokens per request",
//             SGLang's "KV Cache is allocated")
// - success:  a request or check reported successful (TEI's `…: Success`), the device scripts'
//             last lines ("… ok", "…, ready", "ready: all graphs replay…"), outputs checked against
//             a reference and found to match ("… replayed and match eager"; "does not match" is negated)
//             or a request's tokens counted with their time (vllm.rs: "[Non-Streaming] 44 tokens in 4.97s (8.86 tokens/s)")
// Lines logged as an error or warning never count. Pure.
import { isErrorLevel, isReadyLine, type LogLine } from './log-lines.ts';

export type HealthKind = 'up' | 'listening' | 'step-done' | 'sized' | 'success';

const KINDS: ReadonlyArray<[HealthKind, RegExp]> = [
  ['listening', /\bStarting (?:vLLM |SGLang )?(?:API )?server\b.*\bon https?:\/\/|\bopen https?:\/\/\S+ in (?:a|your) browser\b|\bAvailable routes are\b|\bStarted \w*(?:HTTP|GRPC|Metrics) ?Service at\b|^\|?\s*[\w.-]+\s*\|\s*\d+\s*\|\s*READY\s*\|/i],
  ['step-done', /\b(?:took|takes|finished in|completed in|time elapsed:?|transform time:)\s.*?\b\d+(?:\.\d+)?\s*(?:s|secs?|seconds|ms|min(?:utes?)?)\b/i],
  ['sized', /#\s*(?:GPU|cuda) blocks: \d+|\bnum_gpu_blocks is: \d+|\bMaximum concurrency for [\d,]+ tokens per request|\bKV Cache is allocated\b|\bGPU KV cache size: [\d,]+ tokens/i],
  ['success', /\b[1-9]\d* tokens in \d+(?:\.\d+)?\s*s\b|(?:^|:\s*)Success$|(?:^|[\s,:])(?:ok|ready)(?:[\s,:(]|$)|\b(?:[Mm]atch(?:es|ed)?|[Aa]grees? with) (?:the )?(?:eager|reference|expected)\b/],
];

/** Words that make a line about readiness say the opposite ("not ready", "waiting for … ready"). */
const NEGATED = /\b(?:not|never|waiting|wait for|until|unhealthy|fail\w*|error|timed? ?out)\b/i;

/** A step that only loaded the weights (before the engine ran the model once). */
const WEIGHTS_ONLY = /Loading(?:model)?weights|Modelloading|Loadingsafetensors|Loadweight/i;

/**
 * A step that only compiled the model: its subject (the words before its duration) names torch.compile,
 * Dynamo or Inductor, or compiling a graph. "init engine (…) took 73 s (compilation: 9.8 s)" names it
 * only after its duration: that step ran the model.
 */
const COMPILE_ONLY = /\b(?:dynamo|torch\.compile|inductor|compil(?:e|es|ed|ing|ation))\b/i;
const DURATION = /(?:\btook|\btakes|\bfinished in|\bcompleted in|\btime elapsed|transform time)\b/i;
const compileOnly = (text: string): boolean => {
  const at = text.search(DURATION);
  // the subject is in the step's own sentence (a line before it, joined as cut, may end in "(e.g. compilation).")
  const subject = (at < 0 ? text : text.slice(0, at)).split(/[.!?](?=\s|[A-Z]|$)/).pop()!;
  return COMPILE_ONLY.test(subject);
};

/**
 * A step that only prepared the model, not ran it: reading the weights from disk (only I/O worked; a start
 * hangs there as often as anywhere), or compiling the graphs (torch.compile, Dynamo, Inductor trace the model).
 */
const prepares = (text: string): boolean => WEIGHTS_ONLY.test(text.replace(/\s+/g, '')) || compileOnly(text);

/** The kind of health a line shows, or null. */
export function healthKindOf(l: LogLine): HealthKind | null {
  if (l.header || isErrorLevel(l) || l.level === 'WARNING') return null;
  if (isReadyLine(l)) return 'up';
  for (const [kind, re] of KINDS) {
    if (!re.test(l.text)) continue;
    if ((kind === 'success' || kind === 'listening') && NEGATED.test(l.text)) continue;
    if (kind === 'step-done' && prepares(l.text)) continue;
    return kind;
  }
  return null;
}

/**
 * A line with the lines after it that may continue it (cut at a terminal's width), read as cut inside
 * a word, as cut at a space, and each later line on its own (it may be a line of its own). A step
 * that only loaded the weights shows no health.
 */
function readings(lines: readonly LogLine[], i: number, j: number): Array<HealthKind | null> {
  const group = lines.slice(i, j);
  const head = lines[i]!;
  const texts = group.map((l) => l.text);
  if (group.length === 1) return [stepShown(head, head.text)];
  const joined = [texts.join(''), texts.join(' ')].map((text) => stepShown({ ...head, text }, text));
  // a later line read alone too, but weighed for loading weights with the line before it (it may be the rest of "Model loa|ding took …")
  const alone = group.slice(1).map((l, k) => stepShown(l, group[k]!.text + l.text));
  return [...joined, ...alone];
}

/** The kind a line shows, a step that only loaded the weights not counted. */
function stepShown(l: LogLine, text: string): HealthKind | null {
  const k = healthKindOf(l);
  return k === 'step-done' && prepares(text) ? null : k;
}

/** The line that best shows the server healthy: a ready line first, else the last line of progress. */
export function healthEvidence(lines: readonly LogLine[]): LogLine | undefined {
  let last: number | undefined;
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.cont) j++;
    const kinds = readings(lines, i, j);
    if (kinds.includes('up')) return lines[i];
    if (kinds.some((k) => k !== null)) last = i;
    i = j;
  }
  // the app's startup begun after the last sign and not seen finished (no ready line): the start was still under way
  return last === undefined || lines.slice(last + 1).some((l) => !l.header && STARTING.test(l.text)) ? undefined : lines[last];
}

/** uvicorn's lifespan startup begun: the app starts its engine there; "Application startup complete." (a ready line) ends it. */
const STARTING = /\bWaiting for application startup\b/;
