// The lines after which an engine's start cannot succeed: the engine says its start failed, an
// uncaught CUDA error ends a traceback, a collective timed out. Real engines usually exit right
// after them, but often hang instead (tensor-parallel workers waiting on NCCL, an API server whose
// engine core died): the run gives such a start a short grace period to exit, then stops it
// (run/startup-watchdog.ts). Each pattern is the literal the engine (or PyTorch under it) prints,
// with the source lines it was read at (`npx tsx scripts/audit-fatal-lines.ts --git-dir …` rereads
// them in the mirrors). Pure.
import { cleanLine } from './line-clean.ts';

export interface FatalLine {
  id: string;
  /** Tested against the line without its logger header, process prefix and colours (SGLang's `[time]` prefix stays). */
  pattern: RegExp;
  /** The literal as the source prints it. */
  says: string;
  /** `<commit>:<path>:<line>` read in a source mirror, or where a line printed by a library below the engine was seen. */
  sources: string[];
}

const VLLM_0_11_0 = 'b8b302cde434df8c9289a2b465406b47ebab1c2d';
const VLLM_0_19_0 = '2a69949bdadf0e8942b7a1619b229cb475beef20';
const SGLANG_0_5_5 = '0c006b8809cd99e1f95926401a2823dd952641c8';
const SGLANG_0_5_9 = 'e02a9bec8d9cc02ffd867b58a8edb33fe4ae880a';

export const FATAL_LINES: readonly FatalLine[] = [
  {
    id: 'vllm-engine-core-failed-to-start',
    pattern: /\bEngineCore failed to start\.$/,
    says: 'EngineCore failed to start.',
    sources: [`${VLLM_0_11_0}:vllm/v1/engine/core.py:708`, `${VLLM_0_19_0}:vllm/v1/engine/core.py:1108`],
  },
  {
    id: 'vllm-engine-core-initialization-failed',
    pattern: /Engine core initialization failed\. See root cause above/,
    says: 'Engine core initialization failed. See root cause above. ',
    sources: [`${VLLM_0_11_0}:vllm/v1/engine/utils.py:785`, `${VLLM_0_19_0}:vllm/v1/engine/utils.py:1058`],
  },
  {
    id: 'sglang-scheduler-hit-an-exception',
    pattern: /\bScheduler hit an exception:/,
    says: 'Scheduler hit an exception: {traceback}',
    sources: [`${SGLANG_0_5_5}:python/sglang/srt/managers/scheduler.py:2846`, `${SGLANG_0_5_9}:python/sglang/srt/managers/scheduler.py:3177`],
  },
  {
    id: 'sglang-sigquit-from-child',
    pattern: /Received sigquit from a child process\. It usually means the child/,
    says: 'Received sigquit from a child process. It usually means the child failed.',
    sources: [`${SGLANG_0_5_5}:python/sglang/srt/entrypoints/engine.py:740`, `${SGLANG_0_5_9}:python/sglang/srt/entrypoints/engine.py:864`],
  },
  {
    id: 'sglang-scheduler-dead',
    pattern: /\bRank \d+ scheduler is dead\. Please check/,
    says: 'Rank {i} scheduler is dead. Please check if there are relevant logs.',
    sources: [`${SGLANG_0_5_5}:python/sglang/srt/entrypoints/engine.py:899`, `${SGLANG_0_5_9}:python/sglang/srt/entrypoints/engine.py:891`],
  },
  {
    id: 'sglang-warmup-failed',
    pattern: /\bInitialization failed\. warmup error:/,
    says: 'Initialization failed. warmup error: {last_traceback}',
    sources: [`${SGLANG_0_5_5}:python/sglang/srt/entrypoints/http_server.py:1457`, `${SGLANG_0_5_9}:python/sglang/srt/entrypoints/http_server.py:1637`],
  },
  {
    // The last line of an uncaught CUDA error's traceback. PyTorch words it (c10's CUDA checks:
    // RuntimeError before torch 2.8, torch.AcceleratorError since); vLLM's troubleshooting guide
    // quotes it, and the real H200 output of the corpus shows it.
    id: 'cuda-error-traceback-end',
    pattern: /^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception): CUDA error: /,
    says: 'RuntimeError: CUDA error: {message}',
    sources: [
      `${VLLM_0_19_0}:docs/usage/troubleshooting.md:319`,
      'test/fixtures/logs/graph-capture/h200-item-in-capture.log:11 (real H200 output)',
    ],
  },
  {
    // PyTorch's ProcessGroupNCCL watchdog (no PyTorch mirror here): a collective that ran past its
    // timeout. The rank aborts its communicators; the other ranks wait on theirs.
    id: 'nccl-watchdog-timeout',
    pattern: /Watchdog caught collective operation timeout: /,
    says: '[Rank {rank}] Watchdog caught collective operation timeout: {work} ran for {ms} milliseconds before timing out.',
    sources: ['test/fixtures/logs/nccl/h200-watchdog-allreduce-timeout.log:6 (real H200 output of torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:689)'],
  },
];

/** The fatal line a log line is, or null. Lines an engine logs at INFO, DEBUG or WARNING level never are. */
export function fatalLineOf(raw: string): FatalLine | null {
  const { text, level } = cleanLine(raw);
  if (level === 'INFO' || level === 'DEBUG' || level === 'WARNING') return null;
  const t = text.trim();
  return FATAL_LINES.find((f) => f.pattern.test(t)) ?? null;
}
