// Readings made in the twenty-sixth session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';

/** A start that got as far as loading the model, nothing after it. */
const LOADED = 'INFO 06-12 09:14:03 [default_loader.py:262] Loading weights took 21.37 seconds';

describe('round 148 readings', () => {
  it("reads Triton's refusal of a floating-point conversion on this GPU, written as an MLIR error above PassManager::run failed", () => {
    // triton-lang/triton f25998ed:third_party/amd/lib/TritonAMDGPUToLLVM/ElementwiseOpToLLVM.cpp (FpToFpOpConversion: emitError with the
    // types quoted); llvm/llvm-project 013587e3:llvm/lib/Support/SourceMgr.cpp, SMDiagnostic::print ("<file>:<line>:<col>: error: <msg>")
    const frames = [
      '[2025-04-24 07:50:01 TP0] TpModelWorkerClient hit an exception: Traceback (most recent call last):',
      '  File "/usr/lib/python3.12/site-packages/triton/compiler/compiler.py", line 289, in compile',
      '    next_module = compile_ir(module, metadata)',
      'RuntimeError: PassManager::run failed',
    ];
    const refused = [
      "/app/moe/kernels.py:211:30: error: Unsupported conversion from 'f8E4M3FN' to 'f16'",
      '            acc += tl.dot(a, b) * scale',
      '                             ^',
      "/app/moe/kernels.py:211:30: error: failed to legalize operation 'tt.fp_to_fp' that was explicitly marked illegal",
    ];
    expect(category(LOADED, ...refused, ...frames)).toBe('backend-unsupported');
    // a compiler error of any other words is a failure, of no category its words name; the bare wrapper alone names nothing
    expect(category(LOADED, "/app/moe/kernels.py:211:30: error: 'tt.load' op operand #0 must be ptr", ...frames)).toBe('other');
    expect(category(LOADED, ...frames)).not.toBe('backend-unsupported');
  });

  it("reads FlashInfer's trtllm-gen attention refusing a head dimension or page size as backend-unsupported", () => {
    // flashinfer-ai/flashinfer v0.5.2:include/flashinfer/trtllm/fmha/fmhaKernels.cuh:103; v0.6.18rc7:…:250-257
    expect(category(LOADED, '(EngineCore_DP0 pid=812) RuntimeError: Expect (32 <= headDim <= 2048) && (numTokensPerPage <= 128), got headDimPerCtaV=%d, headDimQk=%d, headDimV=%d, numTokensPerPage=%d128128128544')).toBe('backend-unsupported');
    expect(category(LOADED, 'RuntimeError: Expect (32 <= headDim <= 1024), got headDimPerCtaV=16, headDimQk=16, headDimV=16')).toBe('backend-unsupported');
    expect(category(LOADED, 'RuntimeError: The numTokensPerPage must be 0 or power of 2.')).toBe('backend-unsupported');
  });

  it("reads a FlashInfer launcher's TVM FFI data-type check as the kernel refusing that data type, not any other check", () => {
    // flashinfer-ai/flashinfer v0.6.18rc7:csrc/trtllm_fused_moe_kernel_launcher.cu:2351,3755 (TVM_FFI_ICHECK_EQ(x.dtype(), dl_…))
    expect(category(LOADED, 'tvm.error.InternalError: Check failed: gemm2_weights.dtype() == dl_float8_e4m3fn (uint8 vs. float8_e4m3fn) : gemm2_weights must be fp8.')).toBe('backend-unsupported');
    expect(category(LOADED, 'tvm.error.InternalError: Check failed: hidden_states.size(0) == routing_logits.size(0) (4 vs. 8) : sizes differ')).not.toBe('backend-unsupported');
  });

  it("reads TEI's candle backend refusing an architecture on this device or data type, and the GPU it was built for", () => {
    // huggingface/text-embeddings-inference v1.9.3:backends/candle/src/lib.rs:326,342,346,360,479,517; compute_cap.rs:26-37
    const err = (m: string) => `2025-06-20T08:01:12.345678Z ERROR text_embeddings_backend: backends/src/lib.rs:490: Could not start Candle backend: ${m}`;
    expect(category(err('Could not start backend: Mistral is only supported on Cuda devices in fp16 with flash attention v2 enabled'))).toBe('backend-unsupported');
    expect(category(err('Could not start backend: Llama is only supported on Cuda devices in fp16 with flash attention enabled'))).toBe('backend-unsupported');
    expect(category(err('Could not start backend: Gemma3 is only supported in fp32 precision'))).toBe('backend-unsupported');
    // compiled for the GPU's own compute capability, which its list leaves out: the backend refuses this GPU
    expect(category(err('Could not start backend: Runtime compute cap 87 is not compatible with compile time compute cap 87'))).toBe('backend-unsupported');
    // compiled for another one: the image holds no kernels for this GPU
    expect(category(err('Could not start backend: Runtime compute cap 75 is not compatible with compile time compute cap 80'))).toBe('no-kernel-image');
  });

  it("reads candle failing to load a bf16 kernel (built for SM 8.0 and newer only) as backend-unsupported", () => {
    // huggingface/candle 6f877592a7d5:candle-kernels/src/cast.cu:73-86, candle-core/src/cuda_backend.rs:77
    expect(category('Error: DriverError(CUDA_ERROR_NOT_FOUND, "named symbol not found") when loading bmul_bf16')).toBe('backend-unsupported');
    expect(category('Error: DriverError(CUDA_ERROR_NOT_FOUND, "named symbol not found") when loading cast_f32_f8_e4m3')).toBe('backend-unsupported');
    // a kernel of another data type missing is no such refusal
    expect(category('Error: DriverError(CUDA_ERROR_NOT_FOUND, "named symbol not found") when loading cast_f32_f16')).not.toBe('backend-unsupported');
  });

  it("reads ggml-vulkan's refused device allocation as out of memory, also at 80 columns", () => {
    // ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-vulkan/ggml-vulkan.cpp:2331-2332,2470-2473, :5362 (Vulkan0)
    const refused = [
      'load_tensors: loading model tensors, this can take a while... (mmap = true)',
      'ggml_vulkan: Device memory allocation of size 4697620480 failed.',
      'ggml_vulkan: Requested buffer size exceeds device memory allocation limit: ErrorOutOfDeviceMemory',
      'alloc_tensor_range: failed to allocate Vulkan0 buffer of size 4697620480',
      'llama_model_load: error loading model: unable to allocate Vulkan0 buffer',
    ];
    expect(category(...refused)).toBe('oom');
    expect(category(...refused.flatMap(atWidth(80)))).toBe('oom');
    expect(category('ggml_vulkan: Requested buffer size exceeds device buffer size limit: ErrorOutOfDeviceMemory', 'graph_reserve: failed to allocate compute buffers')).toBe('oom');
    expect(category('ggml_gallocr_reserve_n: failed to allocate Vulkan0 buffer of size 8753520640')).toBe('oom');
    // ggml_vk_create_buffer_check's words (device-local buffers, staging)
    expect(category('ggml_vulkan: Memory allocation of size 638668800 failed.')).toBe('oom');
    // pinned host memory is not the GPU's
    expect(category('alloc_tensor_range: failed to allocate Vulkan_Host buffer of size 4697620480')).not.toBe('oom');
  });

  it("reads the ROCm runtime's hardware exception (a GPU hang reset) as a crash of the category other", () => {
    // ROCm/ROCR-Runtime c7785a6d:runtime/hsa-runtime/core/runtime/runtime.cpp:1759-1767
    const hang = [
      LOADED,
      'HW Exception by GPU node-1 (Agent handle: 0x2f0fbb70) reason :GPU Hang',
      'Aborted (core dumped)',
    ];
    expect(category(...hang)).toBe('other');
    expect(category(LOADED, 'Aborted (core dumped)')).toBe('unknown');
  });

  it("reads PyTorch's bare extension-build error as a wrapper of the compiler's error above it", () => {
    // torch 2.11.0 70d99e99:torch/utils/cpp_extension.py:2366 (the prefix), :2740-2791 (_run_ninja_build raises it from the ninja failure)
    const wrapper = [
      '  File "/tmp/pip-build-env/overlay/lib/python3.10/site-packages/torch/utils/cpp_extension.py", line 2116, in _run_ninja_build',
      '    raise RuntimeError(message) from e',
      'RuntimeError: Error compiling objects for extension',
    ];
    expect(category(...wrapper)).toBe('unknown');
    expect(category("RuntimeError: Error building extension 'fused_adam'")).toBe('unknown');
    // the compiler's error above it is the failure
    expect(category("csrc/ops.cpp:12:5: error: 'at::Half' has not been declared", 'ninja: build stopped: subcommand failed.', ...wrapper)).toBe('other');
  });

  it("reads genai-perf's throughput lines of 2024, printed under its table once the run is over, as requests answered", () => {
    // triton-inference-server/client 6977e6ed:src/c++/perf_analyzer/genai-perf/genai_perf/export_data/console_exporter.py:66-71
    expect(category('Output token throughput (per sec): 26.37', 'Request throughput (per sec): 0.26')).toBe('healthy');
    // none answered: no sign
    expect(category('Output token throughput (per sec): 0.00', 'Request throughput (per sec): 0.00')).toBe('unknown');
  });

  it("reads tpu-inference's failed GCE metadata poll and tpu-info's libtpu canary as errors gone on from, not the start's failure", () => {
    // vllm-project/tpu-inference 1bc82fb6:tpu_inference/tpu_info.py:26-32 (logs at ERROR, returns None);
    // AI-Hypercomputer/cloud-accelerator-diagnostics fe85c125:tpu_info/tpu_info/cli_helper.py:85-95,143-158 (proceeds without libtpu)
    const start = [
      'ERROR 08-16 20:22:58 [tpu_info.py:40] Unable to poll TPU GCE Metadata. Got status code: 404 and content: ',
      'INFO 08-16 20:22:58 [__init__.py:76] TPU info: node_name=None | tpu_type=v5e-1 | worker_id=0 | num_chips=1 | num_cores_per_chip=2',
      'Check failed with unknown exit code: -6.',
    ];
    expect(category(...start, 'INFO 08-16 20:23:52 [kv_cache_utils.py:2214] GPU KV cache size: 509,184 tokens')).toBe('healthy');
    // a later failure decides
    expect(category(...start, "ValueError: Resource axis: attn_dp of ('attn_dp', 'model') is not found in mesh: ('data', 'model').")).toBe('other');
    // the two alone: no failure and no health
    expect(category(...start)).toBe('unknown');
  });

  it("reads vllm.rs' bare 'Graph capture failed: <error>' as the capture's failure, unless its words name another category", () => {
    // guoqingbao/vllm.rs 1b00e271:src/runner/runner.rs:225-229 (eprintln in red, bare, then the candle backtrace)
    const capture = 'Graph capturing:   6%|▊          | 1/16 [00:07<00:15, 0.00it/s]';
    expect(category(LOADED, capture, 'Graph capture failed: flashinfer fused moe fp8 kernel failed with status -1', '   0: candle_core::error::Error::bt')).toBe('graph-capture');
    expect(category(LOADED, capture, 'Graph capture failed: DriverError(CUDA_ERROR_OUT_OF_MEMORY, "out of memory")')).toBe('oom');
    // the capture's progress alone is no failure
    expect(category(LOADED, capture)).not.toBe('graph-capture');
  });

  it("reads a refused request's access-log line cut at 80 columns, its status on the rest, as the last request refused", () => {
    const log = [
      'INFO:     Application startup complete.',
      '(APIServer pid=1) INFO:     172.16.3.36:53888 - "GET /metrics HTTP/1.1" 200 OK',
      '(APIServer pid=1) INFO:     172.16.0.25:0 - "POST /v1/audio/transcriptions HTTP/1.1" 400 Bad Request',
    ];
    expect(category(...log)).toBe('other');
    expect(category(...log.flatMap(atWidth(80)))).toBe('other');
  });

  it('reads no timed stop, shutdown or cleanup as a startup step that finished', () => {
    // llama-swap's supervisor timing the stop of the llama-server it had started, which was terminated while it still loaded
    const stopped = [
      '[DEBUG] <qwen3> Health check error on http://localhost:5805/health, status code: 503 (normal during startup)',
      '[DEBUG] <qwen3> cmd.Wait() returned error: signal: terminated',
      '[INFO] <qwen3> process exited but not StateStopping, current state: starting',
      '[DEBUG] <qwen3> stopCommand took 599.568328ms',
    ];
    expect(category(...stopped)).toBe('unknown');
    expect(category('INFO 06-12 09:14:03 [gpu_worker.py:298] Shutdown took 1.20 seconds')).toBe('unknown');
    // a step of the start, timed, still is one
    expect(category('INFO 06-12 09:15:03 [core.py:210] init engine (profile, create kv cache, warmup model) took 41.20 seconds')).toBe('healthy');
  });
});
