// The CUDA stack's own error names and strings, which every engine relays verbatim (PyTorch:
// `RuntimeError: CUDA error: <cudaGetErrorString>` / `torch.AcceleratorError: CUDA error: …`; C++ checks:
// the bare `cudaError…` / `CUDA_ERROR_…` / `CUBLAS_STATUS_…` / `CUDNN_STATUS_…` / `nccl…` name), by the
// category the labelling guide gives them, each with the line of its enum value or string.
//
// - CUDA runtime (cudaError_t), CUDA 13.0 (nvcc V13.0.88): the names and strings were obtained from the
//   runtime itself, a program looping over every enum value of include/driver_types.h and printing
//   cudaGetErrorName and cudaGetErrorString (libcudart 13.0; they need no GPU). The source is the line
//   of the enum value in cuda-13.0's include/driver_types.h (the same file as
//   github:leomaxwell972/CU13ToolKit_Includes at aa0473e4f747 carries).
// - CUDA driver (CUresult), CUDA 13.0: the CUDA_ERROR_* names and their doc comments from
//   include/cuda.h; the driver's strings (cuGetErrorString, which Triton's "Triton Error [CUDA]: …" and cuda-python relay)
//   rendered from libcuda 580.159.04 (driver API 13.0) on the H200 for every CUresult: only 223's was misread.
// - cuDNN 9.13.0 (cudnnStatus_t; cudnnGetErrorString returns the name itself): include/cudnn_graph.h of
//   github:leomaxwell972/CU13ToolKit_Includes at aa0473e4f747 (a copy of the CUDA 13.0 toolkit's and
//   cuDNN's headers). cuBLAS's cublasStatus_t (include/cublas_api.h, same commit) was read too: its
//   ALLOC_FAILED, ARCH_MISMATCH and NOT_SUPPORTED names were already named rightly. Its strings, which ggml's
//   CUBLAS_CHECK prints (cublas_get_error_str calls cublasGetStatusString from CUDA 12 on: Ollama v0.17.6's
//   ml/backend/ggml/ggml/src/ggml-cuda/common.cuh:197-198), were rendered by calling cublasGetStatusString of
//   libcublas 13.1.0.3 on the H200 for every status: ARCH_MISMATCH's and NOT_SUPPORTED's words the generic
//   rules already read as backend-unsupported; ALLOC_FAILED's is below.
// - The toolkit's other libraries, same commit: cuSPARSE 12.6 (include/cusparse.h), cuSOLVER
//   (include/cusolver_common.h), cuRAND (include/curand.h, its doc comments), NVRTC (include/nvrtc.h) and
//   nvJitLink (include/nvJitLink.h): their status names only (cuSPARSE's and cuSOLVER's *_ALLOC_FAILED were
//   already known).
// - NCCL (NVIDIA/nccl) v2.30.7-1: ncclResult_t in src/nccl.h.in, ncclGetErrorString's texts in src/init.cc;
//   v2.10.3-1 and older (src/init.cc:1033-1037) wrote the same texts without their "(run with NCCL_DEBUG=…
//   for details)" tail, which the alternations below allow where the bare words are still NCCL's own.
//
// A name or string is here only when the generic word rules did not already name its category (or
// named the wrong one); codes whose category is not clear (cudaErrorInvalidSource: a device source
// that does not compile, or an image that does not load; MPS, ECC, 801 "operation not supported";
// CUSPARSE_STATUS_INSUFFICIENT_RESOURCES: global or shared memory; cuFFT's CUFFT_NOT_SUPPORTED;
// NVRTC_ERROR_COMPILATION: the kernel's own source failing to compile is `other`, the toolchain is not at fault) are left out.
import { bke, cap, drv, nccl, oom, ptx, type UpstreamMessage } from './types.ts';

/** The CUDA 13.0 toolkit's own headers, as installed (/usr/local/cuda/include). */
const CUDA = 'cuda-13.0';
/** github:leomaxwell972/CU13ToolKit_Includes: the CUDA 13.0 toolkit's and cuDNN 9.13.0's headers. */
const HDRS = 'aa0473e4f7472b5714bc6807dade70ec3d76734a';
/** NVIDIA/nccl's newest release tag. */
const NCCL = 'v2.30.7-1';

