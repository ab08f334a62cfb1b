// Readings made in the twenty-ninth session, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { CUDA_ERROR_CODES } from '../../../harness/diagnose/upstream-messages/cuda.ts';

describe('round 199 readings', () => {
  it('reads a cudaError_t printed by its number, in any spelling of "CUDA error", as the category of its name', () => {
    // the numbers and names of CUDA 13.0's include/driver_types.h (CUDA_ERROR_CODES names each line)
    expect(category('Loading model...', 'Cuda Error: 222', 'Aborted (core dumped)')).toBe('ptx-toolchain');
    expect(category('Loading model...', 'cudaError 35 at init', 'Aborted (core dumped)')).toBe('driver-mismatch');
    expect(category('Loading model...', 'CUDA error code=209', 'Aborted (core dumped)')).toBe('no-kernel-image');
    expect(category('Loading model...', 'FATAL: CUDA Runtime Error (901)', 'Aborted (core dumped)')).toBe('graph-capture');
    expect(category('Loading model...', 'CUDA error 100 at ggml-cuda.cu:7', 'Aborted (core dumped)')).toBe('driver-mismatch');
    expect(category('Loading model...', 'CUDA error: 218', 'Aborted (core dumped)')).toBe('ptx-toolchain');
    // ggml's 2023 CUDA_CHECK, "CUDA error %d at %s:%d: %s" (ollama v0.0.15:llm/ggml-cuda.cu:55), its words cut off
    expect(category('llama_model_load_internal: offloading 32 layers to GPU', 'CUDA error 98 at /go/src/github.com/jmorganca/ollama/llm/llama.cpp/ggml-cuda.cu:6047: inv')).toBe('no-kernel-image');
    // the three-digit numbers no other code shares are read after "error" alone too, as before
    expect(category('Loading model...', 'RuntimeError: failed with error code 803', 'Aborted (core dumped)')).toBe('driver-mismatch');
  });

  it('reads a number only where it is the whole number after "CUDA error", and a small number only after "CUDA error"', () => {
    // not another number that begins with a code's digits, nor a decimal, nor a place in a file
    expect(category('Loading model...', 'CUDA error 2220 at x.cu', 'Aborted (core dumped)')).not.toBe('ptx-toolchain');
    expect(category('Loading model...', 'CUDA error 98765', 'Aborted (core dumped)')).not.toBe('no-kernel-image');
    expect(category('Loading model...', 'CUDA error 2.5 seconds after start', 'Aborted (core dumped)')).not.toBe('oom');
    // "error 35" without CUDA before it is no CUDA error (35 is also errno's EDEADLK, and any program's own code)
    expect(category('Loading model...', 'RuntimeError: request failed with error 35', 'Aborted (core dumped)')).not.toBe('driver-mismatch');
    // (each positive beside it: the same lines with CUDA's number read)
    expect(category('Loading model...', 'RuntimeError: CUDA error 35', 'Aborted (core dumped)')).toBe('driver-mismatch');
  });

  it('names each code once, with its enum line in driver_types.h, bare only where it has three digits', () => {
    const codes = CUDA_ERROR_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CUDA_ERROR_CODES) {
      expect(c.source).toMatch(/^cuda-13\.0:include\/driver_types\.h:\d+$/);
      expect(c.name).toMatch(/^cudaError[A-Z]\w+$/);
      if (c.bare) expect(c.code).toBeGreaterThanOrEqual(100);
    }
  });

  it("reads mlx-lm finding no module for a model type ('No module named mlx_lm.models.<type>') as the model unsupported", () => {
    // ml-explore/mlx-lm v0.31.3:mlx_lm/utils.py:188-191: _get_classes imports mlx_lm.models.<model_type> and, on ImportError, raises
    // "Model type <type> not supported."; the ImportError is printed first, as the chained exception's cause
    const tb = ['Traceback (most recent call last):', '  File "/usr/lib/python3.12/site-packages/mlx_lm/utils.py", line 188, in _get_classes', '    arch = importlib.import_module(f"mlx_lm.models.{model_type}")'];
    expect(category(...tb, "ModuleNotFoundError: No module named 'mlx_lm.models.glm4_moe_lite'", '', 'During handling of the above exception, another exception occurred:', '', 'ValueError: Model type glm4_moe_lite not supported.')).toBe('unsupported-model');
    // another module missing is still a package to install
    expect(category(...tb.slice(0, 2), '    import mlx.core as mx', "ModuleNotFoundError: No module named 'mlx'")).toBe('import-error');
  });

  it('reads a traceback whose last line was cut before it named the exception as cut (the root cause not in the log)', () => {
    const frames = ['Traceback (most recent call last):', '  File "/usr/lib/python3.12/site-packages/torch/cuda/streams.py", line 231, in synchronize', '    super().synchronize()'];
    // cut inside the class's name (torch.AcceleratorError)
    expect(category(...frames, 'torch.Accel')).toBe('unknown');
    expect(category(...frames.map((l) => `[rank0]: ${l}`), '[rank0]: torch.Accel')).toBe('unknown');
    // TVM's FFI error, whose message holds the frames it crossed and its own error last, cut at the start of that message
    const tvm = ['Traceback (most recent call last):', '  File "/usr/lib/python3.10/site-packages/tvm/_ffi/base.py", line 481, in raise_last_ffi_error', '    raise py_err'];
    expect(category(...tvm, 'tvm._ffi.base.TVMError: Traceback (m')).toBe('unknown');
    // (beside them, the whole exception is read: a class named whole, or the cut line not the log's last)
    expect(category(...frames, 'torch.AcceleratorError: CUDA error: an illegal memory access was encountered')).toBe('other');
    expect(category(...frames, 'socket.timeout')).toBe('other');
    expect(category(...tvm, 'tvm._ffi.base.TVMError: Traceback (most recent call last):', '  1: tvm::runtime::CUDAModuleNode::GetFunc', '  0: _ZN3tvm7runtime6deta', 'TVMError: CUDA: out of memory')).not.toBe('unknown');
  });

  // signs of health read in the servers' own source (health-evidence.ts names each line), each after a line that shows nothing yet
  it.each([
    ['llama.cpp 2026', 'srv  llama_server: listening on http://127.0.0.1:8080'],
    ['llama.cpp router', 'main: router server is listening on http://127.0.0.1:8080'],
    ['llama.cpp 2024-09', 'main: server is listening on 127.0.0.1:8080 - starting the main loop'],
    ['llama.cpp main loop', 'main: starting the main loop...'],
    ['llama.cpp 2024 server_log', 'INFO [                    main] HTTP server is listening | tid="139" timestamp=1723800000 n_threads_http="31" port="8080" hostname="127.0.0.1"'],
    ['llama.cpp 2024 idle', 'INFO [            update_slots] all slots are idle | tid="139" timestamp=1723800000'],
    ['llama.cpp 2024 padded', 'INFO [                    main] model loaded | tid="139" timestamp=1709000000'],
    ['KoboldCpp loaded', 'Load Text Model OK: True'],
    ['KoboldCpp API', 'Starting Kobold API on port 5001 at http://localhost:5001/api/'],
    ['KoboldCpp generation', 'CtxLimit:245/4096, Amt:120/120, Init:0.01s, Process:0.35s (2.8ms/T = 357.14T/s), Generate:3.21s (26.8ms/T = 37.38T/s), Total:3.56s (33.71T/s)'],
    ['LocalAI loaded', '3:04PM INF [llama-cpp] Loads OK'],
    ['LocalAI answered', '10:00AM INF HTTP request method=POST path=/v1/chat/completions status=200'],
    ['TabbyAPI answered', '2026-08-13 10:00:00.123 INFO:     Finished chat completion request 3f9a2b1c'],
    ['mistral.rs throughput', '2026-08-22T10:00:00.123456Z  INFO mistralrs_core::engine::logger: Throughput (T/s) 12.34, Prefix cache hitrate 0.00%, 1 running, 0 waiting'],
    ['mistral.rs KV cache', '2026-08-22T10:00:00.123456Z  INFO mistralrs_core::paged_attention: Using PagedAttention with block size 32 and 1234 GPU blocks: available context length is 39488 tokens'],
    ['TGI KV cache', '2026-01-08T10:00:00.000000Z  INFO text_generation_launcher: KV-cache blocks: 35554, size: 1'],
    ['TGI router', '2026-01-08T10:00:00.000000Z  INFO text_generation_router_v3: backends/v3/src/lib.rs:166: Using backend V3'],
    ['TEI warm-up', '2026-01-08T10:00:00.000000Z  INFO text_embeddings_backend: backends/src/lib.rs:180: finish warmup for batch: 8, length: 512'],
    ['TEI gRPC', '2026-01-08T10:00:00.000000Z  INFO text_embeddings_router::grpc::server: router/src/grpc/server.rs:1511: Starting gRPC server: 0.0.0.0:80'],
    ['Triton SageMaker', 'I0819 10:00:00.000000 1 sagemaker_server.cc:291] Started Sagemaker HTTPService at 0.0.0.0:8080'],
    ['Xinference', '2024-12-01 10:00:00,123 xinference.core.model 12345 INFO     ModelActor(qwen2.5-instruct-0) loaded'],
    ['MLC-LLM stats', 'prefill: 1234.5 tok/s, decode: 45.6 tok/s'],
    ['Aphrodite 0.6', 'INFO:     Completions API:  http://localhost:2242/v1/completions'],
    ['whisper.cpp server', 'whisper server listening at http://127.0.0.1:8080'],
    ['whisper.cpp timings', 'whisper_print_timings:   encode time =   123.45 ms /     1 runs (  123.45 ms per run)'],
    ['speaches', '2026-03-26 10:00:00,123:INFO:speaches.executors.whisper:handle_non_streaming_transcription_request:181:Transcribed 10.5 seconds of audio in 1.2345 seconds'],
    ['vLLM auto-fit', '(EngineCore_DP0 pid=456) INFO 04-21 10:00:00 [kv_cache_utils.py:1462] Auto-fit max_model_len: reduced from 131072 to 65536 to fit in available GPU memory (12.34 GiB available for KV cache)'],
    ['SGLang HTTP/2', '[2026-06-08 10:00:00] Starting Granian HTTP/2 server on 0.0.0.0:30000'],
    ['GPUStack', '2026-08-21 10:00:00,000 - gpustack.server.server - INFO - GPUStack Server is ready.'],
  ])('reads %s as a sign of health', (_server, line) => {
    expect(category('INFO 01-01 00:00:00 loading model', line)).toBe('healthy');
  });

  it('does not read those signs where they say nothing ran: no tokens, no blocks, not OK', () => {
    for (const line of [
      'Load Text Model OK: False',
      'CtxLimit:245/4096, Amt:0/120, Init:0.01s, Process:0.35s (2.8ms/T = 357.14T/s), Generate:0.00s',
      'Throughput (T/s) 0.00, Prefix cache hitrate 0.00%, 0 running, 0 waiting',
      'prefill: N/A, decode: N/A',
      'whisper_print_timings:   encode time =     0.00 ms /     1 runs (    0.00 ms per run)',
      'Using PagedAttention with block size 32 and 0 GPU blocks: available context length is 0 tokens',
      '10:00AM INF HTTP request method=POST path=/v1/chat/completions status=500',
    ]) expect(category('INFO 01-01 00:00:00 loading model', line)).not.toBe('healthy');
    // vLLM's "Supported tasks" is written before the server binds: two labellers call a start cut there unknown
    expect(category('INFO 01-01 00:00:00 loading model', "(APIServer pid=7822) INFO 04-17 07:02:51 [api_server.py:1014] Supported tasks: ['generate']")).toBe('unknown');
  });
});

