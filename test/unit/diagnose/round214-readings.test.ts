// Readings made in the thirty-first session from the tuning logs of rounds 214-256, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 214 readings', () => {
  it("reads TEI's record of a backend that failed to start as the failure it gives the reason of", () => {
    // huggingface/text-embeddings-inference v1.9.3:backends/src/lib.rs:490 and backends/core/src/lib.rs:87 (BackendError::Start)
    expect(category('2025-02-21T12:03:12.972121Z ERROR text_embeddings_backend: backends/src/lib.rs:388: Could not start Candle backend: Could not start backend: cannot find tensor cls.predictions.decoder.weight')).toBe('other');
    // … also a paste that broke the record before the backend's error
    expect(category('ERROR text_embeddings_backend: backends/src/lib.rs:388:', 'Could not start Candle backend:', 'Could not start backend: cannot find tensor cls.predictions.decoder.weight')).toBe('other');
    // … a reason that names a category keeps it
    expect(category('2024-11-02T10:00:00Z ERROR text_embeddings_backend: backends/src/lib.rs:388: Could not start Candle backend: Could not start backend: Runtime compute cap 75 is not compatible with compile time compute cap 80')).toBe('no-kernel-image');
    // … the wrapper alone, its causes not in the log, names none
    expect(category('Could not start backend: Could not start a suitable backend')).toBe('unknown');
  });

  it("reads a KeyError on a GPU architecture as a table that has no entry for this GPU (AITER's GPU map)", () => {
    // ROCm/aiter e4048607a535:aiter/jit/utils/chip_info.py:56-62 (`return gfx_mapping[gfx]`, then "Unknown GPU architecture: …")
    expect(category('Traceback (most recent call last):', '  File "/src/aiter/aiter/jit/utils/chip_info.py", line 63, in get_gfx_custom_op_core', '    return gfx_mapping[line.split(":")[-1].strip()]', "KeyError: 'gfx1151'")).toBe('backend-unsupported');
    expect(category('Traceback (most recent call last):', '  File "/app/configs.py", line 12, in get_config', '    return TUNED[arch]', "KeyError: 'sm_120'")).toBe('backend-unsupported');
    // a KeyError on anything else is not
    expect(category('Traceback (most recent call last):', '  File "/app/loader.py", line 12, in load', '    return weights[name]', "KeyError: 'model.layers.0.mlp.gate.weight'")).toBe('other');
  });

  it("reads vLLM's quantized GEMMs refusing an activation that is not half precision as the backend refused", () => {
    // jinhuang12/vllm 0983869e7dad:csrc/quantization/gptq_marlin/gptq_marlin.cu:955; local-inference-lab/vllm 28be48fa944d:csrc/moe/moe_wna16.cu:339
    expect(category('(Worker_TP0_EP0 pid=110162) ERROR 11-17 07:54:19 [multiproc_executor.py:815] RuntimeError: gpt_marlin_gemm only supports bfloat16 and float16')).toBe('backend-unsupported');
    expect(category('RuntimeError: moe_wna16_gemm only supports bfloat16 and float16')).toBe('backend-unsupported');
    // a kernel that supports only some shapes is not this reading
    expect(category('RuntimeError: my_gemm only supports 2D inputs')).toBe('other');
  });

  it("reads a kernel library's static assertion in a JIT build as the kernel refused for this configuration", () => {
    const assertion = '/venv/lib/python3.12/site-packages/flashinfer/data/cutlass/include/cute/arch/mma_sm90.hpp(6108): error: static assertion failed with "MajorB must be GMMA::Major::K for this config."';
    expect(category('(EngineCore_DP0 pid=2247011) ERROR 01-06 23:16:01 [core.py:900] ' + assertion)).toBe('backend-unsupported');
    // gcc's form
    expect(category('/build/csrc/cutlass/include/cutlass/gemm/kernel/sm90_gemm.hpp:120:5: error: static assertion failed: Unsupported element type')).toBe('backend-unsupported');
    // a static assertion in the project's own code is not a kernel library refusing
    expect(category('/build/csrc/my_ops.cu(12): error: static assertion failed with "bad size"')).not.toBe('backend-unsupported');
  });

  it("reads CUTLASS's TMA descriptor refused as not supported (801) as a GPU without TMA", () => {
    // NVIDIA/cutlass 7107b05535f8:include/cute/atom/copy_traits_sm90_tma.hpp:1085
    expect(category('Error: Failed to initialize the TMA descriptor 801', 'TMA Desc Addr:   0xfffe8d7f6a80', 'format         9', 'dim            4')).toBe('backend-unsupported');
    // another code (a fault surfacing there) is not a refusal
    expect(category('Error: Failed to initialize the TMA descriptor 700')).not.toBe('backend-unsupported');
  });

  it("reads Ollama's slog record of its listener as health also when a paste cut it before the version", () => {
    // ollama v0.5.7:server/routes.go:1238 (`slog.Info(fmt.Sprintf("Listening on %s (version %s)", …))`)
    expect(category('time=2024-07-13T18:45:42.101Z level=INFO source=images.go:767 msg="total unused blobs removed: 0"', 'time=2024-07-13T18:45:42.101Z level=INFO source=routes.go:987 msg="Listening on [::]:11434')).toBe('healthy');
    // the same words from another program's record are not Ollama's listener
    expect(category('time=2024-07-13T18:45:42.101Z level=INFO source=main.go:12 msg="Listening on [::]:11434')).toBe('unknown');
  });

  it("reads llama.cpp's bare 'unknown architecture' (no tensor loader for the GGUF's architecture) only as its loader wraps it", () => {
    // unslothai/llama.cpp 1568d13c2c66:src/llama-model.cpp:6403 (load_tensors' default), wrapped at src/llama.cpp:148
    expect(category('llama_model_load: error loading model: unknown architecture', 'llama_model_load_from_file: failed to load model', 'main: exiting due to model loading error')).toBe('unsupported-model');
    // the bare words are too short to tell
    expect(category('ERROR 01-01 00:00:00 [x.py:1] ValueError: unknown architecture')).toBe('other');
  });

  it("reads an RDMA work request that completed with an error, its reason ibverbs' words for the status, as the failure", () => {
    // linux-rdma/rdma-core 691953d8d502:libibverbs/enum_strs.c:104-128 (ibv_wc_status_str), as UCX logs it
    expect(category('[1784621081.896649] [pod:537  :1]       srd_iface.c:221  UCX  ERROR send completion[0] with error on rdmap132s0/0x55cf4425cfb0: Work Request Flushed Error, vendor_err 0x1 wr_id 0x7f8b20022480')).toBe('other');
    expect(category('ERROR 01-01 00:00:00 [x.py:1] recv completion with error on mlx5_0:1: transport retry counter exceeded')).toBe('other');
    // a completion error that gives no such status is not read so
    expect(category('ERROR 01-01 00:00:00 [x.py:1] send completion with error on mlx5_0:1: see the log above')).toBe('unknown');
  });

  it("reads the lines llama.cpp's router relays from a model's child server as the child wrote them", () => {
    // unslothai/llama.cpp 82bb48500a9a:tools/server/server-models.cpp:844 (`LOG("[%5d] %s", port, buffer)`)
    expect(category('srv  proxy_reques: proxying request to model Gemma4:31B-IQ4_XS on port 47017', '[47017] srv  update_slots: all slots are idle')).toBe('healthy');
    // a bracketed number before other words is no such relay
    expect(category('[47017] all slots are idle')).toBe('unknown');
  });

  it("reads a helper process's interpreter exiting before the engine sized its KV cache as no stop of the server", () => {
    // CPython's resource tracker ("leaked semaphore objects to clean up at shutdown") reports some process ended; the engine went on
    const exited = '/usr/lib/python3.10/multiprocessing/resource_tracker.py:224: UserWarning: resource_tracker: There appear to be 8 leaked semaphore objects to clean up at shutdown';
    expect(category('INFO 08-20 21:32:03 [__init__.py:239] Automatically detected platform cuda.', exited, 'INFO 08-20 21:33:18 [executor_base.py:112] # cuda blocks: 19813, # CPU blocks: 32768')).toBe('healthy');
    // … with nothing after it, the process that ended may be the server
    expect(category('INFO 08-20 21:32:03 [__init__.py:239] Automatically detected platform cuda.', exited)).toBe('unknown');
  });

  it("reads LLVM's fatal error also right after another writer's words that ended without a newline", () => {
    // Triton's ROCm lowering: "Translate to LLVM IR failed" then report_fatal_error's "LLVM ERROR: …" on the same line
    expect(category('error: LLVM Translation failed for operation: builtin.unrealized_conversion_cast', 'Failed to emit LLVM IR', 'Translate to LLVM IR failedLLVM ERROR: Failed to translate TritonGPU to LLVM IR.', '*** SIGABRT received at time=1712361058 on cpu 4 ***')).toBe('backend-unsupported');
    // … not after a space: a sentence about one
    expect(category('I think this is an LLVM ERROR: not sure why')).not.toBe('backend-unsupported');
  });

  it("reads a header the C compiler cannot open, by its bare name, as a development package to install", () => {
    // gcc-mirror/gcc 134dc932e1ce:libcpp/files.cc, open_file_failed (CPP_DL_FATAL and strerror's words)
    expect(category('/tmp/tmps1rkq3y3/main.c:5:10: fatal error: Python.h: No such file or directory', 'compilation terminated.')).toBe('import-error');
    expect(category('/tmp/tmpabc/cuda_utils.c:1:10: fatal error: cuda.h: No such file or directory')).toBe('import-error');
    // … a library's own header under its directory is that library's build gone wrong, not a package missing
    expect(category('/root/.cache/flashinfer/gen/batch_prefill.cu:16:10: fatal error: flashinfer/attention/mask.cuh: No such file or directory')).not.toBe('import-error');
  });

  it("reads Triton's words for a ptxas that exited with an error as the PTX toolchain failing", () => {
    // triton-lang/triton 00526b7b4317:third_party/nvidia/backend/compiler.py, make_cubin
    expect(category('  File "D:\\envs\\cuda\\Lib\\site-packages\\triton\\backends\\nvidia\\compiler.py", line 309, in make_cubin', "    raise RuntimeError(f'`ptxas` failed with error code {e.returncode}: \\n{log}')", 'RuntimeError: `ptxas` failed with error code 4294967295: ')).toBe('ptx-toolchain');
    expect(category('triton.runtime.errors.PTXASError: `ptxas` raised SIGSEGV')).toBe('ptx-toolchain');
  });

  it("reads Ollama's timed discovery of the devices as no step that ran the model", () => {
    // ollama/ollama v0.19.0-rc2:discover/runner.go:38,44 ("GPU bootstrap discovery took", a duration field), here with a space a cut left
    expect(category('time=2025-10-21T15:33:57.731+05:30 level=DEBUG source=runner.go:45 msg="GPU bootstrap discovery took " duration=12.118452761s')).toBe('unknown');
    // a step that ran the model, timed, still is one
    expect(category('INFO 08-20 21:33:32 [llm_engine.py:437] init engine (profile, create kv cache, warmup model) took 16.12 seconds')).toBe('healthy');
  });

  it("reads Triton's OutOfResources by its class where a paste cut its message", () => {
    // triton-lang/triton 0b057fca1b99:python/triton/runtime/errors.py:23 (the message the class formats)
    expect(category('    raise OutOfResources(self.metadata.shared, max_shared, "shared memory")', 'triton.runtime.errors.OutOfResources: out of resource: shared me')).toBe('backend-unsupported');
  });

  it("reads a traceback cut at the construction of SGLang's CudaGraphRunner as cut in the capture step", () => {
    // BBuf/sglang 65d3b47f630f:python/sglang/srt/model_executor/cuda_graph_runner.py:548-719 (the constructor runs self.capture())
    const frames = ['Traceback (most recent call last):', '  File "/sgl-workspace/sglang/python/sglang/srt/model_executor/model_runner.py", line 342, in initialize', '    self.init_cuda_graphs()', '  File "/sgl-workspace/sglang/python/sglang/srt/model_executor/model_runner.py", line 1611, in init_cuda_graphs'];
    expect(category(...frames, '    self.cuda_graph_runner = CudaGraphRunner(self)', '  Fi')).toBe('graph-capture');
    // another runner constructed there is not the capture's
    expect(category(...frames, '    self.draft_runner = DraftRunner(self)', '  Fi')).toBe('unknown');
  });

  it("reads llama.cpp's grammar parser refusing a request's grammar as that request's error", () => {
    // unslothai/llama.cpp 82bb48500a9a:src/llama-grammar.cpp:715 (fprintf to stderr, then the grammar)
    const served = '[GIN] 2025/05/19 - 14:09:25 | 200 |      4.5424ms |       127.0.0.1 | GET      "/api/tags"';
    expect(category('[GIN] 2025/05/19 - 14:09:07 | 500 |   14.9401077s |       127.0.0.1 | POST     "/v1/chat/completions"', served, "parse: error parsing grammar: Undefined rule identifier 'keywords-Menschen'", '', 'root ::= "{" space keywords-kv "}" space')).toBe('other');
    // a grammar parsed is no error
    expect(category(served, 'parse: grammar parsed with 12 rules')).not.toBe('other');
  });
});