/**
 * cudaError_t values as programs print them by their number: "CUDA error 222", "Cuda Error: 222", "CUDA error code=209", ggml's 2023
 * CUDA_CHECK "CUDA error 98 at <file>:<line>" (ollama v0.0.15:llm/ggml-cuda.cu:55). The driver API's CUresult has the same number for
 * each of these it has (include/cuda.h: CUDA_ERROR_OUT_OF_MEMORY 2, _NO_DEVICE 100, _INVALID_IMAGE 200, _NO_BINARY_FOR_GPU 209,
 * _PEER_ACCESS_UNSUPPORTED 217, _INVALID_PTX 218, _UNSUPPORTED_PTX_VERSION 222, _SYSTEM_DRIVER_MISMATCH 803, the capture errors 900–908),
 * none for 35 and 98. Each number's category is its name's (the names' entries above, the generic rules of category-evidence.ts); a
 * number whose category is not clear (3, initialization error: a driver that cannot start, or a CUDA call in a forked child; 223, JIT
 * disabled; 700, 710, 719: `other`, the default) is left out. `bare`: read also as "error 222" or "error code 222" with no CUDA before
 * it, the three-digit numbers no other error code of these logs shares.
 */
export interface CudaErrorCode {
  code: number;
  name: string;
  category: string;
  /** The enum value's line in CUDA 13.0's include/driver_types.h. */
  source: string;
  bare?: true;
}

const code = (code: number, name: string, category: string, line: number, bare?: true): CudaErrorCode => ({
  code, name, category, source: `${CUDA}:include/driver_types.h:${line}`, ...(bare && { bare }),
});

export const CUDA_ERROR_CODES: readonly CudaErrorCode[] = [
  code(2, 'cudaErrorMemoryAllocation', 'oom', 211),
  code(34, 'cudaErrorStubLibrary', 'driver-mismatch', 392),
  code(35, 'cudaErrorInsufficientDriver', 'driver-mismatch', 399),
  code(36, 'cudaErrorCallRequiresNewerDriver', 'driver-mismatch', 406),
  code(46, 'cudaErrorDevicesUnavailable', 'driver-mismatch', 440),
  code(98, 'cudaErrorInvalidDeviceFunction', 'no-kernel-image', 524),
  code(100, 'cudaErrorNoDevice', 'driver-mismatch', 530),
  code(200, 'cudaErrorInvalidKernelImage', 'no-kernel-image', 561),
  code(209, 'cudaErrorNoKernelImageForDevice', 'no-kernel-image', 600, true),
  code(217, 'cudaErrorPeerAccessUnsupported', 'nccl', 646),
  code(218, 'cudaErrorInvalidPtx', 'ptx-toolchain', 652),
  code(221, 'cudaErrorJitCompilerNotFound', 'ptx-toolchain', 670),
  code(222, 'cudaErrorUnsupportedPtxVersion', 'ptx-toolchain', 677, true),
  code(802, 'cudaErrorSystemNotReady', 'driver-mismatch', 954, true),
  code(803, 'cudaErrorSystemDriverMismatch', 'driver-mismatch', 961, true),
  code(804, 'cudaErrorCompatNotSupportedOnDevice', 'driver-mismatch', 970, true),
  code(900, 'cudaErrorStreamCaptureUnsupported', 'graph-capture', 1016, true),
  code(901, 'cudaErrorStreamCaptureInvalidated', 'graph-capture', 1022, true),
  code(902, 'cudaErrorStreamCaptureMerge', 'graph-capture', 1028, true),
  code(903, 'cudaErrorStreamCaptureUnmatched', 'graph-capture', 1033, true),
  code(904, 'cudaErrorStreamCaptureUnjoined', 'graph-capture', 1039, true),
  code(905, 'cudaErrorStreamCaptureIsolation', 'graph-capture', 1046, true),
  code(906, 'cudaErrorStreamCaptureImplicit', 'graph-capture', 1052, true),
  code(907, 'cudaErrorCapturedEvent', 'graph-capture', 1058, true),
  code(908, 'cudaErrorStreamCaptureWrongThread', 'graph-capture', 1065, true),
];

