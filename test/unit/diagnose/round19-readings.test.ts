// Readings added from round 19's tuning misses (the NVIDIA serving stack, vLLM/SGLang of 2026, the newest GPUs): TensorRT-LLM's
// attention kernels refused, its KV cache sized, vllm.rs's prefill at work, CPython's ignored exception after a long line,
// pydantic's validation errors logged as an error line, a program's CUDA allocation that ran out of memory, and a kernel's shared
// memory request refused (cudaFuncSetAttribute MaxDynamicSharedMemorySize, rendered on the H200), and TensorFold's serving line.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

describe('TensorRT-LLM', () => {
  it('its attention op refusing FMHA is a kernel refused (backend-unsupported)', () => {
    const log = [
      "terminate called after throwing an instance of 'tensorrt_llm::common::TllmException'",
      '  what():  [TensorRT-LLM][ERROR] Assertion failed: FP8 FMHA cannot be enabled because Context FMHA is not supported. (../tensorrt_llm/common/attentionOp.cpp:2404)',
    ];
    expect(classifyLog(log.join('\n')).category).toBe('backend-unsupported');
  });

  it.each([
    '[TensorRT-LLM][INFO] [MemUsageChange] Allocated 16.05 GiB for max tokens in paged KV cache (263008).',
    '[TensorRT-LLM][INFO] Number of blocks in KV cache primary pool: 17210',
  ])('its KV cache sized is a sign of health: %s', (line) => {
    const log = ['[TensorRT-LLM][INFO] Memory usage when calculating max tokens in paged kv cache: total: 79.14 GiB, available: 74.69 GiB', line];
    expect(classifyLog(log.join('\n')).category).toBe('healthy');
  });

  it('not a pool of no blocks', () => {
    expect(classifyLog('[TensorRT-LLM][INFO] Number of blocks in KV cache primary pool: 0').category).toBe('unknown');
  });
});

describe('vllm.rs', () => {
  it('a prefill batch that ran is the engine at work', () => {
    expect(classifyLog('vllm-rs-svc2  | 2026-05-19T19:02:55.741348Z  INFO vllm_rs::core::engine: Prefilling 1 seq(s) [2]: 11931 total tokens in 0.60s (19984.92 tokens/s, cache included)').category).toBe('healthy');
  });
});

describe("CPython's ignored exception", () => {
  it('starts a line of its own after a line as long as a terminal is wide', () => {
    const log = [
      'INFO:     Application startup complete.',
      `[tensorfold] serving flashnext at http://127.0.0.1:8092/v1 on CUDA (sampling: temperature 1.0, top_k 20, top_p 0.95; drafts: on; context: 32768; loaded in 275.0s)${' '.repeat(10)}`,
      "Exception ignored in: <module 'threading' from '/usr/lib/python3.12/threading.py'>",
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.12/threading.py", line 1592, in _shutdown',
      '    atexit_call()',
      'KeyboardInterrupt: ',
    ];
    expect(classifyLog(log.join('\n')).category).toBe('healthy');
  });
});

describe("pydantic's validation errors logged as an error line", () => {
  it("are a failure, read with the fields' errors after them", () => {
    const log = [
      '2025-11-25T04:35:52.431366Z ERROR engine.get_llm_engine: Error in engine context: 2 validation errors for LlmArgs',
      'moe_expert_parallel_size',
      '  Value error, AutoDeploy only supports parallelization via the `world_size` argument. [type=value_error, input_value=1, input_type=int]',
    ];
    expect(classifyLog(log.join('\n')).category).toBe('other');
  });
});

describe("a program's CUDA allocation that ran out of memory", () => {
  it('is oom, before the crash it leads to', () => {
    const log = [
      'ds4: CUDA backend initialized on NVIDIA RTX PRO 6000 Blackwell Server Edition (sm_120)',
      'ds4: CUDA q8 fp16 cache alloc failed (64.00 MiB): out of memory',
      'ds4: cuBLAS f16 matmul failed: status 14',
      'ds4: CUDA synchronize failed: an illegal memory access was encountered',
    ];
    const d = classifyLog(log.join('\n'));
    expect(d.category).toBe('oom');
    expect(d.evidence.map((e) => e.line)).toContain(2);
  });
});

describe("a kernel's shared memory request refused (cudaFuncSetAttribute MaxDynamicSharedMemorySize: invalid argument)", () => {
  it('is a kernel refused for this GPU, also when raised during the CUDA-graph capture', () => {
    const log = [
      'The following batches for capture: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]',
      'Graph capturing:   6%|██▍                                | 1/15 [00:00<?, ?it/s]CUDA Error: invalid argument (invalid argument) /root/.cudaforge/git/checkouts/flashinfer/include/flashinfer/attention/hopper/prefill_sm90.cuh: line 414 at function cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, smem_size)',
    ];
    expect(classifyLog(log.join('\n')).category).toBe('backend-unsupported');
  });

  it('not another attribute, nor another error of the call', () => {
    expect(classifyLog('CUDA Error: invalid argument (invalid argument) kernel.cuh: line 10 at function cudaFuncSetAttribute(kernel, cudaFuncAttributePreferredSharedMemoryCarveout, 50)').category).not.toBe('backend-unsupported');
  });
});

describe('TensorFold, and a server stopped once it listened', () => {
  const serving = '[tensorfold] serving flashnext at http://127.0.0.1:8092/v1 on CUDA (sampling: temperature 1.0, top_k 20, top_p 0.95; drafts: on; context: 32768; loaded in 275.0s)';
  const stop = ['Traceback (most recent call last):', '  File "/x/tensorfold/cuda/http.py", line 201, in _terminate', '    raise KeyboardInterrupt', 'KeyboardInterrupt'];

  it('its serving line is a server listening', () => {
    expect(classifyLog(serving).category).toBe('healthy');
  });

  it('told to stop after it listened: healthy', () => {
    expect(classifyLog([serving, ...stop].join('\n')).category).toBe('healthy');
  });

  it('told to stop before any sign: the root cause is not in the log', () => {
    expect(classifyLog(['[tensorfold] loading flashnext: Qwen3.8 Flash Next (qwen4_exp) on CUDA', ...stop].join('\n')).category).toBe('unknown');
  });
});
