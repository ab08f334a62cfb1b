// Readings made in the thirty-second session from tuning logs, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

describe('round 257 readings', () => {
  it('reads an exception line under a traceback a paste stripped of its indentation as the exception, whatever its class is called', () => {
    // the source line right under its frame, unindented; `lark.exceptions.UnexpectedCharacters` ends in neither Error nor Exception
    const frames = ['Traceback (most recent call last):', 'File "/usr/lib/python3/dist-packages/lark/lexer.py", line 598, in next_token', 'raise UnexpectedCharacters(lex_state.text, line_ctr.char_pos)'];
    expect(category(...frames, "lark.exceptions.UnexpectedCharacters: No terminal matches '1' in the current parser context, at line 1 col 2")).toBe('other');
    // … indented, as Python writes it, the same
    expect(category('Traceback (most recent call last):', '  File "/x/lexer.py", line 598, in next_token', '    raise UnexpectedCharacters(text)', "lark.exceptions.UnexpectedCharacters: No terminal matches '1'")).toBe('other');
    // a line that only follows unindented prose, no frame above it, is no traceback's exception
    expect(category('Starting the worker', 'checking the lexer', 'lark.exceptions.UnexpectedCharacters: No terminal matches')).toBe('unknown');
  });

  it("reads the 2024 llama.cpp sampler's refusal of a request's grammar as that request's error", () => {
    // ikawrakow/ik_llama.cpp 663c94457dc03d62cd1c1b89404781fc22274958:common/sampling.cpp:15 (fprintf to stderr, no level)
    expect(category('llama_sampling_init: failed to parse grammar', 'launch_slot_with_data: failed to initialize sampling subsystem', 'task 8 - error: internal_error')).toBe('other');
    // a grammar that parsed, the request served, is not
    expect(category('llama_sampling_init: grammar parsed', 'print_timings: prompt eval time = 12.1 ms')).not.toBe('other');
  });

  it("reads pybind11's frames under a Python error a C++ caller passed on (Triton's Python backend) as a traceback's frames", () => {
    // pybind/pybind11 v3.0.4:include/pybind11/pytypes.h:660-695 (error_already_set::what(): "At:", then the frames from the deepest out)
    const head = "error: creating server: Invalid argument - load failed for model 'm': version 1 is at UNAVAILABLE state: Internal: AttributeError: module 'triton.language' has no attribute 'constexpr_function'";
    const importing = ['', 'At:', '  /usr/local/lib/python3.12/site-packages/triton_kernels/numerics_details/flexpoint.py(55): <module>', '  <frozen importlib._bootstrap>(488): _call_with_frames_removed', '  /usr/local/lib/python3.12/site-packages/triton_kernels/matmul_ogs.py(8): <module>'];
    // raised by module-level code while the module was imported: versions that do not pair (the rule of a Python traceback's frames)
    expect(category(head, ...importing)).toBe('import-error');
    // … with the frame that decided shown as evidence, and read from the message and that frame alone
    expect(classifyLog([head, ...importing].join('\n')).evidence.map((e) => e.text)).toContain(importing[2]);
    expect(category(head, importing[2]!)).toBe('import-error');
    // raised inside a function, not at import, it is not
    expect(category(head, '', 'At:', '  /opt/model.py(120): initialize', '  /opt/stub.py(30): main')).toBe('other');
    // no "At:" block: the message alone
    expect(category(head)).toBe('other');
  });

  it("reads a ZMQ socket that could not bind an address that is not this host's as a cause of its own", () => {
    // zeromq/pyzmq v26.2.0:zmq/error.py:28-61 (ZMQError's text, strerror of its errno); glibc glibc-2.42:sysdeps/gnu/errlist.h:346 (EADDRNOTAVAIL)
    const bind = ['Traceback (most recent call last):', '  File "/venv/lib/python3.12/site-packages/zmq/sugar/socket.py", line 320, in bind', '    super().bind(addr)', '  File "zmq/backend/cython/_zmq.py", line 190, in zmq.backend.cython._zmq._check_rc'];
    expect(category(...bind, "zmq.error.ZMQError: Cannot assign requested address (addr='tcp://10.128.0.7:41257')")).toBe('other');
    // a ZMQ error of a socket whose peer went away is still a wrapper of a failure told elsewhere
    expect(category(...bind, 'zmq.error.ZMQError: Resource temporarily unavailable')).toBe('unknown');
  });

  it("reads PyTorch's gloo group that could not connect its ranks, its message cut, as the collective that failed", () => {
    // pytorch/pytorch c194358a8ee425df52e5d940e34ba878d82d433c (ProcessGroupGloo: "Gloo connectFullMesh failed with …"), cut by a page
    const frames = ['Traceback (most recent call last):', '  File "/x/torch/distributed/distributed_c10d.py", line 1953, in _new_process_group_helper', '    backend_class = ProcessGroupGloo('];
    expect(category(...frames, 'RuntimeError: Gloo connectFullMesh fai')).toBe('nccl');
    // a word of it alone is not enough
    expect(category(...frames, 'RuntimeError: Gloo')).not.toBe('nccl');
  });

  it("reads Ollama's answer to a request for a model it does not have as that request's error", () => {
    // ollama/ollama v0.17.6:server/routes.go:2518 (404, "model %q not found, try pulling it first"); '%s'-quoted before v0.2
    expect(category('* Running on local URL:  http://127.0.0.1:7788', 'ERROR    [agent] Result failed 1/3 times:', ' model "deepseek-r1:14b" not found, try pulling it first (status code: 404)')).toBe('other');
    expect(category("[GIN] 2024/04/01 | 404 | POST /api/generate", "{\"error\":\"model 'llama3' not found, try pulling it first\"}")).toBe('other');
  });

  it("reads macOS's dynamic loader that cannot load a library a program links as a library that could not be loaded", () => {
    // apple-oss-distributions/dyld dyld-1378:dyld/JustInTimeLoader.cpp:525
    expect(category('dyld[18622]: Library not loaded: @rpath/libllama.dylib', '  Referenced from: <A6F7> /Users/u/bin/llama-server', "  Reason: tried: '/Users/runner/build/src/libllama.dylib' (no such file)")).toBe('import-error');
  });

  it("reads vLLM's CPU, XPU or TPU platform refusing the V0 engine as the backend refused for this configuration", () => {
    // vllm-project/vllm 2e5d21378db8226b04bb76f3e7119a9ddd0239df (0.10.2):vllm/platforms/cpu.py:103 (and tpu.py:58, xpu.py:42)
    expect(category('ERROR 09-05 06:01:06 [engine.py:467] ValueError: CPU backend only supports V1.')).toBe('backend-unsupported');
    expect(category('ValueError: XPU backend only supports V1.')).toBe('backend-unsupported');
  });

  it("reads ggml's CPU buffer that could not be allocated as the host's memory, not the GPU's", () => {
    // unslothai/llama.cpp 82bb48500a9a6b3374da2cf5811695369278e4d3:ggml/src/ggml-backend.cpp:2369; the KV cache's failure after it is its consequence
    const after = ['llama_kv_cache_init: failed to allocate buffer for kv cache', 'llama_new_context_with_model: llama_kv_cache_init() failed for self-attention cache'];
    expect(category('ggml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size 17179869216', ...after)).toBe('other');
    // the KV cache's buffer alone (a device's memory) stays oom
    expect(category(...after)).toBe('oom');
  });

  it("reads color-eyre's panic report (a Rust program's panic hook) as the failure its message names", () => {
    // eyre-rs/eyre d33b9aa74b2338e6ed8deb51b7129792748dd998:color-eyre/src/config.rs:805-820
    const report = ['⠙     0.081 s   Starting...The application panicked (crashed).', 'Message:  Failed to start llama-server <embedding> with command Command { std: "/media/x/llama-server" }: Permission denied (os error 13)', 'Location: crates/llama-cpp-server/src/supervisor.rs:84'];
    expect(category(...report)).toBe('other');
    // … also under docker's timestamps, where its rows read as one line a terminal cut
    expect(category(...report.map((l) => `2024-11-02T10:00:00.000000000Z ${l}`))).toBe('other');
    // … and its message keeps the category it names
    expect(category('The application panicked (crashed).', 'Message:  called `Result::unwrap()` on an `Err` value: CUDA error: out of memory', 'Location: src/main.rs:12')).toBe('oom');
  });

  it("reads SGLang's watchdog failing to dump stacks with py-spy as a diagnostic of the hang, not its cause", () => {
    // sgl-project/sglang 3ebf066d131de7b2e0fdaa0c5b4c7c779dcf61c6:python/sglang/srt/utils/common.py:2350, utils/watchdog.py:149-156
    const hang = ['[2025-06-26 07:25:31 DP4 TP4] Pyspy failed to dump PID 113688. Error: /bin/bash: line 1: py-spy: command not found', '', '[2025-06-26 07:25:31 DP4 TP4] Watchdog timeout (self.watchdog_timeout=300)'];
    expect(category(...hang)).toBe('unknown');
    // the newer words, the same
    expect(category('[2026-05-01 10:00:00 TP0] Pyspy failed (py-spy dump --pid 42). Error: /bin/sh: 1: py-spy: not found', '[2026-05-01 10:00:00 TP0] All pyspy dump attempts failed for PID 42.', '[2026-05-01 10:00:00 TP0] Scheduler watchdog timeout (self.watchdog_timeout=300, self.soft=False)')).toBe('unknown');
  });

  it("reads vLLM's speculative-decoding metrics with drafts counted as the engine serving", () => {
    // vllm-project/vllm 2a69949bdadf0e8942b7a1619b229cb475beef20:vllm/v1/spec_decode/metrics.py:74-76,101-110 (logged only when drafts were made)
    expect(category('(APIServer pid=6485) INFO 08-05 20:20:43 [metrics.py:100] SpecDecoding metrics: Mean acceptance length: 1.00, Accepted throughput: 0.00 tokens/s, Drafted throughput: 1.23 tokens/s, Accepted: 0 tokens, Drafted: 495 tokens, Per-position acceptance rate: 0.000')).toBe('healthy');
    // a failure after it, with nothing served since, still decides
    expect(category('INFO 08-05 20:20:43 [metrics.py:100] SpecDecoding metrics: Mean acceptance length: 2.10, Accepted throughput: 3.00 tokens/s, Drafted throughput: 9.00 tokens/s, Accepted: 30 tokens, Drafted: 90 tokens', 'ERROR 08-05 20:21:00 [core.py:900] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB')).toBe('oom');
  });

  it("reads std::terminate() called with no exception as the C++ failure it is, also after the server came up", () => {
    // libstdc++'s verbose terminate handler (GCC 12.2, run here on a destroyed joinable std::thread); Triton's ErrorSignalHandler after it
    // (triton-inference-server/server e1db8a603d863b1317ee859bdeea2be19959462e:src/triton_signal.cc:117-120)
    expect(category('I1111 02:21:47.350037 1 grpc_server.cc:4117] Started GRPCInferenceService at 0.0.0.0:8001', 'I1111 02:21:47.350601 1 http_server.cc:2815] Started HTTPService at 0.0.0.0:8000', 'terminate called without an active exception', 'Signal (6) received.', ' 0# nvidia::inferenceserver::(anonymous namespace)::ErrorSignalHandler(int) at signal.cc:?')).toBe('other');
  });

  it("reads a traceback cut in vLLM V0's check of the KV cache's size as the cache too small for the GPU's memory", () => {
    // jinhuang12/vllm 77f0d465d0a666b65dd877ec462f024a980dd55c:vllm/worker/worker.py:560-578 (its raises: no memory for the cache blocks, max seq len over the cache)
    const frames = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.10/dist-packages/vllm/worker/worker.py", line 318, in initialize_cache', '    raise_if_cache_size_invalid(', '  File "/usr/local/lib/python3.10/dist-packages/vllm/worker/worker.py", line 571, in raise_if_cache_size_invalid'];
    expect(category(...frames)).toBe('oom');
    // a traceback cut in another step of the cache's start is not
    expect(category('Traceback (most recent call last):', '  File "/x/vllm/worker/worker.py", line 300, in initialize_cache', '    self._init_cache_engine()')).toBe('unknown');
  });

  it("reads DeepGEMM's JIT failing to open the kernel source it named for this GPU's architecture as the library not built for this GPU", () => {
    // deepseek-ai/DeepGEMM 54e22612409371d6364144b69086735beb54e98b:csrc/jit/include_parser.hpp:69 (impls/ ships sm90_*, sm100_* and smxx_* only)
    expect(category('RuntimeError: Assertion error (include_parser.hpp:69):', 'Failed to open: /usr/local/lib/python3.12/dist-packages/vllm/third_party/deep_gemm/', 'include/deep_gemm/impls/sm121_fp8_mqa_logits.cuh')).toBe('backend-unsupported');
    // a file of another library that could not be opened is not
    expect(category('RuntimeError: Failed to open: /models/llama/tokenizer.model')).not.toBe('backend-unsupported');
  });

  it("reads TensorRT-LLM's C++ session benchmark's result as the model having run", () => {
    // AlessioNetti/TensorRT-LLM 027cd518e3b63809a5c5799187991e7f1164fb12:benchmarks/cpp/gptSessionBenchmark.cpp:100-135
    expect(category('Benchmarking done. Iteration: 139, duration: 60.12 sec.', '[BENCHMARK] batch_size 1 input_length 20 output_length 20 latency(ms) 432.51')).toBe('healthy');
    // a latency of nothing generated is not
    expect(category('[BENCHMARK] batch_size 1 input_length 20 output_length 0 latency(ms) 0.00')).toBe('unknown');
  });
});
