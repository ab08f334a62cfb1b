// vLLM's own messages, backend-unsupported: an attention backend, kernel, data type or quantization
// vLLM refuses for this GPU or configuration. Each with the line that writes it (commits.ts).
import type { UpstreamMessage } from '../types.ts';
import { MAIN_2026_05_27, V0_4_2, V0_6_3, V0_6_4, V0_6_6, V0_7_3, V0_8_0, V0_10_2, V0_12_0, V0_14_0, V0_16_0, V0_19_0 } from './commits.ts';

/** vllm-project/vllm-ascend (vLLM's Ascend NPU plugin) v0.18.0, and its main of 2026-08-22. */
const ASCEND_0_18_0 = 'e18643f8a4d5bd9990727654318ad069ea0b56e2';
const ASCEND_MAIN = '182b75ea84ff13ece27b57391331ef8935410aea';

export const VLLM_BACKEND_MESSAGES: readonly UpstreamMessage[] = [
  // vllm-ascend refusing an NPU outside the chips it supports (A2, A3, 310P, A5 by torch_npu's SoC version): another device the fix,
  // not a driver (check_ascend_device_type from v0.16 to v0.25; later device_type_from_runtime_soc and the name table)
  {
    category: 'backend-unsupported',
    what: 'vllm-ascend: this NPU (its SoC version) is not one of the Ascend chips it supports',
    re: /\bCan not support soc_version: \w{1,40}\./,
    example: 'RuntimeError: Can not support soc_version: 104.',
    source: `${ASCEND_0_18_0}:vllm_ascend/utils.py:735`,
  },
  {
    category: 'backend-unsupported',
    what: 'vllm-ascend: this NPU (its SoC version) is not one of the Ascend chips it supports',
    re: /\bCannot support runtime soc_version: \d{1,6}\./,
    example: 'RuntimeError: Cannot support runtime soc_version: 104.',
    source: `${ASCEND_MAIN}:vllm_ascend/device/hardware.py:75`,
  },
  {
    category: 'backend-unsupported',
    what: 'vllm-ascend: this NPU (its SoC name) is not one of the Ascend chips it supports',
    re: /\bUndefined soc_version: [\w-]{1,40}\. Please file an issue to vllm-ascend\b/,
    example: 'RuntimeError: Undefined soc_version: Ascend910_9999. Please file an issue to vllm-ascend.',
    source: `${ASCEND_MAIN}:vllm_ascend/device/hardware.py:61`,
  },

  // ── backend-unsupported: an attention backend, kernel, data type or quantization refused here ──
  // the V1 engine's oracle with VLLM_USE_V1=1 set: a feature V1 did not support raises instead of falling back to V0, its name the
  // feature's (0.8: _raise_or_fallback, `raise NotImplementedError(f"VLLM_USE_V1=1 is not supported with {feature_name}.")`); an
  // attention backend, the GPU's compute capability, a KV-cache or model data type, a quantization or a device type is a backend
  // refusing this GPU or configuration (the other features, scheduler and tracing options, stay the configuration error they are)
  {
    category: 'backend-unsupported',
    what: 'vLLM 0.8–0.10: the V1 engine, forced by VLLM_USE_V1=1, refused this attention backend, compute capability, data type, quantization or device',
    re: /\bVLLM_USE_V1=1 is not supported with (?:VLLM_ATTENTION_BACKEND=|Compute Capability\b|--kv-cache-dtype\b|--dtype\b|--quantization\b|device type=)/,
    example: 'NotImplementedError: VLLM_USE_V1=1 is not supported with VLLM_ATTENTION_BACKEND=XFORMERS.',
    source: `${V0_8_0}:vllm/engine/arg_utils.py:1745-1748`, // the features at :1475,1481,1500,1508,1573
  },
  // Marlin (dense and MoE): no tile configuration fits this layer's shape, bit width and group size in this GPU's shared memory
  // (is_valid_config over its thread configs, max_shared_mem an input): the kernel refuses this configuration, another GEMM or MoE backend
  // the fix; SGLang carries the same check in its copy (BBuf/sglang 69e4faebf1042af1021768de4174c92cc02e2751:python/sglang/jit_kernel/csrc/gemm/marlin_moe/moe_wna16_marlin.cuh:746,
  // gemm/marlin/gptq_marlin.cuh:681)
  {
    category: 'backend-unsupported',
    what: 'Marlin: no kernel configuration fits this layer (its shape, bit width and group size in this GPU\'s shared memory)',
    re: /\bInvalid thread config: thread_m_blocks = -?\d+, thread_k = -?\d+, thread_n = -?\d+, num_threads = -?\d+ for MKN = \[/,
    example: 'RuntimeError: Invalid thread config: thread_m_blocks = 1, thread_k = -1, thread_n = -1, num_threads = -1 for MKN = [24, 2880, 2880] and num_bits = 8, group_size = 64, has_act_order = 0, is_k_full = 1',
    source: `${V0_16_0}:csrc/moe/marlin_moe_wna16/ops.cu:487-499`, // dense: csrc/quantization/marlin/marlin.cu:475-488
  },
  {
    category: 'backend-unsupported',
    what: "vLLM: a pre-quantized bitsandbytes checkpoint refused with tensor parallelism (its quant states cannot be split; pipeline parallelism instead)",
    re: /Prequant BitsAndBytes models with tensor parallelism is not supported/,
    example: 'ValueError: Prequant BitsAndBytes models with tensor parallelism is not supported. Please try with pipeline parallelism.',
    source: `${V0_16_0}:vllm/model_executor/model_loader/bitsandbytes_loader.py:552-555`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM: its paged-attention kernel has no instance for the model's head size (the kernel's own check, under the backends' Python checks)",
    re: /\bUnsupported head size: \d+/,
    example: 'RuntimeError: Unsupported head size: 80',
    source: `${V0_16_0}:csrc/attention/paged_attention_v1.cu:122`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the attention backend does not support the model\'s head size (0.4–0.16; "PagedAttention", "FlashAttention", "TritonAttention", …)',
    re: /Head size \d+ is not supported by [\w.]{1,40}\.\s?(?:Supported head sizes are|Head sizes need to be)/i,
    example: 'Head size 80 is not supported by FlashAttention. Supported head sizes are: [32, 64, 96, 128, 160, 192, 224, 256].',
    source: `${V0_10_2}:vllm/attention/backends/flash_attn.py:584`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM: the attention backend asked for refused this GPU or configuration, its reasons listed (its own validate_configuration); a list of only ['ImportError'] is a backend that failed to import",
    re: /Selected backend [\w.]{1,80} is not valid for this configuration\. Reason: \[(?!'ImportError'\])/i,
    example: "Selected backend AttentionBackendEnum.TRITON_ATTN is not valid for this configuration. Reason: ['kv_cache_dtype not supported']",
    source: `${V0_19_0}:vllm/platforms/cuda.py:269-271`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the paged-attention kernel has no FP8 key cache for this head size',
    re: /Does not support key cache of type fp8 with head_size \d+/i,
    example: 'Does not support key cache of type fp8 with head_size 96',
    source: `${V0_19_0}:vllm/utils/torch_utils.py:415`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (V0): FP8 KV-cache scales are not supported by this attention backend',
    re: /key\/v_scale is not supported in (?:FlashAttention|FlashInfer)\b/i,
    example: 'key/v_scale is not supported in FlashAttention.',
    source: `${V0_8_0}:vllm/attention/backends/flash_attn.py:676`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the attention backend has no FP8 KV cache (0.8–0.19: FlashAttention, FlashMLA, TritonMLA, CutlassMLA, FlashAttnMLA)',
    re: /\b[\w]{2,30}(?: V1)? with FP8 KV cache not yet supported/i,
    example: 'TritonMLA V1 with FP8 KV cache not yet supported',
    source: `${V0_16_0}:vllm/v1/attention/backends/mla/triton_mla.py:97`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: attention sinks (gpt-oss) need FlashAttention 3 (Hopper); this GPU runs FlashAttention 2',
    re: /Sinks are only supported in FlashAttention 3/i,
    example: 'Sinks are only supported in FlashAttention 3',
    source: `${V0_19_0}:vllm/v1/attention/backends/flash_attn.py:611`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: FlashInfer refuses block size 16 with head size 256',
    re: /There is a bug in FlashInfer block_size 16 head size 256 support/i,
    example: 'There is a bug in FlashInfer block_size 16 head size 256 support. Please avoid this combination by passing --block-size 32 or --block-size 64.',
    source: `${V0_16_0}:vllm/v1/attention/backends/flashinfer.py:637`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: FlashInfer needs every layer to share window, soft-cap and scale (a model that mixes them needs another backend)',
    re: /FlashInfer backend currently only supports models in which all ?layers share the same values|Window left is not the same for all layers/i,
    example: 'FlashInfer backend currently only supports models in which all layers share the same values for the following hyperparameters: `window_left`, `logits_soft_cap`, `sm_scale`.',
    source: `${V0_19_0}:vllm/v1/attention/backends/flashinfer.py:912`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the attention backend supports other head dimensions only (FlashInfer, MLA; 0.4–0.10)',
    re: /Only \[?[\d, ]{1,40}\]? are supported for head_dim/i,
    example: "('Only [576] are supported for head_dim,', ' received 128.')",
    source: `${V0_10_2}:vllm/attention/backends/mla/common.py:521`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the model\'s dtype is not one the quantization method\'s kernels take',
    re: /\b(?:torch\.)?\w{3,12} is not supported for quantization method [\w-]{1,40}\. Supported dtypes:/i,
    example: 'torch.bfloat16 is not supported for quantization method awq. Supported dtypes: [torch.float16]',
    source: `${V0_19_0}:vllm/config/vllm.py:524`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the quantization method is not supported on this platform',
    re: /[\w-]{1,40} quantization is currently not supported in [\w ]{1,40}\./i,
    example: 'gptq_marlin quantization is currently not supported in ROCm.',
    source: `${V0_19_0}:vllm/platforms/interface.py:494`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM 0.4: FP8 needs a CUDA 11.8+ build',
    re: /FP8 is not supported when cuda version is ?lower than 11\.8/i,
    example: 'FP8 is not supported when cuda version islower than 11.8.',
    source: `${V0_4_2}:vllm/config.py:376`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: ptpc_fp8 quantization runs on AMD MI300 and newer only',
    re: /ptpc_fp8 quantization is supported only on (?:ROCm|AMD Instinct MI300)/i,
    example: 'ptpc_fp8 quantization is supported only on AMD Instinct MI300 GPUs and newer.',
    source: `${V0_16_0}:vllm/model_executor/layers/quantization/ptpc_fp8.py:46`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: no NVFP4 GEMM kernel for this GPU',
    re: /No valid NVFP4 GEMM backend found/i,
    example: 'No valid NVFP4 GEMM backend found. Please check your platform capability.',
    source: `${V0_14_0}:vllm/model_executor/layers/quantization/modelopt.py:1137`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: no linear kernel (Machete, Marlin, CUTLASS, Exllama, …) can run this quantized layer here (the reasons follow: capabilities)',
    re: /Failed to find a kernel that can implement the [\w -]{1,40} linear layer/i,
    example: 'Failed to find a kernel that can implement the WNA16 linear layer. Reasons: ',
    source: `${V0_19_0}:vllm/model_executor/kernels/linear/__init__.py:364`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: no compressed-tensors scheme has a kernel for this checkpoint\'s quantization here',
    re: /No compressed-tensors compatible scheme was found/i,
    example: 'No compressed-tensors compatible scheme was found.',
    source: `${V0_19_0}:vllm/model_executor/layers/quantization/compressed_tensors/compressed_tensors.py:680`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: no MoE kernel backend supports this quantization on this GPU and configuration (0.16–0.19)',
    re: /No (?:FP8|NvFp4|MXFP4|MXFP8) MoE backend supports the deployment configuration|Found VLLM_USE_FLASHINFER_MOE_FP[48]=1, but no FlashInfer \w+ MoE backend supports the configuration/i,
    example: 'No NvFp4 MoE backend supports the deployment configuration.',
    source: `${V0_19_0}:vllm/model_executor/layers/fused_moe/oracle/nvfp4.py:261`,
  },
  {
    // the backend asked for (--moe-backend, VLLM_FLASHINFER_MOE_BACKEND) checked against the deployment by its kernel's
    // is_supported_config, whose reason reads "kernel does not support <current device …|<activation> activation|quantization scheme …>"
    // (fused_moe/modular_kernel.py:531-545), then raised as a ValueError (fp8.py:242-268, mxfp4.py:234-260)
    category: 'backend-unsupported',
    what: 'vLLM: the MoE kernel backend asked for does not support this deployment (device, activation, quantization scheme)',
    re: /\b(?:FP8|NvFp4|Mxfp4|MXFP8) MoE backend '?[\w-]+'? does not support the deployment configuration\b/i,
    example: "NvFp4 MoE backend 'FLASHINFER_CUTLASS' does not support the deployment configuration since kernel does not support MoEActivation.GELU activation.",
    source: `${V0_19_0}:vllm/model_executor/layers/fused_moe/oracle/nvfp4.py:165-175`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: a kernel exists on CUDA only',
    re: /The (?:optimized moe_wna16_gemm|fused grouped_topk) kernel is only available on CUDA platforms/i,
    example: 'The optimized moe_wna16_gemm kernel is only available on CUDA platforms',
    source: `${V0_19_0}:vllm/_custom_ops.py:2220`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the compressed-tensors Marlin/MoE kernels take float16 only',
    re: /float16 is required for (?:marlin24 compres+ed|MoE compressed) models/i,
    example: 'float16 is required for marlin24 compressed models. Set dtype=torch.float16',
    source: `${V0_14_0}:vllm/model_executor/layers/quantization/compressed_tensors/schemes/compressed_tensors_w4a16_24.py:70`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the gated-delta-rule kernel (Qwen3-Next) does not take float32',
    re: /ChunkGatedDeltaRuleFunction does not support float32/i,
    example: 'ChunkGatedDeltaRuleFunction does not support float32. Please use bfloat16.',
    source: `${V0_19_0}:vllm/model_executor/layers/fla/ops/chunk.py:183`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (V0, 0.8–0.10): FP8 KV-cache scales need FlashAttention 3 and a bfloat16 model',
    re: /key\/v_scale is only supported in FlashAttention 3 with base dtype bfloat16/i,
    example: 'key/v_scale is only supported in FlashAttention 3 with base dtype bfloat16',
    source: `${V0_10_2}:vllm/attention/backends/flash_attn.py:627`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM: ALiBi is not supported by FlashAttention 3 / 4 (vllm_flash_attn)",
    re: /Alibi is not supported in FA[34]\b/i,
    example: 'Alibi is not supported in FA3',
    source: `${V0_19_0}:vllm/vllm_flash_attn/flash_attn_interface.py:327`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (ROCm): the chosen attention backend or all-to-all kernels run on gfx9 / gfx942–gfx950 only',
    re: /The selected backend, [\w.]{1,60}, is only supported on gfx9 architectures|mori currently only support arch gfx942 and gfx950/i,
    example: 'The selected backend, ROCM_AITER_FA, is only supported on gfx9 architectures.',
    source: `${V0_16_0}:vllm/platforms/rocm.py:333`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM: a vision model's encoder does not support the attention backend chosen for it (Qwen2/2.5/3-VL, GLM-4V, Keye-VL, Ernie4.5-VL, …; 0.6–0.19)",
    re: /\b[\w.-]{2,40} does not support [\w.]{1,60} backend now\b|Unsupported (?:vision )?attention backend(?::|$)|Unsupported multi-modal encoder attention backend for \w+|Unsupported Attention backend [\w.]{1,60} enum found|GritLM embedding is only supported by XFormers backend/i,
    example: 'Qwen2.5-VL does not support _Backend.FLASHINFER backend now.',
    source: `${V0_16_0}:vllm/model_executor/models/qwen2_5_vl.py:615`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM 0.6: the CUDA paged-attention kernel takes block sizes up to 32",
    re: /CUDA Paged Attention kernel only supports block sizes up to \d+/i,
    example: 'CUDA Paged Attention kernel only supports block sizes up to 32. Got 64.',
    source: `${V0_6_6}:vllm/config.py:1012`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the attention backend has no sliding-window attention (V0 FlashAttention/FlashInfer 0.4–0.10, FlexAttention 0.9–0.10)',
    re: /Sliding window is not supported in (?:FlashAttention|FlashInfer)\b|FlexAttention does not support sliding window/i,
    example: 'Sliding window is not supported in FlashInfer.',
    source: `${V0_6_4}:vllm/attention/backends/flashinfer.py:761`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (V0, 0.4–0.6): FlashInfer did not yet support chunked prefill or prefix caching',
    re: /(?:Chunked prefill|Prefix caching) is not supported with flashinfer yet/i,
    example: 'Chunked prefill is not supported with flashinfer yet.',
    source: `${V0_6_3}:vllm/attention/backends/flashinfer.py:408`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the MLA attention backends do not support this head dimension',
    re: /Head dimension \d+ is not supported by MLA/i,
    example: 'Head dimension 192 is not supported by MLA.',
    source: `${V0_19_0}:vllm/model_executor/layers/attention/mla_attention.py:1264`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM 0.7: FP8 MLA does not support this quantization strategy',
    re: /QuantizationStrategy\.\w{1,20} is not supported for fp8 MLA/i,
    example: 'QuantizationStrategy.CHANNEL is not supported for fp8 MLA, please run with VLLM_MLA_DISABLE=1',
    source: `${V0_7_3}:vllm/attention/backends/mla/utils.py:261`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM: the ViT (vision encoder) attention does not support this backend, or the backend has no sqrt-ALiBi',
    re: /ViT attention hasn't supported [\w.]{1,60} backend yet|use_alibi_sqrt is not supported by backend/i,
    example: "ViT attention hasn't supported _Backend.FLASHINFER backend yet.",
    source: `${V0_12_0}:vllm/attention/layer.py:600`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM 0.9–0.10: the Triton unified attention kernel needs block size 32+ with an FP8 KV cache",
    re: /Block size must be at least 32 for fp8/i,
    example: 'Block size must be at least 32 for fp8',
    source: `${V0_10_2}:vllm/attention/ops/triton_unified_attention.py:660`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM 0.12+: the xFormers attention backend was removed (choose another backend)',
    re: /Attention backend 'XFORMERS' has been removed/i,
    example: "Attention backend 'XFORMERS' has been removed (See PR #29262 for details). Please select a supported attention backend.",
    source: `${V0_12_0}:vllm/attention/selector.py:42`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM 0.16+: FunAudioChat's long-audio tower needs the FlashAttention encoder backend",
    re: /FunAudioChat long audio \(~?\d+s\) requires FlashAttention for the continuous audio tower, but the selected MM encoder attention backend/i,
    example: 'FunAudioChat long audio (~300s) requires FlashAttention for the continuous audio tower, but the selected MM encoder attention backend is not FlashAttention.',
    source: `${V0_19_0}:vllm/model_executor/models/funaudiochat.py:316`,
  },
  {
    // check_attention_cp_compatibility asserts, for each attention layer, that its implementation does what context parallelism
    // or MTP needs, naming the class (`…Impl`): "Decode Context Parallelism (DCP) requires attention implementations to return the
    // softmax LSE during decode, but {Impl} does not. Try a different backend …" (0.14: "…, but the impl {Impl} does not return the
    // softmax lse for decode.", ${V0_14_0}:vllm/v1/worker/cp_utils.py:30-35), "PCP requires attention impls' support, but the impl
    // {Impl} does not support PCP." (:38), "MTP with cp_kv_cache_interleave_size > 1 is not supported in {Impl}." (:25)
    category: 'backend-unsupported',
    what: 'vLLM 0.14+: the attention implementation does not do what context parallelism (DCP, PCP) or MTP with it needs (choose another attention backend)',
    re: /\bbut (?:the impl )?[A-Z]\w{0,80}Impl does not\b|\bis not supported in [A-Z]\w{0,80}Impl\b/,
    example: 'Decode Context Parallelism (DCP) requires attention implementations to return the softmax LSE during decode, but TritonMLAImpl does not. Try a different backend by setting --attention-backend or disable DCP.',
    source: `${MAIN_2026_05_27}:vllm/v1/worker/cp_utils.py:26-43`,
  },
];