export const CUDA_MESSAGES: readonly UpstreamMessage[] = [
  // ---- CUDA runtime (cudaError_t) and driver (CUresult) ----

  // driver-mismatch: the loaded libcuda is the toolkit's stub, not a driver (34)
  drv('CUDA: the CUDA driver loaded is a stub library, not a real driver (cudaErrorStubLibrary, 34)', /\bcudaErrorStubLibrary\b/,
    'cudaErrorStubLibrary', `${CUDA}:include/driver_types.h:392`),
  drv('CUDA: the CUDA driver loaded is a stub library, not a real driver (cudaGetErrorString of 34)', /\bCUDA driver is a stub library\b/i,
    'CUDA error: CUDA driver is a stub library', `${CUDA}:include/driver_types.h:392`),
  drv('CUDA driver API: the CUDA driver loaded is a stub library (CUDA_ERROR_STUB_LIBRARY, 34)', /\bCUDA_ERROR_STUB_LIBRARY\b/,
    'CUDA_ERROR_STUB_LIBRARY', `${CUDA}:include/cuda.h:2576`),
  // driver-mismatch: the API call needs a newer driver than the one installed (36)
  drv('CUDA: the API call requires a newer CUDA driver than the one installed (cudaErrorCallRequiresNewerDriver, 36)', /\bcudaErrorCallRequiresNewerDriver\b/,
    'cudaErrorCallRequiresNewerDriver', `${CUDA}:include/driver_types.h:406`),
  drv('CUDA: the API call requires a newer CUDA driver than the one installed (cudaGetErrorString of 36)', /\bAPI call is not supported in the installed CUDA driver\b/i,
    'CUDA error: API call is not supported in the installed CUDA driver', `${CUDA}:include/driver_types.h:406`),
  drv('CUDA driver API: the API call requires a newer CUDA driver (CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER, 36)', /\bCUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER\b/,
    'CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER', `${CUDA}:include/cuda.h:2583`),
  // driver-mismatch: no device the driver can see (100), forward compatibility on hardware without it (804)
  drv('CUDA driver API: no CUDA-capable device detected by the installed driver (CUDA_ERROR_NO_DEVICE, 100)', /\bCUDA_ERROR_NO_DEVICE\b/,
    'CUDA_ERROR_NO_DEVICE', `${CUDA}:include/cuda.h:2597`),
  drv('CUDA driver API: forward compatibility attempted on hardware that does not support it (CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE, 804)', /\bCUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE\b/,
    'CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE', `${CUDA}:include/cuda.h:3027`),

  // ptx-toolchain: the PTX JIT compiler library is missing (221)
  ptx('CUDA: the PTX JIT compiler library was not found (cudaErrorJitCompilerNotFound, 221)', /\bcudaErrorJitCompilerNotFound\b/,
    'cudaErrorJitCompilerNotFound', `${CUDA}:include/driver_types.h:670`),
  ptx('CUDA: the PTX JIT compiler library was not found (cudaGetErrorString of 221)', /\bPTX JIT compiler library not found\b/i,
    'CUDA error: PTX JIT compiler library not found', `${CUDA}:include/driver_types.h:670`),
  ptx('CUDA driver API: the PTX JIT compiler library was not found (CUDA_ERROR_JIT_COMPILER_NOT_FOUND, 221)', /\bCUDA_ERROR_JIT_COMPILER_NOT_FOUND\b/,
    'CUDA_ERROR_JIT_COMPILER_NOT_FOUND', `${CUDA}:include/cuda.h:2733`),
  // PTX JIT turned off (CUDA_DISABLE_PTX_JIT=1, or the JIT option) while the binary holds only PTX for this GPU (223); the
  // driver's string as cuGetErrorString renders it (libcuda 580.159.04 on the H200), which Triton and cuda-python relay
  ptx('CUDA: the binary needs the PTX JIT and it was disabled (cudaErrorJitCompilationDisabled, CUDA_ERROR_JIT_COMPILATION_DISABLED, 223)', /\b(?:cudaErrorJitCompilationDisabled|CUDA_ERROR_JIT_COMPILATION_DISABLED)\b|\bPTX JIT compilation was disabled\b/,
    'CUDA error: PTX JIT compilation was disabled', `${CUDA}:include/driver_types.h:684`),

  // graph-capture: the strings of 902 and 903 (their names, cudaErrorStreamCapture*, are already known)
  cap('CUDA: an operation during stream capture would merge two independent capture sequences (cudaGetErrorString of 902)', /\boperation would result in a merge of separate capture sequences\b/i,
    'CUDA error: operation would result in a merge of separate capture sequences', `${CUDA}:include/driver_types.h:1028`),
  cap('CUDA: a stream capture was not ended in the stream it began in (cudaGetErrorString of 903)', /\bcapture was not ended in the same stream as it began\b/i,
    'CUDA error: capture was not ended in the same stream as it began', `${CUDA}:include/driver_types.h:1033`),
  cap('CUDA driver API: an operation on an event last recorded in a capturing stream (CUDA_ERROR_CAPTURED_EVENT, 907)', /\bCUDA_ERROR_CAPTURED_EVENT\b/,
    'CUDA_ERROR_CAPTURED_EVENT', `${CUDA}:include/cuda.h:3116`),

  // nccl: GPUs that cannot reach each other (the guide's peer access for custom all-reduce)
  nccl('CUDA driver API: peer access is not supported between the given devices (CUDA_ERROR_PEER_ACCESS_UNSUPPORTED, 217)', /\bCUDA_ERROR_PEER_ACCESS_UNSUPPORTED\b/,
    'CUDA_ERROR_PEER_ACCESS_UNSUPPORTED', `${CUDA}:include/cuda.h:2712`),

  // ---- cuDNN 9 (cudnnStatus_t): the NOT_SUPPORTED sub-codes, read as their category ----

  bke('cuDNN: the operation graph pattern is not supported (CUDNN_STATUS_NOT_SUPPORTED_GRAPH_PATTERN)', /\bCUDNN_STATUS_NOT_SUPPORTED_GRAPH_PATTERN\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_GRAPH_PATTERN', `${HDRS}:include/cudnn_graph.h:147`),
  bke('cuDNN: the tensor shape is not supported (CUDNN_STATUS_NOT_SUPPORTED_SHAPE)', /\bCUDNN_STATUS_NOT_SUPPORTED_SHAPE\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_SHAPE', `${HDRS}:include/cudnn_graph.h:148`),
  bke('cuDNN: the data type is not supported (CUDNN_STATUS_NOT_SUPPORTED_DATA_TYPE)', /\bCUDNN_STATUS_NOT_SUPPORTED_DATA_TYPE\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_DATA_TYPE', `${HDRS}:include/cudnn_graph.h:149`),
  bke('cuDNN: the tensor layout is not supported (CUDNN_STATUS_NOT_SUPPORTED_LAYOUT)', /\bCUDNN_STATUS_NOT_SUPPORTED_LAYOUT\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_LAYOUT', `${HDRS}:include/cudnn_graph.h:150`),
  drv('cuDNN: the installed CUDA driver is incompatible with cuDNN (CUDNN_STATUS_NOT_SUPPORTED_INCOMPATIBLE_CUDA_DRIVER)', /\bCUDNN_STATUS_NOT_SUPPORTED_INCOMPATIBLE_CUDA_DRIVER\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_INCOMPATIBLE_CUDA_DRIVER', `${HDRS}:include/cudnn_graph.h:151`),
  bke("cuDNN: the operation needs a feature this GPU's architecture lacks (CUDNN_STATUS_NOT_SUPPORTED_ARCH_MISMATCH)", /\bCUDNN_STATUS_NOT_SUPPORTED_ARCH_MISMATCH\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_ARCH_MISMATCH', `${HDRS}:include/cudnn_graph.h:153`),
  bke("cuDNN: the kernel needs more shared memory than this GPU has (CUDNN_STATUS_NOT_SUPPORTED_SHARED_MEMORY_INSUFFICIENT)", /\bCUDNN_STATUS_NOT_SUPPORTED_SHARED_MEMORY_INSUFFICIENT\b/,
    'cuDNN error: CUDNN_STATUS_NOT_SUPPORTED_SHARED_MEMORY_INSUFFICIENT', `${HDRS}:include/cudnn_graph.h:156`),
  oom('cuDNN: a device memory allocation failed (CUDNN_STATUS_INTERNAL_ERROR_DEVICE_ALLOCATION_FAILED)', /\bCUDNN_STATUS_INTERNAL_ERROR_DEVICE_ALLOCATION_FAILED\b/,
    'cuDNN error: CUDNN_STATUS_INTERNAL_ERROR_DEVICE_ALLOCATION_FAILED', `${HDRS}:include/cudnn_graph.h:165`),

  // ---- cuBLAS's status strings (cublasGetStatusString, libcublas 13.1.0.3), as ggml relays them ----

  // CUBLAS_STATUS_ALLOC_FAILED (3): cublasCreate or a GEMM's workspace could not be allocated on the GPU
  oom('cuBLAS: GPU memory for its handle or workspace could not be allocated (CUBLAS_STATUS_ALLOC_FAILED, as cublasGetStatusString words it)', /\bthe resource allocation failed\b/,
    'CUDA error: the resource allocation failed', `${HDRS}:include/cublas_api.h:96`),

  // ---- the toolkit's other libraries (their status names, as their C++ checks print them) ----

  bke("cuSPARSE: the operation needs a feature this GPU's architecture lacks (CUSPARSE_STATUS_ARCH_MISMATCH)", /\bCUSPARSE_STATUS_ARCH_MISMATCH\b/,
    'CUSPARSE_STATUS_ARCH_MISMATCH', `${HDRS}:include/cusparse.h:265`),
  bke('cuSPARSE (and cuSPARSELt, which returns its statuses): the operation or configuration is not supported (CUSPARSE_STATUS_NOT_SUPPORTED)', /\bCUSPARSE_STATUS_NOT_SUPPORTED\b/,
    'CUSPARSE_STATUS_NOT_SUPPORTED', `${HDRS}:include/cusparse.h:271`),
  bke("cuSOLVER: the operation needs a feature this GPU's architecture lacks (CUSOLVER_STATUS_ARCH_MISMATCH)", /\bCUSOLVER_STATUS_ARCH_MISMATCH\b/,
    'CUSOLVER_STATUS_ARCH_MISMATCH', `${HDRS}:include/cusolver_common.h:164`),
  bke('cuSOLVER: the operation or configuration is not supported (CUSOLVER_STATUS_NOT_SUPPORTED)', /\bCUSOLVER_STATUS_NOT_SUPPORTED\b/,
    'CUSOLVER_STATUS_NOT_SUPPORTED', `${HDRS}:include/cusolver_common.h:169`),
  oom('cuRAND: a memory allocation failed (CURAND_STATUS_ALLOCATION_FAILED)', /\bCURAND_STATUS_ALLOCATION_FAILED\b/,
    'CURAND_STATUS_ALLOCATION_FAILED', `${HDRS}:include/curand.h:94`),
  bke('cuRAND: the GPU does not have the double precision MRG32k3a requires (CURAND_STATUS_DOUBLE_PRECISION_REQUIRED)', /\bCURAND_STATUS_DOUBLE_PRECISION_REQUIRED\b/,
    'CURAND_STATUS_DOUBLE_PRECISION_REQUIRED', `${HDRS}:include/curand.h:98`),
  bke('cuRAND: architecture mismatch, the GPU does not support the requested feature (CURAND_STATUS_ARCH_MISMATCH)', /\bCURAND_STATUS_ARCH_MISMATCH\b/,
    'CURAND_STATUS_ARCH_MISMATCH', `${HDRS}:include/curand.h:102`),
  // NVRTC and nvJitLink are the runtime CUDA compiler and linker (nvrtcGetErrorString returns the name itself)
  ptx('NVRTC: the runtime CUDA compiler refused an option (an unknown --gpu-architecture among them) (NVRTC_ERROR_INVALID_OPTION)', /\bNVRTC_ERROR_INVALID_OPTION\b/,
    'NVRTC_ERROR_INVALID_OPTION', `${HDRS}:include/nvrtc.h:47`),
  ptx('nvJitLink: PTX compilation failed while linking (NVJITLINK_ERROR_PTX_COMPILE)', /\bNVJITLINK_ERROR_PTX_COMPILE\b/,
    'NVJITLINK_ERROR_PTX_COMPILE', `${HDRS}:include/nvJitLink.h:42`),
  ptx('nvJitLink: the -arch value is not recognized (NVJITLINK_ERROR_UNRECOGNIZED_ARCH)', /\bNVJITLINK_ERROR_UNRECOGNIZED_ARCH\b/,
    'NVJITLINK_ERROR_UNRECOGNIZED_ARCH', `${HDRS}:include/nvJitLink.h:54`),
  ptx('nvJitLink: the -arch value is not supported (NVJITLINK_ERROR_UNSUPPORTED_ARCH)', /\bNVJITLINK_ERROR_UNSUPPORTED_ARCH\b/,
    'NVJITLINK_ERROR_UNSUPPORTED_ARCH', `${HDRS}:include/nvJitLink.h:55`),

  // ---- NCCL (ncclResult_t and ncclGetErrorString) ----

  nccl('NCCL: an invalid argument was passed to NCCL (ncclInvalidArgument, 4)', /\bncclInvalidArgument\b/,
    'ncclInvalidArgument', `${NCCL}:src/nccl.h.in:48`),
  nccl('NCCL: NCCL was used in an invalid way (ncclInvalidUsage, 5)', /\bncclInvalidUsage\b/,
    'ncclInvalidUsage', `${NCCL}:src/nccl.h.in:49`),
  nccl('NCCL: an NCCL operation timed out (ncclTimeout, 8)', /\bncclTimeout\b/,
    'ncclTimeout', `${NCCL}:src/nccl.h.in:52`),
  nccl('NCCL: a CUDA call inside NCCL failed (ncclGetErrorString of ncclUnhandledCudaError)', /\bunhandled cuda error(?: \(run with NCCL_DEBUG=INFO for details\))?/i,
    'unhandled cuda error (run with NCCL_DEBUG=INFO for details)', `${NCCL}:src/init.cc:3420`),
  nccl('NCCL: a system call inside NCCL failed (ncclGetErrorString of ncclSystemError)', /\bunhandled system error(?: \(run with NCCL_DEBUG=INFO for details\))?/i,
    'unhandled system error (run with NCCL_DEBUG=INFO for details)', `${NCCL}:src/init.cc:3422`),
  nccl('NCCL: an invalid argument was passed to NCCL (ncclGetErrorString of ncclInvalidArgument)', /\binvalid argument \(run with NCCL_DEBUG=WARN for details\)/i,
    'invalid argument (run with NCCL_DEBUG=WARN for details)', `${NCCL}:src/init.cc:3426`),
  nccl('NCCL: NCCL was used in an invalid way (ncclGetErrorString of ncclInvalidUsage)', /\binvalid usage \(run with NCCL_DEBUG=WARN for details\)/i,
    'invalid usage (run with NCCL_DEBUG=WARN for details)', `${NCCL}:src/init.cc:3428`),
  nccl('NCCL: a remote rank exited or the network failed (ncclGetErrorString of ncclRemoteError)', /\bremote process exited or there was a network error\b/i,
    'remote process exited or there was a network error', `${NCCL}:src/init.cc:3430`),
];
