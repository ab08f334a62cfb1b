// Evidence weighed before a failure is given up as unrecognised (confidence `none`): what the
// message and the log around it still show when the words of the message name no category.
// - A message cut off at its end (an excerpt, a terminal, a paste): its tail is the beginning of a
//   known fatal error text ("CUDA error: no kernel image is avail").
// - A failure raised while CUDA graphs were being captured (the capture had begun and had not ended
//   before it), whatever its words: an assertion or a dynamo error in code that only runs in capture.
// Pure.
import type { GenericRule } from './category-evidence.ts';
import { cutRests, type LogLine } from './log-lines.ts';

/**
 * Fatal error texts a cut message may end in the middle of: cudaGetErrorString texts of the CUDA
 * runtime (CUDA 12.8 driver_types.h / the CUDA runtime API's error types page: 209, 222, 2, 901,
 * 900/904, 35, 700, 710), the allocator's "out of memory", and transformers' refusal of a model
 * type it does not know (src/transformers/models/auto/configuration_auto.py, AutoConfig.from_pretrained:
 * "The checkpoint you are trying to load has model type `…` but Transformers does not recognize this
 * architecture", quoted whole in the corpus: unsupported-model/vllm-19793-qwen3-moe-transformers.log), and PyTorch's gloo process group
 * that could not connect its ranks ("Gloo connectFullMesh failed with …", category-evidence.ts, where its source is cited).
 */
const FATAL_TEXTS: ReadonlyArray<[category: string, text: string]> = [
  ['no-kernel-image', 'no kernel image is available for execution on the device'],
  ['ptx-toolchain', 'the provided PTX was compiled with an unsupported toolchain'],
  ['oom', 'CUDA out of memory'],
  ['oom', 'out of memory'],
  ['graph-capture', 'operation not permitted when stream is capturing'],
  ['graph-capture', 'operation failed due to a previous error during capture'],
  ['driver-mismatch', 'CUDA driver version is insufficient for CUDA runtime version'],
  ['other', 'an illegal memory access was encountered'],
  ['other', 'device-side assert triggered'],
  ['unsupported-model', 'The checkpoint you are trying to load has model type'],
  ['nccl', 'Gloo connectFullMesh failed with'],
];

/** The shortest beginning of a fatal text taken as that text: enough to be more than a common word. */
const MIN_CUT = 10;

/** The fatal text whose beginning (past its first word) a message ends with, cut off. */
export function cutMessageEvidence(text: string): GenericRule | null {
  const tail = text.trimEnd().toLowerCase();
  for (const [category, full] of FATAL_TEXTS) {
    const f = full.toLowerCase();
    for (let k = f.length - 1; k >= Math.max(MIN_CUT, f.indexOf(' ') + 2); k--) {
      const head = f.slice(0, k);
      if (!tail.endsWith(head)) continue;
      const before = tail[tail.length - k - 1];
      if (before !== undefined && /\w/.test(before)) continue;
      return { category, what: `the cut-off beginning of "${full}"`, re: new RegExp(escape(full.slice(0, k)), 'i'), fatal: false };
    }
  }
  return null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A CUDA-graph capture beginning (vLLM, SGLang) and what ends it (finished, the engine ready). SGLang
 * names what it captures ("Capture cuda graph begin", "Capture piecewise CUDA graph begin", "Capture
 * draft extend cuda graph begin": 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/model_executor/model_runner.py:2796,2936,
 * python/sglang/srt/speculative/eagle_worker.py:292,309), each with its "… end. Time elapsed". TGI's shard logs "Cuda Graphs are enabled for
 * sizes [32, 16, …]" right before its warm-up captures a graph for each size, and logs nothing when the loop ends; its router's "Setting max
 * batch total tokens to N" follows the warm-up returned (huggingface/text-generation-inference v3.0.0:server/text_generation_server/models/
 * flash_causal_lm.py:1674-1688, mamba.py:485; backends/v3/src/lib.rs:125-137).
 */
const CAPTURE_BEGINS = /Capturing CUDA graphs?|Capture (?:[\w-]+ ){0,3}cuda graph begin|Capturing the model for CUDA graphs|Capturing batches|Cuda Graphs are enabled for sizes/i;
// (SGLang logs its scheduler's limits, "max_total_num_tokens=…", once its model worker is built, the CUDA graphs captured:
// 56f5fc4ab5e1d9e270dcdab5f1d6f67e6785eebe:python/sglang/srt/managers/controller/tp_worker.py:116 after controller/model_runner.py:97-103;
// 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/managers/scheduler.py:826-834)
const CAPTURE_ENDS = /Graph capturing finished|Setting max batch total tokens to|Capture (?:[\w-]+ ){0,3}cuda graph end|init engine \(profile, create kv cache, warmup model\) took|Application startup complete|fired up and ready to roll|\bmax_total_num_tokens?=\d/i;

