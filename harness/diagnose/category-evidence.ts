// Generic evidence for each category: what a failure of that kind says whatever its wording —
// CUDA error names and codes, NCCL result names, exception types, words of the message, and the
// traceback frames it was raised through. Used when no specific signature matches, so a new
// wording of a known failure still lands in its category (with confidence "generic"). Pure.
//
// Sources of the names and codes:
// - CUDA runtime errors (cudaError_t, value and cudaGetErrorString text): CUDA 12.8
//   driver_types.h, https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html
//   (2 memory allocation, 35 insufficient driver, 100 no device, 209 no kernel image, 218 invalid
//   PTX, 200 invalid kernel image, 222 unsupported PTX version, 700 illegal address, 710 assert,
//   719 launch failure, 802 system not ready, 803/804 driver mismatch /
//   compat not supported, 900–908 stream capture).
// - NCCL results (ncclResult_t) and their ncclGetErrorString texts: NVIDIA/nccl v2.21.5-1
//   src/nccl.h.in (enum ncclResult_t) and src/init.cc (ncclGetErrorString).
// - cuBLAS / cuDNN status names (CUBLAS_STATUS_NOT_SUPPORTED, CUDNN_STATUS_NOT_SUPPORTED; _ARCH_MISMATCH: "the
//   function requires a feature absent from the device architecture"): cublasStatus_t and cudnnStatus_t,
//   https://docs.nvidia.com/cuda/cublas/ (cublasStatus_t), cuDNN API reference.
// - CUDA error 904 (cudaErrorStreamCaptureUnjoined) reads "capturing stream has unjoined work" (cudaGetErrorString).
// - PyTorch's "Unknown CUDA graph CaptureStatus" (c10/cuda/CUDAGraphsC10Utils.h) is an INTERNAL ASSERT of its printing of a
//   capture status it does not know, not a capture that failed: no graph-capture evidence (the blind audit of 2026-12-03
//   relabelled other/pytorch-91970-unknown-cuda-graph-capturestatus.log, raised in a backward pass, `other`).
// - TensorRT's coded errors name their kind: `Error Code 2: OutOfMemory (Requested size was … bytes.)` is GPU memory
//   (as TensorRT-LLM's build logs it through `[TRT] [E]`).

import { UPSTREAM_MESSAGES } from './upstream-messages.ts';
import { needleOf } from './regex-needle.ts';
import { CUDNN_LOAD_FAILED, httpStatusError } from './log-lines.ts';
import { CUDA_ERROR_CODES, type CudaErrorCode } from './upstream-messages/cuda.ts';

export interface GenericRule {
  category: string;
  /** What this evidence is, for the explanation ("CUDA error 209 (no kernel image)"). */
  what: string;
  re: RegExp;
  /** True: decides on any line (an error name); false: only inside an exception's message. */
  fatal: boolean;
  /** Too loose to decide on a line that is not logged as a failure (a bare word "nccl"). */
  loose?: boolean;
  /** A frame rule: the exception it holds for (`KeyError` through transformers' auto config). */
  exception?: RegExp;
  /** A frame rule that holds only for the frame that raised (the traceback's last). */
  lastFrame?: boolean;
  /** Its program exits right after writing it (an upstream message marked so): decides though a step finished before it. */
  exits?: boolean;
}

/**
 * Words that name the GPU's generation: compute capability, sm_80, an architecture's name, the GPU or hardware "with" a
 * feature (TensorRT's builder: "Networks with FP8 precision require hardware with FP8 support"; TensorRT's source is not
 * public, the words are read as words), or a platform the engine runs on ("… is not supported on ROCm", "… not supported
 * on CPU": the guide's table, a backend refused "for this GPU or platform").
 */
const GPU = String.raw`(?:compute capabilit|device capabilit|\bsm_?\d{2,3}[af]?\b|\bSM ?\d{2,3}\b|\bSM (?:version|arch)|(?:GPU|CUDA|device|hardware) arch|\b(?:Ampere|Hopper|Blackwell|Volta|Turing|Pascal|Ada)\b|(?:this|your|the current|current) (?:CUDA |NVIDIA |AMD |ROCm )?(?:GPU|device|platform|hardware|architecture)\b|GPUs? (?:with|newer|older|below|above)|\bhardware (?:with|that (?:has|supports))\b|\b(?:V100|T4|P100|P40|K80|A10G?|A100|A30|A40|H100|H200|H20|B200|B100|GB200|L4|L40S?|TITAN|RTX ?\d{4}|GTX ?\d{3,4})\b|\b(?:on|for|with|under) (?:the )?(?:ROCm|HIP|AMD GPUs?|CPUs?|XPU|HPU|TPU|NPU|MPS|Metal|Ascend|Gaudi|Intel GPUs?|Apple Silicon|Jetson)\b)`;
/**
 * Words that refuse: not supported, not implemented for (vLLM's CUTLASS GEMM: "Currently, block scaled fp8 gemm is not implemented for
 * Blackwell", 228b768db6dee54290723443f9f3207146de89ff:csrc/quantization/cutlass_w8a8/scaled_mm_c3x_sm100.cu:25), requires, only
 * supports, at least.
 */
const REFUSED = String.raw`(?:not (?:yet |currently )?supported|not (?:yet |currently )?implemented (?:for|on)\b|no supported|unsupported|isn't supported|does(?:n't| not) support|not available|is required|requires?|needs?\b|only supports?|supports? only|only (?:works|available|runs|implemented|built|compiled|enabled|tested)|at least|or (?:newer|higher|above|later)|and (?:newer|later|above)|>= ?\d|minimum|cannot be (?:enabled|used)|cannot (?:run|use|support)|except on|too old|(?:is|are) (?:below|lower than|less than|older than))`;

const rule = (category: string, what: string, re: RegExp, fatal = false): GenericRule => ({ category, what, re, fatal });

/**
 * NGC images' entrypoint check of the GPUs' compute capability: "ERROR: Detected <name> GPU, which is not supported by this container"
 * for a GPU below the image's lowest SM (MINSMVER, 52 in the entrypoint.d script of 2018-2023 the code index holds), then "ERROR: No
 * supported GPU(s) detected to run this container" when no GPU is; then it goes on (Triton loads its models on the CPU). No word
 * boundary after "container": the check's two lines are also read joined ("…containerNo supported …").
 */
export const NGC_SM_CHECK = /\bGPU, which is not supported by this container|No supported GPU\(s\) detected to run this container/;

/**
 * The driver check of NVIDIA's container entrypoint: "ERROR: This container was built for NVIDIA Driver Release 595.58
 * or later, but / version 580.159.03 was detected and compatibility mode is UNAVAILABLE." The script echoes it, sleeps
 * two seconds and then execs the engine all the same (triton-inference-server/server v2.10.0:nvidia_entrypoint.sh:64-65,
 * 68, 87; NGC's other images share the entrypoint): the CUDA runtime may still work on that driver (minor-version
 * compatibility), so the engine's own failure after it, if it names one, is the cause; the check is the cause only when
 * nothing after it names one (the labelling guide, rule 6: a warning that a driver is too old decides when nothing else does).
 * Its check of the GPUs' compute capability likewise (NGC_SM_CHECK). Read by root-cause.ts's scan and classify.ts.
 */
export const DRIVER_CHECK = new RegExp(String.raw`\bThis container was built for NVIDIA Driver Release\b|\bwas detected and compatibility mode is UNAVAILABLE\b|${NGC_SM_CHECK.source}`);

/**
 * cudaError_t values of a category printed by their number (upstream-messages/cuda.ts, CUDA_ERROR_CODES, each with its line in
 * driver_types.h): after "CUDA error" in any of its spellings ("Cuda Error: 222", "cudaError 35", "CUDA error code=209", ggml's "CUDA
 * error 98 at …"), and the numbers marked bare also after "error" or "error code" alone. `codes`: those of the category this rule reads.
 */
function cudaErrorNumbered(category: string, codes: readonly number[]): string {
  const of = codes.map((n) => {
    const c = CUDA_ERROR_CODES.find((e) => e.code === n);
    if (c?.category !== category) throw new Error(`category-evidence: CUDA error ${n} is not a ${category} code of CUDA_ERROR_CODES`);
    return c;
  });
  const alt = (cs: readonly CudaErrorCode[]): string => cs.map((c) => c.code).join('|');
  const bare = of.filter((c) => c.bare);
  return [
    String.raw`\bcuda(?:rt)?[ _]?(?:runtime |driver )?error(?: code)?\s*[:=#(]?\s*(?:${alt(of)})(?![\d.]|:\d)`,
    ...(bare.length > 0 ? [String.raw`\berror (?:code )?(?:${alt(bare)})\b`] : []),
  ].join('|');
}

/** A rule's expression with the CUDA error numbers of its category (cudaErrorNumbered) as one more alternative. */
const withCodes = (re: RegExp, category: string, codes: readonly number[]): RegExp => new RegExp(`${re.source}|${cudaErrorNumbered(category, codes)}`, re.flags);

/**
 * The attention and GEMM kernel libraries the engines refuse or are refused by, by name; also TensorRT-LLM's own attention kernels,
 * fused multi-head attention (FMHA), XQA and masked MHA (its attention op refuses them in these words: "FP8 FMHA cannot be enabled
 * because Context FMHA is not supported.", NVIDIA/TensorRT-LLM eea41b73a7bdddb1032ee255d8feb695e4811651:cpp/tensorrt_llm/common/attentionOp.cpp,
 * TLLM_CHECK_WITH_INFO in AttentionOp::initialize).
 */
const KERNEL_LIBRARY = String.raw`(?:xformers|flash[-_ ]?attn|flash[-_ ]?attention(?:-?[23])?|flashinfer|FA[23]|cutlass|marlin|machete|deep_?gemm|cudnn|flash[-_ ]?mla|cutlass[-_ ]?mla|triton[-_ ]attn|fmha|xqa|mmha)`;

/**
 * Words of an import that failed: a module or name missing, a symbol undefined, a library not loaded, a package or version to install,
 * a compiled extension it requires (vLLM's "vllm.vllm_flash_attn requires the CUDA flash attention extensions (_vllm_fa2_C or
 * _vllm_fa3_C)", raised when neither extension imported: 396c8fee5071117914104244cc962db805ab0af0:vllm/vllm_flash_attn/__init__.py:32-36).
 */
const IMPORT_FAILED_WORDS = String.raw`No module named|cannot import name|undefined symbol|cannot open shared object|DLL load failed|error while loading shared libraries|\binstall|\bversion|\bextensions?\b`;
/** A GPU, device or platform said to be unsupported (the subject refused: "System cpu doesn't support …", "AMD GPU X does not support …"). */
const HARDWARE_NOT_SUPPORTED = String.raw`\b(?:GPUs?|devices?|system|platform|hardware)\b[^:]{0,80}?(?:\bnot (?:yet )?supported|\bdoes(?:n't| not) support|\bunsupported)`;
/**
 * An `ImportError` whose message refuses this GPU, device or platform (by the words of the GPU rule below, or the hardware
 * said to be unsupported), and names no import that failed. Its sources: the rule in MESSAGE_RULES.
 */
const IMPORT_REFUSES_HARDWARE = new RegExp(String.raw`\bImportError: (?!.*(?:${IMPORT_FAILED_WORDS}))(?:.*?(?:${GPU}.{0,80}${REFUSED}|${REFUSED}.{0,80}${GPU}|${HARDWARE_NOT_SUPPORTED}))`, 'i');

/** The functions of the CUDA-graph capture step (vLLM's `capture_model`, SGLang's `capture_one_batch_size`, …). */
export const CAPTURE_STEP = String.raw`(?:capture_model|_capture_cudagraphs|capture_one_batch_size|_dummy_run_cudagraph|capture_graph)`;

