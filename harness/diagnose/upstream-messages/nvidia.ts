// Messages of NVIDIA's serving stack beyond vLLM and SGLang, by the category they mean, each with the
// line that writes it: TensorRT-LLM (NVIDIA/TensorRT-LLM) and Triton Inference Server's core
// (triton-inference-server/core), the library tritonserver loads backends and models through.
//
// TensorRT-LLM: its repository is over the size a mirror here may have, so its C++ runtime and
// plugins are read at 11e14500f35d ("update the batch manager (#152)", the head of upstream's
// release/0.5.0 branch, as github:octoml/TensorRT-LLM-release carries it unchanged), and newer
// Python files (the PyTorch backend that trtllm-serve runs) one by one at the upstream commit the
// code index holds for them. Its C++ checks render as `[TensorRT-LLM][ERROR] Assertion failed: <info>
// (<file>:<line>)` (TLLM_CHECK_WITH_INFO, common/assert.h) or `<info> (<file>:<line>)` (TLLM_THROW).
// Triton: core at e6fcb0c78e07 (the head of its r26.05 release branch); tritonserver logs a model's
// load failure as `E… model_lifecycle.cc:…] failed to load '<model>' version <n>: <status>: <message>`.
// Its Python backend (triton-inference-server/python_backend) at 47f9e030ea1e (the head of r26.05).
// Also read: TensorRT-LLM's release/v0.7.1 head 80bc07510ac4 (github:octoml/TensorRT-LLM-release: its C++ kernels
// and plugins, tensorrt_llm/ Python); Triton's TensorRT backend (triton-inference-server/tensorrt_backend) at
// ca5d0693f2e1 (the head of r26.05); tritonserver itself (triton-inference-server/server) at 34ca83e780bf (the head
// of r26.05); its vLLM backend (triton-inference-server/vllm_backend) at 8de0c148bda1 (main) and
// its TensorRT-LLM backend (triton-inference-server/tensorrtllm_backend) at v0.17.0, the last tag that holds its C++
// (inflight_batcher_llm/src; later tags moved it into TensorRT-LLM's tree): their messages were configuration or
// request errors the generic rules already name `other`, or wrappers of an inner message (vllm_backend's "[vllm] Failed
// to start engine: <traceback>"; python_backend's "Stub process '<instance>' is not healthy.", read as a wrapper), so
// none of theirs is here. TensorRT's own messages (libnvinfer: "The engine plan file is generated on an incompatible
// device, expecting compute X got compute Y, please rebuild.", "The engine plan file is not compatible with this version
// of TensorRT, …", "Could not find any implementation for node …", "Serialization assertion … failed") are in no public
// source, so none is here either.
// github:NVIDIA/nim-deploy (Helm charts and cloud recipes) holds no NIM message; NIM itself is not
// public. A message is here only when the generic word rules did not already name its category (or
// named the wrong one). Interpolations are bounded wildcards.
import { bke, cap, drv, imp, mdl, nccl, oom, oth, type UpstreamMessage } from './types.ts';

/** TensorRT-LLM 0.5.0: upstream's release/0.5.0 head. */
const T050 = '11e14500f35dd781b535ba009c906f55ecfee3b5';
/** TensorRT-LLM 0.7.1: upstream's release/v0.7.1 head. */
const T071 = '80bc07510ac4ddf13c0d76ad295cdb2b75614618';
/** triton-inference-server/core, r26.05. */
const CORE = 'e6fcb0c78e072672beab614384fd4f763c302134';
/** triton-inference-server/python_backend, r26.05. */
const PYBE = '47f9e030ea1ef6d33f7069ab129747fe756ace70';
/** triton-inference-server/tensorrt_backend, r26.05. */
const TRTBE = 'ca5d0693f2e11e7fa2cc41b325aaecd618499ebf';
/** triton-inference-server/server (tritonserver's own frontends), r26.05. */
const SERVER = '34ca83e780bff7829b33d922fa9d16a0628e050c';

