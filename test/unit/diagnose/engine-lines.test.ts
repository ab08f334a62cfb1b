// How lines that engines write outside Python's logging are read (issue #22, round 6): loggers of C++ engines
// (TurboMind's `[TM][FATAL]`, TensorRT's `[TRT] [E]`, llama.cpp's timestamped `I `), bare lines of llama.cpp and
// TurboMind, Triton's model table with a wrapped cell, and the words some of them use. Short lines as those engines
// write them, each with a line that must not be read so.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

describe('logger headers of C++ engines', () => {
  it("TurboMind's failed check (`[TM][FATAL]`, repeated by interleaved ranks) is an error line, read by its words", () => {
    const l = readLog('[TM][FATAL] [TM][FATAL] comm/device_comm.cc(28): Check failed: 0 Unknown communication backend: nccl')[0]!;
    expect(l).toMatchObject({ level: 'CRITICAL', text: 'comm/device_comm.cc(28): Check failed: 0 Unknown communication backend: nccl' });
    expect(classifyLog(l.raw).category).toBe('nccl');
    expect(readLog('[TM][WARNING] [LlamaTritonModel] max_context_token_num = 4096.')[0]!.level).toBe('WARNING');
  });
  it("TensorRT's own messages through TensorRT-LLM (`[TRT] [E]`) are error lines; its OutOfMemory error is GPU memory", () => {
    const line = '[08/11/2024-06:10:36] [TRT] [E] [virtualMemoryBuffer.cpp::resizePhysical::151] Error Code 2: OutOfMemory (Requested size was 16654532608 bytes.)';
    expect(readLog(line)[0]!.level).toBe('ERROR');
    expect(classifyLog(line).category).toBe('oom');
    // another coded error names no category of its own
    expect(classifyLog('[08/11/2024-06:10:36] [TRT] [E] 1: [stdArchiveReader.cpp::StdArchiveReader::42] Error Code 1: Serialization (Serialization assertion failed)').category).toBe('other');
    expect(readLog('[08/11/2024-06:10:36] [TRT] [W] Unused Input: position_ids')[0]!.level).toBe('WARNING');
  });
  it("llama.cpp's timestamped log (`0.08.526.749 I `) is read for its level and message", () => {
    expect(readLog('0.08.526.749 I srv  llama_server: model loaded')[0]).toMatchObject({ level: 'INFO', text: 'srv  llama_server: model loaded' });
    expect(readLog('0.17.834.084 W srv  load: failed to load prompt from cache')[0]!.level).toBe('WARNING');
  });
  it('journald without its host still prefixes the line', () => {
    expect(readLog('Sep 24 22:07:37 ollama[424410]: time=2025-09-24T22:07:37.345+03:00 level=INFO source=server.go:200 msg="model wants flash attention"')[0]!.text).toMatch(/^time=/);
  });
});

describe("bare lines of llama.cpp and TurboMind", () => {
  it('a llama.cpp line begins with its function: never the rest of a long line above it', () => {
    const log = [
      'load_tensors: loading model tensors, this can take a while... (mmap = true, direct_io = false)',
      'ggml_backend_cuda_buffer_type_alloc_buffer: allocating 144817.04 MiB on device 0: cudaMalloc failed: out of memory',
      'llama_model_load: error loading model: unable to allocate CUDA0 buffer',
    ].join('\n');
    expect(readLog(log).map((l) => l.cont)).toEqual([false, false, false]);
    expect(classifyLog(log).category).toBe('oom');
    // the rest of a cut sentence that happens to hold a colon still continues it
    expect(readLog(['x'.repeat(90), 'rest of it: more words'].join('\n'))[1]!.cont).toBe(true);
  });
  it("llama.cpp's unknown model architecture (as Ollama vendors it) is unsupported-model", () => {
    const log = [
      "llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'nemotron_h_omni'",
      'llama_model_load_from_file_impl: failed to load model',
    ].join('\n');
    expect(classifyLog(log).category).toBe('unsupported-model');
    expect(classifyLog("llama_model_load: loaded model architecture: 'qwen3'").category).toBe('unknown');
  });
  it("TurboMind's 'not implemented' for a weight type on this SM, written bare before it aborts, is backend-unsupported", () => {
    const log = [
      '2025-09-04 18:37:49,126 - lmdeploy - WARNING - turbomind.py:280 - get 14165 model params',
      'not implemented: dtype=e2m1, is_fused_moe=1, sm=70',
      'Aborted',
    ].join('\n');
    expect(readLog(log)[1]!.cont).toBe(false);
    expect(classifyLog(log).category).toBe('backend-unsupported');
  });
});

