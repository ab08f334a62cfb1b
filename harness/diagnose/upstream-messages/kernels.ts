// Messages of the kernel and quantization libraries the engines call, by the category they mean, each with the
// line that writes it: most refusals of a GPU or a configuration are raised there, below vLLM's and SGLang's own
// checks, and reach the log as the exception the library raised (`RuntimeError: FlashAttention …`).
//
// Read at these release tags or commits of their own repositories (fetched mirrors unless said otherwise):
// - flash-attention (Dao-AILab/flash-attention) v2.8.3: csrc/ (FA2's TORCH_CHECKs), hopper/ (FA3), flash_attn/;
// - flash-attention's FA4 (flash_attn/cute/, the CuTe DSL kernels for Hopper and Blackwell) at its newest tag fa4-v4.0.0.beta27
//   (0251105a2fb1, 2026-08-15);
// - xformers (facebookresearch/xformers) v0.0.35: ops/fmha's not_supported_reasons and its dispatch, _cpp_lib.py;
// - FlashInfer (flashinfer-ai/flashinfer) v0.6.17 and, for the oldest wording of a message, v0.1.6; its C++
//   errors render as `Error in function '<f>' at <file>:<line>: <message>` (include/flashinfer/exception.h);
// - bitsandbytes (bitsandbytes-foundation/bitsandbytes) 0.50.1 and 0.43.0 (the CUDA-setup wording before 0.44);
// - AutoAWQ (casper-hansen/AutoAWQ) v0.2.9;
// - aiter (ROCm/aiter), main at e4048607a535 (2026-08-22): csrc/ck_gemm_moe_2stages_codegen/ (its generated MoE dispatch);
// - CUTLASS (NVIDIA/cutlass), main at 7107b05535f8 (2026-08-20): include/cute/atom/copy_traits_sm90_tma.hpp (its TMA descriptors);
// - Triton (triton-lang/triton, over the size a mirror here may have): files one by one at the upstream commit
//   the code index holds for them, and python/triton/runtime/driver.py where facebookexperimental/triton (a fork
//   that follows upstream) carries its newer `_create_driver`;
// - PyTorch (pytorch/pytorch, over the size limit too): files one by one at the commit the code index holds.
// Also read, with nothing added: exllamav2 (turboderp/exllamav2) v0.2.7 and GPTQModel (ModelCloud/GPTQModel)
// v7.3.4, whose refusals (Marlin/Machete "requires compute capability", "not properly installed" raised as
// ModuleNotFoundError) the generic rules already decide rightly; so do FlashAttention's "only supports Ampere GPUs
// or newer", xformers' "requires device with capability", Triton's PTXAS errors, PyTorch's driver messages and
// SDPA's "No available kernel". DeepGEMM (deepseek-ai/DeepGEMM) at 54e22612409371d6 (main, 2026-06-23): its host
// asserts render as `Assertion error (<file>:<line>): <condition>` (csrc/utils/exception.hpp), which the generic
// rules for a DeepGEMM assertion decide (fatal rules that win over these entries): backend-unsupported, unless the
// assertion names the CUDA compiler its JIT runs — "NVCC version should be >= 12.3" (csrc/jit/compiler.hpp:187), NVRTC's
// (:261), nvcc missing (:175), "NVCC compilation failed" (:228) — a toolkit too old or missing: ptx-toolchain.
// PyTorch's "CUDA driver initialization failed, you might not have a CUDA gpu." (c10/cuda/CUDAFunctions.cpp:59 at
// 01a6a16d9bb6) is no wrapper (it says what failed and why): the generic driver rule decides it (log-lines.ts).
// A message is here only when the generic word rules did not already name its category (or named the wrong
// one). Interpolations are bounded wildcards.
import { bke, drv, imp, nki, ptx, type UpstreamMessage } from './types.ts';

/** flash-attention 2.8.3. */
const FA = 'v2.8.3';
/** flash-attention's FA4 (flash_attn/cute) 4.0.0 beta 27. */
const FA4 = 'fa4-v4.0.0.beta27';
/** xformers 0.0.35. */
const XF = 'v0.0.35';
/** FlashInfer 0.6.17. */
const FI = 'v0.6.17';
/** bitsandbytes 0.50.1. */
const BNB = '0.50.1';
/** AutoAWQ 0.2.9. */
const AWQ = 'v0.2.9';

