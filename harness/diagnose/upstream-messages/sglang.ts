// Messages sglang raises or logs, by the category they mean, each with the line that writes it.
// Read from BBuf/sglang (upstream's history) at the commits engines/facts/sglang/releases.ts names
// for 0.4.6, 0.5.2, 0.5.6 and 0.5.9, at a63c8275c6c5 ("chore: bump v0.3.0 (#1320)") for the
// oldest wordings, and at main of 2026-06-14 (d72314808fae, after 0.5.12: BBuf/sglang carries upstream's
// main up to then) for the messages added since 0.5.9; sgl-kernel/ (its Python wrappers and CUDA sources) ships with sglang. A message is
// here only when the generic word rules did not already name its category (or named the wrong one):
// its `raise`, `assert`, `TORCH_CHECK` or `logger.error` site decides it before they guess.
// Interpolations are bounded wildcards; one entry's alternation holds several releases' wordings.
// At the end, other engines' messages on the same terms, each `what` naming its repository and each
// source a release tag of it: LMDeploy (InternLM/lmdeploy), TGI (huggingface/text-generation-inference)
// and FlashInfer (flashinfer-ai/flashinfer), the kernel library SGLang runs on.
import { messageOf, type UpstreamMessage } from './types.ts';

const R030 = 'a63c8275c6c5aa642f06793d0bfc60c9653e75a7';
export const R046 = '84022c0e563c9b519fa16bf0eb7f9d750a728531';
const R052 = 'b0d25e72c401f37b55d689ddbf05b8c583afe854';
const R056 = '7ae368efde14f0b2abe769a5fbb99b8154b2a9b7';
export const R059 = 'e02a9bec8d9cc02ffd867b58a8edb33fe4ae880a';
export const RMAIN = 'd72314808faeaa418acd60d1b038550882954a0e'; // main, 2026-06-14 (after 0.5.12)

const imp = messageOf('import-error');
const drv = messageOf('driver-mismatch');
const oom = messageOf('oom');
const nccl = messageOf('nccl');
const mdl = messageOf('unsupported-model');
/** A backend, kernel, data type or quantization refused for this GPU or platform, or for this configuration of the backend. */
const bke = messageOf('backend-unsupported');
const cap = messageOf('graph-capture');
/** A configuration error whose words a generic rule would misfile ("is not supported" beside "model" or "attention"). */
const cfg = messageOf('other');

