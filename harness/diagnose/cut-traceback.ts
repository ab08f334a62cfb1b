// A traceback cut off before its exception (the log ends, or a pasted excerpt does) names no exception, yet it may
// still say what was raised or in which step: the statement that raises it, or a step whose failure has a category
// whatever was raised there (the labelling guide, rule 7 and its categories table). Pure.
import { withRest, type LogLine } from './log-lines.ts';
import type { untangle } from './processes.ts';
import type { Failure, ProcessFindings } from './root-cause.ts';
import { CAPTURE_STEP, FRAME_RULES, messageEvidence, type GenericRule } from './category-evidence.ts';
import { captureOpenAt, RAISED_IN_CAPTURE } from './fallback-evidence.ts';

/** A traceback's last source line that raises an exception with a literal message: its class and the message's words. */
const RAISES = /^\s*raise\s+((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\(\s*f?(["'])(.{8,}?)(?:\2|$)/;

/**
 * A traceback cut right after its last frame's source line, a `raise X("…")` of a message in the code's own words (vLLM's
 * `raise ValueError("No available memory for the cache blocks. "`): that statement is what was raised, so its words are
 * read as the exception's message — by generic evidence, not the loose rules — and decide only when they name a category.
 * Only when nothing follows it in its process: an exception line after it is the message, and it is read as one.
 */
export function cutAtRaise(lines: readonly LogLine[], views: ReturnType<typeof untangle>, found: readonly ProcessFindings[]): Failure | null {
  for (const [k, f] of found.entries()) {
    if (f.traceback === null) continue;
    const view = views[k]!;
    // (its last line of its own: what follows it is at most the rest a terminal cut off it)
    const own = (i: number): boolean => lines[i]!.text.trim() !== '' && !lines[i]!.header && !lines[i]!.cont;
    const pos = view.index.findLastIndex(own);
    // (the frame above it: the line before it that is not blank, a page that double-spaces a log putting one between)
    const frame = view.index.slice(0, Math.max(pos, 0)).findLast((i) => lines[i]!.text.trim() !== '');
    if (pos < 1 || view.index[pos]! < f.traceback || frame === undefined || !/^\s*File "/.test(lines[frame]!.text)) continue;
    const m = RAISES.exec(lines[view.index[pos]!]!.text);
    const generic = m ? messageEvidence([`${m[1]}: ${m[3]}`], false, true) : null;
    // shown with its frame: where it was raised
    if (generic) return { index: view.index[pos]!, view, block: [view.index.indexOf(frame), pos], sig: null, generic: { ...generic, re: /^\s*File "|^\s*raise\s/ } };
  }
  return null;
}

/** A step whose failure has one category whatever was raised in it: its frames, and the source line that calls it. */
interface Step {
  rule: GenericRule;
  /** A frame of the step (`File "…", line N, in capture_model`). */
  frame: RegExp;
  /** The source line above a frame cut off that calls the step (`self.model_runner.capture_model(self.gpu_cache)`). */
  calls: RegExp;
}

/** A step with what its failure shows as evidence: the step named, or the frame above the call. */
const withShown = (s: Step): Step & { shown: GenericRule } => ({ ...s, shown: { ...s.rule, re: new RegExp(String.raw`${s.rule.re.source}|^\s*File "`) } });

const CAPTURE_FRAME = FRAME_RULES.find((r) => r.category === 'graph-capture')!;
/** vLLM's check that the GPU can run the model's dtype: `_check_if_gpu_supports_dtype` (vllm/worker/worker.py), later `check_if_supports_dtype`. */
const DTYPE_CHECK = String.raw`(?:_check_if_gpu_supports_dtype|check_if_supports_dtype)`;

const STEPS = [
  // the CUDA-graph capture step (category-evidence.ts, FRAME_RULES), or SGLang's graph runner constructed for it, whose constructor
  // captures (`self.cuda_graph_runner = CudaGraphRunner(self)` in ModelRunner.init_cuda_graphs; CudaGraphRunner.__init__ sets up the
  // capture's buffers and runs self.capture(): BBuf/sglang 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/model_executor/
  // cuda_graph_runner.py:548-719; settled blind in the thirty-first session)
  { rule: CAPTURE_FRAME, frame: CAPTURE_FRAME.re, calls: new RegExp(String.raw`^\s+(?:[\w.]+ = )?[\w.]*\.${CAPTURE_STEP}\(|^\s+(?:[\w.]+ = )?\w*CudaGraphRunner\(`) },
  // vLLM's dtype check, whose only raise is the GPU's refusal of the dtype: "Bfloat16 is only supported on GPUs with compute
  // capability of at least 8.0" (Move bfloat16 check to worker, ee92b58b3ae28a52c2500674de721e7a718432d8:vllm/worker/worker.py:392,
  // `_check_if_gpu_supports_dtype`, until the V0 worker was removed; then the platforms' `check_if_supports_dtype`, 2665d4910d814b0affde789ac16e4d4a3bcb4da9:
  // vllm/platforms/cuda.py:497-514, rocm.py:472, xpu.py:207 "Intel Arc A770 have bfloat16 accuracy known issue", called by
  // vllm/v1/worker/gpu_worker.py:163; Yuran-7/vllm-0.11): backend-unsupported, the fix `--dtype half`
  {
    rule: { category: 'backend-unsupported', what: "vLLM's check that the GPU supports the model's dtype (bfloat16 needs compute capability 8.0)", re: new RegExp(String.raw`\b${DTYPE_CHECK}\b`), fatal: false },
    frame: new RegExp(String.raw`\bin ${DTYPE_CHECK}\b`),
    calls: new RegExp(String.raw`^\s+(?:[\w.]+\.)?${DTYPE_CHECK}\(`),
  },
  // vLLM V0's check of the KV cache the profile left room for, whose raises are the cache too small for the GPU's memory: "No available
  // memory for the cache blocks" and "The model's max seq len (N) is larger than the maximum number of tokens that can be stored in KV
  // cache (M)" (and an attention-free model given blocks, a state no configuration reaches): jinhuang12/vllm
  // 77f0d465d0a666b65dd877ec462f024a980dd55c:vllm/worker/worker.py:560-578, called at :318; vllm/worker/hpu_worker.py:448 the same;
  // oom, the fix `gpu_memory_utilization` or `max_model_len` (labelled so by a round-292 tuning log's collector and blind reader)
  {
    rule: { category: 'oom', what: "vLLM's check that the KV cache the GPU's memory left holds a sequence (raise_if_cache_size_invalid)", re: /\braise_if_cache_size_invalid\b/, fatal: false },
    frame: /\bin raise_if_cache_size_invalid\b/,
    calls: /^\s+raise_if_cache_size_invalid\(/,
  },
  // vLLM's pynccl wrapper checking what an NCCL call returned: its only raise is NCCL's own error, `raise RuntimeError(f"NCCL error:
  // {error_str}")` (Yuran-7/vllm-0.11 2665d4910d814b0affde789ac16e4d4a3bcb4da9:vllm/distributed/device_communicators/pynccl_wrapper.py:288-291;
  // jinhuang12/vllm 22f8d28697322f81fd8bf47790cce714e84ce859: the same at :370-373), and the call it checks is a ctypes call into libnccl
  {
    rule: { category: 'nccl', what: "vLLM's check of an NCCL call's result (NCCL_CHECK), whose only raise is NCCL's error", re: /\bNCCL_CHECK\b/, fatal: false },
    frame: /pynccl_wrapper\.py", line \d+, in NCCL_CHECK\b/,
    calls: /^\s+self\.NCCL_CHECK\(/,
  },
].map(withShown);

/**
 * A frame of a traceback cut before its exception that ran through a step whose failure has one category (the CUDA-graph
 * capture step, `capture_model`; vLLM's dtype check), as a failure there: the guide, rule 7, an error raised during a step names that step's
 * category when it names nothing else, and nothing else is named.
 */
export function cutInStep(lines: readonly LogLine[], views: ReturnType<typeof untangle>, found: readonly ProcessFindings[]): Failure | null {
  for (const step of STEPS) {
    for (const [k, f] of found.entries()) {
      if (f.traceback === null) continue;
      const view = views[k]!;
      const from = view.index.indexOf(f.traceback);
      // a frame of the step, or the source line above it that calls it (the frame after it cut off)
      const pos = view.index.findIndex((i, p) => p >= from && ((/^\s*File "/.test(lines[i]!.text) && step.frame.test(withRest(lines, i).text)) || step.calls.test(withRest(lines, i).text)));
      // shown with the frame above the call (the traceback it belongs to)
      const frame = pos > 0 && /^\s*File "/.test(lines[view.index[pos - 1]!]!.text) ? [pos - 1] : [];
      if (pos >= 0) return { index: view.index[pos]!, view, block: [...frame, pos], sig: null, generic: step.shown };
    }
  }
  // … or one begun while the capture was under way, its frames cut before they reach it: the capture's progress bar or "Capture cuda graph
  // begin" before it and no end (fallback-evidence.ts, captureOpenAt), as an exception raised there is read (root-cause.ts); settled blind
  // for two tuning logs of rounds 36-37 (vLLM's "Capturing CUDA graph shapes:   0%| … 0/35", SGLang's "Capture cuda graph begin")
  for (const [k, f] of found.entries()) {
    if (f.traceback === null || !captureOpenAt(lines, f.traceback)) continue;
    const view = views[k]!;
    return { index: f.traceback, view, block: [view.index.indexOf(f.traceback)], sig: null, generic: { ...RAISED_IN_CAPTURE, re: /\bTraceback \(most recent call last\)/ } };
  }
  return null;
}