/** A traceback's frame: Python's (`File "…", line 1, in f`), or IPython's and Colab's (`File /x.py:1265, in f(…)`, `[/x.py](https://…) in f(…)`). */
export const FRAME_LINE = /^\s*File "|\bin [\w<>]+$|^\s*(?:File )?\[?\/[^\s\]]+\.py(?::\d+)?\]?(?:\([^)\s]*\))?,? in [\w<>]+\(/;
const loose = (r: GenericRule): GenericRule => ({ ...r, loose: true });

/** torch.compile (Dynamo, Inductor) failed: `other`, unless raised while CUDA graphs were captured. */
export const TORCH_COMPILE: GenericRule = loose(rule('other', 'torch.compile (dynamo/inductor) failed while building the graphs', /(?:torch\._dynamo\.exc\.\w+|BackendCompilerFailed|torch\._inductor\.exc\.\w+|InductorError):(?!\s*(?:[\w.]+\.)?[A-Z]\w*(?:Error|Exception):)|\bgraph breaks?\b/));

/** Message evidence, most specific first: the first rule that matches names the category. */
export const MESSAGE_RULES: readonly GenericRule[] = [
  // errors that name their own category, whatever else the message says
  // a GPU's hardware fault, whatever kernel or collective it surfaced in (a custom all-reduce, NCCL's watchdog): CUDA errors 214
  // (cudaErrorECCUncorrectable, "uncorrectable ECC error encountered") and 220 (cudaErrorNvlinkUncorrectable, "uncorrectable NVLink
  // error detected during the execution"), CUDA 13.0's include/driver_types.h:625-628,660-663, the words as cudaGetErrorString of
  // libcudart 13.0.96 renders them on the H200: the guide's table has no category for it, `other`
  rule('other', 'a GPU hardware fault (an uncorrectable ECC or NVLink error, CUDA error 214/220)', /\bcudaError(?:ECC|Nvlink)Uncorrectable\b|\buncorrectable (?:ECC|NVLink) error\b/i, true),
  // a Vulkan device lost (VK_ERROR_DEVICE_LOST; Vulkan-Hpp raises it as vk::DeviceLostError, its result named "ErrorDeviceLost", which
  // ggml-vulkan's "vk::Queue::submit: ErrorDeviceLost" relays): the GPU was reset under the process, as Mesa's RADV says first when the
  // kernel cancelled the submission ("radv/amdgpu: The CS has been cancelled because the context is lost.", radv_amdgpu_cs.c, on
  // -ECANCELED, its result VK_ERROR_DEVICE_LOST; read in the code index's copies of Mesa, over the fetch limit here): a fault, `other`
  rule('other', 'the GPU was lost under the process (Vulkan device lost: a reset, a hang)', /\bVK_ERROR_DEVICE_LOST\b|\bErrorDeviceLost\b|\bvk::DeviceLostError\b|\bThe CS has been cancelled because the context is lost\b/, true),
  // ptxas refusing an instruction or data type of the kernel's own code on this GPU's architecture: "Feature 'cvt with .f32.bf16' requires
  // .target sm_80 or higher" (then "ptxas fatal : Ptx assembly aborted due to errors"). The toolchain works — CUDA 13.0's ptxas assembles
  // the same PTX for sm_80 and sm_90 and refuses it so for sm_75, reproduced here — and the fix is another data type, kernel or GPU: the
  // kernel is refused for this GPU, backend-unsupported, not the toolchain (settled blind for all nine corpus logs in round 35).
  // … and refusing two of an instruction's modifiers together ("Modifier '.evict_last' cannot be combined with modifier '.cg'", a Triton
  // kernel's load given both a cache modifier and an eviction policy): CUDA 13.0's ptxas refuses that load for sm_80, sm_90 and sm_120
  // alike (reproduced here), so no toolchain fixes it, only another kernel (settled blind as backend-unsupported in round 49).
  // Before the ptxas rules: it decides over the "ptxas fatal" after it
  rule('backend-unsupported', "ptxas refused the kernel's instruction or data type on this GPU's architecture", /\b(?:Feature|Modifier) '[^']{1,80}' requires \.target sm_\d+[a-z]? or higher\b|\bModifier '[^']{1,40}' cannot be combined with modifier '[^']{1,40}'/, true),
  rule('ptx-toolchain', 'CUDA error 222 (PTX from a newer toolkit)', withCodes(/cudaErrorUnsupportedPtxVersion|CUDA_ERROR_UNSUPPORTED_PTX_VERSION|unsupported toolchain/i, 'ptx-toolchain', [222]), true),
  // (ptxas exiting with an error, as Python's CalledProcessError names it: "Command '%s' returned non-zero exit status %d", the command
  // a list, `['/…/bin/ptxas', …]`, or a shell string, `'/usr/local/cuda/bin/ptxas -lineinfo -v --gpu-name=sm_87 …'`)
  // (nvcc too old for the GPU asked for: CUDA 13.0's nvcc here says "nvcc fatal   : Unsupported gpu architecture 'compute_12'"; older
  // ones "Value 'compute_86' is not defined for option 'gpu-architecture'", and "Value 'native'" before `-arch=native` (CUDA 11.6) —
  // as llamafile 0.x prints them building ggml-cuda for this GPU, then goes on without it)
  rule('ptx-toolchain', 'ptxas / PTX JIT failure', withCodes(/ptxas (?:fatal|error)|PTXASError|cudaErrorInvalidPtx|CUDA_ERROR_INVALID_PTX|PTX JIT compil\w+ failed|Value '?(?:sm|compute)_\d+[af]?'? is not defined for option|Value 'native' is not defined for option 'gpu-architecture'|nvcc fatal\s*: Unsupported gpu architecture|Unsupported gpu architecture 'compute_\d+|Unsupported \.(?:version|target) |\bptx(?: input)?, line \d+; (?:fatal|error)|invalid value for --gpu-architecture|(?:cannot|can't|could not|unable to) (?:find|locate) (?:ptxas|nvcc)\b|\b(?:ptxas|nvcc)(?:\.exe)?:? (?:was )?not found|\bbin\/ptxas(?:['"]|\s).{0,600}returned non-zero exit status/i, 'ptx-toolchain', [218, 221]), true),
  // … and Triton's own words when the ptxas it runs exits with an error: "`ptxas` failed with error code <returncode>", "`ptxas` raised
  // SIGSEGV" (make_cubin, triton-lang/triton 00526b7b43179a5003957e18fab1969e83ce4715:third_party/nvidia/backend/compiler.py; raised as a
  // RuntimeError with ": \n<log>" in the 2.x/3.0 releases, a PTXASError since), the log after it often empty (a ptxas that could not run)
  rule('ptx-toolchain', "Triton's ptxas exited with an error", /`ptxas` (?:failed with error code -?\d+|raised SIGSEGV)/, true),
  // the CUDA compiler a JIT runs (NVCC, NVRTC) said its compilation failed: TensorRT-LLM's DeepGEMM JIT throws "NVRTC compilation failed"
  // when nvrtcCompileProgram did not succeed (as FlashInfer carries it: flashinfer-ai/flashinfer v0.6.9:csrc/nv_internal/tensorrt_llm/
  // deep_gemm/compiler.cuh:418-422), DeepGEMM's own "NVCC compilation failed" (the DeepGEMM rule below). The guide's table: the PTX
  // toolchain (ptxas / nvcc / NVRTC) cannot compile for this GPU. Only inside a failure's message. (TensorRT's Myelin words it "CHECK(success)
  // failed. NVRTC Compilation failure", closed source: the words are the log's)
  rule('ptx-toolchain', 'the CUDA compiler of a JIT (NVCC, NVRTC) failed to compile', /\b(?:NVCC|NVRTC)(?: PTX)? compilation (?:failed|failure|error)\b/i),
  // (… and ggml's CUDA_CHECK of 2023, "CUDA error %d at %s:%d: %s" with the cudaError_t's number first (ollama
  // v0.0.15:llm/ggml-cuda.cu:55; its HIP build prints the hipError_t by the same macro): 98 is cudaErrorInvalidDeviceFunction (CUDA 13.0
  // include/driver_types.h:524) and hipErrorInvalidDeviceFunction alike, read by its number where a paste cut the words after it, as every
  // number of CUDA_ERROR_CODES is: withCodes)
  rule('no-kernel-image', 'CUDA error 209 (no kernel image for this GPU)', withCodes(/cudaErrorNoKernelImageForDevice|CUDA_ERROR_NO_BINARY_FOR_GPU|no kernel image is available|cudaErrorInvalidKernelImage|CUDA_ERROR_INVALID_IMAGE|device kernel image is invalid|cudaErrorInvalidDeviceFunction|CUDA_ERROR_INVALID_DEVICE_FUNCTION|invalid device function/i, 'no-kernel-image', [98, 200, 209]), true),
  // a kernel or library whose binary holds code for other architectures only (built or compiled for sm_X)
  rule('no-kernel-image', 'a kernel built only for other GPU architectures', /\b(?:kernels?|binar(?:y|ies)|code|library|extension|wheel)\b.{0,60}?\b(?:only (?:built|compiled) for|(?:built|compiled) (?:only )?for)\s+(?:sm_?\d|SM ?\d|compute_\d|compute capabilit)|\bnot (?:compiled|built) for (?:this |the )?(?:CUDA )?(?:device )?(?:compute )?capabilit/i),
  // PyTorch's own check of the GPU against the architectures its binary holds, a UserWarning at CUDA's first use (its
  // message begins on the line after `UserWarning:`): fatal, so read wherever it is written, as the signature reads it
  // the SYCL runtime found no device image holding the kernel for this device (llama.cpp's SYCL backend built for another target):
  // "No kernel named <mangled> was found" (intel/llvm 0039ee037844f797daf2656825fb57e8a87bd06b:sycl/source/detail/program_manager/program_manager.cpp,
  // ProgramManager::getKernelSetId; later releases throw it where no image is valid for the device), which ggml-sycl prints with
  // "Exception caught at file:…, line:N" before it exits (mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:
  // app/src/main/cpp/llama/ggml/src/ggml-sycl/ggml-sycl.cpp:3800-3802, vendored llama.cpp)
  rule('no-kernel-image', 'the SYCL runtime has no kernel image for this device', /\bNo kernel named \S+ was found/, true),
  rule('no-kernel-image', 'PyTorch holds no code for this GPU (its CUDA capability not among those it was built for)', /\bwith CUDA capability sm_\d+ is not compatible with the current PyTorch installation/i, true),
  // … and its newer check beside it (_check_capability: no compute capability the binary was built for runs on this GPU),
  // "Found GPU0 <name> which is of compute capability (CC) 12.0." then this line, then the CCs it was built for
  // (pytorch/pytorch v2.11.0 70d99e998b4955e0049d13a98d77ae1b14db1f45:torch/cuda/__init__.py:343-344, warned at :357)
  rule('no-kernel-image', 'PyTorch holds no code for this GPU (the compute capabilities it was built for do not run on it)', /\bThe following list shows the CCs this version of PyTorch was built for\b/, true),
  rule('no-kernel-image', 'code not built for this compute capability', /not compatible with the current PyTorch installation|(?:not|never) (?:been )?(?:compiled|built) for (?:this GPU|sm_\d+|compute capability|your GPU)/i),
  // … but a kernel that refuses a capability below or outside the ones it supports ("No compiled cutlass_scaled_mm for
  // a compute capability less than 75", "This kernel only supports sm100f", "… not implemented for this capability")
  // is a kernel refused for this GPU (the labelling guide's table: backend-unsupported)
  rule('backend-unsupported', 'a kernel refused for a compute capability below or outside the ones it supports', /\bNo compiled \w+ for (?:a |an )?(?:compute capability|SM\b|sm_?\d|arch)|\bnot implemented for (?:this |the )?(?:CUDA )?(?:device )?(?:compute )?capabilit|\b(?:kernels?|binar(?:y|ies)|code|library|extension|wheel)\b.{0,60}?\b(?:only (?:supports?|available for)|supports? only)\s+(?:sm_?\d|SM ?\d|compute_\d|compute capabilit)/i),
  // … and Python's NotImplementedError ("abstract methods, or while the class is being developed … the feature is not implemented",
  // docs.python.org/3.11/library/exceptions.html#NotImplementedError) whose message names a GPU architecture or compute capability:
  // what it says is not implemented is not implemented for that GPU ("GPUs on both sides of the sm_89 fp8 boundary in one process")
  rule('backend-unsupported', "a NotImplementedError that names a GPU architecture: not implemented for this GPU", /\bNotImplementedError: .{0,300}?(?:\bcompute capabilit|\bsm_?\d{2,3}[af]?\b|\b(?:Ampere|Hopper|Blackwell|Volta|Turing|Pascal)\b)/),
  // CUDA's stream-ordered allocator (memory pools: cudaMallocAsync, cudaDeviceGetDefaultMemPool, cudaMemPool…) refused
  // with cudaErrorNotSupported ("operation not supported", 801): this GPU, driver or configuration has no memory pools
  rule('backend-unsupported', 'CUDA memory pools not supported here (cudaErrorNotSupported from a memory-pool call)', /\b(?:cuda\w*MemPool\w*|cudaMallocAsync|cudaFreeAsync|cuMemPool\w*|cuMemAllocAsync)\b.{0,120}\boperation not supported\b/i, true),
  // SGLang's request slots (as many as --max-running-requests) all taken: a scheduler limit, not GPU memory
  // (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/mem_cache/common.py:420-424)
  rule('other', 'the request slots (--max-running-requests) ran out', /\b(?:alloc_req_slots|req(?:uest)?[_ ]slots?|req_to_token_pool)\b.{0,40}?\b(?:runs? out|out of|OOM|exhausted|full)\b|\bOut of request slots\b/i),
  // a request refused with a client error status (4xx: not found, unauthorized, forbidden), in its HTTP client's words (log-lines.ts,
  // httpStatusError; the guide's table: hub and network errors are `other`); a server error (5xx) is the server's failure, whose cause
  // is in its own log (a wrapper: log-lines.ts, WRAPPERS)
  rule('other', 'a request refused with a client error status (4xx)', httpStatusError('client')),
  // the rendezvous store of the process group (c10d TCPStore) cannot bind its port (vLLM retries on it:
  // 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/config/parallel.py:481-485,509-512): the collective setup failed
  rule('nccl', "the process group's rendezvous port is already in use", /server socket has failed to (?:listen on any local network address|bind to)|DistNetworkError\b.{0,300}(?:EADDRINUSE|address already in use)|\[c10d\].{0,200}(?:EADDRINUSE|address already in use)/i, true),
  // … any other bind to a port already taken is the server's own (asyncio's create_server: "[Errno 98] error while attempting to bind on
  // address (…): address already in use", CPython 3.11.7 Lib/asyncio/base_events.py:1525-1526, which uvicorn logs as an error and exits
  // on; 98 is Linux's EADDRINUSE): a failure of no category of its own, as the address-in-use signature names it
  rule('other', 'a port already taken (EADDRINUSE)', /\[Errno 98\]|\baddress already in use\b|\bEADDRINUSE\b/i, true),
  // a capture or a kernel that failed because memory ran out is an OOM
  // (also a program's own CUDA allocation reported with the runtime's words for cudaErrorMemoryAllocation, "out of memory":
  // "ds4: CUDA q8 fp16 cache alloc failed (64.00 MiB): out of memory")
  // (not Ray's memory monitor nor the JVM's heap: both host memory, signatures.yaml oom-cuda says where each is read)
  rule('oom', 'out of GPU memory (CUDA error 2)', withCodes(/(?<!ray\.exceptions\.)(?<!java\.lang\.)OutOfMemory(?:Error)?\b|CUDA out of memory|cudaErrorMemoryAllocation|CUDA_ERROR_OUT_OF_MEMORY|CUBLAS_STATUS_ALLOC_FAILED|CUDA (?:runtime |driver )?error\b.{0,120}\bout of memory\b|_STATUS_ALLOC_FAILED\b|CUFFT_ALLOC_FAILED|cudaMalloc\w*\(.{0,80}\bout of memory\b|\bCUDA\b[\w ]{0,60}\balloc(?:ation)? failed\b[^:]{0,80}: out of memory\b/i, 'oom', [2]), true),
  // PyTorch's out-of-memory report asking NVML for the GPU's processes, its assert failing in place of OutOfMemoryError (signatures.yaml,
  // oom-cuda; reproduced on the H200, scripts/device-corpus/nvml_oom.sh)
  rule('oom', "out of GPU memory (PyTorch's report of it failed)", /\bNVML_SUCCESS == [^"\n]{1,120} INTERNAL ASSERT FAILED at "[^"\n]{0,200}CUDACachingAllocator\.cpp"/, true),
  // XLA's TPU runtime and compiler out of HBM, the TPU's device memory, in the words of XLA's error catalogue: E0100, a buffer the runtime
  // could not place ("RESOURCE_EXHAUSTED: Error allocating device buffer: Attempting to allocate 8.00M. That was not possible. There are
  // 6.43M free.; (0x0x1_HBM0)"), E0101, a compiled program it could not load ("Error loading program '<name>': Attempting to reserve 29.49G
  // at the bottom of memory. That was not possible."), E1000, a program the compiler could not fit ("TPU TensorCore Hbm usage: 34.82G,
  // SparseCore Hbm usage 174.10G, exceeding available bytes: 95.74G"; its other form, "Ran out of memory in memory space hbm", is read
  // as out of memory already) (openxla/xla 87aa8d2e818a7633eac51a79f8bcfe9c913f81eb:docs/errors/error_0100.md;
  // 11903d433e7f9b8265c3c2ec0d29608b536d92d4:docs/errors/error_0101.md; 21ecdc4725b453858e08296eefbe485e4d7feeac:docs/errors/error_1000.md)
  rule('oom', "XLA's TPU runtime or compiler ran out of HBM (XLA errors E0100, E0101, E1000)", /\bRESOURCE_EXHAUSTED: (?:Error (?:allocating device buffer|loading program)\b|Attempting to (?:allocate|reserve) [\d.]+ ?[KMGT]?i?B?\b)|\bTensorCore Hbm usage: .{0,160}\bexceeding available bytes\b/, true),
  rule('graph-capture', 'CUDA error 900–908 (illegal during stream capture)', withCodes(/cudaErrorStreamCapture\w+|cudaErrorCapturedEvent|CUDA_ERROR_STREAM_CAPTURE_\w+|not permitted when stream is capturing|previous error during capture|last recorded in a capturing stream|depend on a capturing blocking stream|capture sequence contains a fork|uncaptured work in another stream|capturing stream has unjoined work|terminate a thread-local capture sequence/i, 'graph-capture', [900, 901, 902, 903, 904, 905, 906, 907, 908]), true),
  rule('graph-capture', 'CUDA graph capture failed', /(?:cuda ?graph|cudagraph|stream)s? captur\w*.{0,40}(?:fail|error|invalid|not (?:permitted|allowed|supported)|inappropriate|illegal)|\bcaptur\w*\b[\w -]{0,30}\b(?:cuda ?graphs?|cudagraphs?)\b.{0,10}\bfail|not (?:supported|compatible|allowed|permitted) (?:(?:when|while) using|under|with|in|during|inside) (?:the )?(?:cuda ?graphs?|cudagraphs?|(?:cuda ?graph )?captur\w*)\b|(?:during|while|in) (?:the )?(?:cuda ?graph|cudagraph|stream) captur|captur\w* (?:of )?(?:a |the )?(?:cuda ?graph|cudagraph)s?.{0,30}fail|(?:fail\w*|error|unable|cannot|could not)\b.{0,30}\bcaptur\w* (?:the |a )?(?:cuda ?graphs?|cudagraphs?)\b|cudaStreamBeginCapture|cudaGraph(?:Instantiate|Launch|Capture)\w*.{0,20}(?:fail|error)|\bCUDA\b.{0,60}\b(?:not )?in (?:stream |graph )?capture mode\b/i),
  // ggml_cuda_init found the devices (cudaGetDeviceCount) but the driver API's first call on one, cuDeviceGet, gave error 3: "initialization
  // error", CUDA_ERROR_NOT_INITIALIZED, "the CUDA driver has not been initialized with cuInit() or that initialization has failed"
  // (CUDA 13.0 include/cuda.h:2531-2535; the runtime's cudaErrorInitializationError, "the CUDA driver and runtime could not be initialized",
  // include/driver_types.h:213-217): the driver cannot be used. ggml_cuda_error reports it bare at a line's start, "CUDA error: <msg>" then the
  // call (ollama/ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-cuda/ggml-cuda.cu:282 CU_CHECK(cuDeviceGet(…)), :90-93); its form until 2024,
  // "CUDA error <n> at <file>:<line>: <msg>", as Ollama 0.1 carried it, whose <n> is the cudaError_t, 3 for this error whatever words follow
  // (ikawrakow/ik_llama.cpp, llama.cpp's history, 556d3ccdb7aaa2edf34eee54684c835c38a0709e^:ggml-cuda.cu:203-209, CUDA_CHECK). Not PyTorch's
  // "RuntimeError: CUDA error: initialization error" (a CUDA call in a forked child), which carries its exception's name before it
  // ggml's CUDA back-end (HIP and MUSA builds alike) unable to count the GPUs at all: cudaGetDeviceCount failed, whatever its error's words
  // ("ggml_cuda_init: failed to initialize CUDA: unknown error"; ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-cuda/ggml-cuda.cu:242-247),
  // and the server goes on without the GPU: the runtime cannot use the GPU through this driver
  rule('driver-mismatch', "ggml's CUDA/ROCm back-end could not count the GPUs (cudaGetDeviceCount failed at init)", /\bggml_cuda_init: failed to initialize (?:CUDA|ROCm|MUSA): \S/, true),
  rule('driver-mismatch', 'ggml-cuda: the CUDA driver could not be initialized (error 3, CUDA_ERROR_NOT_INITIALIZED / cudaErrorInitializationError)', /^\s*CUDA error(?: 3 at \S|: initialization error\b)/, true),
  rule('driver-mismatch', 'CUDA error 34–36/803/804 (driver too old or mismatched)', withCodes(/cudaErrorInsufficientDriver|cudaErrorSystemDriverMismatch|cudaErrorCompatNotSupportedOnDevice|CUDA_ERROR_SYSTEM_DRIVER_MISMATCH|driver version is insufficient|Driver\/library version mismatch|built for NVIDIA Driver Release|compatibility mode is UNAVAILABLE|undefined symbol: cu[A-Z]\w+|forward compatibility was attempted on non supported HW|unsupported display driver \/ cuda driver combination/i, 'driver-mismatch', [34, 35, 36, 803, 804]), true),
  // (PyTorch's "No CUDA GPUs are available" of c10/cuda/CUDAFunctions.cpp:130, torch 2.11.0, as a ROCm build of PyTorch writes it: hipify renders
  // c10/cuda as c10/hip with HIP for CUDA, raised by the same torch._C._cuda_init() of torch/cuda/__init__.py's _lazy_init, as a ROCm user's
  // traceback shows it: "RuntimeError: No HIP GPUs are available", ROCm/rocprofiler-sdk, migrated to ROCm/rocm-systems#143)
  // (NVIDIA's container entrypoint finding no driver in the container, no libcuda.so.1 or /dev/nvidiactl, a container started without the GPU:
  // "WARNING: The NVIDIA Driver was not detected.  GPU functionality will not be available.", then it execs the server all the same,
  // CPU-only: triton-inference-server/server b6d0fcd8229db23722fa0efb21e964bd4192cf4a:nvidia_entrypoint.sh:46-51, the check NGC's other images
  // share; a warning, it decides only when nothing after it does, the labelling guide's rule 6)
  // (ROCm SMI, the AMD GPUs' management library as NVML is NVIDIA's, failing to initialise: it finds the devices through the amdgpu
  // driver's sysfs and KFD nodes, so the GPUs are not visible through the driver, as NVML's failed init: "RSMI_STATUS_INIT_ERROR: An error
  // occurred during initialization, during monitor discovery or when when initializing internal data structures" (rsmi_status_string), as
  // MoRI's check prints it before exit(-1): "[<file>:<line>] rocm smi failed with RSMI_STATUS_INIT_ERROR: …" (ROCm/mori
  // 96a5617b76c2:include/mori/application/utils/check.hpp, ROCM_SMI_CHECK))
  rule('driver-mismatch', 'the GPU management library (ROCm SMI) could not initialise: the GPUs are not visible through the driver', /\bRSMI_STATUS_INIT_ERROR\b/, true),
  // (Ascend's runtime finding no NPU it may use, the CANN runtime's ACL_ERROR_RT_NO_DEVICE = 207004, "no device" (mindspore-ai/graphengine
  // 12cc072fdb0c4f0604da5ede7c5202ba6b06e259:inc/external/runtime/rt_error_codes.h:54), as torch_npu reports the failed call: "NPU function
  // error: aclrtGetDeviceCount(&device_count), error code is 207004", the runtime's own "[Error]: The device is unavailable." after it)
  rule('driver-mismatch', "Ascend's runtime found no NPU it may use (ACL_ERROR_RT_NO_DEVICE, 207004)", /\bACL_ERROR_RT_NO_DEVICE\b|\bNPU function error: \w+\([^()]{0,80}\), error code is 207004\b/, true),
  // (every GPU busy or unavailable to this process, cudaErrorDevicesUnavailable = 46: a compute mode that lets no other process on it
  // (Prohibited, Exclusive Process) or one held by another process — CUDA 13.0 include/driver_types.h:432-440; its words as the runtime
  // gives them, "CUDA-capable device(s) is/are busy or unavailable", in libcudart.so.13's strings on this machine): no GPU this start may use
  rule('driver-mismatch', 'no GPU this process may use: every one busy or unavailable (cudaErrorDevicesUnavailable, 46)', /\bcudaErrorDevicesUnavailable\b|CUDA-capable device\(s\) is\/are busy or unavailable/, true),
  // (the dynamic loader not finding the driver's libcuda.so.1 for a program linked against it, "<program>: error while loading shared
  // libraries: libcuda.so.1: cannot open shared object file: No such file or directory" (ld.so's "error while loading shared libraries"
  // and "cannot open shared object file", strings of glibc 2.36's ld-linux-x86-64.so.2 on this machine): read by the library's name, so
  // also where a paste cut the reason off; another library's is import-error below; and the loader refusing the driver's libcuda.so.1
  // as no library at all, an empty or foreign file in its place ("file too short", "invalid ELF header", "wrong ELF class": bminor/glibc
  // 04e750e75b73957cf1c791535a3f4319534a52fc:elf/dl-load.c:1594,1628,2179-2180), as vLLM's import of vllm._C reports it: the driver is unusable)
  // (Docker's daemon with no device driver registered for a GPU request, the NVIDIA container toolkit missing or not configured:
  // "could not select device driver \"<driver>\" with capabilities: [[gpu]]" (docker v23, harness-community/docker-v23
  // c32dea6dfc33d10252c5af409e4d24a42187ea93:daemon/errors.go:83-89, incompatibleDeviceRequest); Debian's Docker 20.10.24 on this
  // machine answers `docker run --gpus all` with it): the container never starts with the GPU
  // (NGC images' entrypoint check of the GPUs' compute capability, NGC_SM_CHECK below: it goes on to exec the server, so it decides only
  // when nothing after it does, as part of DRIVER_CHECK)
  rule('backend-unsupported', "the image's CUDA build does not support this GPU's compute capability (NGC entrypoint's SM check)", NGC_SM_CHECK),
  // (llamafile's GPU module found no GPU it can use, with layers asked for it: "fatal error: --n-gpu-layers 35 was passed but no gpus were
  // found", then exit(1) (Mozilla-Ocho/llamafile 0.6:llamafile/gpu.c:66); its later builds warn and fall back to the CPU instead)
  rule('driver-mismatch', "llamafile found no GPU it can use though layers were asked for it", /\bfatal error: --n-gpu-layers \d+ was passed but no gpus were found\b/, true),
  // (rocBLAS has no Tensile kernel library for this GPU's architecture: "rocBLAS error: Cannot read <dir>/TensileLibrary.dat: No such file or
  // directory for GPU arch : gfx1036", then the list of the architectures it has, and abort: ROCm/rocBLAS
  // b520bc83fa67045bed4544f33ba83ce3a7c39c44:library/src/tensile_host.cpp:822-823): the library was not built for this GPU
  rule('no-kernel-image', "rocBLAS has no kernel library for this GPU's architecture (Tensile)", /\bCannot read \S+TensileLibrary\w*\.(?:dat|yaml): .{1,80} for GPU arch : gfx\w+/, true),
  rule('driver-mismatch', 'Docker has no device driver for the GPU request (the NVIDIA container toolkit missing)', /\bcould not select device driver "[^"]*" with capabilities: \[\[gpu\]\]/, true),
  rule('driver-mismatch', 'no usable GPU or driver', withCodes(/cudaErrorNoDevice|NVIDIA Driver was not detected|no CUDA-capable device is detected|No (?:CUDA|HIP) GPUs are available|Found no NVIDIA driver|Torch not compiled with CUDA enabled|CUDA unknown error - this may be due to an incorrectly set up environment|NVIDIA driver on your system is too old|Unexpected error from cudaGetDeviceCount|nvidia-container-cli: (?:requirement|initialization) error|\bnvml error\b|NVML Shared Library Not Found|\bdriver not loaded\b|cannot find -lcuda\b|unsatisfied condition: cuda|please update your driver to a newer version|NVML_ERROR|Failed to initialize NVML|\blibcuda\.so(?:\.\d+)*: (?:cannot open shared object file|file too short|invalid ELF header|wrong ELF class)|\berror while loading shared libraries: libcuda\.so(?:\.\d+)*:|CUDA driver initialization failed|system not yet initialized|cudaErrorSystemNotReady/i, 'driver-mismatch', [46, 100, 802]), true),
  rule('driver-mismatch', 'the driver is older than what the CUDA build needs', /\bdriver\b.{0,60}(?:too old|older than|outdated|insufficient|(?:is )?not (?:compatible|recent enough|new enough))|(?:newer|more recent|update[ds]?|upgrade[ds]?) (?:your |the )?(?:NVIDIA |CUDA |GPU |display )?driver\b/i),
  // SGLang's KV-cache capacity profiled below zero: the memory left after the weights is less than the part kept back for the rest,
  // and it raises "Not enough memory" on it next (BBuf/sglang f18a8fddd4182c9802f62f406d50978cf4b11b96:python/sglang/srt/model_executor/
  // model_runner.py:914-917, profile_max_num_token; :1017-1038); logged as a warning, it decides when nothing after it does (rule 6)
  rule('oom', 'a KV-cache capacity profiled below zero (too little GPU memory left after the weights)', /\bis larger than the profiled value -\d+\b/),
  // … and the free GPU memory (HBM on a GH200) measured below what a reserve needs ("observed free HBM is below the runtime reserve: N bytes
  // available, M required", a patched vLLM's tiered MoE): too little GPU memory, in its own words
  rule('oom', 'not enough GPU memory (an allocation failed, or too little is left for the KV cache)', /\b(?:free|available) (?:HBM|GPU memory|device memory|VRAM)\b.{0,80}\b(?:is |was )?(?:below|less than|lower than)\b|(?:(?:not|no) enough|No) (?:available |free )?(?:GPU |device )?memory\b|insufficient (?:available |free )?(?:GPU |device )?memory\b|(?:failed|unable) to allocate .{0,60}(?:memory|bytes|[KMG]i?B\b)|GPU memory .{0,40}could not be allocated|(?:KV[ -]?cache|cache blocks?).{0,80}(?:not enough|insufficient|larger than|exceeds?|negative|no available|too small|could not be allocated|cannot be allocated|(?:does|do|would|will) not fit|memory (?:is )?exhausted|only [\d.]+ ?[KMGT]i?B (?:is |are )?(?:available|free|left))|(?:not enough|insufficient|no available|no room|too small to (?:fit|hold)|cannot fit).{0,40}KV[ -]?cache|less than desired GPU memory utilization|\bmemory capacity is unbalanced\b|\bGPUs? (?:may be|are|is) occupied by other processes\b|(?:larger|more) than .{0,60}(?:stored|fit) in(?:to)? (?:the )?KV[ -]?cache|\bout of (?:GPU |device |CUDA |HIP )?memory\b|\bOOM (?:when|while|during|in)\b|\b(?:CUDA|GPU|device|runs?|ran|went|got) OOM\b|(?:cache|memory|pool)\b.{0,40}too small to (?:serve|hold|fit)|Available KV cache memory: -|(?:num_gpu_blocks|number of (?:GPU |KV[ -]?cache |cache )?blocks).{0,20}(?:<=? ?0\b|\bis 0\b|negative)/i),
  // HCCL, the collective library of Ascend NPUs in NCCL's place: torch_npu's check of an HCCL call, "HCCL function error: <call>, error code
  // is N" (Ascend/pytorch 9e73e708ab9350d203475609f36f8a43f6a0c2ab:torch_npu/csrc/distributed/HCCLUtils.hpp:17-40, HCCL_CHECK_ERROR), and the
  // library's own record of a communicator that could not be made ("HcclCommInitRootInfo failed", the call torch_npu loads at
  // torch_npu/csrc/distributed/HcclCompile.h:40, NCCL's ncclCommInitRank), and CANN's error records of HCCL, whose codes begin EI ("EI0002: [PID:
  // 7277] … The wait execution of the Notify register times out", which torch_npu's troubleshooting guide sends to the HCCL user guide's
  // error codes: Ascend/pytorch 9e73e708ab9350d203475609f36f8a43f6a0c2ab:docs/zh/user_guide/troubleshooting/troubleshooting_cases/HCCL_timeout.md:5-24),
  // and HCCL's own error records as CANN's log writes them, "[ERROR] HCCL(<pid>,<process>):<time> [<file>:<line>] …" (HCCL_ERROR, a DlogRecord of
  // the HCCL module at DLOG_ERROR: hicann/hccl 09300b70df9a031339f08e5f2ca06d7bf294d009:src/common/log.h:45-59,113-116; the records its fault
  // guide reads, "Transport init error! createLink para:…": docs/zh/user_guide/fault_diagnosis/param_link_stage.md:137-165); the level is read off before the rule
  // PyTorch's gloo process group that could not connect its ranks: its constructor catches the rendezvous's connectFullMesh error and logs
  // and throws it as "Gloo connectFullMesh failed with <gloo's error>" (pytorch/pytorch c194358a8ee425df52e5d940e34ba878d82d433c:
  // torch/csrc/distributed/c10d/ProcessGroupGloo.cpp, ProcessGroupGloo::ProcessGroupGloo, logAndThrow; read in the code index's copy), even
  // when gloo's own words are "no error" (a peer that was not reachable on the interface it picked)
  rule('nccl', "PyTorch's gloo process group could not connect its ranks (connectFullMesh)", /\bGloo connectFullMesh failed with\b/, true),
  rule('nccl', 'HCCL error (the collective library of Ascend NPUs)', /\bHCCL function error: \S|\bHcclComm\w+ fail(?:ed|s)?\b|^\s*EI\d{4}: \[PID: \d+\]|^\s*HCCL\(\d+,[^)]*\):\d{4}-\d\d-\d\d[- ]\d\d:\d\d/, true),
  // (a collective call's own failure, reported with NCCL's status before the abort: ik_llama.cpp's "ggml_cuda_op_reduce: ncclAllReduce failed
  // with status 1", then GGML_ABORT("Fatal error"): ikawrakow/ik_llama.cpp f7923739cc88446ecc2c77fb74214ec38ec2a8d3:ggml/src/ggml-cuda/reduce.cu:96-97,
  // ggml_cuda_op_reduce; 1 is ncclUnhandledCudaError)
  rule('nccl', 'an NCCL call failed, with the status NCCL returned', /\bnccl(?:AllReduce|AllGather|ReduceScatter|Reduce|Broadcast|Send|Recv|GroupEnd|CommInit\w*) failed with status \d+/, true),
  rule('nccl', 'NCCL error', /\bnccl(?:UnhandledCuda|System|Internal|InvalidArgument|InvalidUsage|Remote)Error\b|NCCL error|ncclCommInit\w* failed|Watchdog caught collective operation timeout|\bWorkNCCL\(|Duplicate GPU detected\s*:|Attempt to use communicator before the previous operation returned ncclSuccess/i, true),
  rule('nccl', 'NCCL warned of a fatal condition', /NCCL WARN .{0,160}(?:Duplicate GPU detected|Cuda failure|unhandled (?:cuda|system) error|Call to \w+ failed|Connect to .{0,80} failed|Timeout|timed out|\babort)|NCCL WARN Error\b/i, true),
  // PyTorch's ProcessGroupNCCL watchdog reporting a work of its process group that ended in an exception, an NCCL error or a timeout
  // ("If work hits an exception (either an error or timeout)": LOG(ERROR) "<pg prefix> failure detected by watchdog at work sequence
  // id: …" in its watchdog loop, torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp as the code index holds it; real H200 output:
  // test/fixtures/logs/nccl/h200-watchdog-allreduce-timeout.log:7, ProcessGroupNCCL.cpp:2303 of torch 2.11): the collective failed,
  // also when the line that said how is not in the log
  rule('nccl', "the NCCL process group's watchdog found a collective failed (an NCCL error or a timeout)", /\bfailure detected by watchdog at work sequence id: \d+/, true),
  // NCCLCHECK traces a failed call up the stack: INFO(NCCL_ALL, "%s:%d -> %d", __FILE__, __LINE__, res), res an
  // ncclResult_t other than ncclSuccess (NVIDIA/nccl src/include/checks.h; tag not checked)
  rule('nccl', 'NCCL returned an error up its call stack (ncclResult_t 1–7)', /NCCL INFO [\w/.-]+\.(?:cc|cu|h):\d+ -> [1-7]\b/, true),
  rule('nccl', 'GPUs cannot reach each other (peer access for custom all-reduce)', withCodes(/peer access is not supported|cudaErrorPeerAccess\w+|custom_all_reduce\.cuh/i, 'nccl', [217]), true),
  // LLVM's fatal error (report_fatal_error prints "LLVM ERROR: " and aborts) when the code generator of a kernel
  // compiler (Triton's) has no instruction for an operation on this target: the GPU lacks it
  rule('backend-unsupported', "the kernel compiler cannot generate this operation for this GPU (LLVM ERROR: Unsupported …)", /LLVM ERROR: (?:Unsupported\b|Cannot select\b|.{0,80}\bnot supported\b)/, true),
  // … and any other fatal error of the kernel compiler's code generator ("LLVM ERROR: Failed to compute parent layout for slice layout",
  // Triton's lowering on a V100): it could not generate the kernel for this GPU; not fatal, so an error that names its category wins.
  // Also right after another writer's words that ended without a newline ("Translate to LLVM IR failedLLVM ERROR: Failed to translate
  // TritonGPU to LLVM IR.", Triton's ROCm lowering), not after a space (a sentence about one)
  rule('backend-unsupported', "the kernel compiler could not generate a kernel for this GPU (LLVM's fatal error)", /(?:^\s*|(?<=[a-z]))LLVM ERROR: \S/),
  // … or a kernel library's template that refuses this configuration when a JIT build instantiates it: a static assertion in the
  // library's own headers (CUTLASS/CuTe's "MajorB must be GMMA::Major::K for this config.", include/cute/arch/mma_sm90.hpp, under
  // FlashInfer's JIT for an FP8 KV cache on Hopper), as nvcc writes it, `<file>(<line>): error: static assertion failed with "<msg>"`,
  // or gcc/clang, `<file>:<line>:<col>: error: static assertion failed: <msg>`: the toolchain works, this kernel is not built for
  // these types or this GPU, another backend or data type is the fix (settled blind in the thirty-first session)
  rule('backend-unsupported', "a kernel library's template refused this configuration when it was compiled (a static assertion in its headers)", /\/(?:cutlass|cute|flashinfer|flash_attn|flash-attention|deep_gemm|tensorrt_llm|marlin|cub)\/[^\s"]*\.(?:cuh|hpp|h|cu|inl)(?:\(\d+\)|:\d+:\d+): error: static assert(?:ion)? failed\b/),
  // Triton's front end refusing an operand's data type for tl.dot on this target: `assert lhs.dtype in (tl.int8, …,
  // tl.float32), f"Unsupported lhs dtype {lhs.dtype}"` (triton-lang/triton f22c4a285ae0:python/triton/language/semantic.py,
  // dot(); "line 1488, in dot" in the release vLLM 0.22 ships), and before it `f"Unsupported dtype {lhs_dtype}"`
  // (openai/triton a7e3476e8675:python/triton/language/semantic.py:1352): a data type the kernel compiler refuses
  // (the guide: "a data type a kernel library refuses … is backend-unsupported"). Only Triton's own type names
  // (fp8e4nv, fp8e5, bf16, …), so that another library's "Unsupported dtype torch.float32" is not read so
  rule('backend-unsupported', "Triton's kernel compiler refused an operand's data type (tl.dot)", /\bUnsupported (?:lhs |rhs )?dtype (?:fp8e4nv|fp8e4b15|fp8e4b8|fp8e5b16|fp8e5|fp16|bf16|fp32|fp64|int1|u?int(?:8|16|32|64))\b/),
  // … but a DeepGEMM assertion whose words name the CUDA compiler its JIT runs (NVCC, NVRTC) says the toolkit is too old or
  // missing, or could not compile: `DG_HOST_ASSERT(cond)` throws "Assertion error (<file>:<line>): <cond>"
  // (deepseek-ai/DeepGEMM 54e22612:csrc/utils/exception.hpp:17,30-35), and its JIT asserts
  // `std::filesystem::exists(nvcc_path)` (csrc/jit/compiler.hpp:175), `… and "NVCC version should be >= 12.3"` (:187),
  // `false and "NVCC compilation failed"` (:228; "NVCC PTX compilation failed" :240), `… and "NVRTC version should be >= 12.3"`
  // (:261). The fix is a newer or installed CUDA toolkit: ptx-toolchain (the labelling guide's last paragraph)
  rule('ptx-toolchain', "DeepGEMM's JIT asserted on the CUDA compiler (NVCC/NVRTC too old, missing, or its compilation failed)", /Assertion error \([^)]*deep_?gemm[^)]*\):.{0,200}?\b(?:nvcc|nvrtc)\w*\b/i, true),
  // DeepGEMM's kernels exist for sm90/sm100 only: its own assertions on another GPU (deepseek-ai/DeepGEMM csrc/), and its JIT's include
  // parser failing to open the kernel source it named for this GPU's architecture, which the library does not ship ("Failed to open:
  // …/deep_gemm/include/deep_gemm/impls/sm121_fp8_mqa_logits.cuh": 54e22612:csrc/jit/include_parser.hpp:69; deep_gemm/include/deep_gemm/
  // impls/ holds sm90_*, sm100_* and smxx_* only)
  rule('backend-unsupported', 'a DeepGEMM kernel asserted (built for Hopper/Blackwell datacenter GPUs only)', /Assertion error \([^)]*deep_?gemm|\bFailed to open: \S*\/deep_gemm\/impls\/sm\d+[a-z]?_\w+\.cuh\b/i, true),
  // an ImportError raised to refuse this GPU, device or platform (its words say what is not supported), not a module or
  // library that failed to load: TGI raises its refusals of a GPU for its attention kernels as ImportError —
  // "FlashAttention only supports Ampere GPUs or newer." (huggingface/text-generation-inference
  // v3.3.7:server/text_generation_server/layers/attention/cuda.py:192), "GPU with CUDA capability {major} {minor} is not
  // supported" (cuda.py:217-218), "AMD GPU {name} does not support flash-attention" and "AMD GPU with ROCm capability
  // {major} {minor} is not supported" (layers/attention/rocm.py:262-263, :265-266), "System {SYSTEM} doesn't support
  // flash/paged attention" (layers/attention/__init__.py:28). By what its message says (the guide's rule 3; its table: a
  // backend refused for this GPU) it is backend-unsupported. Fatal, an error name (the exception's class is part of it),
  // so that it overrules the signature that reads the class alone (python-import-failed). An import that failed stays
  // import-error: a module or name missing, a symbol undefined, a library not loaded, a package or version to install.
  rule('backend-unsupported', 'an ImportError raised to refuse this GPU, device or platform (not a module that failed to load)', IMPORT_REFUSES_HARDWARE, true),
  // Ray's memory monitor kills a worker when the host's RAM passes its threshold (not GPU memory)
  // (its message and its summaries, as Ray documents them: ray-project/ray 014b81869de39cca16acefe392a488357bded856:
  // doc/source/ray-core/scheduling/ray-oom-prevention.rst, "Task was killed due to the node running low on memory. …", the raylet's
  // "N Workers (tasks / actors) killed due to memory pressure (OOM)" and "Refer to the documentation on how to address the out of
  // memory issue: https://docs.ray.io/…/ray-oom-prevention.html")
  rule('other', "host memory: Ray's memory monitor killed a worker", /exceeds the memory usage threshold|Ray killed this worker|\bTask was killed due to the node running low on memory\b|\b[1-9]\d* Workers \(tasks \/ actors\) killed due to memory pressure \(OOM\)|\bhow to address the out of memory issue: https:\/\/docs\.ray\.io\//i, true),
  // … or a package to install or update ("DeepGEMM backend is not available or outdated. Please install or update the
  // `deep_gemm`": 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/utils/deep_gemm.py:125; the guide: installing a package → import-error),
  // also a library said not available or installed, then to be installed: FlashInfer's "cuDNN is not available. Please install cuDNN to
  // use FP8 GEMM functions." is raised when `import cudnn` failed (flashinfer-ai/flashinfer v0.6.9:flashinfer/gemm/gemm_base.py:68-72, :1660-1666)
  // … or the dynamic loader refusing a library that lacks a symbol version the program needs (a runner built against
  // libcublas.so.11, GLIBCXX_3.4.30): "version `%s' not found (required by %s)", glibc-2.39:elf/dl-version.c:144 (same
  // at glibc-2.42); its "weak version … not found" (line 135) is printed only by `ldd -v` and is not fatal
  // a GPU driver said missing (the guide: "driver or device missing or not visible")
  // … or the GPU itself said not found: MLC-LLM's build raises "Cannot detect local CUDA GPU target!" when TVM sees no CUDA device
  // (`tvm.cuda().exist` false: mlc-ai/mlc-llm 5efaa5366040c3b633339ef60434ce1bd9e705ee:mlc_llm/utils.py:521 in parse_target,
  // _detect_local_cuda returning None at :435-438)
  rule('driver-mismatch', 'no CUDA GPU could be detected (the device not visible)', /\b(?:cannot|can't|could not|couldn't|unable to|failed to) (?:detect|find) (?:a |any |the )?(?:local )?(?:CUDA|NVIDIA) GPU\b/i),
  rule('driver-mismatch', 'the GPU driver is not installed or not loaded', /\b(?:NVIDIA|GPU|CUDA|display) (?:kernel )?driver (?:is |was )?not (?:installed|found|loaded|present)\b|\breinstall (?:the |your )?(?:NVIDIA |GPU |CUDA )?driver\b/i),
  // … what a package or a compiled module says at import when it cannot load or was built against another version (the guide: "a
  // package version pairing refused at import"; "installing a package → import-error"): "Triton is not installed", "vllm._C is not
  // available. Please reinstall vLLM."; PyTorch on Windows, a DLL the loader could not map ("[WinError 126] The specified module could
  // not be found. Error loading "…\c10.dll" or one of its dependencies.", torch/__init__.py _load_dll_libraries), and ctypes loading a
  // DLL on Windows: "Could not find module '<path>' (or one of its dependencies). …" for ERROR_MOD_NOT_FOUND, else the system's error,
  // "[WinError <code>] <its message>" (python/cpython v3.11.2:Modules/_ctypes/callproc.c:1376-1385, load_library, read in Debian's 3.11.2 source),
  // the loader's codes for a DLL it could not map (mingw-w64 v10.0.0:mingw-w64-headers/include/winerror.h:139,140,191,342: ERROR_MOD_NOT_FOUND 126 "The specified module could not be found",
  // ERROR_PROC_NOT_FOUND 127 "The specified procedure could not be found", ERROR_BAD_EXE_FORMAT 193 "… is not a valid Win32 application",
  // ERROR_DLL_INIT_FAILED 1114 "A dynamic link library (DLL) initialization routine failed"; the texts are Windows' own system messages, in
  // the system's language, from no source file);
  // cuDNN 9 finding one of the sub-libraries it loads by name missing or of another version ("cuDNN error:
  // CUDNN_STATUS_SUBLIBRARY_VERSION_MISMATCH", a mixed or incomplete install: reproduced on the H100 with cuDNN 9.19.0 as torch 2.11's
  // wheel ships it, libcudnn_ops left out of a copy of its lib/, scripts/device-corpus/cudnn_sublib.sh no-ops; its loading failure's
  // status, CUDNN_STATUS_SUBLIBRARY_LOADING_FAILED, is cuDNN 9's cudnnStatus_t too, as ROCm/HIPIFY's map of cuDNN's API lists both, cuDNN 9.0.0 and
  // 9.2.0: ROCm/HIPIFY 014177bc2e434ce3e834aa4f3d0e2abb1efa9796:src/CUDA2HIP_DNN_API_types.cpp:58,60,1743,1782); NumPy's C API
  // refusing a module built against another ("module compiled against ABI version 0x%x but this version of numpy is 0x%x", numpy
  // v2.5.2:numpy/_core/include/numpy/__multiarray_api.h:1621-1622, _import_array, read in the numpy the H200 has; NumPy 1.x's header
  // says "API version" in the same words) and Cython's "numpy.dtype size changed, may indicate binary incompatibility" (no source at
  // hand); torchvision built for another CUDA than PyTorch ("Detected that PyTorch and torchvision were compiled with different CUDA
  // major versions", pytorch/vision v0.26.0:torchvision/extension.py:68, _check_cuda_version, read on the H200); CPython's import of a
  // module half initialized ("partially initialized module 'x' has no attribute 'y' (most likely due to a circular import)", Python/import.c,
  // no line at hand)
  rule('import-error', 'a package not installed, or a compiled module built against another version', /\b(?<!driver |CUDA |toolkit |nvcc )(?:is|are) not installed\b|\bnot available\. Please reinstall\b|\[WinError (?:126|127|193|1114)\]|\bCould not find module '[^']{1,300}' \(or one of its dependencies\)|\bThe specified (?:module|procedure) could not be found\b|\bis not a valid Win32 application\b|\bA dynamic link library \(DLL\) initialization routine failed\b|\bCUDNN_STATUS_SUBLIBRARY_(?:VERSION_MISMATCH|LOADING_FAILED)\b|\bError loading "[^"]+\.dll" or one of its dependencies|\bmodule compiled against (?:API|ABI) version \w+ but this version of numpy is\b|\bsize changed, may indicate binary incompatibility\b|\bwere compiled with different CUDA (?:major )?versions\b|\(most likely due to a circular import\)/i),
  // … and the linker not finding a library a JIT-built kernel links against, "/usr/bin/ld: cannot find -lcudart" (GNU ld 2.40 as
  // Debian ships it renders "cannot find -l<name>: No such file or directory"; gold: bminor/binutils-gdb
  // f13a99db51c0ca487f4a0a41b14dc255d386c4ff:gold/fileread.cc, gold_error("cannot find -l%s")); libcuda, the driver's, is driver-mismatch above
  // cuDNN 9 unable to open one of its sub-libraries (log-lines.ts, CUDNN_LOAD_FAILED: its own words, read in its binaries); fatal: cuDNN
  // writes them only as the call that needed the sub-library fails (its status 3009 or 1002), which the program then raises or aborts on
  rule('import-error', 'cuDNN cannot load one of its sub-libraries (libcudnn_ops, libcudnn_cnn, …)', CUDNN_LOAD_FAILED, true),
  // mlx-lm imports one module per model type and says "Model type X not supported." from that ImportError (ml-explore/mlx-lm
  // v0.31.3:mlx_lm/utils.py:188-191, _get_classes): the module of a model type missing is the model type unknown (signatures.yaml,
  // unsupported-architecture), before the import-error rule
  rule('unsupported-model', "mlx-lm has no module for the model's type", /\bNo module named '?mlx_lm\.models\.\w+/),
  // (… and macOS's dynamic loader that cannot find or load a library a program links, "Library not loaded: <path>" then "Referenced
  // from:" and "Reason:", as glibc's "cannot open shared object file": apple-oss-distributions/dyld dyld-1378:dyld/JustInTimeLoader.cpp:525)
  rule('import-error', 'a module or library cannot be imported', /\b(?:ModuleNotFoundError|ImportError)\b|\bLibrary not loaded: \S|\bcannot find -l(?!cuda\b)[\w.+-]+|\bnot (?:available|found|installed) or (?:outdated|too old)\b|\bPlease (?:pip )?install or (?:update|upgrade)\b|\b(?:is|are) not (?:available|installed)[.,;:]?\s+(?:Please |You (?:can|need to|must|should) )?(?:pip )?install\b|No module named|cannot import name|undefined symbol:|cannot open shared object file|error while loading shared libraries|Failed to import \S+ because of the following error|(?<!weak )\bversion [`'‘][\w.+-]{1,80}['’] not found \(required by |'?_OpNamespace'? '[\w.]+' object has no attribute/i),
  // the build tool a JIT build needs is not installed: PyTorch's "Ninja is required to load C++ extensions (pip install ninja to get
  // it)" (torch 2.11.0 as installed on the H200: torch/utils/cpp_extension.py:2445-2448), a wrapper's "ninja (build tool) not found",
  // or the program not on PATH ("No such file or directory: 'ninja'"): a package to install (the guide: installing a package → import-error)
  rule('import-error', 'the ninja build tool a JIT build needs is not installed', /\bNinja is required to load C\+\+ extensions\b|\bninja\b[^.\n]{0,40}\bnot found\b|\bNo such file or directory: '(?:[\w./-]*\/)?ninja'/i),
  // … or a header the JIT build includes: the C compiler cannot open it, "<file>:<line>:<col>: fatal error: Python.h: No such file or
  // directory" (GCC's preprocessor, gcc-mirror/gcc 134dc932e1ceb13519846795c895319f77df3235:libcpp/files.cc, open_file_failed: the header's
  // name and strerror's words, CPP_DL_FATAL), as Triton's launcher stub or a kernel's JIT build writes it: the development package that
  // holds it (python3-dev, the CUDA toolkit's headers) is to install. A header by its bare name only (Python.h, cuda.h, nccl.h): one under
  // a library's own directory (FlashInfer's "flashinfer/attention/mask.cuh" in its JIT cache) is that library's build gone wrong
  rule('import-error', 'a header the JIT build includes is not installed (a development package)', /\.(?:c|cc|cpp|cxx|cu|h|hpp|cuh)(?::\d+){1,2}: fatal error: [\w.+-]{1,80}\.(?:h|hpp|hxx|cuh): No such file or directory\b/),
  // (a kernel's illegal instruction is CUDA error 715, "an illegal instruction was encountered" (cudaGetErrorString; "the
  // device encountered an illegal instruction", cuda-13.0 include/driver_types.h:873 of leomaxwell972/CU13ToolKit_Includes
  // aa0473e4f747); not the shell's report of a process the CPU stopped, SIGILL's "Illegal instruction (core dumped)", a crash
  // that names no cause)
  // errors of a known kind that no category above owns; not PyTorch's hint under every CUDA error it raises, "Compile with
  // `TORCH_USE_CUDA_DSA` to enable device-side assertions." (c10/cuda/CUDAException.cpp), which names no failure
  // (ROCm's form of an illegal address: the HSA runtime's VM fault handler, "Memory access fault by GPU node-6 (Agent handle: 0x…) on address
  // 0x…. Reason: Unknown.", then the process aborts: ROCm/ROCR-Runtime c7785a6da1c10c25bc8d527c00b1fe79bfbd84c9:runtime/hsa-runtime/core/runtime/runtime.cpp:1838-1868; and a GPU reset the kernel driver reported, "HW Exception by GPU
  // node-1 (Agent handle: 0x…) reason :GPU Hang" (or ECC), then abort(): the same runtime.cpp:1759-1767)
  // ggml-cuda's NO_DEVICE_CODE: a kernel reached on a GPU it has no code for prints this and traps (__trap), so its launch fails — the
  // "CUDA error: unspecified launch failure" after it is its consequence, not its cause (mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:
  // app/src/main/cpp/llama/ggml/src/ggml-cuda/common.cuh:273-294, a vendored llama.cpp; Ollama v0.17.6's at ml/backend/ggml/ggml/src/ggml-cuda/common.cuh:385).
  // The architecture it names is that of the code that ran: one the build was compiled for means the kernel itself has no code for it
  // (flash_attn_ext_f16 on Pascal, sm_61: another kernel is the fix, flash attention off: backend-unsupported); one the build's list
  // lacks (code JIT-compiled from an older architecture's PTX) means a build without it: no-kernel-image. So does mul_mat_q's code
  // for an architecture below 6.1 even where the list holds it: ggml ran mul_mat_q only on a GPU of compute capability 6.1 (DP4A) or
  // more (ggml_cuda_should_use_mmq, `cc < GGML_CUDA_CC_DP4A` → false: ollama v0.5.7:llama/ggml-cuda/mmq.cu:124,165-167, DP4A = 610 at
  // common.cuh:71; since then it weighs the highest architecture compiled instead, v0.17.6:ml/backend/ggml/ggml/src/ggml-cuda/
  // mmq.cu:277-283), so code of a lower one ran on a newer GPU the build has no code for ("compiled for: 520" alone)
  rule('backend-unsupported', "a ggml CUDA kernel has no code for this GPU's architecture, one the build was compiled for (the kernel does not run on it)", /\bCUDA kernel (?!mul_mat_q has no device code compatible with CUDA arch (?:[1-5]\d\d|60\d)\.)[\w:<>]{1,120} has no device code compatible with CUDA arch (\d+)\. ggml-cuda\.cu was compiled for: (?:[\d,]*,)?\1(?!\d)/, true),
  rule('no-kernel-image', "a ggml CUDA kernel has no code for this GPU's architecture (the build's CUDA arch list lacks it)", /\bCUDA kernel [\w:<>]{1,120} has no device code compatible with CUDA arch \d+/, true),
  rule('other', 'a kernel crashed: illegal memory access, device-side assert, launch failure (CUDA error 700/710/719)', /cudaErrorIllegalAddress|illegal memory access|\bMemory access fault by GPU node-\d+|\bHW Exception by GPU node-\d+ \(Agent handle: [^)]{1,40}\) reason :(?:GPU Hang|ECC)\b|(?<!enable )device-side assert(?!ions\.)|cudaErrorAssert|CUDA_ERROR_(?:ILLEGAL_ADDRESS|ASSERT|LAUNCH_FAILED|ILLEGAL_INSTRUCTION|MISALIGNED_ADDRESS)|\ban illegal instruction\b|misaligned address|unspecified launch failure|block: \[\d+,\d+,\d+\], thread: \[\d+,\d+,\d+\] Assertion|cudaErrorLaunch(?:Failure|Timeout)/i, true),
  loose(rule('nccl', 'a collective of torch.distributed failed', /ProcessGroupNCCL|DistBackendError|DistStoreError|DistNetworkError|NCCL (?:communicator|watchdog)|\bnccl\b/i)),
  // a dynamo/inductor error named as the exception; one that only wraps another exception
  // (`InternalTorchDynamoError: RuntimeError: …`) is that exception's, and a TypeError about the class is not one.
  // Outside graph capture it is `other` (the labelling guide's table); raised in the capture, graph-capture (root-cause.ts)
  TORCH_COMPILE,
  // a CUDA library that has no kernel for this operation, data type or layout on this GPU (cuBLAS/cuBLASLt, cuDNN)
  // … or whose function needs a feature this GPU's architecture lacks (CUBLAS/CUDNN_STATUS_ARCH_MISMATCH)
  // a kernel asking for more dynamic shared memory than this GPU lets a block opt in to: cudaFuncSetAttribute(…,
  // cudaFuncAttributeMaxDynamicSharedMemorySize, n) fails with cudaErrorInvalidValue, "invalid argument" (rendered on an H200, CUDA 13.0,
  // driver 580.159.04: opt-in maximum 232448 bytes; 233472 → cudaErrorInvalidValue (invalid argument), 232448 → cudaSuccess). A kernel
  // built for a larger GPU's shared memory refused here, as Triton's "out of resource: shared memory" (the guide's table: backend-unsupported)
  rule('backend-unsupported', "a kernel's shared memory request is more than this GPU allows (cudaFuncSetAttribute MaxDynamicSharedMemorySize refused)", /\b(?:invalid argument|cudaErrorInvalidValue)\b.{0,400}\bcudaFuncSetAttribute\b.{0,120}MaxDynamicSharedMemorySize\b|\bcudaFuncSetAttribute\b.{0,120}MaxDynamicSharedMemorySize\b.{0,200}\b(?:invalid argument|cudaErrorInvalidValue)\b/, true),
  rule('backend-unsupported', 'a CUDA library does not support this operation here (CUBLAS/CUDNN_STATUS_NOT_SUPPORTED, _ARCH_MISMATCH)', /\bCU(?:BLAS|DNN)_STATUS_(?:NOT_SUPPORTED|ARCH_MISMATCH)\b/),
  // PyTorch's kernels dispatch by data type and refuse one they were not built for: `"addmm_impl_cpu_" not implemented for 'Half'`
  // (AT_DISPATCH_SWITCH's default case, pytorch/pytorch 011f686af0fb770d5ebe655714e27f142d05033d:aten/src/ATen/Dispatch.h; the guide:
  // a data type a kernel refuses here is backend-unsupported)
  rule('backend-unsupported', "a PyTorch kernel has no instance for this data type (its dispatch's default case)", /"[\w.:]{1,80}" not implemented for '(?:Half|BFloat16|Float8_\w{1,12}|Float|Double|ComplexHalf|ComplexFloat|ComplexDouble|Char|Byte|Bool|Short|Int|Long|QInt8|QUInt8|QInt32|UInt\d{1,2})'/),
  // … and vLLM's quantized GEMMs, which take half-precision activations only: "gpt_marlin_gemm only supports bfloat16 and float16"
  // (jinhuang12/vllm 0983869e7dad51abe35b918224d3b8e807c50157:csrc/quantization/gptq_marlin/gptq_marlin.cu:955; "moe_wna16_gemm only
  // supports bfloat16 and float16", local-inference-lab/vllm 28be48fa944d8c58aeffd1ab1b56e27828c6b268:csrc/moe/moe_wna16.cu:339): the model
  // ran in another dtype (float32), the fix `--dtype half` or another kernel
  rule('backend-unsupported', 'a kernel refused the data type of its input (it takes only half-precision types)', /\b\w+ only supports (?:bfloat16|float16|fp16|bf16|half)(?:,? (?:and|or) |, )(?:bfloat16|float16|fp16|bf16|half)\b/),
  // (not "Unsupported architecture: X", a model's architecture the registry lacks — unless X is a GPU's: sm_121, compute_90, gfx942)
  rule('backend-unsupported', 'a kernel refused this GPU architecture', /(?<!model )\bunsupported (?:gpu |cuda |sm |device )?arch(?:itecture)?\b(?!s?\s*:(?!\s*['"]?(?:sm_?\d|compute_\d|gfx\d)))/i),
  // … a GPU architecture a kernel library does not know, named as the GPU's: AITER's "Unknown GPU architecture: gfx1101. Supported architectures:
  // ['native', 'gfx90a', …]", raised where its GPU map lacks the chip (ROCm/aiter e4048607a535ace3a2b51ded31b1c8c2d45c0879:aiter/jit/utils/chip_info.py:56-62,
  // get_gfx_custom_op_core, and :78-86, get_gfx_runtime); not a model's architecture (the list after it is of GPUs)
  rule('backend-unsupported', "a kernel library does not know this GPU's architecture", /\b(?:Unknown|Unrecognized|Unsupported) (?:GPU|CUDA|device|hardware) arch(?:itecture)?\b/i),
  // … the lookup under that message, which raised first: `KeyError: 'gfx1151'` from the GPU map of AITER's get_gfx_custom_op_core (chip_info.py:56-58,
  // `return gfx_mapping[gfx]`), and any table keyed by GPU architecture (tuned configs, kernel lists) that has no entry for this one
  rule('backend-unsupported', "a table keyed by GPU architecture has no entry for this GPU's (KeyError on an architecture)", /\bKeyError: ['"](?:gfx\d{3,4}[a-z]?|sm_?\d{2,3}[af]?)['"]/),
  // … "Only Hopper GPUs are supported", "only sm90 or sm100 devices are supported": the GPUs a kernel runs on named, this one not among them
  // … and the backends that are the only ones a GPU may run, this one not among them: SGLang refusing an attention backend for a hybrid
  // GDN model on Blackwell, "triton, trtllm_mha, fa4, or flashinfer backend are the only supported backends on Blackwell GPUs for hybrid
  // GDN models" (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/layers/attention/attention_registry.py:292; 0.5.17 words it
  // "Only {'trtllm_mha', 'triton', 'fa4'} backends are supported on Blackwell GPUs for hybrid GDN models. Got attention_backend=flashinfer.")
  rule('backend-unsupported', 'a backend not among those a GPU supports', /\bthe only supported backends? on (?:[\w-]+ ){0,2}?(?:sm_?\d{2,3}[af]?|Ampere|Hopper|Blackwell|Volta|Turing|Ada|NPU|XPU)\b|\bonly .{1,80}? backends? (?:is|are) supported on (?:[\w-]+ ){0,2}?(?:sm_?\d{2,3}[af]?|Ampere|Hopper|Blackwell|Volta|Turing|Ada(?: Lovelace)?)\b(?:[\w -]{0,20}?)\b(?:GPUs?|devices?)\b/i),
  rule('backend-unsupported', 'a kernel supports only other GPUs', /\bonly (?:[\w-]+ ){0,3}?(?:sm_?\d{2,3}[af]?|SM ?\d{2,3}|Ampere|Hopper|Blackwell|Volta|Turing|Ada(?: Lovelace)?|datacenter)\b(?:[\w -]{0,40}?)\b(?:GPUs?|devices?|architectures?|cards?) (?:is|are) supported\b/i),
  // PyTorch's TORCH_CHECK without a message prints its condition ("Expected " #cond " to be true, but got false.", TORCH_CHECK_MSG,
  // pytorch/pytorch v2.11.0:c10/util/Exception.h:494, read in the header torch 2.11.0+cu130 installs on the H200): a kernel's check of this GPU's compute capability or architecture that failed ("Expected is_sm80 || is_sm90
  // to be true, but got false.", "Expected (dprops->major == 8 && dprops->minor == 0) || … to be true") refused this GPU
  rule('backend-unsupported', "a kernel's check of this GPU's compute capability failed (TORCH_CHECK's condition)", /\bExpected .{0,200}?(?:\bis_sm\w*|\bsm_?\d{2,3}\w*|\bsm_?(?:ver|version|arch)\w*|->major\b|\.major\b|\bcompute_?capabilit\w*|\bcc_?major\w*|\bcc\s*[<>=]=?\s*\d).{0,200}? to be true, but got false\b/),
  rule('backend-unsupported', 'a backend or data type refused for this GPU', new RegExp(`${GPU}.{0,80}${REFUSED}|${REFUSED}.{0,80}${GPU}`, 'i')),
  // … also an "unsupported" kernel or quantization backend named before the word (vLLM's MoE oracles: "Unsupported mxfp4_backend for
  // Mxfp4MoEMethod: …", "Unsupported FP8 MoE backend: …", "Unsupported wna16 MoE backend: …": 396c8fee5071117914104244cc962db805ab0af0
  // (MAIN_2026_05_27):vllm/model_executor/layers/fused_moe/oracle/mxfp4.py:1545, fp8.py:501, int_wna16.py:622); not a structured-output
  // or benchmark backend, which names no kernel
  // … and a feature or option the named kernel backend refuses, the backend named after the words: SGLang's MoE runners assert
  // "apply_router_weight_on_input is not supported for Flashinfer" (d72314808faeaa418acd60d1b038550882954a0e:
  // python/sglang/srt/layers/quantization/modelopt_quant.py:2371, layers/moe/moe_runner/flashinfer_cutedsl.py:474),
  // "no_combine is not supported for flashinfer." (…/moe_runner/flashinfer_trtllm.py:642), "Current MXFP4 MoE layer is
  // not supported by Marlin." (layers/quantization/mxfp4.py:575)
  // (not torch.distributed's process group given a tensor on a device it has no backend for, "No backend type associated with device
  // type cpu": a process group set up for NCCL only, reproduced on the H200 with torch 2.11, dist.broadcast of a CPU tensor; the words
  // are libtorch_cpu.so's. A collective's setup, not a kernel refused)
  // a quantization method the engine's release does not implement, or its platform has no kernels for (signatures.yaml,
  // quantization-unknown-to-engine and quantization-unsupported-gpu: vLLM's ModelConfig._verify_quantization and Platform.verify_quantization)
  // candle (mistral.rs's tensors) reading a GGUF whose tensor is of a GGML quantization type it does not implement (the i-quants, IQ2_M's
  // type 21): "unknown dtype for tensor 21" (huggingface/candle 2a13b0f3ff62f7e67013597f2996f764c5735e21:candle-core/src/quantized/mod.rs:300-318,
  // GgmlDType::from_u32); the fix is another quantization or engine
  rule('backend-unsupported', "a GGUF tensor's quantization type candle does not implement", /\bunknown dtype for tensor \d+\b/),
  rule('backend-unsupported', 'a quantization method this engine does not implement or support here', /\bUnknown quantization method: \S|\b\w+ quantization is currently not supported in \w+/),
  rule('backend-unsupported', 'an attention or kernel backend is unavailable', new RegExp(String.raw`\bunsupported (?:[\w-]+[ _])?(?:moe|mxfp4|nvfp4|mxfp8|fp8|fp4|int4|int8|wna16|w\d+a\d+|gemm|attention|attn|kernel|quantization)[ _]backend\b|(?:attention|attn|kernel|gemm(?!a)|backend).{0,40}(?:is not (?:supported|available)|not supported|unsupported|unavailable)|(?:no|invalid) (?:valid |usable )?(?:attention )?backend(?! type associated with device type)|\bNo available kernel\b|only [\w-]+(?: [\w-]+)? backends? (?:is|are) supported|\b(?:is|are) only supported (?:for|with|by|on|in) (?:the )?[\w-]+(?: attention)? backends?\b|\b${KERNEL_LIBRARY}\b.{0,60}(?:does not support|doesn't support|is not supported|not supported|unsupported|is not available|requires?\b)|\bnot supported (?:for|by|with|in|on) (?:the )?${KERNEL_LIBRARY}\b`, 'i')),
  // … and a model class that implements only some versions of its model ("Currently, MiniCPMV only supports versions 2.0, 2.5, 2.6, 4.0.
  // Got version: (4, 5)": 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/model_executor/models/minicpmv.py:1736)
  // … or a loader that does not know the model's type, the words of the model type "not recognized" above: "TypeError: Unknown image
  // model type: qwen2_5_vl" (vLLM's Qwen2.5-VL branch with a transformers that lacked the type, vllm-project/vllm#12604), a GGUF loader
  // plugin's "RuntimeError: Unknown gguf model_type: qwen3_5"
  // a registry that does not hold the architecture: vLLM's "'MiniMaxM1ForCausalLM' is not a registered model in the Transformers library"
  // (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/model_executor/models/registry.py:1035)
  // … and the architectures a list names (tpu-inference: "Model architectures ['GraniteMoeHybridForCausalLM'] not registered in
  // tpu-inference", raised by get_flax_model; newer versions add "Falling back to vLLM-native Pytorch definition" and go on: vllm-project/
  // tpu-inference b8692ff01fa191343836996c27a39dc95f008b88:tpu_inference/models/common/model_loader.py:114-118, 672-679)
  // … and a feature that only listed model classes support, the model not among them (vLLM: "Pipeline parallelism is only supported for
  // the following  architectures: ['AquilaForCausalLM', …]", Yuran-7/vllm-0.11 c5832d2ae9431a1672d547c232ec46b1a9051ff0:vllm/config.py:273-277)
  // … and a model type named alone: AutoAWQ's "TypeError: gemma3 isn't supported yet." when the checkpoint's model_type is not in its map
  // (casper-hansen/AutoAWQ 00c3dfa8d7a84229150733129fe8fba84cbfdff4:awq/models/auto.py:44-45)
  // a model whose config names no model type: mlx_lm's loader reads `config["model_type"]` before anything else to pick the model's
  // module (ml-explore/mlx-lm v0.31.3:mlx_lm/utils.py:175-193, _get_classes, "Model type … not supported." for one it has no module for),
  // so a checkpoint of another kind (a speech model's config) stops it with a bare KeyError of that key, as transformers' auto classes
  // ask for "a `model_type` key in its config.json": the loader cannot tell what model it is
  rule('unsupported-model', "the model's config names no model type the loader could read (KeyError: 'model_type')", /^\s*KeyError: ['"]model_type['"]\s*$/),
  rule('unsupported-model', 'the model is not supported by this engine', /(?:model|architecture)s?.{0,80}(?:(?:is|are) not supported|not (?:yet )?supported|unsupported|no \w+ implementation)|\bnot (?:a |an )?registered (?:model|architecture)\b|\b(?:model|architecture)s? (?:\[[^\]]{1,200}\]|[\w'"`.-]+) (?:is |are )?not registered\b|\bunsupported model\b|\bUnsupported architectures?:|(?:not|cannot|can not|unable|unknown|unsupported)\b.{0,40}\barchitectures?:? \[['"]|not a supported model|Unrecognized (?:configuration|model)|does not recognize this architecture|(?:^|[\s`'"])[A-Za-z][\w-]*\/[\w.-]+[`'"]?\s+(?:is |are )?not (?:yet )?supported|\b(?:currently |only )?supported (?:[\w-]+ )?(?:models|architectures) (?:are|is|include)\b|^\s*KeyError: ['"][A-Z]\w*(?:For[A-Z]\w+|Model)['"]|checkpoint you are trying to load has model type\b|model type .{0,60}(?:not|isn't) (?:supported|recognized)|\bonly supports? (?:model )?versions? [\d.]+(?:\s*(?:,|and|or)\s*[\d.]+)+|\bunknown (?:[\w-]+ )?model[_ ]type\b|^\s*TypeError: [\w.-]+ isn't supported yet\b|\bonly supported for the following +architectures: \[['"][A-Z]\w*(?:For[A-Z]\w+|Model)['"]/i),
];

/** Traceback frames that name the step which failed, used when the message names no category. */
export const FRAME_RULES: readonly GenericRule[] = [
  // transformers' CONFIG_MAPPING[model_type] raises KeyError for a model type it does not know (newer
  // versions turn it into "does not recognize this architecture"): huggingface/transformers
  // 001002320fa0:src/transformers/models/auto/configuration_auto.py (AutoConfig.from_pretrained, `except KeyError`); the key's closing
  // quote may be cut off with the rest of a paste (`KeyError: 'mlla`)
  { ...rule('unsupported-model', "a model type transformers' auto classes do not know", /transformers\/models\/auto\/(?:configuration|modeling|tokenization)_auto\.py/), exception: /^\s*KeyError: ['"][\w.-]+['"]?\s*$/ },
  // … and what they raise themselves is about the model type too: "Unrecognized model", "does not recognize this
  // architecture" (a ValueError whose words a terminal may have cut), raised by the auto module's own frame
  { ...rule('unsupported-model', "raised by transformers' auto classes (a model type they do not know)", /transformers\/models\/auto\/(?:configuration|modeling|tokenization)_auto\.py/), exception: /^\s*ValueError\b/, lastFrame: true },
  // vLLM's model registry (vllm/model_executor/models/registry.py) refusing an architecture
  { ...rule('unsupported-model', "raised by vLLM's model registry", /vllm\/model_executor\/models\/registry\.py/), exception: /^\s*(?:ValueError|NotImplementedError|KeyError)\b/ },
  // a module that names a part another module does not have, raised by module-level code while it is imported (its last frame
  // `in <module>`): `AttributeError: module 'aiter' has no attribute 'fmoe'` from `from aiter.fused_moe import fused_moe`, an
  // extension built at another version than the Python around it (the guide: "a package version pairing refused at import" is
  // import-error; python/cpython 01dcebecdca5772051b79a2c14ad07f5654b4f15:Objects/moduleobject.c, _Py_module_getattro_impl:
  // PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name))
  { ...rule('import-error', 'raised while a module was imported: it names a part the other module does not have (versions that do not pair)', /, in <module>\s*$/), exception: /^\s*AttributeError: module '[\w.]+' has no attribute '\w+'/, lastFrame: true },
  // … and a NameError raised the same way, by module-level code while the module is imported: the name a guarded import was to bind is
  // missing because that import failed and was swallowed (exllamav2's ext.py catches an ImportError of its prebuilt extension other than
  // "undefined symbol", then runs `ext_c = exllamav2_ext`: turboderp-org/exllamav2 d3fe9f25d2f1955a19b5f3015d50e5872a55cf1e:
  // exllamav2/ext.py:104-114,291, "NameError: name 'exllamav2_ext' is not defined")
  { ...rule('import-error', "raised while a module was imported: a name its guarded import was to bind is missing (that import failed)", /, in <module>\s*$/), exception: /^\s*NameError: name '\w+' is not defined/, lastFrame: true },
  // … also inside PyTorch's own capture context (`with torch.cuda.graph(g):`, torch/cuda/graphs.py: CUDAGraph.capture_begin/capture_end)
  // (vLLM V0's CUDAGraphRunner.capture, in vllm/worker/model_runner.py, run by capture_model for each batch size: Yuran-7/vllm-0.11
  // 16b24e7dcd8da5f2ac50f149daa77288fa8c14d7:vllm/worker/model_runner.py:1522,1747-1798)
  rule('graph-capture', 'raised while capturing CUDA graphs', new RegExp(String.raw`\bin ${CAPTURE_STEP}\b|vllm\/worker\/model_runner\.py", line \d+, in capture\b|cuda_graph_runner\.py|cudagraph_(?:dispatcher|wrapper)\.py|torch\/cuda\/graphs\.py|\btorch\.cuda\.graph\(`)),
];

/** Engines' own messages (upstream-messages.ts) as rules: decided inside an exception's or error's message only. */
const UPSTREAM_RULES: ReadonlyArray<GenericRule & { needle: string | null; folded: boolean }> = UPSTREAM_MESSAGES.map((m) => ({
  ...rule(m.category, `${m.what} (${m.source})`, m.re, m.exits === true),
  exits: m.exits === true,
  // a literal every match holds (regex-needle.ts): the expression is tried only on a text that contains it
  needle: needleOf(m.re),
  folded: m.re.flags.includes('i'),
}));

/** The engine messages their program exits after: the only ones read on a warning's line (a handful, tried on every warning). */
const EXITING_RULES = UPSTREAM_RULES.filter((r) => r.exits);

/** The first engine message of `rules` a text holds: each expression tried only where its literal is (a thousand of them, on every message). */
function upstreamRule(texts: readonly string[], rules: typeof UPSTREAM_RULES): GenericRule | undefined {
  let lower: string[] | null = null;
  return rules.find((r) => {
    if (r.needle === null) return texts.some((t) => r.re.test(t));
    const hay = r.folded ? (lower ??= texts.map((t) => t.toLowerCase())) : texts;
    return hay.some((t, k) => t.includes(r.needle!) && r.re.test(texts[k]!));
  });
}

/** A message its program exits after (an upstream message marked `exits`), whatever its words' form: "You must pass …" is no advice. */
export const exitsAfterMessage = (texts: readonly string[]): boolean => upstreamRule(texts, EXITING_RULES) !== undefined;

/**
 * The first generic rule that a message matches (fatal ones only when onlyFatal; no loose ones when
 * strict). An engine's own message decides before the word rules guess; an error name that names
 * its own category (a CUDA or NCCL error in the message) still wins over it.
 */
export function messageEvidence(texts: readonly string[], onlyFatal = false, strict = false): GenericRule | null {
  const upstream = upstreamRule(texts, onlyFatal ? EXITING_RULES : UPSTREAM_RULES);
  if (upstream) return MESSAGE_RULES.find((r) => r.fatal && texts.some((t) => r.re.test(t))) ?? upstream;
  for (const r of MESSAGE_RULES) {
    if ((onlyFatal && !r.fatal) || (strict && r.loose)) continue;
    if (texts.some((t) => r.re.test(t))) return r;
  }
  return null;
}

/** The category named by the frames of a failing traceback (and its exception), when the message names none. */
export function frameEvidence(frames: readonly string[], exception = ''): GenericRule | null {
  const called = frames.filter((f) => FRAME_LINE.test(f)); // frames, not the source lines beside them
  const last = called.length > 0 ? [called[called.length - 1]!] : [];
  return FRAME_RULES.find((r) => (!r.exception || r.exception.test(exception)) && (r.lastFrame ? last : frames).some((f) => r.re.test(f))) ?? null;
}
