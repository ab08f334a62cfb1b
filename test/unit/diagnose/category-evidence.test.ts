import { describe, expect, it } from 'vitest';
import { frameEvidence, messageEvidence } from '../../../harness/diagnose/category-evidence.ts';

describe('messageEvidence', () => {
  it.each([
    ['CUDA error: the provided PTX was compiled with an unsupported toolchain. (error 222)', 'ptx-toolchain'],
    ["ptxas fatal   : Value 'sm_121a' is not defined for option 'gpu-name'", 'ptx-toolchain'],
    ["ptxas application ptx input, line 1; fatal   : Unsupported .version 9.0; current version is '8.4'", 'ptx-toolchain'],
    ['nvrtc: error: invalid value for --gpu-architecture (-arch)', 'ptx-toolchain'],
    ['cupy_backends.cuda.api.driver.CUDADriverError: CUDA_ERROR_INVALID_IMAGE: device kernel image is invalid', 'no-kernel-image'],
    ['RuntimeError: CUDA error: CUDNN_STATUS_ALLOC_FAILED', 'oom'],
    ['torch.AcceleratorError: CUDA error: unspecified launch failure', 'other'],
    ['cudaErrorNoKernelImageForDevice', 'no-kernel-image'],
    ["ValueError: Cannot find model module. 'FooBarForCausalLM' is not a registered model in the Transformers library", 'unsupported-model'],
    ["KeyError: model architecture FooBarForCausalLM is not registered", 'unsupported-model'],
    // a kernel that refuses a compute capability is refused for this GPU (the guide's table), not a binary without code for it
    ['NotImplementedError: No compiled fp8_marlin_gemm for a compute capability of 7.0', 'backend-unsupported'],
    ['This kernel only supports sm100f.', 'backend-unsupported'],
    ['RuntimeError: No available kernel. Aborting execution.', 'backend-unsupported'],
    // CUDA memory pools refused (cudaErrorNotSupported from a memory-pool call)
    ['[TensorRT-LLM][ERROR] CUDA runtime error in cudaDeviceGetDefaultMemPool(&memPool, device): operation not supported', 'backend-unsupported'],
    // the linker finds no libcuda where a JIT build runs: the driver's library is missing
    ['/usr/bin/ld: cannot find -lcuda: No such file or directory', 'driver-mismatch'],
    ['CUDA platform is not available because: NVML Shared Library Not Found', 'driver-mismatch'],
    // the process group's rendezvous store could not bind its port (the guide's table: the rendezvous/TCPStore failing)
    ['RuntimeError: The server socket has failed to listen on any local network address. The server socket has failed to bind to [::]:29500 (errno: 98 - Address already in use).', 'nccl'],
    // ptxas's own error on a PTX line, and the CUDA compiler missing: the PTX toolchain; ptxas refusing the kernel's own instruction
    // on this GPU's architecture (the same PTX assembles for a newer one): the kernel refused, backend-unsupported (settled blind in round 35)
    ["ptxas /tmp/k.compute_60.ptx, line 7532; error   : Feature 'ldmatrix' requires .target sm_75 or higher", 'backend-unsupported'],
    ['ptxas fatal   : Ptx assembly aborted due to errors', 'ptx-toolchain'],
    ['/bin/sh: 1: /usr/local/cuda/bin/nvcc: not found', 'ptx-toolchain'],
    // a package to install or update (the guide: installing a package → import-error)
    ['RuntimeError: DeepGEMM backend is not available or outdated. Please install or update the `deep_gemm` to a newer version', 'import-error'],
    ['RuntimeError: alloc_req_slots runs out of memory. Please set a smaller number for `--max-running-requests`.', 'other'],
    ['torch._dynamo.exc.InternalTorchDynamoError: RuntimeError: Assigning / modifying buffers of nn.Module during forward pass is not allowed when using cudagraph inside the compiler', 'graph-capture'],
    ['RuntimeError: cudaErrorStreamCaptureInvalidated', 'graph-capture'],
    ['RuntimeError: CUDA error: capturing stream has unjoined work', 'graph-capture'],
    ["terminate called after throwing an instance of 'std::runtime_error' what(): CUDA runtime error: CUBLAS_STATUS_ARCH_MISMATCH gemm.cc:42", 'backend-unsupported'],
    ['CUDA driver version is insufficient for CUDA runtime version', 'driver-mismatch'],
    ['RuntimeError: Unexpected error from cudaGetDeviceCount(). Error 804: forward compatibility', 'driver-mismatch'],
    ['torch.OutOfMemoryError: tried to allocate 2 GiB', 'oom'],
    ['ValueError: not enough KV cache memory to serve one request of 32768 tokens', 'oom'],
    ['RuntimeError: ncclRemoteError: A call failed possibly due to a network error', 'nccl'],
    ["ModuleNotFoundError: No module named 'flash_attn'", 'import-error'],
    ['RuntimeError: CUDA error: an illegal memory access was encountered', 'other'],
    ['ValueError: Marlin kernels require a GPU with compute capability of at least 8.0', 'backend-unsupported'],
    ['ValueError: The FLASHMLA attention backend is not supported here', 'backend-unsupported'],
    ["ValueError: Model architecture 'FooForCausalLM' is not supported yet", 'unsupported-model'],
    // the OOM that made a capture fail is the cause, not the capture
    ['Exception: Capture cuda graph failed: CUDA out of memory. Tried to allocate 448.00 MiB', 'oom'],
    ['RuntimeError: alloc_token_slots runs out of memory. Please set a smaller --max-running-requests', 'oom'],
    ["ValueError: The model's max seq len (8192) is larger than the maximum number of tokens that can be stored in KV cache (4096)", 'oom'],
    ['[Rank 2] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=7, OpType=BROADCAST, Timeout(ms)=600000)', 'nccl'],
    ['nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver to a newer version', 'driver-mismatch'],
    ['Indexing.cu:1289: indexSelectLargeIndex: block: [12,0,0], thread: [64,0,0] Assertion `srcIndex < srcSelectDimSize` failed.', 'other'],
    ['ValueError: Unsupported architectures: FooForCausalLM. Supported list: [...]', 'unsupported-model'],
    ['RuntimeError: CUDA error: invalid device function', 'no-kernel-image'],
    ['RuntimeError: CUDA error: forward compatibility was attempted on non supported HW', 'driver-mismatch'],
    ['nvidia-container-cli: initialization error: nvml error: driver not loaded: unknown', 'driver-mismatch'],
    ['RuntimeError: Failed to import transformers.models.qwen2_vl.modeling_qwen2_vl because of the following error (look up to see its traceback):', 'import-error'],
    ['RuntimeError: Prefill out of memory. Try to lower your batch size.', 'oom'],
    ['RuntimeError: CUDA unknown error - this may be due to an incorrectly set up environment, e.g. changing env variable CUDA_VISIBLE_DEVICES after program start.', 'driver-mismatch'],
    // a CUDA driver API symbol missing from libcuda: the driver is too old, not the extension broken
    ["ImportError('/x/vllm/_C.abi3.so: undefined symbol: cuTensorMapEncodeTiled')", 'driver-mismatch'],
    ['ERROR: This container was built for NVIDIA Driver Release 550.54 or later, but version 535.1 was detected and compatibility mode is UNAVAILABLE.', 'driver-mismatch'],
    ['RuntimeError: Assertion error (/workspace/.deps/deepgemm-src/csrc/apis/layout.hpp:60): Unknown SF transformation', 'backend-unsupported'],
    ['Memory on the node (IP: 10.0.0.1) was 120.1GB / 128GB (0.96), which exceeds the memory usage threshold of 0.95. Ray killed this worker', 'other'],
    ["RuntimeError: Can not found rewrite for architectures: ['FooForConditionalGeneration']", 'unsupported-model'],
    // torch.compile failed outside graph capture: other (the guide's table); raised in the capture it is graph-capture (root-cause.ts)
    ['torch._dynamo.exc.Unsupported: Logger not supported for non-export cases', 'other'],
    ['Duplicate GPU detected : rank 3 and rank 0 both on CUDA device 1a000', 'nccl'],
    // a kernel or quantization backend called unsupported before the word (vLLM's MoE oracles)
    ['ValueError: Unsupported mxfp4_backend for Mxfp4MoEMethod: Mxfp4MoeBackend.FLASHINFER_CUTLASS_MXFP4_MXFP8. Expected TRTLLM, Triton, AITER, or XPU backend.', 'backend-unsupported'],
    ['ValueError: Unsupported FP8 MoE backend: deepgemm', 'backend-unsupported'],
    // "gemma2" is a model, not a GEMM kernel
    ['ValueError: Architecture gemma2 not supported', 'unsupported-model'],
  ])('%s → %s', (text, category) => {
    expect(messageEvidence([text])?.category).toBe(category);
  });

  it('decides on a bare line only by an error name (fatal), not by ordinary words', () => {
    expect(messageEvidence(['cudaErrorIllegalAddress reported by the kernel'], true)?.category).toBe('other');
    expect(messageEvidence(['the cache blocks were not enough for this batch'], true)).toBeNull();
    expect(messageEvidence(['INFO the model is supported on this GPU'])).toBeNull();
  });

  it('takes a dynamo error for graph-capture only when it is the exception, not when it wraps another or is named by one', () => {
    expect(messageEvidence(['torch._dynamo.exc.InternalTorchDynamoError: RuntimeError: Assigning / modifying buffers is not allowed'])).toBeNull();
    expect(messageEvidence(["TypeError: BackendCompilerFailed.__init__() missing 1 required positional argument: 'inner_exception'"])).toBeNull();
  });

  it('leaves the loose rules (a bare word "nccl") out when strict', () => {
    expect(messageEvidence(['nccl all_reduce stalled'])?.category).toBe('nccl');
    expect(messageEvidence(['nccl all_reduce stalled'], false, true)).toBeNull();
  });

  it("reads Triton's refusal of a tl.dot operand's data type as a data type the kernel compiler refuses, not another library's dtype error", () => {
    expect(messageEvidence(['AssertionError: Unsupported lhs dtype fp8e4nv'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['AssertionError: Unsupported rhs dtype bf16'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['AssertionError: Unsupported dtype fp8e5'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['TypeError: Unsupported dtype torch.complex64 in safetensors header'])).toBeNull();
    expect(messageEvidence(['ValueError: Unsupported dtype: float32'])).toBeNull();
    // a backend that names no kernel: a structured-output or benchmark backend is an argument, not a kernel refused
    expect(messageEvidence(['ValueError: Unsupported structured output backend: xgrammar2'])?.category).not.toBe('backend-unsupported');
    expect(messageEvidence(['ValueError: Unsupported backend: tgi'])?.category).not.toBe('backend-unsupported');
  });

  it('reads a feature a named kernel backend refuses, the backend named after the words, not any "not supported for"', () => {
    expect(messageEvidence(['AssertionError: apply_router_weight_on_input is not supported for Flashinfer'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['AssertionError: Current MXFP4 MoE layer is not supported by Marlin.'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['ValueError: Streaming is not supported for this endpoint'])?.category).not.toBe('backend-unsupported');
    expect(messageEvidence(['ValueError: response_format json_schema is not supported for this request'])?.category).not.toBe('backend-unsupported');
  });

  it('reads hardware "with" a feature as words about the GPU (TensorRT refusing FP8 on a GPU without it)', () => {
    expect(messageEvidence(['[TRT] [E] 9: [standardEngineBuilder.cpp::buildEngine::2266] Error Code 9: Internal Error (Networks with FP8 precision require hardware with FP8 support.)'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['IBuilder::buildSerializedNetwork: Error Code 9: API Usage Error (Networks with FP8 Q/DQ layers require hardware with FP8 support.)'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['RuntimeError: the hardware clock reading failed'])).toBeNull();
  });

  it("reads the dynamic loader's missing symbol version as a library that cannot be loaded, not its verbose weak-version note", () => {
    expect(messageEvidence(["/tmp/ollama1/runners/cuda_v11/ollama_llama_server: /usr/local/cuda/lib64/libcublas.so.11: version `libcublas.so.11' not found (required by /tmp/ollama1/runners/cuda_v11/ollama_llama_server)"])?.category).toBe('import-error');
    expect(messageEvidence(["OSError: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by /opt/x/lib/libfoo.so)"])?.category).toBe('import-error');
    expect(messageEvidence(["/usr/lib/libfoo.so: weak version `GLIBC_2.17' not found (required by /usr/bin/bar)"])).toBeNull();
  });

  it("reads Inductor's refusal of bfloat16 on a GPU without it as the data type refused, other torch.compile errors as other", () => {
    expect(messageEvidence(['torch._dynamo.exc.SkipFrame: BF16 is not supported'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['torch._dynamo.exc.Unsupported: call_function BuiltinVariable(open) [ConstantVariable()] {}'])?.category).toBe('other');
  });

  it('reads a library said not available, then to be installed, as an import that failed; not a backend merely unavailable', () => {
    expect(messageEvidence(['RuntimeError: cuDNN is not available. Please install cuDNN to use FP8 GEMM functions.'])?.category).toBe('import-error');
    expect(messageEvidence(['RuntimeError: FlashInfer is not installed. You can install it with: pip install flashinfer-python'])?.category).toBe('import-error');
    expect(messageEvidence(['ValueError: cuDNN backend is not available on this GPU'])?.category).toBe('backend-unsupported');
    expect(messageEvidence(['RuntimeError: FlashInfer is not available for head size 512; install a newer GPU or use another backend'])?.category).toBe('backend-unsupported');
  });

  it('reads the CUDA compiler of a JIT saying its compilation failed as the PTX toolchain; not a compilation of something else', () => {
    expect(messageEvidence(['RuntimeError: NVRTC compilation failed'])?.category).toBe('ptx-toolchain');
    expect(messageEvidence(['RuntimeError: NVCC compilation failed'])?.category).toBe('ptx-toolchain');
    expect(messageEvidence(['ValueError: Compilation failed: unexpected token in the grammar'])).toBeNull();
    expect(messageEvidence(['NVRTC compilation failed'], true)).toBeNull();
  });

  it('looks at every text it is given (a message joined across lines)', () => {
    expect(messageEvidence(['ValueError: first line', 'requires compute capability 9.0'])?.category).toBe('backend-unsupported');
  });
});

describe('frameEvidence', () => {
  it('names graph-capture for a traceback through the capture frames, nothing for others', () => {
    expect(frameEvidence(['  File "gpu_model_runner.py", line 1, in capture_model'])?.category).toBe('graph-capture');
    expect(frameEvidence(['  File "sglang/srt/model_executor/cuda_graph_runner.py", line 1, in run'])?.category).toBe('graph-capture');
    expect(frameEvidence(['  File "loader.py", line 1, in load_weights'])).toBeNull();
  });

  it("names unsupported-model for a bare KeyError through transformers' auto config, not for another exception there", () => {
    const frames = ['  File "/x/site-packages/transformers/models/auto/configuration_auto.py", line 1023, in from_pretrained'];
    expect(frameEvidence(frames, "KeyError: 'qwen3_next'")?.category).toBe('unsupported-model');
    expect(frameEvidence(frames, 'OSError: You are trying to access a gated repo.')).toBeNull();
  });
});

describe("PyTorch's hint under a CUDA error", () => {
  const hint = ['CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.', 'For debugging consider passing CUDA_LAUNCH_BLOCKING=1', 'Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.'];
  it('names no failure of its own: the error above it decides', () => {
    expect(messageEvidence(['RuntimeError: CUDA error: PTX JIT compiler library not found', ...hint])?.category).toBe('ptx-toolchain');
    expect(messageEvidence(hint)).toBeNull();
  });
  it('leaves a device-side assert that fired a crashed kernel', () => {
    expect(messageEvidence(['RuntimeError: CUDA error: device-side assert triggered', ...hint])?.category).toBe('other');
  });
});