export const SGLANG_MESSAGES: readonly UpstreamMessage[] = [
  // import-error
  imp('SGLang: an installed package is older than sglang requires (assert_pkg_version: sgl-kernel, flashinfer, …)', /\b[\w.-]{1,80} is installed with version [\w.+-]{1,40}, which is less than the minimum required version [\w.+-]{1,40}/i,
    'sgl-kernel is installed with version 0.0.5.post3, which is less than the minimum required version 0.1.0. Please reinstall the latest version with `pip install sgl-kernel --force-reinstall`', `${R059}:python/sglang/srt/utils/common.py:1100`),
  imp('SGLang: a package sglang requires is not installed (assert_pkg_version)', /\b[\w.-]{1,80} with minimum required version [\w.+-]{1,40} is not installed/i,
    'flashinfer with minimum required version 0.1.6 is not installed. Please install it.', `${R059}:python/sglang/srt/utils/common.py:1105`),
  imp("SGLang: a quantization method needs vLLM's operators, and vLLM cannot be imported", /\bquantization requires some operators from vllm\. Plea(?:se|es) install vllm\b/i,
    'awq quantization requires some operators from vllm. Pleaes install vllm by `pip install vllm==0.7.2`', `${R046}:python/sglang/srt/layers/quantization/__init__.py:110`),
  imp("SGLang: Marlin FP8 needs vLLM's operators, and vLLM cannot be imported", /\bmarlin FP8 requires some operators from vllm\. Please install vllm\b/i,
    'marlin FP8 requires some operators from vllm. Please install vllm.', `${R052}:python/sglang/srt/layers/quantization/fp8.py:24`),
  imp('SGLang: the installed vLLM is too old for the quantization operators sglang borrows', /\bPlease increase the version of your vllm\b/i,
    'Please increase the version of your vllm. Try `pip install vllm==0.7.2`', `${R046}:python/sglang/srt/layers/quantization/__init__.py:312`),
  imp("SGLang: sgl-kernel's compiled common_ops library could not be loaded", /\[sgl_kernel\] CRITICAL: Could not load any common_ops library/i,
    '[sgl_kernel] CRITICAL: Could not load any common_ops library!', `${R059}:sgl-kernel/python/sgl_kernel/load_utils.py:178`),
  imp("SGLang: sgl-kernel's FlashAttention 4 interface could not be imported", /\bFA4 is not available, please check your installation\b/i,
    'FA4 is not available, please check your installation.', `${R059}:sgl-kernel/python/sgl_kernel/flash_attn.py:302`),
  // logged before pynccl re-raises ctypes' OSError: the library cannot be loaded (the guide's import-error)
  imp("SGLang: the NCCL shared library could not be loaded (pynccl's ctypes.CDLL failed)", /\bFailed to load NCCL library from \S{1,200} ?\. ?It is expected if you are not running on NVIDIA/i,
    'Failed to load NCCL library from libnccl.so.2 . It is expected if you are not running on NVIDIA/AMD/MTHREADS GPUs. Otherwise, the nccl library might not exist, be corrupted or it does not support the current platform Linux-5.15.0-x86_64-with-glibc2.35.', `${R059}:python/sglang/srt/distributed/device_communicators/pynccl_wrapper.py:344`),
  imp('SGLang: the petit-kernel package (NVFP4 on ROCm) is not installed', /\bPetit is not installed\. Please install it\b/i,
    'Petit is not installed. Please install it with `pip install petit-kernel`.', `${R059}:python/sglang/srt/layers/quantization/petit_utils.py:31`),
  imp('SGLang: LMCache (the hierarchical cache backend) is not installed', /\bLMCache is not installed\. Please install it\b/i,
    'LMCache is not installed. Please install it by running `pip install lmcache`', `${R059}:python/sglang/srt/mem_cache/storage/lmcache/lmc_radix_cache.py:24`),
  imp('SGLang: the installed mooncake-transfer-engine is too old', /\bMooncake's batch (?:transfer|register) requires (?:mooncake-transfer-engine >= ?[\w.+-]{1,40}|a newer version of mooncake-transfer-engine)/i,
    "Mooncake's batch transfer requires mooncake-transfer-engine >= 0.3.4.post2. Please upgrade Mooncake by 'pip install mooncake-transfer-engine --upgrade'", `${R059}:python/sglang/srt/distributed/device_communicators/mooncake_transfer_engine.py:238`),
  imp('SGLang: the NIXL plugin for the chosen transfer backend is not installed', /\bNIXL backend '[\w.-]{1,80}' not found\. Available: .{0,200}Please install the required NIXL plugin/i,
    "NIXL backend 'UCX' not found. Available: ['POSIX']. Please install the required NIXL plugin or choose from: ['POSIX']", `${R059}:python/sglang/srt/disaggregation/nixl/conn.py:182`),
  imp('SGLang: NVIDIA Model Optimizer (modelopt) is not installed', /\bNVIDIA Model Optimizer \(modelopt\) library not found\b/i,
    'NVIDIA Model Optimizer (modelopt) library not found. Please install it to use ModelOpt quantization.', `${R059}:python/sglang/srt/model_loader/loader.py:2655`),
  imp("SGLang: MiniCPM-o's audio packages (vector_quantize_pytorch, vocos) are not installed", /\bplease make sure vector_quantize_pytorch and vocos are installed\b/i,
    'please make sure vector_quantize_pytorch and vocos are installed.', `${R059}:python/sglang/srt/models/minicpmo.py:1456`),
  imp('SGLang: jinja2 is not installed (Qwen3 reranker prompts)', /\bRendering Qwen3 reranker prompts requires `?jinja2`?\. Please install it\b/i,
    'Rendering Qwen3 reranker prompts requires `jinja2`. Please install it in your runtime environment (e.g., `pip install jinja2`).', `${R059}:python/sglang/srt/entrypoints/openai/serving_rerank.py:123`),
  imp('SGLang: the gRPC package is older than the generated scheduler stubs need', /\bThe grpc package installed is at version [\w.+-]{1,40}, but the generated code in [\w.]{1,80} depends on grpcio ?>= ?[\w.+-]{1,40}/i,
    'The grpc package installed is at version 1.60.0, but the generated code in sglang_scheduler_pb2_grpc.py depends on grpcio>=1.74.0. Please upgrade your grpc module to grpcio>=1.74.0', `${R056}:python/sglang/srt/grpc/sglang_scheduler_pb2_grpc.py:22`),
  imp('SGLang: the installed transformers is too old for this model (needs transformers 5)', /\bTransformers version [\w.+-]{1,40} is not supported for model \S{1,200} or model type [\w.-]{1,80}\. Please upgrade transformers\b/i,
    'Transformers version 4.57.1 is not supported for model zai-org/GLM-4.6V or model type glm4v_moe. Please upgrade transformers to >= 5.0.0.', `${R059}:python/sglang/srt/configs/model_config.py:1020`),
  imp('SGLang diffusion: the installed diffusers is too old', /\bDiffusers version: ?[\w.+-]{1,40} is not supported, ?please upgrade to version\b/i,
    'Diffusers version: 0.29.2 is not supported,please upgrade to version > 0.30.0', `${R056}:python/sglang/multimodal_gen/envs.py:128`),
  imp('SGLang diffusion: the Nunchaku quantization package is not installed', /\bNunchaku is enabled, but not installed\b/i,
    'Nunchaku is enabled, but not installed. Please refer to https://nunchaku.tech/docs/nunchaku/installation/installation.html for detailed installation methods.', `${R059}:python/sglang/multimodal_gen/configs/quantization.py:110`),
  imp('SGLang diffusion: cache-dit is not installed', /\bcache-dit is required for --cache-dit-config\. Install it\b/i,
    'cache-dit is required for --cache-dit-config. Install it with `pip install cache-dit`.', `${R059}:python/sglang/multimodal_gen/runtime/pipelines/diffusers_pipeline.py:540`),
  imp('SGLang diffusion: the video sparse attention kernels are not installed', /\bvideo_sparse_attn is not installed\b/i,
    'video_sparse_attn is not installed', `${R059}:python/sglang/multimodal_gen/runtime/layers/attention/backends/video_sparse_attn.py:321`),
  imp('SGLang diffusion: SpargeAttn (spas_sage_attn) is not installed', /\bInstall spas_sage_attn\b.{0,160}\bfirst to enable SageSLA\b/i,
    'Install spas_sage_attn(pip install git+https://github.com/thu-ml/SpargeAttn.git --no-build-isolation) first to enable SageSLA.', `${R059}:python/sglang/multimodal_gen/runtime/layers/attention/backends/sparse_linear_attn.py:479`),
  imp('SGLang diffusion: boto3 is not installed (cloud storage)', /\bboto3 is not installed\. Please install it\b/i,
    'boto3 is not installed. Please install it with `pip install boto3` to use cloud storage.', `${R059}:python/sglang/multimodal_gen/runtime/entrypoints/openai/storage.py:19`),

  // driver-mismatch
  drv('SGLang: nvidia-smi is missing (no NVIDIA driver visible) while sizing GPU memory', /\bnvidia-smi not found\. Ensure NVIDIA drivers are installed\b/i,
    'nvidia-smi not found. Ensure NVIDIA drivers are installed and accessible.', `${R059}:python/sglang/srt/utils/common.py:1758`),
  drv('SGLang: rocm-smi is missing (no AMD ROCm driver visible) while sizing GPU memory', /\brocm-smi not found\. Ensure AMD ROCm drivers are installed\b/i,
    'rocm-smi not found. Ensure AMD ROCm drivers are installed and accessible.', `${R059}:python/sglang/srt/utils/common.py:1712`),
  drv('SGLang: hl-smi is missing (no Habana driver visible) while sizing device memory', /\bhl-smi not found\. Ensure Habana drivers are installed\b/i,
    'hl-smi not found. Ensure Habana drivers are installed and accessible.', `${R059}:python/sglang/srt/utils/common.py:1789`),
  // get_nvgpu_memory_capacity: nvidia-smi printed no memory figure and torch.cuda sees no device
  drv('SGLang: nvidia-smi listed no GPU memory and CUDA sees no device', /\bNo GPU memory values found\b/i,
    'No GPU memory values found.', `${R059}:python/sglang/srt/utils/common.py:1752`),
  drv('SGLang diffusion: no GPU or accelerator is visible', /\bNo Accelerators ?\(AMD\/NV\/MTT GPU, AMD MI instinct accelerators\) available\b/i,
    'No Accelerators(AMD/NV/MTT GPU, AMD MI instinct accelerators) available', `${R059}:python/sglang/multimodal_gen/runtime/platforms/interface.py:285`),
  // get_device: torch sees no CUDA, XPU, NPU or HPU device (nor, on main, a platform plugin that names one): no GPU visible
  drv('SGLang: no accelerator is visible (get_device found no CUDA, XPU, HPU, NPU, MUSA or MPS device)', /\bNo accelerator \((?:CUDA|XPU|HPU|NPU|MUSA|MPS)(?:, (?:CUDA|XPU|HPU|NPU|MUSA|MPS)){0,8}\)(?: or platform plugin)? is available\b/i,
    'No accelerator (CUDA, XPU, HPU) is available.', `${R056}:python/sglang/srt/utils/common.py:1896`),
  drv('SGLang: no accelerator is visible (get_device found no CUDA, XPU, HPU, NPU, MUSA or MPS device)', /\bNo accelerator \((?:CUDA|XPU|HPU|NPU|MUSA|MPS)(?:, (?:CUDA|XPU|HPU|NPU|MUSA|MPS)){0,8}\)(?: or platform plugin)? is available\b/i,
    'No accelerator (CUDA, XPU, HPU, NPU, MUSA, MPS) or platform plugin is available.', `${RMAIN}:python/sglang/srt/utils/common.py:2085`),
  drv('SGLang: torch_npu is installed but no NPU device is visible', /\btorch_npu detected, but NPU device is not available or visible\b/i,
    'torch_npu detected, but NPU device is not available or visible.', `${R059}:python/sglang/srt/utils/common.py:158`),

  // oom
  // tp_worker: max_req_len = min(context_len - 1, max_token_pool_size - 1) must be > 0
  oom('SGLang: the KV-cache token pool left after the weights holds no request', /\bMemory pool size is too small\b/i,
    'Memory pool size is too small', `${R059}:python/sglang/srt/managers/tp_worker.py:292`),
  oom('SGLang: the Mamba state cache has no room left (hybrid models)', /\bNot enough space for mamba (?:cache|ping pong idx), try to increase --mamba-full-memory-ratio\b/i,
    'Not enough space for mamba cache, try to increase --mamba-full-memory-ratio or --max-mamba-cache-size.', `${R059}:python/sglang/srt/mem_cache/memory_pool.py:532`),

  // unsupported-model
  mdl("SGLang: the model's variable GQA (Nemotron-NAS / DeciLM) is not supported", /\bVariable GQA \(VGQA\) is not yet supported for [\w-]{1,80} in sglang\b/i,
    'Variable GQA (VGQA) is not yet supported for nemotron-nas in sglang', `${R059}:python/sglang/srt/configs/model_config.py:600`),
  mdl('SGLang: a diffusion LLM architecture sglang does not know', /\bUnknown diffusion LLM: [\w.-]{1,80}/i,
    'Unknown diffusion LLM: LLaDAModelLM', `${R059}:python/sglang/srt/dllm/config.py:40`),
  mdl('SGLang: no multimodal processor is registered for this model type', /\bCannot find corresponding multimodal processor registered in sglang for model type\b/i,
    'Cannot find corresponding multimodal processor registered in sglang for model type `qwen2_5_omni`', `${R059}:python/sglang/srt/multimodal/processors/llava.py:229`),
  // … nor one for the model's architecture at all (the registry of multimodal processors has none of its architectures)
  mdl('SGLang: no multimodal processor is registered for the architecture', /\bNo processor registered for architecture: \[/i,
    "ValueError: No processor registered for architecture: ['Phi4MMForCausalLM'].", `${RMAIN}:python/sglang/srt/managers/multimodal_processor.py:80-81`),
  mdl('SGLang: this MiniCPM-V version is not supported', /\bCurrently, MiniCPMV only supports versions? [\d.]+/i,
    'Currently, MiniCPMV only supports versions 2.6, 4.0. Got version: (4, 5)', `${R059}:python/sglang/srt/models/minicpmv.py:1355`),
  mdl("SGLang diffusion: the model's pipeline class is not one sglang registers", /\bPipeline class '[\w.-]{1,80}' specified in '\S{1,200}' is not a registered EntryClass\b/i,
    "Pipeline class 'CogVideoXPipeline' specified in 'THUDM/CogVideoX-5b' is not a registered EntryClass in the framework. Available pipelines: ['WanPipeline']", `${R059}:python/sglang/multimodal_gen/registry.py:400`),

  // backend-unsupported
  // sgl-kernel's GEMM dispatch falls through for a compute capability it has no path for (fp8_scaled_mm below
  // sm_89; int8_scaled_mm, fp8_blockwise_scaled_mm and the qserve GEMMs use the same words)
  bke('SGLang (sgl-kernel): a GEMM kernel has no implementation for this compute capability', /\bNo implemented \w{1,80} for current (?:compute capability|device)\b/,
    'No implemented fp8_scaled_mm for current compute capability: 80', `${R059}:sgl-kernel/csrc/gemm/fp8_gemm_kernel.cu:1531`),
  bke('SGLang (sgl-kernel): FlashAttention 4 does not support paged KV or split KV on Hopper', /\b(?:paged KV|SplitKV) not supported on SM \d+(?:\.\d+)?/i,
    'paged KV not supported on SM 9.0', `${R059}:sgl-kernel/python/sgl_kernel/_fa4_interface.py:475`),
  bke('SGLang (sgl-kernel): FlashAttention 4 paged KV on Blackwell needs page size 128', /\bOnly page_size=\d+ is supported for paged KV on SM \d+(?:\.\d+)?/i,
    'Only page_size=128 is supported for paged KV on SM 10.0', `${R056}:sgl-kernel/python/sgl_kernel/_fa4_interface.py:340`),
  bke('SGLang: the FlashAttention (CuTe) kernel runs on Ampere, Hopper and Blackwell only', /\bOnly Ampere \(80\), Hopper \(90\), and Blackwell \(100\) are supported\b/i,
    'Only Ampere (80), Hopper (90), and Blackwell (100) are supported', `${R059}:python/sglang/jit_kernel/flash_attention/cute/flash_bwd_postprocess.py:50`),
  bke('SGLang: the quantization method is not supported on ROCm', /\b[\w-]{1,40} quantization is currently not supported in ROCm\b/i,
    'gguf quantization is currently not supported in ROCm.', `${R059}:python/sglang/srt/configs/model_config.py:966`),
  bke('SGLang: the quantization method is not supported on this platform', /\b[\w-]{1,40} quantization is currently not supported in [\w-]{1,40}/i,
    'awq quantization is currently not supported in npu.', `${R046}:python/sglang/srt/platforms/interface.py:279`),
  bke('SGLang: the quark int4-fp8 MoE online quantization runs on AMD GPUs only', /\bThe quark_int4fp8_moe online quantization scheme is only supported on AMD GPUs\b/i,
    'The quark_int4fp8_moe online quantization scheme is only supported on AMD GPUs.', `${R059}:python/sglang/srt/layers/quantization/quark_int4fp8_moe.py:146`),
  bke('SGLang: n-gram speculative decoding runs on CUDA only', /\bNgram speculative decoding only supports CUDA device\b/i,
    'Ngram speculative decoding only supports CUDA device.', `${R059}:python/sglang/srt/server_args.py:2442`),
  bke('SGLang: the Mamba extra buffer needs CUDA and the FLA backend', /\bMamba extra_buffer is only supported on CUDA devices with FLA backend\b/i,
    'Mamba extra_buffer is only supported on CUDA devices with FLA backend', `${R059}:python/sglang/srt/server_args.py:1724`),
  bke('SGLang: the MindSpore model implementation runs on Ascend NPUs only', /\bMindSpore model impl is only supported on Ascend npu\b/i,
    'MindSpore model impl is only supported on Ascend npu.', `${R059}:python/sglang/srt/server_args.py:5211`),
  bke('SGLang: the MSCCL++ all-reduce is not available on ROCm (HIP)', /\bHIP Mscclpp is not supported yet\b/i,
    'HIP Mscclpp is not supported yet.', `${R059}:python/sglang/srt/distributed/device_communicators/pymscclpp.py:214`),
  bke('SGLang: the MLA optimization is not available on CPU', /\bMLA optimization not supported on CPU\b/i,
    'MLA optimization not supported on CPU except for intel_amx backend.', `${R052}:python/sglang/srt/model_executor/model_runner.py:522`),
  bke('SGLang: the TensorRT-LLM MLA attention backend needs an MLA model', /\btrtllm_mla backend can only be used with MLA models\b/i,
    'trtllm_mla backend can only be used with MLA models.', `${R059}:python/sglang/srt/layers/attention/attention_registry.py:51`),
  bke('SGLang: the TensorRT-LLM MHA attention backend needs a non-MLA model', /\btrtllm_mha backend can only be used with non-MLA models\b/i,
    'trtllm_mha backend can only be used with non-MLA models.', `${R059}:python/sglang/srt/layers/attention/attention_registry.py:158`),
  bke('SGLang: gpt-oss needs one of a few attention backends', /\bGptOssForCausalLM requires one of .{0,120}\battention backend, but got\b/i,
    "GptOssForCausalLM requires one of ['triton', 'trtllm_mha', 'fa3', 'fa4'] attention backend, but got the following backends - Prefill: flashinfer - Decode: flashinfer", `${R059}:python/sglang/srt/server_args.py:1344`),
  bke('SGLang: the model needs one of a few attention backends', /\bOne of the attention backends in .{0,120} is required for [\w.-]{1,80}, but got\b/i,
    "One of the attention backends in {'fa3', 'triton', 'trtllm_mha'} is required for Llama4ForConditionalGeneration, but got flashinfer", `${R059}:python/sglang/srt/server_args.py:1491`),
  bke('SGLang: Llama 4 needs the fa3, aiter or triton attention backend', /\bfa3, aiter, or triton is required for Llama4 model\b/i,
    'fa3, aiter, or triton is required for Llama4 model', `${R052}:python/sglang/srt/server_args.py:2494`),
  bke('SGLang: the triton attention backend cannot run this hybrid model', /\b[\w.-]{1,80} does not support triton attention backend, ?as the first layer might not be an attention layer\b/i,
    'NemotronHForCausalLM does not support triton attention backend,as the first layer might not be an attention layer', `${R059}:python/sglang/srt/server_args.py:1656`),
  bke('SGLang 0.3: window attention needs the FlashInfer backend', /\bturn on flashinfer to support window attention\b/i,
    'turn on flashinfer to support window attention', `${R030}:python/sglang/srt/model_executor/model_runner.py:427`),
  bke('SGLang: speculative decoding is not supported with the Flex Attention backend', /\bSpeculative decoding is currently not supported with Flex Attention backend\b/i,
    'Speculative decoding is currently not supported with Flex Attention backend', `${R059}:python/sglang/srt/server_args.py:1846`),
  bke('SGLang: the attention backend supports speculative decoding with topk 1 only', /\b(?:trtllm_mha backend|Currently (?:FlashMLA|Flashinfer MLA)) only supports topk ?= ?1 for speculative decoding\b/i,
    'trtllm_mha backend only supports topk = 1 for speculative decoding.', `${R059}:python/sglang/srt/server_args.py:2418`),
  bke('SGLang: FlashMLA supports speculative decoding with topk 1 only', /\bCurrently FlashMLA only supports topk ?= ?1 for speculative decoding\b/i,
    'Currently FlashMLA only supports topk=1 for speculative decoding', `${R059}:python/sglang/srt/layers/attention/flashmla_backend.py:518`),
  bke('SGLang: the TensorRT-LLM MLA backend refuses this KV-cache dtype', /\bTensorRT-LLM MLA backend only supports kv-cache-dtype of\b/i,
    'TensorRT-LLM MLA backend only supports kv-cache-dtype of fp8_e4m3, fp4_e2m1, bf16, or auto.', `${R059}:python/sglang/srt/server_args.py:1885`),
  bke("SGLang: DeepSeek's sparse attention (NSA/DSA) refuses this KV-cache dtype", /\bDeepSeek (?:NSA|DSA) only supports bf16\/bfloat16 or fp8_e4m3 kv_cache_dtype\b/i,
    'DeepSeek DSA only supports bf16/bfloat16 or fp8_e4m3 kv_cache_dtype', `${R059}:python/sglang/srt/server_args.py:1148`),
  bke('SGLang: the FA4 attention backend runs prefill only', /\bFA4 backend is only supported for prefill\b/i,
    'FA4 backend is only supported for prefill. Please use `--prefill-attention-backend fa4` instead.', `${R056}:python/sglang/srt/server_args.py:1410`),
  bke('SGLang: the Triton-kernels MoE runner needs expert parallelism off', /\bTriton kernel MoE is only supported when ep_size ?== ?1\b/i,
    'Triton kernel MoE is only supported when ep_size == 1', `${R059}:python/sglang/srt/server_args.py:1396`),
  bke('SGLang: the CUTLASS MoE runner needs FP8 (or MXFP8) quantization', /\bcutlass MoE is only supported with fp8(?:\/mxfp8)? quantization\b/i,
    'cutlass MoE is only supported with fp8/mxfp8 quantization', `${R059}:python/sglang/srt/server_args.py:2143`),
  bke('SGLang: the FP8 CUTLASS MoE runner needs expert parallelism off', /\bFP8(?:\/MXFP8)? Cutlass MoE is only supported with ep_size ?== ?1\b/i,
    'FP8/MXFP8 Cutlass MoE is only supported with ep_size == 1', `${R059}:python/sglang/srt/server_args.py:2152`),
  bke('SGLang: the FlashInfer MoE runner refuses this quantization', /\bInvalid quantization '[\w-]{1,40}'\. +FlashInfer (?:Cutlass|TRTLLM) MOE supports only\b/i,
    "Invalid quantization 'awq'.  FlashInfer TRTLLM MOE supports only: 'modelopt_fp4', 'fp8', 'modelopt_fp8', 'compressed-tensors', or bfloat16 (None).", `${R059}:python/sglang/srt/server_args.py:2127`),
  bke('SGLang: the FlashInfer MoE runner needs a ModelOpt FP4/FP8 quantized model', /\bquantization is required for Flashinfer (?:TRTLLM )?MoE\b/i,
    'modelopt_fp4 quantization is required for Flashinfer TRTLLM MoE', `${R052}:python/sglang/srt/server_args.py:662`),
  bke('SGLang: the FlashInfer MoE all-to-all needs the flashinfer_cutlass MoE runner', /\bFlashinfer MoE A2A is only supported with flashinfer_cutlass moe runner backend\b/i,
    'Flashinfer MoE A2A is only supported with flashinfer_cutlass moe runner backend', `${R059}:python/sglang/srt/server_args.py:2193`),
  bke("SGLang: the quantization method does not support the model's dtype", /\b(?:torch\.)?\w{1,20} is not supported for quantization method [\w-]{1,40}\. Supported dtypes\b/i,
    'torch.bfloat16 is not supported for quantization method gptq. Supported dtypes: [torch.float16]', `${R059}:python/sglang/srt/model_loader/loader.py:244`),
  bke('SGLang: a pre-quantized bitsandbytes model cannot be loaded with tensor parallelism', /\bPrequant BitsAndBytes models with TP is not supported\b/i,
    'Prequant BitsAndBytes models with TP is not supported.Please try with PP.', `${R059}:python/sglang/srt/model_loader/loader.py:1855`),

  // graph-capture
  cap('SGLang: the attention backend was asked for a forward mode CUDA graph capture does not support', /\bInvalid forward mode: forward_mode=[\w.]{1,80} for CUDA Graph capture\b/i,
    'Invalid forward mode: forward_mode=ForwardMode.MIXED for CUDA Graph capture.', `${R059}:python/sglang/srt/layers/attention/wave_backend.py:456`),
  cap('SGLang: the NCCL symmetric-memory allocator has no graph pool during capture', /\bgraph_pool_id is not set under graph capture\b/i,
    'graph_pool_id is not set under graph capture', `${R059}:python/sglang/srt/distributed/device_communicators/pynccl_allocator.py:153`),
  cap('SGLang: piecewise CUDA graph capture found no capture stream (a recompilation at run time)', /\bPCG capture stream is not set\b/i,
    'PCG capture stream is not set, please check if runtime recompilation happened', `${R059}:python/sglang/srt/compilation/cuda_piecewise_backend.py:170`),

  // other
  cfg("SGLang: the model loader's extra config does not fit the load format (a configuration error)", /\bModel loader extra config is not supported for load format\b/i,
    'Model loader extra config is not supported for load format safetensors', `${R059}:python/sglang/srt/model_loader/loader.py:2076`),
  cfg('SGLang: the model loader does not fit the load format (a configuration error)', /\bModel loader [\w.-]{1,80} is not supported for load format\b/i,
    'Model loader LoadFormat.SHARDED_STATE is not supported for load format LoadFormat.AUTO', `${R059}:python/sglang/srt/model_loader/loader.py:2381`),
  cfg('SGLang: DP attention with round-robin split mode (a configuration error)', /\bFor round-robin split mode, dp attention is not supported\b/i,
    'For round-robin split mode, dp attention is not supported.', `${R059}:python/sglang/srt/server_args.py:1232`),

  // ---- messages added after 0.5.9: BBuf/sglang main at RMAIN (2026-06-14; the docs name v0.5.10 … v0.5.12 images by
  // then), read as `git diff R059 RMAIN` over python/sglang/srt, python/sglang/jit_kernel, python/sglang/multimodal_gen and
  // sgl-kernel/ ----
  imp('SGLang: the JIT kernels need the flashinfer package for their headers, and it is not installed', /\bCannot find flashinfer package\. Please install flashinfer to get ?the required headers\b/i,
    'Cannot find flashinfer package. Please install flashinfer to getthe required headers for JIT compilation.', `${RMAIN}:python/sglang/jit_kernel/utils.py:446`),
  imp("SGLang: the JIT kernels need CUTLASS headers (flashinfer's or deep_gemm's), and neither is installed", /\bCannot find CUTLASS headers required for JIT compilation\. Please install flashinfer or deep_gemm\b/i,
    'Cannot find CUTLASS headers required for JIT compilation. Please install flashinfer or deep_gemm with CUTLASS headers.', `${RMAIN}:python/sglang/jit_kernel/utils.py:500-501`),
  // raised from the ImportError of `from flash_attn import …`: the fix is to install flash-attn
  imp("SGLang: MiMo-V2-ASR's audio encoder needs upstream flash-attn (sgl-kernel's FA3 has no sm_120), which is not installed", /\baudio encoder needs upstream flash-attn on this GPU \(sgl-kernel FA3 doesn't support sm_\d+\)\. Install with\b/i,
    "MiMo-V2-ASR audio encoder needs upstream flash-attn on this GPU (sgl-kernel FA3 doesn't support sm_120). Install with `pip install flash-attn --no-build-isolation`.", `${RMAIN}:python/sglang/srt/models/mimo_v2_asr.py:51-53`),
  imp('SGLang: tracing was enabled and the opentelemetry package is not installed', /\bopentelemetry package is not installed!* ?Please not enable tracing or install opentelemetry\b/i,
    'opentelemetry package is not installed!!! Please not enable tracing or install opentelemetry', `${RMAIN}:python/sglang/srt/observability/trace.py:180`),
  imp('SGLang: the platform plugin SGLANG_PLATFORM names is not installed', /\bSGLANG_PLATFORM='?[\w.-]{1,80}'? not found in discovered platform plugins \(available: .{0,200}\)\. Install the plugin\b/i,
    "SGLANG_PLATFORM='myplatform' not found in discovered platform plugins (available: none). Install the plugin with 'pip install -e' to register its entry_points.", `${RMAIN}:python/sglang/srt/platforms/__init__.py:73-75`),
  // disaggregated decode: the KV token pool could not hold a transferred request (the guide: SGLang's KV token pool running out is oom)
  oom('SGLang (PD disaggregation, decode): the KV token pool is full', /\bKV cache is full! Bug in memory estimation\b/i,
    'KV cache is full! Bug in memory estimation. available=0, evictable=0, protected=4096, required_alloc=2048, delta=16', `${RMAIN}:python/sglang/srt/disaggregation/decode.py:1395`),
  bke('SGLang: quantized (ModelOpt FP4) linear layers need input features in multiples of 16', /\bUnsupported model when in features size is not multiple of 16\b/i,
    'Unsupported model when in features size is not multiple of 16', `${RMAIN}:python/sglang/srt/layers/quantization/modelopt_quant.py:1392`),
  bke('SGLang: the GPTQ method has no MoE kernel (gptq_marlin has)', /\bGPTQ Method does not support MoE, please use gptq_marlin\b/i,
    'GPTQ Method does not support MoE, please use gptq_marlin', `${RMAIN}:python/sglang/srt/layers/quantization/gptq/gptq.py:178`),
  bke("SGLang: Marlin's MXFP4 MoE kernel does not support this layer", /\bCurrent MXFP4 MoE layer is not supported by Marlin\b/i,
    'Current MXFP4 MoE layer is not supported by Marlin.', `${RMAIN}:python/sglang/srt/layers/quantization/mxfp4.py:575`),
  bke("SGLang: Quark's MXFP4 MoE (online) quantization runs on AMD GPUs only", /\b(?:Online )?MXFP4 quantization for MoE is only supported on AMD GPUs\b/i,
    'Online MXFP4 quantization for MoE is only supported on AMD GPUs.', `${RMAIN}:python/sglang/srt/layers/quantization/quark/schemes/quark_w4a4_mxfp4_moe.py:280`),
  bke("SGLang: DeepSeek V4's fused MoE runs on CUDA or HIP only", /\bDeepSeek V4 only supports CUDA\/HIP downstream\b/i,
    'DeepSeek V4 only supports CUDA/HIP downstream', `${RMAIN}:python/sglang/srt/layers/moe/moe_runner/triton_utils/fused_moe.py:555`),
  bke('SGLang: breakable CUDA graphs do not run on ROCm', /\bBreakable CUDA graph is not supported on ROCm\/HIP\b/i,
    'Breakable CUDA graph is not supported on ROCm/HIP', `${RMAIN}:python/sglang/srt/model_executor/runner_backend/breakable_cuda_graph_backend.py:63`),
  bke('SGLang: the Run:ai model streamer loads onto CUDA or CPU only', /\bRunai Model Streamer only supports CUDA and CPU, got\b/i,
    'Runai Model Streamer only supports CUDA and CPU, got npu', `${RMAIN}:python/sglang/srt/model_loader/loader.py:3048`),
  // logged, then re-raised, when --hicache-storage-backend-extra-config is not valid JSON: a configuration error
  cfg("SGLang: the HiCache storage backend's extra config is not valid JSON (a configuration error)", /\bInvalid backend extra config JSON: /i,
    'Invalid backend extra config JSON: Expecting value: line 1 column 1 (char 0)', `${RMAIN}:python/sglang/srt/mem_cache/hiradix_cache.py:649`),
  imp('SGLang: the installed FlashInfer is too old for the MXFP4 CUTLASS MoE on SM90 (upgrade flashinfer-python)', /\bMxfp4FlashinferCutlassMoEMethod requires FlashInfer >= ?[\w.+-]{1,40}/i,
    'Mxfp4FlashinferCutlassMoEMethod requires FlashInfer >= 0.6.11 (PR #3084 SM90 mixed-input helpers). Older builds lack interleave_moe_{weights,scales}_for_sm90_mixed_gemm; either upgrade flashinfer-python or fall back to --moe-runner-backend marlin.', `${RMAIN}:python/sglang/srt/layers/quantization/mxfp4_flashinfer_cutlass_moe.py:69-73`),
  imp('SGLang: the installed FlashInfer lacks the SM90 MXFP4 MoE helpers (upgrade flashinfer-python)', /\bmoe_runner_backend=flashinfer_mxfp4 on SM90 requires the [\w{},]{1,80} helpers from FlashInfer PR #\d+ \(>= ?[\w.+-]{1,40}\)\. Upgrade flashinfer-python/i,
    'moe_runner_backend=flashinfer_mxfp4 on SM90 requires the interleave_moe_{weights,scales}_for_sm90_mixed_gemm helpers from FlashInfer PR #3084 (>= 0.6.11). Upgrade flashinfer-python or pick a different backend (e.g. marlin / triton_kernel).', `${RMAIN}:python/sglang/srt/layers/quantization/mxfp4.py:413-416`),
  imp('SGLang: the flashinfer_mxfp4 MoE runner needs flashinfer, which is not installed', /\bflashinfer_mxfp4 runner backend requires flashinfer to be installed\b/i,
    'flashinfer_mxfp4 runner backend requires flashinfer to be installed.', `${RMAIN}:python/sglang/srt/layers/moe/moe_runner/flashinfer_mxfp4.py:86`),
  imp("SGLang: the Mamba backend asked for cannot import its package", /\bMamba backend '[\w.-]{1,40}' requested but its dependencies are not available\b/i,
    "Mamba backend 'flashinfer' requested but its dependencies are not available. Install the required package or use a different --mamba-backend value.", `${RMAIN}:python/sglang/srt/layers/attention/mamba/ops/ssu_dispatch.py:196-198`),
  imp('SGLang: --enable-metrics needs a newer smg-grpc-servicer', /--enable-metrics requires smg-grpc-servicer (?:≥|>=) ?[\w.+-]{1,40}/i,
    "--enable-metrics requires smg-grpc-servicer ≥ 0.5.3 (the version that accepts 'on_request_manager_ready'); installed version lacks the hook so the HTTP sidecar would never start. Upgrade smg-grpc-servicer or remove --enable-metrics.", `${RMAIN}:python/sglang/srt/entrypoints/grpc_server.py:240-243`),
  nccl("SGLang: NCCL's symmetric-memory allocator failed to register its segments with the communicator", /\bnccl_allocator_register_segments_with_comm failed with return code: ?-?\d+/i,
    'nccl_allocator_register_segments_with_comm failed with return code: 3', `${RMAIN}:python/sglang/srt/distributed/device_communicators/pynccl_allocator.py:322`),
  // the Triton backend's CUDA graph metadata, one function for capture and replay since 0.5.9 (then "… for CUDA Graph capture." / "replay.")
  cap('SGLang: the Triton attention backend was asked for a forward mode its CUDA graphs do not support', /\bInvalid forward mode: forward_mode=\S{1,80}(?: [\w:]{1,40}>)? for CUDA Graph\./i,
    'Invalid forward mode: forward_mode=<ForwardMode.EXTEND: 1> for CUDA Graph.', `${RMAIN}:python/sglang/srt/layers/attention/triton_backend.py:941`),
  bke('SGLang: online NVFP4 quantization runs on Blackwell SM100/SM103 only', /--quantization nvfp4_online is supported only on NVIDIA Blackwell SM100\/SM103 GPUs\b/i,
    '--quantization nvfp4_online is supported only on NVIDIA Blackwell SM100/SM103 GPUs.', `${RMAIN}:python/sglang/srt/server_args.py:3546-3547`),
  bke("SGLang diffusion: ModelOpt NVFP4 linear layers need input features in multiples of 16", /\bUnsupported model when input features size is \d+, not multiple of 16, for NVFP4 quantization\b/i,
    'Unsupported model when input features size is 3080, not multiple of 16, for NVFP4 quantization.', `${RMAIN}:python/sglang/multimodal_gen/runtime/layers/quantization/modelopt_quant.py:459`),
  bke('SGLang diffusion: MXFP4 quantization runs on ROCm MI350+ (gfx95x) only', /\bMXFP4 (?:quantization|inference) requires ROCm and MI350\+ \(gfx95x\)/i,
    'MXFP4 quantization requires ROCm and MI350+ (gfx95x). Current platform: CUDA.', `${RMAIN}:python/sglang/multimodal_gen/runtime/layers/quantization/mxfp4.py:176`),
  bke('SGLang diffusion: ModelOpt mixed-precision checkpoints are not supported by the diffusion runtime', /\bModelOpt mixed precision is not supported by the current SGLang diffusion runtime\b/i,
    'ModelOpt mixed precision is not supported by the current SGLang diffusion runtime.', `${RMAIN}:python/sglang/multimodal_gen/runtime/utils/quantization_utils.py:116`),
  // raised while a breakable CUDA graph is captured for each batch size
  cap("SGLang: a breakable CUDA graph's outputs differ between the captured batch sizes", /\bBCG output (?:proxy |sequence )?structure changed between capture sizes\b/i,
    "BCG output structure changed between capture sizes: <class 'torch.Tensor'> vs <class 'NoneType'>", `${RMAIN}:python/sglang/srt/model_executor/runner_backend/breakable_cuda_graph_backend.py:154`),

  // ---- other engines: LMDeploy (InternLM/lmdeploy) and TGI (huggingface/text-generation-inference), read at their tags ----

  // TurboMind's FT_CHECK (src/turbomind/utils/cuda_utils.h: "[TM][ERROR] … Assertion fail: <file>:<line>"): in
  // attention.cu it fails only where dispatchAttention has no kernel for the GPU's arch (below sm_70, bf16 below
  // sm_80) or for the head size
  bke('LMDeploy (InternLM/lmdeploy): TurboMind has no attention kernel for this GPU architecture or head size', /Assertion fail: \S{0,200}turbomind\/kernels\/attention\/attention\.cu:\d+/,
    '[TM][ERROR]  Assertion fail: /lmdeploy/src/turbomind/kernels/attention/attention.cu:41', `v0.8.0:src/turbomind/kernels/attention/attention.cu:41`),
  bke('LMDeploy (InternLM/lmdeploy): the PyTorch engine has no kernel implementation for this device', /<\w{1,80}> default and <\w{1,40}> implementation not exists/,
    '<fill_kv_cache> default and <maca> implementation not exists.', `v0.16.0:lmdeploy/pytorch/kernels/dispatcher.py:85`),
  bke('LMDeploy (InternLM/lmdeploy): TurboMind refuses FP8 KV-cache quantization', /\binvalid quant_policy for TurboMind, FP8 quantization is not supported\b/i,
    'invalid quant_policy for TurboMind, FP8 quantization is not supported', `v0.16.0:lmdeploy/messages.py:355`),
  bke('LMDeploy (InternLM/lmdeploy): FP8 KV cache runs on CUDA only', /\bFP8 quantization is only supported on CUDA device, but got\b/i,
    'FP8 quantization is only supported on CUDA device, but got ascend.', `v0.16.0:lmdeploy/pytorch/engine/cache_engine.py:244`),
  bke('LMDeploy (InternLM/lmdeploy): the DeepGEMM FP8 linear was asked for and cannot run here', /\bDeepGEMM blocked-FP8 linear was requested but is unavailable or incompatible\b/i,
    'DeepGEMM blocked-FP8 linear was requested but is unavailable or incompatible.', `v0.16.0:lmdeploy/pytorch/backends/cuda/blockedf8_modules.py:250`),
  mdl('LMDeploy (InternLM/lmdeploy): TurboMind does not support this model', /\bturbomind does not support \S{1,200}\. Plz try pytorch engine\b/i,
    'turbomind does not support /models/Qwen-VL-Chat. Plz try pytorch engine instead.', `v0.4.0:lmdeploy/turbomind/turbomind.py:247`),
  mdl("LMDeploy (InternLM/lmdeploy): the PyTorch engine has no implementation of the model's auto_map class", /\bCan not found rewrite for auto_map: [\w.-]{1,80}/i,
    'Can not found rewrite for auto_map: modeling_foo.FooForCausalLM', `v0.16.0:lmdeploy/pytorch/models/patch.py:177`),
  mdl("LMDeploy (InternLM/lmdeploy): the model's config names no architecture lmdeploy can look up", /\bCould not find model architecture from config\b/i,
    "Could not find model architecture from config: {'model_type': 'foo'}", `v0.16.0:lmdeploy/archs.py:161`),
  imp('LMDeploy (InternLM/lmdeploy): a model module of the PyTorch engine failed to import', /\bfailed to import module: [\w.]{1,120}/,
    'failed to import module: lmdeploy.pytorch.models.qwen2_vl', `v0.16.0:lmdeploy/pytorch/models/patch.py:56`),
  imp('LMDeploy (InternLM/lmdeploy): causal-conv1d (for linear-attention models) is not installed', /\b(?:causal_conv1d is not installed|No available implementation for CausalConv1d, please install)\b/i,
    'causal_conv1d is not installed, please refer to https://github.com/Dao-AILab/causal-conv1d', `v0.16.0:lmdeploy/pytorch/backends/cuda/causal_conv1d.py:64`),
  imp('LMDeploy (InternLM/lmdeploy): FlashMLA, which DeepSeek-V3.2 needs, cannot be imported', /\b(?:DeepSeek-V3\.2 requires flash_mla to be available|Can not import flash_mla_sparse_fwd from flash_mla)\b/i,
    'DeepSeek-V3.2 requires flash_mla to be available.', `v0.16.0:lmdeploy/pytorch/configurations/deepseek_v32.py:67`),

  // TGI loads its flash models only when torch.cuda.is_available(); otherwise "<class …> is only available on GPU" (up to
  // v2.0.0 each model raised it with its own name: "FlashLlama is only available on GPU", v2.0.0 models/flash_llama.py:38)
  drv('TGI (huggingface/text-generation-inference): CUDA sees no GPU, so the flash model cannot load', /(?:\b\w{1,60}|<class '[\w.]{1,200}'>) is only available on GPU\b/,
    "<class 'text_generation_server.models.custom_modeling.flash_llama_modeling.FlashLlamaForCausalLM'> is only available on GPU", `v3.3.7:server/text_generation_server/models/flash_causal_lm.py:1230`),
  imp('TGI (huggingface/text-generation-inference): the flash-attention package is not installed', /\bflash attention is not installed\b/i,
    'flash attention is not installed', `v2.0.0:server/text_generation_server/utils/flash_attn.py:178`),
  imp('TGI (huggingface/text-generation-inference): MPT needs flash-attn 1', /\bPlease install flash-attn==[\w.+-]{1,40}/i,
    'Please install flash-attn==1.0.3.post0', `v2.0.0:server/text_generation_server/models/custom_modeling/mpt_modeling.py:198`),
  imp("TGI (huggingface/text-generation-inference): MPT's triton attention requirements are not installed", /\bRequirements for `attn_impl: triton` not installed\b/i,
    'Requirements for `attn_impl: triton` not installed. Either (1) have a CUDA-compatible GPU and `pip install .[gpu]` if installing from llm-foundry source', `v2.0.0:server/text_generation_server/models/custom_modeling/mpt_modeling.py:281`),
  imp('TGI (huggingface/text-generation-inference): the exllama / exllamav2 GPTQ kernels are not installed', /\b(?:exllamav2_kernels not installed|Exllama gptq kernels are not installed)\b/i,
    'Exllama gptq kernels are not installed. Install them `cd server/exllama_kernels && python setup.py install && cd ../exllamav2_kernels && python setup.py install`', `v3.3.7:server/text_generation_server/layers/gptq/__init__.py:63`),
  imp('TGI (huggingface/text-generation-inference): the AWQ kernels are not installed', /\bYou do not seem to have awq installed\b/i,
    'You do not seem to have awq installed, either install it (cd server &&  make install-awq), or try using GPTQ `---quantize gptq` a conversion AWQ->GPTQ will happen on the fly', `v3.3.7:server/text_generation_server/layers/gptq/__init__.py:56`),
  imp('TGI (huggingface/text-generation-inference): the Marlin kernels are not installed', /\bmarlin is not installed, install it\b/i,
    'marlin is not installed, install it with: pip install server/marlin', `v3.3.7:server/text_generation_server/layers/marlin/util.py:30`),
  bke('TGI (huggingface/text-generation-inference): AWQ kernels do not run on ROCm', /\bAWQ GEMM kernel can't be used on ROCm systems\b/i,
    "AWQ GEMM kernel can't be used on ROCm systems, please use `--quantize gptq` instead to use Exllama/GPTQ kernels for AWQ inference.", `v3.3.7:server/text_generation_server/layers/gptq/__init__.py:40`),
  bke("TGI (huggingface/text-generation-inference): the attention backend lacks sliding windows the model needs", /\bThe backend [\w-]{1,40} does not support sliding window attention that is used by the model type\b/i,
    'The backend cuda does not support sliding window attention that is used by the model type mistral. To use this model nonetheless with the cuda backend, please launch TGI with the argument `--max-input-tokens` smaller than sliding_window=4096 (got here max_input_tokens=8000).', `v3.3.7:server/text_generation_server/models/__init__.py:657`),
  bke('TGI (huggingface/text-generation-inference): sliding windows need flash-attention 2 (flash-attention 1 on pre-Ampere GPUs)', /\bwindow_size_left is only available with flash attn v2\b/i,
    'window_size_left is only available with flash attn v2', `v3.3.7:server/text_generation_server/layers/attention/cuda.py:300`),
  bke("TGI (huggingface/text-generation-inference): logit softcapping needs flash-attention 2 (or CK's on ROCm)", /\bsoftcap is (?:not available in flash attn v1|only available with CK flash attn)\b/i,
    'softcap is not available in flash attn v1', `v3.3.7:server/text_generation_server/layers/attention/cuda.py:304`),
  bke('TGI (huggingface/text-generation-inference): flash decoding needs flash-attention 2', /\bFlash decoding requires Flash Attention V2\b/i,
    'Flash decoding requires Flash Attention V2', `v3.3.7:server/text_generation_server/layers/attention/cuda.py:223`),
  bke('TGI (huggingface/text-generation-inference): prefix caching needs the FlashInfer backend', /\bPrefix caching is only supported with flashinfer\b/i,
    'Prefix caching is only supported with flashinfer', `v3.3.7:server/text_generation_server/models/globals.py:28`),
  bke('TGI (huggingface/text-generation-inference): the FP8 KV cache is not supported by this attention backend or platform', /\b(?:FP8 KV cache is currently only supported for flashinfer on CUDA|float8_\w{1,10} FP8 KV cache is not supported on)\b/i,
    'FP8 KV cache is currently only supported for flashinfer on CUDA', `v3.0.0:server/text_generation_server/layers/attention/kv_cache.py:59`),
  oom('TGI (huggingface/text-generation-inference): the KV cache ran out of blocks', /\bOut of available cache blocks: asked \d+, only \d+ free blocks\b/i,
    'Out of available cache blocks: asked 1024, only 512 free blocks', `v2.0.0:server/text_generation_server/models/cache_manager.py:59`),
  cap("TGI (huggingface/text-generation-inference): the Mamba model's decode CUDA graph warm-up failed", /\bDecode cuda graph warmup failed\b/i,
    'Decode cuda graph warmup failed', `v3.3.7:server/text_generation_server/models/mamba.py:490`),

  // FlashInfer (flashinfer-ai/flashinfer), the kernel library SGLang (and vLLM) run on
  bke('FlashInfer (flashinfer-ai/flashinfer): no GEMM runner for this GPU', /\bNo valid runner found for current device sm\d+/,
    'No valid runner found for current device sm86', `v0.5.0:flashinfer/gemm.py:390`),
];