describe("Triton's model table", () => {
  it('a status cell wrapped onto the next row is read whole (a memory pool refused: backend-unsupported)', () => {
    const table = [
      '| preprocessing  | 1       | READY                                                                  |',
      '| tensorrt_llm   | 1       | UNAVAILABLE: Internal: [TensorRT-LLM][ERROR] CUDA runtime error in cudaDeviceGetDefaultMemPool(&memPool, device): operation no |',
      '|                |         | t supported (/app/tensorrt_llm/cpp/tensorrt_llm/runtime/bufferManager.cpp:170)                                      |',
    ].join('\n');
    const lines = readLog(table);
    expect(lines.map((l) => l.cont)).toEqual([false, false, true]);
    expect(classifyLog(table)).toMatchObject({ category: 'backend-unsupported', evidence: [{ line: 2 }, { line: 3 }] });
    // …the same behind docker compose's prefix
    expect(classifyLog(table.split('\n').map((l) => `triton-1  | ${l}`).join('\n')).category).toBe('backend-unsupported');
  });
  it('a row of its own is never the rest of the long row above it', () => {
    const table = [
      '| a | 1       | READY                                                                                    |',
      '| b | 1       | UNAVAILABLE: Internal: unable to create TensorRT engine |',
    ].join('\n');
    expect(readLog(table)[1]!.cont).toBe(false);
  });
});

describe('words and messages', () => {
  it("a feature 'only supported for' another backend refuses this configuration (backend-unsupported)", () => {
    expect(classifyLog('AssertionError: Attention sinks are only supported for TRTLLM backend.').category).toBe('backend-unsupported');
    expect(classifyLog('AssertionError: Expected the TRTLLM backend to be initialized').category).toBe('other');
  });
  it("the driver's own library missing (libcuda.so.1) is driver-mismatch; another library missing is import-error", () => {
    expect(classifyLog('OSError: libcuda.so.1: cannot open shared object file: No such file or directory').category).toBe('driver-mismatch');
    expect(classifyLog('ImportError: libcuda.so.1: cannot open shared object file: No such file or directory').category).toBe('driver-mismatch');
    expect(classifyLog('OSError: libcudart.so.12: cannot open shared object file: No such file or directory').category).toBe('import-error');
  });
  it("PyTorch's failed internal assertion is a failure line even when a logger relays it without the exception's name", () => {
    const line = '[17] Hit an exception: false INTERNAL ASSERT FAILED at "../c10/core/TensorImpl.h":1234, please report a bug to PyTorch.';
    expect(classifyLog(line).category).toBe('other');
    expect(classifyLog('see https://github.com/pytorch/pytorch/issues/1 for the INTERNAL ASSERT FAILED discussion').category).toBe('unknown');
  });
});

describe('an exception named by its class under a traceback frame', () => {
  // with kubectl's prefix the source line above it ("    self.agent.registerMem(reg_descs, handle_list)") is as long as a
  // terminal's width: the exception was read as that line's rest, and the traceback as cut before its exception
  const p = '[pod/vllm-7d9f8c6b5-x2x9z/vllm] ';
  const log = [
    `${p}Traceback (most recent call last):`,
    `${p}  File "/sgl-workspace/sglang/python/sglang/srt/disaggregation/nixl/conn.py", line 776, in register_buffer_to_engine`,
    `${p}    self.kv_descs = self.agent.register_memory(kv_addrs, "VRAM")`,
    `${p}  File "/usr/local/lib/python3.12/dist-packages/nixl_cu13/_api.py", line 392, in register_memory`,
    `${p}    self.agent.registerMem(reg_descs, handle_list)`,
    `${p}nixl_cu13._bindings.nixlBackendError: NIXL_ERR_BACKEND`,
  ].join('\n');

  it('is a line of its own, not the rest of the line above, and is the failure', () => {
    expect(readLog(log)[5]!.cont).toBe(false);
    const d = classifyLog(log);
    expect(d.category).toBe('other');
    expect(d.evidence.map((e) => e.line)).toContain(6);
  });
});
