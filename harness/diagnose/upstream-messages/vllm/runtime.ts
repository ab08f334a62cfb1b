// vLLM's own messages, what vLLM needs at start besides a backend: packages and extensions (import-
// error), model support, CUDA graphs, GPU memory, the GPU itself, NCCL. Each with the line that writes
// it (commits.ts).
import type { UpstreamMessage } from '../types.ts';
import { V0_5_4, V0_6_4, V0_7_3, V0_8_0, V0_9_1, V0_10_2, V0_12_0, V0_14_0, V0_16_0, V0_19_0 } from './commits.ts';

export const VLLM_RUNTIME_MESSAGES: readonly UpstreamMessage[] = [
  // ── import-error: a package, kernel library or compiled extension vLLM needs could not be loaded ──
  {
    category: 'import-error',
    what: 'vLLM: FlashInfer is not installed (the FLASHINFER backend was chosen or needed)',
    re: /FlashInfer is not installed\. Please install it|VLLM_ATTENTION_BACKEND is set to FLASHINFER, but flashinfer module was not found/i,
    example: 'VLLM_ATTENTION_BACKEND is set to FLASHINFER, but flashinfer module was not found. See https://github.com/vllm-project/vllm/blob/main/docker/Dockerfile for instructions on how to install it.',
    source: `${V0_12_0}:vllm/config/model.py:481`,
  },
  {
    // raised when `has_deep_gemm()` finds no `deep_gemm` package (importlib.util.find_spec: vllm/utils/import_utils.py:396-412 at the same
    // commit): the package is missing, whatever the GPU (read as a GPU's refusal before round 37's tuning log, which two readers labelled
    // import-error)
    category: 'import-error',
    what: 'vLLM: the sparse-attention indexer needs the DeepGEMM package, which is not installed',
    re: /Sparse Attention Indexer CUDA op requires DeepGEMM to be installed/i,
    example: 'Sparse Attention Indexer CUDA op requires DeepGEMM to be installed.',
    source: `${V0_19_0}:vllm/model_executor/layers/sparse_attn_indexer.py:322-326`,
  },
  {
    category: 'import-error',
    what: 'vLLM: Ray is not installed or fails to import (multi-node or the ray executor)',
    re: /Ray is not installed\. Please install Ray|Unable to load Ray\b.{0,80}\bplease install Ray|Failed to import Ray\b|RayMetrics requires Ray to be installed/i,
    example: 'Failed to import Ray: No module named \'ray\'.Please install Ray with `pip install ray`.',
    source: `${V0_19_0}:vllm/v1/executor/ray_utils.py:210`,
  },
  {
    category: 'import-error',
    what: "vLLM: Ray's compiled graph (or the cupy it needs for NCCL channels) is not installed",
    re: /Ray (?:Compiled Graph|accelerated DAG) is not installed|cupy is not installed but required since VLLM_USE_RAY_COMPILED_DAG/i,
    example: "cupy is not installed but required since VLLM_USE_RAY_COMPILED_DAG_CHANNEL_TYPE is set to 'nccl'. Run `pip install ray[cgraph]` and check cupy installation.",
    source: `${V0_19_0}:vllm/v1/executor/ray_executor.py:542`,
  },
  {
    category: 'import-error',
    what: "vLLM: the NIXL KV connector was chosen and NIXL (nixl, or rixl on ROCm) could not be imported (the module's import fell back to None, line 127)",
    re: /\bNIXL is not available\b/,
    example: 'NIXL is not available',
    source: `${V0_19_0}:vllm/distributed/kv_transfer/kv_connector/v1/nixl_connector.py:1009`,
  },
  {
    category: 'import-error',
    what: 'vLLM: the expert-parallel all-to-all kernels (pplx, DeepEP, FlashInfer all2all) are not installed',
    re: /(?:pplx_kernels|DeepEP kernels|MoRI kernels) not found\. Please follow|flashinfer (?:all2all|trtllm_moe_alltoall) module not found|Flashinfer alltoallv module cannot be found/i,
    example: 'DeepEP kernels not found. Please follow https://github.com/vllm-project/vllm/blob/main/tools/ep_kernels/README.md to install DeepEP kernels.',
    source: `${V0_19_0}:vllm/distributed/device_communicators/all2all.py:258`,
  },
  {
    category: 'import-error',
    what: 'vLLM: bitsandbytes is missing or too old for the bitsandbytes quantizer',
    re: /bitsandbytes version is wrong\. Please install bitsandbytes|Please install bitsandbytes>=[\d.]{1,12} via `pip install/i,
    example: 'Please install bitsandbytes>=0.46.1 via `pip install bitsandbytes>=0.46.1` to use bitsandbytes quantizer.',
    source: `${V0_19_0}:vllm/model_executor/model_loader/bitsandbytes_loader.py:210`,
  },
  {
    category: 'import-error',
    what: "vLLM: a quantization method's package (deepspeed, torchao, bitblas, amd-quark, fbgemm-gpu-genai) is missing or too old",
    re: /(?:deepspeed|bitblas) version is wrong\. Please install|Please install (?:deepspeed|torchao)>=[\d.]{1,12} via `pip install|Trying to use the bitblas backend, but could not import|The package `amd-quark` is required to use|Please install with: pip install fbgemm-gpu-genai/i,
    example: 'Please install torchao>=0.10.0 via `pip install torchao>=0.10.0` to use torchao quantization.',
    source: `${V0_19_0}:vllm/model_executor/layers/quantization/torchao.py:145`,
  },
  {
    category: 'import-error',
    what: "vLLM: a model's or loader's optional package is not installed (timm, audio extras, tensorizer, Run:ai, ModelScope, xxhash, …)",
    re: /Please install timm\b|Please install vllm\[audio\]|Tensorizer is not installed\. Please install|Please install Run:ai optional dependency|Using vLLM with ModelScope needs modelscope|Please install modelscope>=[\d.]{1,12} via|xxhash is required for the 'xxhash' prefix caching|Please install instanttensor|Arctic Inference is required for suffix decoding|The package `albumentations` is required|Xformers is required for Pixtral|You need to `pip install git\+https:\/\/github\.com\/TIGER-AI-Lab\/Mantis/i,
    example: 'Please install timm==0.9.10',
    source: `${V0_19_0}:vllm/model_executor/models/minicpmv.py:1236`,
  },
  {
    category: 'import-error',
    what: "vLLM: OpenTelemetry is not installed (tracing was configured)",
    re: /OpenTelemetry is not available\. Unable to (?:configure|initialize)|OpenTelemetry packages must be installed/i,
    example: "OpenTelemetry is not available. Unable to configure 'otlp_traces_endpoint'. Ensure OpenTelemetry packages are installed. Original error:",
    source: `${V0_19_0}:vllm/config/observability.py:128`,
  },
  {
    category: 'import-error',
    what: "vLLM: Triton's kernels package (gpt-oss MXFP4 MoE) failed to import (logged as an error)",
    re: /Failed to import Triton kernels\. Please make sure your triton version is compatible/i,
    example: 'Failed to import Triton kernels. Please make sure your triton version is compatible. Error: No module named \'triton_kernels\'',
    source: `${V0_19_0}:vllm/model_executor/layers/fused_moe/oracle/mxfp4.py:39`,
  },
  {
    category: 'import-error',
    what: "vLLM: a compiled extension of vLLM's own is not loaded (the wheel lacks it or it failed to load)",
    re: /The `_qutlass_C` extension is not loaded|vllm\.vllm_flash_attn requires the CUDA flash attention extensions/i,
    example: 'vllm.vllm_flash_attn requires the CUDA flash attention extensions (_vllm_fa2_C or _vllm_fa3_C). On ROCm, use upstream flash_attn.',
    source: `${V0_19_0}:vllm/vllm_flash_attn/__init__.py:14`,
  },
  {
    category: 'import-error',
    what: 'vLLM: flash-attn is not installed where it is needed (ROCm, 0.14+; FunAudioChat long audio, 0.16+)',
    re: /(?:ROCm|Rocm) platform requires upstream flash-attn to be installed|requires FlashAttention-2 for the continuous audio tower, but `flash_attn` is not installed/i,
    example: 'ROCm platform requires upstream flash-attn to be installed. Please install flash-attn first.',
    source: `${V0_19_0}:vllm/v1/attention/backends/fa_utils.py:41`,
  },
  {
    category: 'import-error',
    what: 'vLLM: the CUDA runtime library is not loaded in the process (libcudart)',
    re: /libcudart(?:\.so)? is not loaded in the current process/i,
    example: 'libcudart is not loaded in the current process, try setting VLLM_CUDART_SO_PATH',
    source: `${V0_19_0}:vllm/distributed/device_communicators/cuda_wrapper.py:116`,
  },
  {
    category: 'import-error',
    what: 'vLLM: the installed PyTorch is too old or a custom build (custom ops need torch 2.4+)',
    re: /cuda platform needs torch>=2\.4 to support custom op/i,
    example: 'cuda platform needs torch>=2.4 to support custom op, chances are you are using an old version of pytorch or a custom build of pytorch. It is recommended to use vLLM in a fresh new environment and let it install the required dependencies.',
    source: `${V0_14_0}:vllm/utils/torch_utils.py:758`,
  },
  {
    category: 'import-error',
    what: "vLLM: the Transformers modeling backend needs a newer transformers for this model",
    re: /Transformers modeling backend requires transformers>=[\w.]{1,20} for/i,
    example: 'Transformers modeling backend requires transformers>=5.0.0 for Qwen3NextForCausalLM, but got 4.57.1',
    source: `${V0_19_0}:vllm/model_executor/models/transformers/base.py:616`,
  },
  {
    category: 'import-error',
    what: 'vLLM: the Triton MoE experts (LoRA) need Triton installed',
    re: /TritonExperts requires Triton\. Install triton/i,
    example: 'TritonExperts requires Triton. Install triton or disable LoRA for MoE.',
    source: `${V0_19_0}:vllm/model_executor/layers/quantization/compressed_tensors/compressed_tensors_moe.py:1876`,
  },


  // ── unsupported-model: this engine (or its Transformers backend) does not support this model ──
  // the V1 engine's oracle with VLLM_USE_V1=1 set, refusing a model V1 did not run yet (Mamba, encoder-decoder): the feature it names is
  // the model's architectures list (0.8: `_raise_or_fallback(feature_name=model_config.architectures, …)`)
  {
    category: 'unsupported-model',
    what: "vLLM 0.8–0.10: the V1 engine, forced by VLLM_USE_V1=1, refused this model's architecture",
    re: /\bVLLM_USE_V1=1 is not supported with \[['"]\w+['"]/,
    example: "NotImplementedError: VLLM_USE_V1=1 is not supported with ['MambaForCausalLM'].",
    source: `${V0_8_0}:vllm/engine/arg_utils.py:1745-1748`, // the architectures at :1520
  },
  {
    category: 'unsupported-model',
    what: 'vLLM: this MiniCPM-V / MiniCPM-o version is not supported',
    re: /Currently, MiniCP(?:MV|MO) only supports versions/i,
    example: 'Currently, MiniCPMV only supports versions 2.0, 2.5, 2.6, 4.0. Got version: (4, 5)',
    source: `${V0_19_0}:vllm/model_executor/models/minicpmv.py:1735`,
  },
  {
    category: 'unsupported-model',
    what: "vLLM: the model has no vLLM implementation and its Transformers implementation does not fit vLLM",
    re: /The Transformers implementation of '?[\w.-]{1,80}'? is not compatible with vLLM|[\w.-]{1,80} has no vLLM implementation and the Transformers implementation is not compatible with vLLM/i,
    example: "The Transformers implementation of 'MyModelForCausalLM' is not compatible with vLLM.",
    source: `${V0_19_0}:vllm/model_executor/models/registry.py:1046`,
  },

  // ── graph-capture: CUDA graphs refused or broken for this backend or model (fix: another cudagraph mode or eager) ──
  {
    category: 'graph-capture',
    what: 'vLLM: the attention backend does not support this CUDA graph mode (full graphs)',
    re: /CUDAGraphMode\.\w{1,40} is not supported with [\w.-]{1,60} backend|Full CUDAGraph not supported for [\w.-]{1,60}\. Turn off|full_cuda_graph is only supported with FA3/i,
    example: 'CUDAGraphMode.FULL_AND_PIECEWISE is not supported with FlashInferBackend backend (support:AttentionCGSupport.UNIFORM_SINGLE_TOKEN_DECODE) ; please try cudagraph_mode=PIECEWISE, and make sure compilation mode is VLLM_COMPILE',
    source: `${V0_19_0}:vllm/v1/worker/gpu_model_runner.py:6371`,
  },
  {
    category: 'graph-capture',
    what: 'vLLM: the backend captures full CUDA graphs for decode-only batches; a capture size is larger',
    re: /\b\w{2,20} only supports decode-only full CUDAGraph capture/i,
    example: 'MLA only supports decode-only full CUDAGraph capture. Make sure all cudagraph capture sizes <= max_num_seq.',
    source: `${V0_19_0}:vllm/model_executor/layers/attention/mla_attention.py:1687`,
  },
  {
    category: 'graph-capture',
    what: "vLLM: a captured CUDA graph's input addresses changed at replay",
    re: /Input addresses for cudagraphs are different during replay/i,
    example: 'Input addresses for cudagraphs are different during replay. Expected [140233, 140236], got [140233, 140240]',
    source: `${V0_19_0}:vllm/compilation/cuda_graph.py:346`,
  },
  {
    category: 'graph-capture',
    what: 'vLLM: the CUDA graph mode of a dummy (capture) run is not the one dispatched',
    re: /Cudagraph runtime mode mismatch (?:at|in) dummy_run/i,
    example: 'Cudagraph runtime mode mismatch in dummy_run. Expected CUDAGraphMode.FULL, but got CUDAGraphMode.NONE.',
    source: `${V0_19_0}:vllm/v1/worker/gpu_model_runner.py:5326`,
  },
  {
    category: 'graph-capture',
    what: 'vLLM: CUDA graphs are not supported with dual-chunk attention (run in eager mode)',
    re: /Cuda graph is not supported with DualChunkFlashAttention/i,
    example: "Cuda graph is not supported with DualChunkFlashAttention. To run the model in eager mode, set 'enforce_eager=True' or use '--enforce-eager' in the CLI.",
    source: `${V0_10_2}:vllm/engine/arg_utils.py:1142`,
  },

  {
    category: 'graph-capture',
    what: 'vLLM 0.9–0.11: full CUDA graphs need FlashAttention 3 ahead-of-time scheduling, and capture sizes up to 992',
    re: /Full CUDA graph mode requires AOT scheduling|AoT scheduling is required for full cuda graph|Capture size larger than \d+ is not supported for full cuda graph/i,
    example: 'Full CUDA graph mode requires AOT scheduling, which requires FlashAttention 3.',
    source: `${V0_9_1}:vllm/v1/attention/backends/flash_attn.py:329`,
  },

  {
    category: 'graph-capture',
    what: 'vLLM: a model or the EAGLE drafter does not support this CUDA graph mode (full or piecewise)',
    re: /[\w .-]{2,40} doesn't support full cudagraphs yet|EagleCudaGraphManager does not support PIECEWISE mode/i,
    example: "Voxtral realtime doesn't support full cudagraphs yet. Please use PIECEWISE.",
    source: `${V0_19_0}:vllm/model_executor/models/voxtral_realtime.py:224`,
  },
  {
    category: 'graph-capture',
    what: "vLLM (FlashInfer): a batch's size differs from the one its CUDA graph was captured with",
    re: /The batch size should be fixed in cudagraph mode/i,
    example: 'The batch size should be fixed in cudagraph mode, the runtime batch size 3 mismatches the batch size set during initialization 4',
    source: `${V0_16_0}:vllm/v1/attention/backends/flashinfer.py:1696`,
  },
  {
    category: 'graph-capture',
    what: 'vLLM 0.5: bitsandbytes models ran in eager mode only (CUDA graphs off)',
    re: /BitAndBytes with enforce_eager = False is not supported/i,
    example: 'BitAndBytes with enforce_eager = False is not supported yet.',
    source: `${V0_5_4}:vllm/config.py:293`,
  },

  // ── driver-mismatch: no GPU visible to the CUDA runtime ──
  {
    category: 'driver-mismatch',
    what: 'vLLM: no platform was detected (no GPU, driver or accelerator library visible), so the device type is empty (the labelling guide\'s driver-mismatch row)',
    re: /\bFailed to infer device type\b/,
    example: 'Failed to infer device type, please set the environment variable `VLLM_LOGGING_LEVEL=DEBUG` to turn on verbose logging to help debug the issue.',
    source: `${V0_19_0}:vllm/config/device.py:57`,
  },
  {
    category: 'driver-mismatch',
    what: 'vLLM: CUDA_VISIBLE_DEVICES is empty: no GPU is visible',
    re: /CUDA_VISIBLE_DEVICES is set to empty string, which means GPU support is disabled/i,
    example: 'CUDA_VISIBLE_DEVICES is set to empty string, which means GPU support is disabled.',
    source: `${V0_6_4}:vllm/platforms/cuda.py:100`,
  },
  {
    category: 'driver-mismatch',
    what: "vLLM's pynvml: the NVML library of the driver is not the version the bindings expect",
    re: /the pyNVML version does not match the NVML lib version/i,
    example: 'Unversioned function called and the pyNVML version does not match the NVML lib version. Either use matching pyNVML and NVML lib versions or use a versioned function such as nvmlDeviceGetComputeRunningProcesses_v2',
    source: `${V0_19_0}:vllm/third_party/pynvml.py:2367`,
  },

  // ── nccl: the process group's coordination between ranks failed ──
  {
    category: 'nccl',
    what: "vLLM: a barrier of its stateless process group (the TCP store of the ranks) timed out",
    re: /Barrier (?:departure )?timed out after [\d.]{1,12} s(?:econds)?\b/i,
    example: 'Barrier timed out after 600.00 seconds',
    source: `${V0_19_0}:vllm/distributed/utils.py:350`,
  },
  {
    category: 'nccl',
    what: "vLLM: testing peer-to-peer access between GPUs (for custom all-reduce) failed",
    re: /Error happened when batch testing peer-to-peer access from/i,
    example: 'Error happened when batch testing peer-to-peer access from [0, 0, 1, 1] to [0, 1, 0, 1]:',
    source: `${V0_19_0}:vllm/distributed/device_communicators/all_reduce_utils.py:364`,
  },

  // ── other: configuration and request errors whose words would read as another category ──
  {
    // each tool parser logs this with the traceback of what it could not parse in the model's output (the JSON of a call), then returns
    // the output as plain content: the message names the failure, its traceback the detail (read even when the traceback is cut)
    category: 'other',
    what: "vLLM: a tool parser could not extract a tool call from the model's output (a request's error)",
    re: /\bError in extracting tool call from response\b/,
    example: 'Error in extracting tool call from response.',
    source: `${V0_19_0}:vllm/tool_parsers/hermes_tool_parser.py:136`,
  },
  {
    category: 'other',
    what: "vLLM: a wrong value of VLLM_USE_RAY_COMPILED_DAG_CHANNEL_TYPE (configuration; its words name NCCL)",
    re: /Invalid value for VLLM_USE_RAY_COMPILED_DAG_CHANNEL_TYPE/i,
    example: "Invalid value for VLLM_USE_RAY_COMPILED_DAG_CHANNEL_TYPE: nvlink. Valid values are: 'auto', 'nccl', or 'shm'.",
    source: `${V0_19_0}:vllm/v1/executor/ray_executor.py:576`,
  },
  {
    category: 'other',
    what: 'vLLM 0.10–0.14: draft-model speculative decoding is not supported (a configuration, not the model)',
    re: /(?:Speculative decoding with draft model|Draft model speculative decoding) is not supported yet/i,
    example: 'Draft model speculative decoding is not supported yet. Please consider using other speculative decoding methods such as ngram, medusa, eagle, or mtp.',
    source: `${V0_14_0}:vllm/engine/arg_utils.py:1795`,
  },
  {
    category: 'other',
    what: 'vLLM: the model-loader extra config is not taken by this load format (a configuration, not the model)',
    re: /Model loader extra config is not supported for load format/i,
    example: 'Model loader extra config is not supported for load format LoadFormat.GGUF',
    source: `${V0_19_0}:vllm/model_executor/model_loader/gguf_loader.py:47`,
  },
  {
    category: 'other',
    what: 'vLLM 0.7: the external launcher does not run the V1 engine (a configuration, not the model)',
    re: /V1 architecture cannot guarantee deterministic execution/i,
    example: 'V1 architecture cannot guarantee deterministic execution, so it is not supported in ExecutorWithExternalLauncher.',
    source: `${V0_7_3}:vllm/executor/uniproc_executor.py:96`,
  },
  {
    category: 'other',
    what: 'vLLM: a request chose a structured-output backend (a request error)',
    re: /Request-level structured output backend selection is (?:not|no longer) supported/i,
    example: "Request-level structured output backend selection is not supported. The request specified 'outlines', but vLLM was initialised with 'xgrammar'. This error can be resolved by removing '_backend' from the request.",
    source: `${V0_19_0}:vllm/sampling_params.py:757`,
  },
];