export const KERNEL_MESSAGES: readonly UpstreamMessage[] = [
  // ---- flash-attention (Dao-AILab/flash-attention) ----

  // FA2's forward and backward refuse any data type but half precision (fp32 models, or an fp8 KV cache handed to FA2)
  bke('flash-attention (Dao-AILab/flash-attention): FlashAttention-2 only runs fp16 and bf16', /\bFlashAttention only support fp16 and bf16 data type\b/,
    'FlashAttention only support fp16 and bf16 data type', `${FA}:csrc/flash_attn/flash_api.cpp:374`),
  // FA2 (256) and FA3 (its max_headdim) have no kernel for a larger head dimension
  bke("flash-attention (Dao-AILab/flash-attention): the model's head dimension is larger than FlashAttention's kernels take", /\bFlashAttention (?:forward|backward) only supports head dimension at most \d+/,
    'FlashAttention forward only supports head dimension at most 256', `${FA}:csrc/flash_attn/flash_api.cpp:393`),
  bke('flash-attention (Dao-AILab/flash-attention): FlashAttention-3 takes a V head dimension other than the QK one only on Hopper', /\bOnly Hopper supports different V headdim\b/,
    'Only Hopper supports different V headdim', `${FA}:hopper/flash_api.cpp:752`),
  // FA4 (flash_attn/cute): its kernels exist per architecture family; the others are refused by assertion
  bke('flash-attention (Dao-AILab/flash-attention) FA4: a custom score_mod is not supported on Ampere (SM 8.x)', /\bCustom user-provided score_mod is not supported on SM8x architectures\b/,
    'Custom user-provided score_mod is not supported on SM8x architectures.', `${FA4}:flash_attn/cute/interface.py:847`),
  bke('flash-attention (Dao-AILab/flash-attention) FA4: the kernel runs on Ampere, Hopper and Blackwell (SM 8.x to 12.x) only', /\bOnly Ampere \(8\.x\), Hopper \(9\.x\), and Blackwell \(10\.x, 11\.x, 12\.x\) are supported\b/,
    'Only Ampere (8.x), Hopper (9.x), and Blackwell (10.x, 11.x, 12.x) are supported', `${FA4}:flash_attn/cute/flash_bwd_postprocess.py:67`),
  // the SM100 forward kernel (tcgen05) on a GPU outside the SM 10.x/11.x families (RTX 50xx, RTX PRO 6000, DGX Spark: SM 12.x);
  // FlashInfer's copy of it (flashinfer/cute_dsl/sparse/blk128/flash_fwd_sm100.py) asserts the same words
  bke('flash-attention (Dao-AILab/flash-attention) FA4: the SM100 kernel runs on SM 10.x and 11.x (datacenter Blackwell, Thor) only', /\bOnly SM 10\.x and 11\.x are supported\b/,
    'Only SM 10.x and 11.x are supported', `${FA4}:flash_attn/cute/flash_fwd_sm100.py:193`),
  // the Triton implementation that ships with flash-attn (flash_attn_triton.py)
  bke("flash-attention (Dao-AILab/flash-attention): its Triton implementation takes head dimensions up to 128", /\bFlashAttention only support head dimensions up to \d+/,
    'FlashAttention only support head dimensions up to 128', `${FA}:flash_attn/flash_attn_triton.py:818`),

  // ---- xformers (facebookresearch/xformers) ----

  // memory_efficient_attention found no operator for these inputs; the lines after it say why each refused
  // (`cutlassF` is not supported because: … requires device with capability …, dtype=…)
  bke('xformers (facebookresearch/xformers): no memory-efficient attention operator supports these inputs on this GPU', /\bNo operator found for `[\w.]{1,80}` with inputs\b/,
    'No operator found for `memory_efficient_attention_forward` with inputs:', `${XF}:xformers/ops/fmha/dispatch.py:76`),
  bke('xformers (facebookresearch/xformers): an attention operator refused these inputs (its reasons follow)', /`[\w.@-]{1,80}` is not supported because:/,
    '`cutlassF-pt` is not supported because:', `${XF}:xformers/ops/fmha/dispatch.py:59`),
  bke('xformers (facebookresearch/xformers): this xformers build has no CUDA kernels', /\bxFormers wasn't build with CUDA support\b/,
    "xFormers wasn't build with CUDA support", `${XF}:xformers/ops/fmha/common.py:458`),
  bke("xformers (facebookresearch/xformers): the attention operator was not built into this xformers", /\boperator wasn't built - see `python -m xformers\.info` for more info\b/,
    "operator wasn't built - see `python -m xformers.info` for more info", `${XF}:xformers/ops/fmha/common.py:497`),
  bke('xformers (facebookresearch/xformers): the attention operator does not take this data type', /\bdtype=torch\.\w{1,20} \(supported: \{torch\.[\w., ]{1,200}\}\)/,
    'dtype=torch.float32 (supported: {torch.float16, torch.bfloat16})', `${XF}:xformers/ops/fmha/common.py:475`),
  // xformers' C++/CUDA extension was built for another PyTorch, CUDA or Python (its version pairing, refused at import)
  imp("xformers (facebookresearch/xformers): its C++/CUDA extensions do not load (built for another PyTorch, CUDA or Python)", /\bxFormers can't load C\+\+\/CUDA extensions\b/,
    "xFormers can't load C++/CUDA extensions. xFormers was built for:", `${XF}:xformers/_cpp_lib.py:77`),

  // ---- FlashInfer (flashinfer-ai/flashinfer) ----

  // the prefill kernel's tile configuration does not fit this GPU's shared memory (head dim 256 on SM 7.5/8.6/8.9, …)
  bke("FlashInfer (flashinfer-ai/flashinfer): no prefill kernel configuration fits this GPU for the model's head dimension", /\bInvalid configuration : NUM_MMA_Q=\d+/,
    "Error in function 'BatchPrefillWithPagedKVCacheDispatched' at /workspace/include/flashinfer/attention/prefill.cuh:2587: FlashInfer Internal Error: Invalid configuration : NUM_MMA_Q=1 NUM_MMA_D_QK=16 NUM_MMA_D_VO=16 NUM_MMA_KV=2 NUM_WARPS_Q=1 NUM_WARPS_KV=4 please create an issue (https://github.com/flashinfer-ai/flashinfer/issues) and report the issue to the developers.",
    `${FI}:include/flashinfer/attention/prefill.cuh:2581`),
  bke("FlashInfer (flashinfer-ai/flashinfer) 0.1: no prefill kernel configuration fits this GPU for the model's head dimension", /\bInvalid configuration : num_frags_x=\d+/,
    'FlashInfer Internal Error: Invalid configuration : num_frags_x=1 num_frags_y=16 num_frags_z=4 num_warps_x=1 num_warps_z=4 please create an issue (https://github.com/flashinfer-ai/flashinfer/issues) and report the issue to the developers.',
    'v0.1.6:include/flashinfer/attention/prefill.cuh:2022'),
  // the GQA group size (query heads per KV head) has no compiled kernel
  bke("FlashInfer (flashinfer-ai/flashinfer): no kernel for the model's query-heads-per-KV-head group size", /\bUnsupported group_size: \d+/,
    'Unsupported group_size: 7', `${FI}:include/flashinfer/utils.cuh:160`),
  // … and, in its first releases, the PyTorch bindings' dispatch of a parameter to the values its kernels were compiled for: the
  // switch's default case, "<function> failed to dispatch <parameter> <value>" by TORCH_CHECK (the parameters: group_size, page size,
  // head_dim, kv layout, positional encoding mode; and "failed to dispatch data type <dtype>", :48)
  bke("FlashInfer (flashinfer-ai/flashinfer) 0.0.x: no kernel compiled for this value of a dispatched parameter (group size, head dim, page size, data type)",
    /\bfailed to dispatch (?:group_size|page size|head_dim|kv layout|positional encoding mode|data type) \S/,
    'BatchPrefillWithPagedKVCachePyTorchWrapper::Forward(at::Tensor, at::Tensor, at::Tensor, bool, unsigned int, bool, float, float, bool)::<lambda()> failed to dispatch group_size 5',
    'v0.0.4:python/csrc/pytorch_extension_utils.h:105'),
  bke('FlashInfer (flashinfer-ai/flashinfer): the operation does not support the backend asked for on this GPU', /\b\w{1,80} does not support backend '[\w-]{1,40}'(?: with capability \d+)?/,
    "mm_fp4 does not support backend 'cudnn' with capability 89", `${FI}:flashinfer/utils.py:1399`),
  bke('FlashInfer (flashinfer-ai/flashinfer): no backend of the operation runs on this GPU', /\bNo suitable auto backends found for \w{1,80}/,
    'No suitable auto backends found for mm_fp4', `${FI}:flashinfer/utils.py:1391`),
  bke('FlashInfer (flashinfer-ai/flashinfer): the FMHAv2 DeepSeek prefill runs on SM 12.x GPUs only', /\bfmha_v2_prefill_deepseek is only supported on SM12x GPUs\b/,
    'fmha_v2_prefill_deepseek is only supported on SM12x GPUs.', `${FI}:flashinfer/prefill.py:5106`),
  // its CUTLASS MoE GEMM (TensorRT-LLM's, TLLM_THROW) has no FP4 path below Hopper
  bke('FlashInfer (flashinfer-ai/flashinfer): the CUTLASS MoE GEMM has no FP4 path below SM 9.0', /\bFP4 data type is not supported on SM < 90\b/,
    'FP4 data type is not supported on SM < 90', `${FI}:csrc/nv_internal/tensorrt_llm/kernels/cutlass_kernels/moe_gemm/moe_gemm_template_dispatch.h:770`),
  // its FP4 / MXFP8 CUTLASS GEMM launchers built as placeholders (PLACEHOLDER_KERNELS: a build whose target list left this
  // architecture out) throw these words when called: the binary holds no GEMM for this GPU
  nki('FlashInfer (flashinfer-ai/flashinfer): its FP4 / MXFP8 GEMM kernels were not compiled for this GPU architecture', /\b(?:FP4|MXFP8(?: SM120)?) gemm kernel is not compiled with support for this Architecture\b/i,
    'FP4 gemm kernel is not compiled with support for this Architecture.', `${FI}:include/flashinfer/gemm/fp4_gemm_template_sm120.h:210-211`),
  nki('FlashInfer (flashinfer-ai/flashinfer): its FP4 / MXFP8 GEMM kernels were not compiled for this GPU architecture', /\b(?:FP4|MXFP8(?: SM120)?) gemm kernel is not compiled with support for this Architecture\b/i,
    'MXFP8 SM120 gemm kernel is not compiled with support for this Architecture.', `${FI}:include/flashinfer/gemm/mxfp8_gemm_template_sm120.h:65-66`),
  // nvcc (CUDA 12.9 or newer) compiling FlashInfer's JIT sources for sm_90/sm_100/sm_120 without the arch-specific
  // (`a`) or family (`f`) suffix stops at this #error: the compile target the toolkit was given (FLASHINFER_CUDA_ARCH_LIST) is wrong
  ptx('FlashInfer (flashinfer-ai/flashinfer): its JIT sources were compiled for SM 9.0+ without an arch-specific (a) or family (f) target', /\bCompiling for SM90 or newer architectures must use Arch specific or Arch Family specific target\b/,
    '/usr/local/lib/python3.12/dist-packages/flashinfer/data/include/flashinfer/arch_condition.h(56): error: #error directive: "Compiling for SM90 or newer architectures must use Arch specific or Arch Family specific target"',
    `${FI}:include/flashinfer/arch_condition.h:56`),
  // FlashInfer JIT-compiles for the GPU with the CUDA toolkit: an SM 12.x GPU needs nvcc 12.9 or newer
  ptx('FlashInfer (flashinfer-ai/flashinfer): the CUDA toolkit is too old to compile for this SM 12.x GPU', /\bSM 12\.x requires CUDA >= 12\.9\b/,
    'SM 12.x requires CUDA >= 12.9', `${FI}:flashinfer/compilation_context.py:83`),

  // the TensorRT-LLM-generated attention kernels FlashInfer ships for Blackwell (trtllm-gen FMHA): their kernel table is keyed by head
  // dimensions and page size, and a key outside what any kernel takes is refused by FLASHINFER_CHECK before the lookup — in 0.5 "Expect
  // (32 <= headDim <= 2048) && (numTokensPerPage <= 128), got …" (v0.5.2:include/flashinfer/trtllm/fmha/fmhaKernels.cuh:103; vLLM's
  // hybrid models align the page to the Mamba state, 544 tokens on Qwen3-Next), later "Expect (32 <= headDim <= 1024), got …" and "The
  // numTokensPerPage must be 0 or power of 2." (v0.6.18rc7:…:250-257): this backend has no kernel for this configuration
  bke("FlashInfer (flashinfer-ai/flashinfer): its trtllm-gen attention kernels take no such head dimension or page size",
    /\bExpect \(32 <= headDim <= \d+\)(?: && \(numTokensPerPage <= \d+\))?, got headDimPerCtaV=|\bThe numTokensPerPage must be 0 or power of 2\b/,
    '(EngineCore_DP0 pid=3339204) RuntimeError: Expect (32 <= headDim <= 2048) && (numTokensPerPage <= 128), got headDimPerCtaV=%d, headDimQk=%d, headDimV=%d, numTokensPerPage=%d256256256544',
    'v0.5.2:include/flashinfer/trtllm/fmha/fmhaKernels.cuh:103'),
  // its launchers' data-type checks through TVM FFI (TVM_FFI_ICHECK_EQ(<tensor>.dtype(), dl_<type>) << "<what>", rendered "Check failed:
  // <tensor>.dtype() == dl_<type> (<got> vs. <wanted>) : <what>"): the kernel takes no tensor of that data type (an NVFP4 checkpoint's
  // int8-packed weights handed to the FP8 block-scale MoE: csrc/trtllm_fused_moe_kernel_launcher.cu:2351,3755 at v0.6.18rc7)
  bke("FlashInfer (flashinfer-ai/flashinfer): a kernel launcher refused a tensor's data type (a TVM FFI dtype check)",
    /\bCheck failed: \(?[\w.]{1,80}\.dtype\(\) == dl_\w{1,40}\b/,
    'tvm.error.InternalError: Check failed: gemm1_weights.dtype() == dl_float8_e4m3fn (int8 vs. float8_e4m3fn) : FP8 block scale MoE: gemm1_weights must be fp8.',
    'v0.6.18rc7:csrc/trtllm_fused_moe_kernel_launcher.cu:3755'),

  // ---- bitsandbytes (bitsandbytes-foundation/bitsandbytes) ----

  imp('bitsandbytes (bitsandbytes-foundation/bitsandbytes): its native library could not be loaded', /\bAttempted to use bitsandbytes native library functionality but it's not available\b/,
    "Attempted to use bitsandbytes native library functionality but it's not available.", `${BNB}:bitsandbytes/cextension.py:243`),
  imp('bitsandbytes (bitsandbytes-foundation/bitsandbytes): only its CPU library loaded', /\bnot available in CPU-only version of bitsandbytes\b/,
    "Method 'cquantize_blockwise_bf16_nf4' not available in CPU-only version of bitsandbytes.", `${BNB}:bitsandbytes/cextension.py:99`),
  imp('bitsandbytes (bitsandbytes-foundation/bitsandbytes): no binary for this CUDA version', /\bNo compatible (?:CUDA|ROCm|HIP) binary found at \S{1,200}/,
    'No compatible CUDA binary found at /usr/lib/python3/site-packages/bitsandbytes/libbitsandbytes_cuda128.so', `${BNB}:bitsandbytes/cextension.py:359`),
  // 0.46–0.49 raised this from get_native_library (0.46.0: "Configured CUDA binary …" at :270; 0.47.0 names the backend, {BNB_BACKEND}, at :282;
  // 0.49.0 at :288), caught at import and logged as "bitsandbytes library load error: …" with its traceback (0.49.0:bitsandbytes/cextension.py:327)
  imp('bitsandbytes (bitsandbytes-foundation/bitsandbytes) 0.46-0.49: no library of its own for this CUDA or ROCm version', /\bConfigured (?:CUDA|ROCm|HIP|XPU) binary not found at \S{1,200}/,
    'RuntimeError: Configured ROCm binary not found at /opt/venv/lib/python3.12/site-packages/bitsandbytes/libbitsandbytes_rocm82.so', '0.49.0:bitsandbytes/cextension.py:288'),
  imp('bitsandbytes (bitsandbytes-foundation/bitsandbytes) before 0.44: its CUDA library was not found', /\bCUDA Setup failed despite GPU being available\b/,
    'CUDA Setup failed despite GPU being available. Please run the following command to get more information:', '0.43.0:bitsandbytes/cextension.py:18'),
  imp('bitsandbytes (bitsandbytes-foundation/bitsandbytes) before 0.44: the installed build has no GPU library', /\bThe installed version of bitsandbytes was compiled without GPU support\b/,
    'The installed version of bitsandbytes was compiled without GPU support. 8-bit optimizers, 8-bit multiplication, and GPU quantization are unavailable.', '0.43.0:bitsandbytes/cextension.py:31'),

  // ---- AutoAWQ (casper-hansen/AutoAWQ) ----

  bke('AutoAWQ (casper-hansen/AutoAWQ): its GEMM/GEMV kernels take only 4-bit weights', /\bOnly 4-bit are supported for now\b/,
    'Only 4-bit are supported for now.', `${AWQ}:awq/modules/linear/gemm.py:123`),
  bke('AutoAWQ (casper-hansen/AutoAWQ): its ExLlama kernels take only 4-bit weights', /\bOnly 4-bit are supported for Exllama kernels\b/,
    'Only 4-bit are supported for Exllama kernels', `${AWQ}:awq/modules/linear/exllama.py:17`),

  // ---- Triton (triton-lang/triton) ----

  // the kernel asks for more shared memory (or registers, threads) than this GPU has: the README's labelling guide names it
  bke('Triton (triton-lang/triton): the kernel needs more shared memory (or another resource) than this GPU has', /\bout of resource: [\w ]{1,40}, Required: \d+, Hardware limit: \d+/,
    'out of resource: shared memory, Required: 98304, Hardware limit: 65536. Reducing block sizes or `num_stages` may help.', '0b057fca1b9988afcfecd535b67d36ce92c0a5e9:python/triton/runtime/errors.py:23'),
  // … read by the exception Triton raises for it alone, where a paste cut the message ("OutOfResources: out of resource: shared me"):
  // its class OutOfResources, whose message errors.py:23 formats, is raised only so (compiler.py's _init_handles, `raise
  // OutOfResources(self.metadata.shared, max_shared, "shared memory")`, as the log's own frame shows)
  bke("Triton (triton-lang/triton): the kernel needs more of a GPU resource than this GPU has (Triton's OutOfResources)", /\bOutOfResources: out of resource\b/,
    'triton.runtime.errors.OutOfResources: out of resource: shared me', '0b057fca1b9988afcfecd535b67d36ce92c0a5e9:python/triton/runtime/errors.py:23'),
  // Triton's shared-memory analysis asked to convert one MMA layout into another, which its code generator does only for some GPUs'
  // MMA versions: getCvtOrder's one assertion, "Unexpected mma -> mma layout conversion" (openai/triton, the project's name before
  // triton-lang, ad96b54fdd105b4787d8b5d32917b1ee97638034:lib/Analysis/Allocation.cpp:37-43), by 2024 "mma -> mma layout conversion is
  // only supported on Ampere" (and Hopper), as vLLM's issue #6723 quotes it from a V100. C's assert() names the function before the
  // words (glibc's "<file>:<line>: <function>: Assertion `…' failed."), so the function says which assertion failed also where the
  // line is cut before them (or its expression, where the function is rendered otherwise): the kernel compiler could not generate this
  // kernel for this GPU
  bke("Triton (triton-lang/triton): an MMA-to-MMA layout conversion its code generator does not support on this GPU (getCvtOrder's assertion)",
    /\bmlir::triton::getCvtOrder\(mlir::Attribute, mlir::Attribute\): Assert|\bAssertion `!\(srcMmaLayout && dstMmaLayout\b/,
    `python3: /project/lib/Analysis/Allocation.cpp:40: std::pair<llvm::SmallVector<unsigned int>, llvm::SmallVector<unsigned int> > mlir::triton::getCvtOrder(mlir::Attribute, mlir::Attribute): Assertion \`!(srcMmaLayout && dstMmaLayout) && "Unexpected mma -> mma layout conversion"' failed.`,
    'ad96b54fdd105b4787d8b5d32917b1ee97638034:lib/Analysis/Allocation.cpp:42'),
  // Triton's lowering of a floating-point cast (tt.fp_to_fp) to the GPU's instructions: a pair of types (and rounding mode) with no
  // conversion on this target is refused by MLIR's emitError, which prints the types quoted ("Unsupported conversion from 'f8E4M3FN' to
  // 'f16'", then "failed to legalize operation 'tt.fp_to_fp'"): the AMD backend converts OCP FP8 (E4M3FN) to half only where its map
  // holds the pair, and MI300X's CDNA3 takes the FNUZ variants (triton-lang/triton f25998ed946156376695836d4065b1f466be3a6c:
  // third_party/amd/lib/TritonAMDGPUToLLVM/ElementwiseOpToLLVM.cpp, FpToFpOpConversion::getConversionFunc and createDestOps'
  // `op->emitError("Unsupported conversion from ") << srcType << " to " << dstType << rmError`; the line in facebookexperimental/triton, a
  // fork that follows upstream, v3.5.0.dev4:…:1864, :1873 at v3.6.1): the data type refused on this GPU
  bke("Triton (triton-lang/triton): a floating-point conversion the kernel needs has no lowering on this GPU (tt.fp_to_fp)",
    /\bUnsupported conversion from '\w{1,40}' to '\w{1,40}'/,
    "/sgl-workspace/sglang/python/sglang/srt/layers/moe/ep_moe/kernels.py:606:42: error: Unsupported conversion from 'f8E4M3FN' to 'f16'",
    'v3.5.0.dev4:third_party/amd/lib/TritonAMDGPUToLLVM/ElementwiseOpToLLVM.cpp:1864'),
  // no active backend driver: torch sees no CUDA device
  drv('Triton (triton-lang/triton): no GPU driver is active (torch sees no CUDA device)', /\b0 active drivers \(\[\]\)\. There should only be one\b/,
    '0 active drivers ([]). There should only be one.', '065798eb550384acb5c0d9b2d63cb17ab1d02a7e:python/triton/runtime/driver.py:10'),
  drv("Triton (triton-lang/triton): the driver's libcuda.so was not found", /\blibcuda\.so cannot found\b/,
    'libcuda.so cannot found!', '00852cfbc6dae68faaf23232869a23540d30bc9a:third_party/nvidia/backend/driver.py:38'),
  ptx("Triton (triton-lang/triton): ptxas reports a CUDA version older than Triton's PTX needs", /\bTriton only support CUDA 10\.0 or higher, but got CUDA version: [\w.]{1,20}/,
    'Triton only support CUDA 10.0 or higher, but got CUDA version: 9.2', '00526b7b43179a5003957e18fab1969e83ce4715:third_party/nvidia/backend/compiler.py:68'),

  // ---- PyTorch (pytorch/pytorch) ----

  // the cuDNN found at run time is not the one PyTorch was built against (LD_LIBRARY_PATH): a library version pairing
  imp('PyTorch (pytorch/pytorch): the cuDNN library loaded is not the version PyTorch was built against', /\bcuDNN version incompatibility: PyTorch was compiled {1,2}against\b/,
    'cuDNN version incompatibility: PyTorch was compiled  against (9, 1, 0) but found runtime version (8, 9, 2). PyTorch already comes bundled with cuDNN.', '017943b70f6920c395e3b6dac100e2cd7ecfa92a:torch/backends/cudnn/__init__.py:61'),
  // cuDNN 9.11 and later ship no kernels for GPUs below SM 7.5: another PyTorch build is the fix
  nki('PyTorch (pytorch/pytorch): the bundled cuDNN has no kernels for GPUs below SM 7.5', /\bcuDNN version \d+ is not compatible with devices with SM < 7\.5\b/,
    'cuDNN version 91100 is not compatible with devices with SM < 7.5. Please install a version of PyTorch with a compatible cuDNN version.', '017943b70f6920c395e3b6dac100e2cd7ecfa92a:torch/backends/cudnn/__init__.py:97'),
  // Inductor refuses to compile a graph with a bfloat16 input or output on a GPU without bf16 hardware (below SM 8.0: Turing,
  // Volta, Pascal): _check_triton_bf16_support warns "<GPU> does not support bfloat16 compilation natively, skipping" and
  // raises SkipFrame with these words when `is_bf16_supported(including_emulation=False)` is false. A torch.compile error
  // is `other` by the generic rule; this one is the data type refused for this GPU (the guide's backend-unsupported; the fix
  // is another dtype or GPU). Read in torch 2.11.0's own compile_fx.py (its torch.version.git_version: the v2.11.0 commit
  // 70d99e998b4955e0049d13a98d77ae1b14db1f45), same words in the code index's copy at bbe2edaaec36
  bke('PyTorch (pytorch/pytorch): Inductor refuses to compile bfloat16 for a GPU without bf16 hardware support', /\bSkipFrame: BF16 is not supported\b/,
    'torch._dynamo.exc.SkipFrame: BF16 is not supported', '70d99e998b4955e0049d13a98d77ae1b14db1f45:torch/_inductor/compile_fx.py:2944'),

  // ---- aiter (ROCm/aiter, main at e4048607a535, 2026-08-22): its Composable Kernel MoE GEMMs ----

  // the two-stage CK MoE's generated dispatch found no kernel instance for this data type, activation, quantization or block size
  // (its TORCH_CHECK after every instance it was built with): the kernel library refuses this configuration, in a capture as anywhere
  bke('aiter (ROCm/aiter): its CK MoE kernels have no instance for this configuration (data type, activation, quantization, block size)',
    /\bUnsupported (?:kernel config|block_m value) for moe heuristic dispatch\b/,
    'RuntimeError: Unsupported kernel config for moe heuristic dispatch',
    'e4048607a535ace3a2b51ded31b1c8c2d45c0879:csrc/ck_gemm_moe_2stages_codegen/gen_instances.py:66-70'),

  // its assembly kernels (MLA and paged attention, GEMMs, top-k softmax) picked from a table of kernels built per GPU architecture, data
  // type and shape: none for this GPU and these types fails its AITER_CHECK, which writes "[AITER] <file>:<line> <function>: cannot get
  // heuristic kernel! q_type:bf16 kv_type:fp8 gqa:16 …" to stderr, then throws it as a RuntimeError or aborts
  // (csrc/include/aiter_hip_common.h:44-61, check_fail): no kernel of this library serves this configuration here, another backend does
  bke('aiter (ROCm/aiter): no assembly kernel in its table for this GPU architecture, data type and shape',
    /\b\w{1,80}: cannot get heuristic kernel(?:!| for \w)/,
    '[AITER] /app/aiter/aiter_meta/csrc/py_itfs_cu/asm_mla.cu:193 get_heuristic_kernel_mla: cannot get heuristic kernel! q_type:bf16 kv_type:fp8 gqa:16 ps:0 prefill:0 causal:0 qseqlen:1 lse:0 cprr:0',
    'e4048607a535ace3a2b51ded31b1c8c2d45c0879:csrc/py_itfs_cu/asm_mla.cu:182-194'),

  // ---- CUTLASS (NVIDIA/cutlass, main at 7107b05535f8, 2026-08-20): CuTe's TMA copies, under FlashAttention-3, FlashInfer, DeepGEMM ----

  // make_tma_copy_desc encodes the Tensor Memory Accelerator's descriptor with cuTensorMapEncodeTiled and, when the driver refuses it,
  // prints the descriptor's fields and "Error: Failed to initialize the TMA descriptor <CUresult>", then asserts: 801 is
  // CUDA_ERROR_NOT_SUPPORTED, a GPU without TMA (before Hopper: a Jetson Orin, sm_87, running FA3), another backend the fix
  // (settled blind in the thirty-first session); its other codes (700, a fault surfacing there; 1, a shape) are not this
  bke('CUTLASS (NVIDIA/cutlass): the driver refused a TMA descriptor as not supported (801): this GPU has no Tensor Memory Accelerator (Hopper or newer)',
    /\bFailed to initialize the TMA descriptor 801\b/,
    'Error: Failed to initialize the TMA descriptor 801',
    '7107b05535f8977f5ecb9d01ee203205b1fd9bc4:include/cute/atom/copy_traits_sm90_tma.hpp:1085'),
];