/** A line with the rests a terminal cut from it. */
const withCutRests = (lines: readonly LogLine[], i: number): string => [i, ...cutRests(lines, i)].map((j) => lines[j]!.text).join('');

/** A capture's progress bar up to its count and total (`Capturing batches (bs=1 …): 100%|██████████| 7/7 [`): groups 1 and 2. */
const CAPTURE_BAR_HEAD = String.raw`(?:${CAPTURE_BEGINS.source})[^|\n]{0,80}\|[^|]*\|\s*(\d+)\/(\d+) \[`;

/**
 * The capture's progress bar (tqdm, redrawn with CRs and no newline) left unfinished on the line the failure was then written on
 * (`Capturing CUDA graphs (PIECEWISE):  20%|█▉  | 10/51 [00:00<00:02, 15.63it/s][rank0]:[E903 …] Exception in …`): the capture
 * was under way when it failed.
 */
const CAPTURE_BAR_THEN = new RegExp(String.raw`${CAPTURE_BAR_HEAD}[^\]]*\]\s*\S`, 'gi');

/** The last match of a global regex in a line: tqdm redraws its bar with CRs, so a line holds every state, the last one current. */
function lastMatch(text: string, re: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(re)) last = m;
  return last;
}

function barLeftOpen(text: string): boolean {
  const last = lastMatch(text, CAPTURE_BAR_THEN);
  return last !== null && last[1] !== last[2] && !CAPTURE_ENDS.test(text.slice(last.index));
}

/**
 * The capture's progress bar at its total (`Capturing batches (bs=1 avail_mem=2.48 GB): 100%|██████████| 7/7 [00:02<00:00, 6.08it/s]`):
 * every graph of that bar captured. tqdm counts an item done when the loop comes back for the next one, after its body ran, so the bar
 * at its total says the last capture returned (vLLM's and SGLang's capture loops iterate the sizes through tqdm). Checked with tqdm
 * 4.70.1 on the H100 machine: a loop over 7 items whose seventh body raises leaves the bar at 6/7; one whose bodies all return ends at 7/7.
 * (health-evidence.ts reads the same bar complete as a step that ran the model.)
 */
const CAPTURE_BAR = new RegExp(CAPTURE_BAR_HEAD, 'gi');

function barFinished(text: string): boolean {
  const last = lastMatch(text, CAPTURE_BAR);
  return last !== null && last[1] === last[2];
}

/** The capture was under way at line `index`: it began before it and had not ended (an end cut by a terminal's width still ends it). */
export function captureOpenAt(lines: readonly LogLine[], index: number): boolean {
  if (index < lines.length && barLeftOpen(withCutRests(lines, index))) return true;
  for (let i = index - 1; i >= 0; i--) {
    const t = withCutRests(lines, i);
    if (CAPTURE_ENDS.test(t)) return false;
    // (a bar's line begins a capture: still open unless the bar stands at its total)
    if (CAPTURE_BEGINS.test(t)) return !barFinished(t);
  }
  return false;
}

export const RAISED_IN_CAPTURE: GenericRule = {
  category: 'graph-capture',
  what: 'a failure raised while CUDA graphs were being captured',
  re: /$^/,
  fatal: false,
};

/**
 * An error that names its own failure, of a kind no category owns: a CUDA call that failed with the
 * runtime's error text (TensorRT-LLM's `CUDA runtime error in cudaDeviceGetDefaultMemPool(&memPool,
 * device): operation not supported`, PyTorch's `CUDA error: invalid argument`, flash-attention's CHECK_CUDA
 * `CUDA error (flash_fwd_launch_template.h:188): invalid argument` (v2.8.3.post1:hopper/cuda_check.h:14), a `cudaError…` /
 * `CUDA_ERROR_…` name), TensorRT's coded error with its source location (`1: [stdArchiveReader.cpp::…]
 * Error Code 1: Serialization (…)`), an assertion reported failed, a request that could not be sent or a
 * host name not resolved (Rust's reqwest "error sending request for url (…)", the resolver's "Temporary failure
 * in name resolution": the guide's table, a network error is `other`). A failure of its own, even logged
 * as an error line without a traceback.
 */
export const NAMES_OWN_FAILURE: GenericRule = {
  category: 'other',
  what: 'an error that names its own failure (a CUDA call, a TensorRT error code, an assertion) of no known category',
  re: /\bCUDA (?:runtime |driver )?error\b(?: in [\w:]+\(.{0,80}?\)| \([^()]{1,300}:\d+\))?:\s*\S|\bcudaError[A-Z]\w+|\bCUDA_ERROR_[A-Z_]+|\bError Code \d+: \w+|^\s*\d+: \[\w+\.(?:cpp|cu|h)::\w|\bassertion\b.{1,160}\bfailed\b|\berror sending request for url\b|\bTemporary failure in name resolution\b|\bName or service not known\b/i,
  fatal: false,
};