export const NVIDIA_MESSAGES: readonly UpstreamMessage[] = [
  // ---- TensorRT-LLM (NVIDIA/TensorRT-LLM) ----

  // the RMSNorm / LayerNorm plugins check `getSMVersion() >= 80 || mType != kBF16` with the bare words "Unsupported
  // data type" when an engine is deserialized: bfloat16 on a GPU older than Ampere (the file names the check)
  bke('TensorRT-LLM (NVIDIA/TensorRT-LLM): the RMSNorm plugin refuses bfloat16 on a GPU older than SM 80', /Assertion failed: Unsupported data type \(\S{0,200}rmsnormPlugin\.cpp:\d+\)/,
    '[TensorRT-LLM][ERROR] Assertion failed: Unsupported data type (/src/tensorrt_llm/cpp/tensorrt_llm/plugins/rmsnormPlugin/rmsnormPlugin.cpp:47)', `${T050}:cpp/tensorrt_llm/plugins/rmsnormPlugin/rmsnormPlugin.cpp:47`),
  bke('TensorRT-LLM (NVIDIA/TensorRT-LLM): the LayerNorm plugin refuses bfloat16 on a GPU older than SM 80', /Assertion failed: Unsupported data type \(\S{0,200}layernormPlugin\.cpp:\d+\)/,
    '[TensorRT-LLM][ERROR] Assertion failed: Unsupported data type (/src/tensorrt_llm/cpp/tensorrt_llm/plugins/layernormPlugin/layernormPlugin.cpp:50)', `${T050}:cpp/tensorrt_llm/plugins/layernormPlugin/layernormPlugin.cpp:50`),
  bke('TensorRT-LLM (NVIDIA/TensorRT-LLM): the SmoothQuant GEMM plugin has no bfloat16 kernel', /\bSupport for bf16 is missing\b/,
    'Support for bf16 is missing (/src/tensorrt_llm/cpp/tensorrt_llm/plugins/smoothQuantGemmPlugin/smoothQuantGemmPlugin.cpp:120)', `${T050}:cpp/tensorrt_llm/plugins/smoothQuantGemmPlugin/smoothQuantGemmPlugin.cpp:120`),
  // MMHA (the decoder's masked multi-head attention) sets cudaFuncAttributeMaxDynamicSharedMemorySize; the GPU refuses
  // the shared memory the sequence length asks for: the kernel does not fit this GPU (as Triton's "out of resource")
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the decoder attention kernel needs more shared memory than this GPU has", /\bSequence Length is too long for the MMHA kernel \(not enough shared memory\)/,
    '[TensorRT-LLM][ERROR] Assertion failed: Sequence Length is too long for the MMHA kernel (not enough shared memory). (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/decoderMaskedMultiheadAttention/decoderMaskedMultiheadAttentionLaunch.h:128)', `${T050}:cpp/tensorrt_llm/kernels/decoderMaskedMultiheadAttention/decoderMaskedMultiheadAttentionLaunch.h:128`),
  // the fused context attention looks its kernel up by SM, head size and mask type: none was built for this combination
  bke('TensorRT-LLM (NVIDIA/TensorRT-LLM): no fused multi-head attention (FMHA) kernel for this GPU and head size', /\bAssertion failed: FMHA kernels are not found\b/,
    '[TensorRT-LLM][ERROR] Assertion failed: FMHA kernels are not found (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/contextFusedMultiHeadAttention/fused_multihead_attention_v2.h:281)', `${T050}:cpp/tensorrt_llm/kernels/contextFusedMultiHeadAttention/fused_multihead_attention_v2.h:281`),
  // MMHA dispatches on the head size (32 … 256): any other has no kernel
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the decoder attention (MMHA) has no kernel for the model's head size", /\bunsupported head_size \(\S{0,200}decoderMaskedMultiheadAttention\.cu:\d+\)/,
    'unsupported head_size (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/decoderMaskedMultiheadAttention.cu:75)', `${T050}:cpp/tensorrt_llm/kernels/decoderMaskedMultiheadAttention.cu:75`),
  // the GEMM plugin profiler's cudaMalloc of its scratch workspace failed (GPU memory exhausted while building or loading)
  oom("TensorRT-LLM (NVIDIA/TensorRT-LLM): the GEMM profiler's workspace could not be allocated on the GPU", /\bCan't allocate tmp workspace for GEMM tactics profiling\b/,
    "[TensorRT-LLM][ERROR] Assertion failed: Can't allocate tmp workspace for GEMM tactics profiling. (/src/tensorrt_llm/cpp/tensorrt_llm/plugins/common/gemmPluginProfiler.cpp:168)", `${T050}:cpp/tensorrt_llm/plugins/common/gemmPluginProfiler.cpp:168`),
  // the custom all-reduce's IPC buffers need peer access between the tensor-parallel GPUs (cudaDeviceCanAccessPeer)
  nccl("TensorRT-LLM (NVIDIA/TensorRT-LLM): the tensor-parallel GPUs cannot reach each other (no peer access for the custom all-reduce)", /\bCan't enable access between nodes \d+ and \d+/,
    "Can't enable access between nodes 0 and 1", `${T050}:tensorrt_llm/_ipc_utils.py:51`),
  // CUDADriverWrapper dlopens libcuda.so.1 (the driver's library) and checks the handle
  drv("TensorRT-LLM (NVIDIA/TensorRT-LLM): the CUDA driver library (libcuda) could not be opened", /\bCUDA driver library is not open correctly\b/,
    '[TensorRT-LLM][ERROR] Assertion failed: CUDA driver library is not open correctly. (/src/tensorrt_llm/cpp/tensorrt_llm/common/cudaDriverWrapper.cpp:44)', `${T050}:cpp/tensorrt_llm/common/cudaDriverWrapper.cpp:44`),
  // the engine's config.json names a precision the C++ runtime does not know: the engine's configuration, not the model
  oth("TensorRT-LLM (NVIDIA/TensorRT-LLM): the engine's config.json names a precision the runtime does not know", /\bModel data type '[\w.-]{1,40}' not supported\b/,
    "[TensorRT-LLM][ERROR] Assertion failed: Model data type 'fp8' not supported (/src/tensorrt_llm/cpp/tensorrt_llm/runtime/gptJsonConfig.cpp:94)", `${T050}:cpp/tensorrt_llm/runtime/gptJsonConfig.cpp:94`),
  // the PyTorch backend's model registry (MODEL_CLASS_MAPPING) has no class for the checkpoint's architecture
  mdl("TensorRT-LLM (NVIDIA/TensorRT-LLM): the PyTorch backend has no model class for this architecture", /\bUnknown architecture for AutoModelForCausalLM: [\w.-]{1,120}/,
    'Unknown architecture for AutoModelForCausalLM: MiniMaxM1ForCausalLM', '5d4a661cd24bdaf80ed1814980ed915cbe2eadb1:tensorrt_llm/_torch/models/modeling_auto.py:40'),
  mdl("TensorRT-LLM (NVIDIA/TensorRT-LLM): the PyTorch backend has no vision encoder for this architecture", /\bUnknown architecture for AutoModelForMultimodalEncoder: [\w.-]{1,120}/,
    'Unknown architecture for AutoModelForMultimodalEncoder: Glm4vForConditionalGeneration', '5d4a661cd24bdaf80ed1814980ed915cbe2eadb1:tensorrt_llm/_torch/models/modeling_auto.py:22'),
  // create_attention asserts the chosen attention backend implements MLA (DeepSeek-style latent attention)
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the chosen attention backend has no multi-head latent attention (MLA)", /\bMLA is not supported for \w{1,40} backend\b/,
    'MLA is not supported for VANILLA backend', '7924c7f1d3b4a3286b62c13fc890900295dc39cb:tensorrt_llm/_torch/attention_backend/utils.py:71'),
  // the MoE grouped GEMM asks CUTLASS how many of its blocks fit an SM: none (the kernel's shared memory exceeds this GPU's)
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the MoE grouped GEMM kernel needs more shared memory than this GPU has", /\bGPU lacks the shared memory resources to run GroupedGEMM kernel\b/,
    '[TensorRT-LLM][ERROR] Assertion failed: GPU lacks the shared memory resources to run GroupedGEMM kernel (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_kernels_template.h:122)', `${T071}:cpp/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_kernels_template.h:122`),
  // the MoE GEMM dispatches on the GPU's SM (70, 75, 80–90): a GEMM not built for this architecture, or none at all
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the MoE weight-only GEMM was not built for this GPU's architecture", /\bCutlass fpA_intB gemm\. Not instantiated for arch \d+ with stages set to \d+/,
    'Cutlass fpA_intB gemm. Not instantiated for arch 70 with stages set to 3 (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_kernels_template.h:159)', `${T071}:cpp/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_kernels_template.h:159`),
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the MoE GEMM has no kernel for this GPU's architecture", /\bArch unsupported for MoE GEMM\b/,
    'Arch unsupported for MoE GEMM (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_kernels_template.h:368)', `${T071}:cpp/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_kernels_template.h:368`),
  // as the MMHA kernel's above: cudaFuncAttributeMaxDynamicSharedMemorySize refused for the repetition-penalty kernel
  bke("TensorRT-LLM (NVIDIA/TensorRT-LLM): the repetition-penalty kernel needs more shared memory than this GPU has", /\bSequence Length is too long for the batchApplyRepetitionPenalty kernel \(not enough shared memory\)/,
    '[TensorRT-LLM][ERROR] Assertion failed: Sequence Length is too long for the batchApplyRepetitionPenalty kernel (not enough shared memory). (/src/tensorrt_llm/cpp/tensorrt_llm/kernels/samplingPenaltyKernels.cu:271)', `${T071}:cpp/tensorrt_llm/kernels/samplingPenaltyKernels.cu:271`),
  // SmoothQuant (INT8 weights and activations) is implemented for GPT, LLaMA, Bloom, Baichuan and QWen only: the model is
  // supported, the quantization is refused for it (the fix is another quantization, so not unsupported-model)
  bke('TensorRT-LLM (NVIDIA/TensorRT-LLM): SmoothQuant quantization is not implemented for this model', /\bModel \w{1,80} is not supported by SmoothQuant yet\b/,
    'Model ChatGLMForCausalLM is not supported by SmoothQuant yet', `${T071}:tensorrt_llm/models/quantized/quant.py:281`),
  // `import tensorrt_llm` loads its Torch ops library (libth_common.so) and appends this to the loader's error: a
  // PyTorch other than the one TensorRT-LLM was built against (the loader's own words may be cut off or on another line)
  imp("TensorRT-LLM (NVIDIA/TensorRT-LLM): its decoding operators (libth_common.so) failed to load, a PyTorch it was not built for", /\bDecoding operators failed to load\. This may be caused by the incompatibility between PyTorch and TensorRT-LLM\b/,
    'FATAL: Decoding operators failed to load. This may be caused by the incompatibility between PyTorch and TensorRT-LLM. Please rebuild and install TensorRT-LLM.', `${T071}:tensorrt_llm/_common.py:58`),
  // the plugin library (libnvinfer_plugin_tensorrt_llm.so) loaded but has no initTrtLlmPlugins: not TensorRT-LLM's own build
  imp("TensorRT-LLM (NVIDIA/TensorRT-LLM): its plugin library loaded without the plugins' entry point", /\bTensorRT-LLM Plugin is unavailable\b/,
    'TensorRT-LLM Plugin is unavailable', `${T071}:tensorrt_llm/plugin/plugin.py:41`),
  // the Python runtime's paged KV cache has no free block left for a sequence: the cache sized from GPU memory is too small
  oom("TensorRT-LLM (NVIDIA/TensorRT-LLM): the paged KV cache has no free block left", /\bCan't allocate new block for KV cache\b/,
    "Can't allocate new block for KV cache", `${T071}:tensorrt_llm/runtime/kv_cache_manager.py:127`),

  // ---- Triton Inference Server (triton-inference-server/core) ----

  // the model's backend (config.pbtxt `backend:`) has no libtriton_<backend>.so nor model.py under the backend directory
  imp('Triton Inference Server (triton-inference-server/core): the backend library the model names is not installed', /\bunable to find backend library for backend '[\w.-]{1,80}', try specifying runtime on the model configuration/,
    "unable to find backend library for backend 'tensorrtllm', try specifying runtime on the model configuration.", `${CORE}:src/backend_model.cc:433`),
  imp('Triton Inference Server (triton-inference-server/core): the backend library the model names is not found in the backend directories', /\bunable to find backend library '[\w.-]{1,80}' for model '[\w.-]{1,120}', searched: /,
    "unable to find backend library 'libtriton_tensorrtllm.so' for model 'tensorrt_llm', searched: '/opt/tritonserver/backends/tensorrtllm' ", `${CORE}:src/backend_model.cc:361`),
  imp("Triton Inference Server (triton-inference-server/core): a Python-based backend's model.py is not installed", /\bunable to find Python backend based backend library '[\w.-]{1,80}' for model '[\w.-]{1,120}'/,
    "unable to find Python backend based backend library 'model.py' for model 'vllm_model', searched: '/opt/tritonserver/backends/vllm/model.py'", `${CORE}:src/backend_model.cc:394`),
  imp("Triton Inference Server (triton-inference-server/core): the response-cache library is not installed", /\bunable to find 'libtritoncache_[\w.-]{1,80}' for cache\b/,
    "unable to find 'libtritoncache_redis.so' for cache. Searched: /opt/tritonserver/caches", `${CORE}:src/cache_manager.cc:520`),
  imp("Triton Inference Server (triton-inference-server/core): a repository agent's library is not installed", /\bunable to find 'libtritonrepoagent_[\w.-]{1,80}' for repo agent '[\w.-]{1,80}'/,
    "unable to find 'libtritonrepoagent_checksum.so' for repo agent 'checksum', searched: /opt/tritonserver/repoagents", `${CORE}:src/repo_agent.cc:401`),
  // a backend checks the TRITONBACKEND API version of the tritonserver that loads it: a backend built for a newer
  // Triton than the server (the version pairing refused as the library loads). TensorRT-LLM's Triton backend writes the
  // same words (triton-inference-server/tensorrtllm_backend v0.12.0:inflight_batcher_llm/src/libtensorrtllm.cc:75)
  imp("Triton Inference Server (triton-inference-server/python_backend): the backend was built for a newer tritonserver's backend API", /\btriton backend API version does not support this backend\b/i,
    'Unsupported: Triton backend API version does not support this backend', '47f9e030ea1ef6d33f7069ab129747fe756ace70:src/python_be.cc:2248'),
  // a backend library (or repo agent, cache) loaded but lacks an entry point Triton calls (TRITONBACKEND_ModelInstanceExecute …):
  // a library built for another Triton, or not a backend at all. With dlerror's words (line 276: "…: undefined symbol: …")
  // the generic rules already name it; the symbol found null (line 287) says no more than this
  // dlopen of a backend's (or a repository agent's) library failed; dlerror's words follow, and a log may cut them off
  imp("Triton Inference Server (triton-inference-server/core): a backend's shared library could not be loaded (dlopen failed)", /\bunable to load shared library: /,
    'unable to load shared library: libtriton_tensorrtllm.so: libnvinfer.so.10: cannot open shared object file: No such file or directory', `${CORE}:src/shared_library.cc:207`),
  imp("Triton Inference Server (triton-inference-server/core): a backend library lacks an entry point tritonserver needs", /\bunable to find required entrypoint '\w{1,80}' in shared library\b/,
    "unable to find required entrypoint 'TRITONBACKEND_ModelInstanceExecute' in shared library", `${CORE}:src/shared_library.cc:287`),
  // --model-load-gpu-limit: the GPU's used memory is already above the fraction allowed when an instance is created
  oom("Triton Inference Server (triton-inference-server/core): the GPU's memory in use is above the model-load limit, so the model is rejected", /\bcan not create model '[\w.-]{1,120}': memory limit set for \w{1,20} \d+ has exceeded, model loading is rejected\b/,
    "can not create model 'tensorrt_llm': memory limit set for GPU 0 has exceeded, model loading is rejected.", `${CORE}:src/backend_model_instance.cc:157`),
  // the Python backend's stub dlopens libcuda.so and requires cuPointerGetAttribute, cuGetErrorString, cuInit and
  // cuDevicePrimaryCtxGetState in it (pb_utils.cc:67, 75, 83, 93): a driver library without them is broken or too old
  drv("Triton Inference Server (triton-inference-server/python_backend): the CUDA driver library (libcuda) lacks a driver API the Python backend needs", /\bFailed to locate '(?:cuPointerGetAttribute|cuGetErrorString|cuInit|cuDevicePrimaryCtxGetState)'\. Error: /,
    "Failed to locate 'cuDevicePrimaryCtxGetState'. Error: /usr/lib/x86_64-linux-gnu/libcuda.so: undefined symbol: cuDevicePrimaryCtxGetState", '47f9e030ea1ef6d33f7069ab129747fe756ace70:src/pb_utils.cc:67'),
  // configuration errors whose words the generic rules misfile: "backend" (a model named without one), "not supported"
  // beside "model" (a config version, a scalar reshape), host memory named "memory" (pinned system memory is host RAM)
  oth("Triton Inference Server (triton-inference-server/core): the model's configuration names no backend and its name implies none", /\bInvalid model name: Could not determine backend for model '[\w.-]{1,120}' with no backend in model configuration\b/,
    "Invalid model name: Could not determine backend for model 'llama' with no backend in model configuration. Expected model name of the form 'model.<backend_name>'.", `${CORE}:src/model_config_utils.cc:1297`),
  oth("Triton Inference Server (triton-inference-server/core): an empty reshape on a non-batching model", /\bcannot have empty reshape for non-batching model as scalar tensors are not supported\b/,
    "model 'llama', tensor 'input_ids': cannot have empty reshape for non-batching model as scalar tensors are not supported", `${CORE}:src/model_config_utils.cc:328`),
  oth("Triton Inference Server (triton-inference-server/core): a model configuration version other than 1", /\bmodel configuration version \d+ not supported, supported versions are: 1\b/,
    'model configuration version 2 not supported, supported versions are: 1', `${CORE}:src/model_config_utils.cc:2180`),
  oth("Triton Inference Server (triton-inference-server/core): host (pinned or pageable system) memory could not be allocated", /\bfailed to allocate (?:non-)?pinned system memory\b/,
    'failed to allocate pinned system memory: no pinned memory pool', `${CORE}:src/pinned_memory_manager.cc:158`),
  // supported GPUs are those CUDA reports (none when there is no device or the driver is insufficient, cuda_utils.cc
  // GetSupportedGPUs) at or above the minimum compute capability: a KIND_GPU instance group then has none. A GPU below
  // --min-compute-capability (6.0) is dropped silently too, so on such a GPU these words would mean backend-unsupported;
  // driver-mismatch is the usual case (a container started without its GPUs)
  drv('Triton Inference Server (triton-inference-server/core): a GPU instance group, and CUDA shows the server no usable GPU', /\bhas kind KIND_GPU but no GPUs are available\b/,
    'instance group tensorrt_llm_0 of model tensorrt_llm has kind KIND_GPU but no GPUs are available', `${CORE}:src/model_config_utils.cc:1748`),
  // a model's load failure, logged as `failed to load '<model>' version <n>: <status>: <message>`: with a message that
  // names nothing, the load line was read as a bare wrapper (`unknown`); these are the model repository's and its
  // configuration's own errors, so `other`
  oth("Triton Inference Server (triton-inference-server/core): the model's configuration names no backend", /\bmust specify 'backend' for '[\w.-]{1,120}'/,
    "must specify 'backend' for 'llama'", `${CORE}:src/backend_model.cc:75`),
  oth("Triton Inference Server (triton-inference-server/core): the model directory has no version its version policy allows", /\bat least one version must be available under the version policy of model '[\w.-]{1,120}'/,
    "at least one version must be available under the version policy of model 'tensorrt_llm'", `${CORE}:src/model_repository_manager/model_lifecycle.cc:456`),
  oth("Triton Inference Server (triton-inference-server/core): the model's configuration names a platform Triton does not know", /\bunexpected platform type '[\w.-]{0,80}' for [\w.-]{1,120}/,
    "unexpected platform type 'tensorrt_llm' for llama", `${CORE}:src/model_config_utils.cc:1448`),
  oth('Triton Inference Server (triton-inference-server/core): a path of the model repository does not exist', /\bfailed to stat file [\w./-]{1,300}/,
    'failed to stat file /models/llama/1', `${CORE}:src/filesystem/implementations/local.h:87`),
  oth("Triton Inference Server (triton-inference-server/core): a model's config.pbtxt (or another text file of the repository) could not be read", /\bfailed to open text file for read [\w./-]{1,300}: /,
    'failed to open text file for read /models/llama/config.pbtxt: No such file or directory', `${CORE}:src/filesystem/implementations/local.h:221`),
  // the Python backend's stub checks the model's file before it imports it (a PythonBackendException: no exception name)
  oth("Triton Inference Server (triton-inference-server/python_backend): the Python model's model.py is not in its version directory", /\bPython model file not found in '[^'\n]{1,300}'/,
    "Python model file not found in '/models/preprocessing/1/model.py'", `${PYBE}:src/pb_stub.cc:2024`),
  oth("Triton Inference Server (triton-inference-server/python_backend): the Python model's file name does not end in .py", /\bModel name must end with '\.py'\. Model name is "[^"\n]{1,200}"/,
    'Model name must end with \'.py\'. Model name is "model.pyc".', `${PYBE}:src/pb_stub.cc:2045`),

  // tritonserver's endpoints could not bind their port (main.cc logs `failed to start HTTP service: Unavailable - …` and
  // exits): another process holds it, a configuration matter of the host
  oth("Triton Inference Server (triton-inference-server/server): the HTTP endpoint's port is already in use", /\bSocket '[\w.:[\]-]{1,80}' already in use\b/,
    "failed to start HTTP service: Unavailable - Socket '0.0.0.0:8000' already in use", `${SERVER}:src/http_server.cc:223-224`),
  oth("Triton Inference Server (triton-inference-server/server): the gRPC endpoint's port is already in use", /\bSocket '[\w.:[\]-]{1,80}' already in use\b/,
    "failed to start GRPC service: Unavailable - Socket '0.0.0.0:8001' already in use", `${SERVER}:src/grpc/grpc_server.cc:2567`),

  // ---- Triton Inference Server's TensorRT backend (triton-inference-server/tensorrt_backend) ----

  // the model's instance group asks for a DLA core (Jetson/DRIVE deep-learning accelerator) this device lacks
  bke("Triton Inference Server (triton-inference-server/tensorrt_backend): the model asks for a DLA core this device does not have", /\bunable to create TensorRT runtime with DLA Core ID: -?\d+, available number of DLA cores: \d+/,
    'unable to create TensorRT runtime with DLA Core ID: 0, available number of DLA cores: 0', `${TRTBE}:src/loader.cc:73`),
  // with `optimization { cuda { graphs: true } }` the backend captures a CUDA graph per batch size while the instance is
  // created; a capture that fails is logged at ERROR and the model goes on without that graph (so it decides only when
  // the log shows nothing after it). The CUDA error appended names its own category first (cudaErrorMemoryAllocation's "out of memory": oom, left to the generic rules)
  cap("Triton Inference Server (triton-inference-server/tensorrt_backend): CUDA graph capture could not start", /\bunable to start CUDA graph for [\w.-]{1,120}: (?!out of memory\b)/,
    'unable to start CUDA graph for tensorrt_llm_0_0: operation not supported', `${TRTBE}:src/instance_state.cc:3531`),
  cap("Triton Inference Server (triton-inference-server/tensorrt_backend): the TensorRT engine's run could not be recorded in a CUDA graph", /\bunable to record CUDA graph for [\w.-]{1,120}/,
    'unable to record CUDA graph for resnet50_0_0', `${TRTBE}:src/instance_state.cc:3540`),
  cap("Triton Inference Server (triton-inference-server/tensorrt_backend): a captured CUDA graph could not be instantiated", /\bunable to instantiate CUDA graph for [\w.-]{1,120}: (?!out of memory\b)/,
    'unable to instantiate CUDA graph for resnet50_0_0: invalid argument', `${TRTBE}:src/instance_state.cc:3587`),
];
