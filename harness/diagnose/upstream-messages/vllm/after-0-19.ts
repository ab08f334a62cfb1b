// vLLM's messages added after 0.19, read at MAIN_2026_05_27 (commits.ts: github:local-inference-lab/vllm,
// upstream's main of 2026-05-27) as the diff over vllm/ and csrc/ since 0.19; each was checked absent at
// V0_19_0 and left in only where the generic rules misfile it. By category, as backend.ts and runtime.ts.
import type { UpstreamMessage } from '../types.ts';
import { MAIN_2026_05_27 } from './commits.ts';

export const VLLM_AFTER_0_19_MESSAGES: readonly UpstreamMessage[] = [
  // ── backend-unsupported: a platform, kernel or KV-cache data type refused here ──
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): the persistent top-k kernel (sparse attention indexer) has no ROCm build',
    re: /\bpersistent_topk is not supported on ROCm\b/i,
    example: 'persistent_topk is not supported on ROCm',
    source: `${MAIN_2026_05_27}:csrc/topk.cu:265`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM (after 0.19): the GPU's shared memory per block is too small for the persistent top-k kernel's fallback",
    re: /\bpersistent_topk would oversubscribe and the FilteredTopK fallback requires >= ?\d+KB smem per block\b/i,
    example: 'persistent_topk would oversubscribe and the FilteredTopK fallback requires >=128KB smem per block (have 101376). total_ctas=264 > num_sms*occupancy=132 (TopK=2048)',
    source: `${MAIN_2026_05_27}:csrc/topk.cu:135-136`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): the CPU attention backend has an FP8 KV cache only on x86 with AVX-512 or AMX',
    re: /\bFP8 KV cache (?:is only supported on x86 \(AMX\/VEC\) ISA|on CPU requires x86 with AVX-512 or AMX)\b/i,
    example: 'FP8 KV cache on CPU requires x86 with AVX-512 or AMX.',
    source: `${MAIN_2026_05_27}:vllm/v1/attention/backends/cpu_attn.py:558`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): the CPU attention kernel has an FP8 KV cache only on x86 (AMX/VEC)',
    re: /\bFP8 KV cache is only supported on x86 \(AMX\/VEC\) ISA\b/i,
    example: 'FP8 KV cache is only supported on x86 (AMX/VEC) ISA',
    source: `${MAIN_2026_05_27}:csrc/cpu/cpu_attn.cpp:148`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): an NVFP4 KV cache was asked for with an MLA model, whose backends have none',
    re: /\bnvfp4 KV cache is not supported with MLA \(Multi-head Latent Attention\) backends\b/i,
    example: "nvfp4 KV cache is not supported with MLA (Multi-head Latent Attention) backends. Please use a different --kv-cache-dtype (e.g., 'fp8' or 'auto') for MLA models such as DeepSeek.",
    source: `${MAIN_2026_05_27}:vllm/config/vllm.py:2092`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): the sparse attention indexer has no FP4 cache on AMD GPUs',
    re: /\bAMD platform doesn't support fp4 cache yet\b/i,
    example: "AMD platform doesn't support fp4 cache yet",
    source: `${MAIN_2026_05_27}:vllm/model_executor/layers/sparse_attn_indexer.py:513`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): W4A8 int8 MoE kernels exist on CPU only',
    re: /\bW4A8 Int8 MoE is only supported on CPU platforms\b/i,
    example: 'W4A8 Int8 MoE is only supported on CPU platforms',
    source: `${MAIN_2026_05_27}:vllm/model_executor/layers/fused_moe/oracle/w4a8_int8.py:93`,
  },
  {
    category: 'backend-unsupported',
    what: 'vLLM (after 0.19): the TokenSpeed MLA backend needs an FP8 KV cache',
    re: /\bTokenspeedMLAImpl requires an FP8 KV cache\b/i,
    example: 'TokenspeedMLAImpl requires an FP8 KV cache (--kv-cache-dtype fp8 or fp8_e4m3); got auto',
    source: `${MAIN_2026_05_27}:vllm/v1/attention/backends/mla/tokenspeed_mla.py:178`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM (after 0.19): DeepSeek V4's attention runs with an FP8 KV cache only",
    re: /\bDeepseekV4 only supports fp8 kv-cache format for now, got\b/i,
    example: 'DeepseekV4 only supports fp8 kv-cache format for now, got auto',
    source: `${MAIN_2026_05_27}:vllm/models/deepseek_v4/attention.py:672`,
  },
  {
    category: 'backend-unsupported',
    what: "vLLM (after 0.19): ModelOpt's NVFP4 linear kernel needs each partition's input features in multiples of 16 (0.19 and before: \"Unsupported model when in features size is not multiple of 16\", V0_19_0 modelopt.py:1103)",
    re: /\bUnsupported model: input feature size is not a multiple of 16\b/i,
    example: 'Unsupported model: input feature size is not a multiple of 16.',
    source: `${MAIN_2026_05_27}:vllm/model_executor/layers/quantization/modelopt.py:1291`,
  },
  // ── no-kernel-image: the vLLM build holds no code for this GPU's architecture (the #else of a build-time target check) ──
  {
    category: 'no-kernel-image',
    what: 'vLLM (after 0.19): this vLLM build has no NVFP4 KV-cache kernels (built without an SM100/SM120 target): a build for the Blackwell GPU is needed',
    re: /\bNVFP4 KV cache requires SM100\+ \(Blackwell\)\. Please rebuild vllm with a Blackwell-compatible CUDA target\b/i,
    example: 'NVFP4 KV cache requires SM100+ (Blackwell). Please rebuild vllm with a Blackwell-compatible CUDA target.',
    source: `${MAIN_2026_05_27}:csrc/cache_kernels.cu:774-775`,
  },
  {
    category: 'no-kernel-image',
    what: 'vLLM (after 0.19): this vLLM build has no CUTLASS MXFP4 MoE kernel (built without ENABLE_NVFP4_SM100 or with CUDA before 12.8)',
    re: /\bNo compiled cutlass_mxfp4_group_mm kernel; build vLLM with SM100 block-scaled FP4 MoE\b/i,
    example: 'No compiled cutlass_mxfp4_group_mm kernel; build vLLM with SM100 block-scaled FP4 MoE (ENABLE_NVFP4_SM100) and CUDA 12.8+.',
    source: `${MAIN_2026_05_27}:csrc/libtorch_stable/quantization/fp4/mxfp4_blockwise_moe_kernel.cu:461-462`,
  },
  // ── import-error and oom ──
  {
    category: 'import-error',
    what: 'vLLM (after 0.19): NUMA binding needs the numactl program, which is not installed',
    re: /\bnumactl is required for NUMA binding but is not installed\b/i,
    example: 'numactl is required for NUMA binding but is not installed or not available on PATH.',
    source: `${MAIN_2026_05_27}:vllm/utils/numa_utils.py:267`,
  },
  {
    category: 'import-error',
    what: 'vLLM (after 0.19): `vllm serve --omni` needs the vllm-omni package, which is not installed',
    re: /--omni flag requires a valid instance of vllm-omni to be installed\b/i,
    example: '--omni flag requires a valid instance of vllm-omni to be installed.',
    source: `${MAIN_2026_05_27}:vllm/entrypoints/cli/main.py:45`,
  },
  {
    category: 'import-error',
    what: "vLLM (after 0.19): the NIXL expert-load-balancing communicator was asked for and NIXL is not installed",
    re: /\bEPLB communicator 'nixl' requested but NIXL is unavailable\b/i,
    example: "EPLB communicator 'nixl' requested but NIXL is unavailable.",
    source: `${MAIN_2026_05_27}:vllm/distributed/eplb/eplb_communicator.py:697`,
  },
  // the Mamba cache (sized from gpu_memory_utilization) holds fewer blocks than the decode batch needs: too little memory for the cache
  {
    category: 'oom',
    what: 'vLLM (after 0.19): too few Mamba cache blocks for max_num_seqs',
    re: /\bmax_num_seqs \(\d+\) exceeds available Mamba cache blocks \(\d+\)/i,
    example: 'max_num_seqs (256) exceeds available Mamba cache blocks (120). Each decode sequence requires one Mamba cache block, so CUDA graph capture cannot proceed. Please lower max_num_seqs to at most 120 or increase gpu_memory_utilization.',
    source: `${MAIN_2026_05_27}:vllm/config/compilation.py:1462-1467`,
  },
  // ── other: a configuration error whose words read as another category ──
  {
    category: 'other',
    what: "vLLM (after 0.19): Model Runner V2 with mamba_cache_mode='align' (a configuration error)",
    re: /\bModel Runner V2 has not yet supported mamba_cache_mode='?align'?/i,
    example: "Model Runner V2 has not yet supported mamba_cache_mode='align'. ",
    source: `${MAIN_2026_05_27}:vllm/config/vllm.py:2083`,
  },
];
