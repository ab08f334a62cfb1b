// PyTorch's own messages, as every engine running on it (vLLM, SGLang, TGI, LMDeploy, TensorRT-LLM's PyTorch backend)
// relays them, by the category they mean. Read in torch 2.11.0 as installed (`torch.version.git_version`: the v2.11.0
// commit 70d99e998b4955e0049d13a98d77ae1b14db1f45): the Python files as shipped in its wheel, and each C++ message
// rendered by raising it there with TORCH_SHOW_CPP_STACKTRACES=1, whose "Exception raised from <f> at <file>:<line>"
// gives the line that throws it.
//
// Read too, and left to the rules that already decide them rightly: the caching allocator's out-of-memory text
// (c10/cuda/CUDACachingAllocator.cpp:1574), SDPA's "No available kernel. Aborting execution."
// (aten/src/ATen/native/transformers/cuda/sdp_utils.cpp:992), "No CUDA GPUs are available" (c10/cuda/CUDAFunctions.cpp:130),
// "operation not permitted when stream is capturing", "Cannot call CUDAGeneratorImpl::current_seed during CUDA graph
// capture", DistStoreError's "Timed out after N seconds waiting for clients" (torch/csrc/distributed/c10d/TCPStore.cpp:396)
// and DistNetworkError's client-socket timeout (the class names it), "expandable_segments not supported on this platform",
// "Cannot re-initialize CUDA in forked subprocess" (other).
// Left out as doubtful by the guide: "Could not run '<op>' with arguments from the '<backend>' backend" (an extension
// built without that backend's kernels: a rebuilt wheel or another backend), "PyTorch was compiled without CUDA
// support" (torch/cuda/__init__.py:133, a CPU-only build: a package to install, or no usable GPU), "Unknown CUDA arch
// (X) or GPU not supported" (torch/utils/cpp_extension.py:2622: the toolchain or a GPU refused), "invalid device
// ordinal" (fewer GPUs than asked for: configuration, or a GPU not visible), the pre-2.x "PyTorch no longer supports
// this GPU because it is too old" (a capability below the build's: no kernel image, or a GPU refused),
// "make_graphed_callables does not support the autocast caching", "Offset increment outside graph capture encountered
// unexpectedly", and ProcessGroupNCCL's "Terminating the process after attempting to dump debug info, due to collective
// timeout or exception" (a wrapper of either). Interpolations are bounded wildcards.
import { bke, cap, drv, imp, nccl, ptx, type UpstreamMessage } from './types.ts';

/** PyTorch v2.11.0. */
const PT = '70d99e998b4955e0049d13a98d77ae1b14db1f45';
/** Ascend/pytorch (torch_npu) at 9e73e708ab93. */
const TORCH_NPU = '9e73e708ab9350d203475609f36f8a43f6a0c2ab';

export const PYTORCH_MESSAGES: readonly UpstreamMessage[] = [
  // ---- the dispatcher and extensions ----

  // torch.ops.load_library (how torchcodec, torchaudio and torchvision load their compiled libraries): ctypes.CDLL of the library
  // failed, the library or one it needs not loadable (a missing FFmpeg or CUDA library, a build for another torch), raised as
  // OSError "Could not load this library: <path>" from the loader's own error (torch/_ops.py:1479-1505): a compiled module that
  // cannot load, import-error. (torchvision's warning that quotes it, "Failed to load image Python extension: '…'", and torchcodec's
  // list of FFmpeg versions tried, decide nothing by themselves: warnings, and text inside another exception's message.)
  imp('PyTorch (pytorch/pytorch): torch.ops.load_library could not load a compiled library (it or a library it needs is missing or built for another torch)',
    /(?:^|Error: )Could not load this library: \S/,
    'OSError: Could not load this library: /venv/lib/python3.10/site-packages/torchcodec/libtorchcodec_core7.so', `${PT}:torch/_ops.py:1505`),

  // registering a fake (meta) kernel for an operator its extension never registered: torchvision's
  // _meta_registrations.py at `import torchvision` when its C++ ops did not load (a torchvision built for another torch),
  // or an engine's own ops module; a package version pairing refused at import (the guide's import-error)
  imp('PyTorch (pytorch/pytorch): an operator its extension should have registered does not exist (the extension did not load: a torch/torchvision version pairing)', /\boperator [\w.]{1,80}::[\w.]{1,120} does not exist\b/,
    'operator torchvision::nms does not exist', `${PT}:torch/csrc/utils/python_dispatch.cpp:590`),
  // torch.library's schema inference refusing a parameter's annotation while a package registers its custom ops at import
  // (vLLM's direct_register_custom_op, at module level): the package was written for a newer torch — torch 2.5's infer_schema
  // knows typing.List[int] and typing.Sequence[int] but not the builtin list[int] later releases accept — a package version
  // pairing refused at import (pytorch/pytorch 0015978cdddb8676ae59fbfb2586c45b0eed87ad:torch/_library/infer_schema.py:19-22,33-37)
  imp("PyTorch (pytorch/pytorch): torch.library's schema inference refused a custom op's parameter type (the package needs another torch)", /\binfer_schema\(func\): Parameter \w{1,80} has unsupported type /,
    'infer_schema(func): Parameter block_size has unsupported type list[int]. The valid types are: dict_keys([...]).', '0015978cdddb8676ae59fbfb2586c45b0eed87ad:torch/_library/infer_schema.py:33'),
  // cpp_extension building an engine's or a kernel library's CUDA extension found no CUDA toolkit (CUDA_HOME unset and no
  // nvcc on PATH): the CUDA compiler is missing (the guide: nvcc not found is ptx-toolchain)
  ptx('PyTorch (pytorch/pytorch): building a CUDA extension found no CUDA toolkit (CUDA_HOME not set, no nvcc)', /\bCUDA_HOME environment variable is not set\b/,
    'CUDA_HOME environment variable is not set. Please set it to your CUDA install root.', `${PT}:torch/utils/cpp_extension.py:3182`),

  // ---- torch.compile (Inductor): what it raises before compiling, also wrapped as `InductorError: <class>: <message>` ----

  // no usable triton package: a package to install (the guide's import-error), not a failure of the compiler
  imp('PyTorch (pytorch/pytorch) Inductor: no working Triton installation (the package missing or too old)', /\bCannot find a working triton installation\b/,
    'Cannot find a working triton installation. Either the package is not installed or it is too old. More information on installing Triton can be found at: https://github.com/triton-lang/triton', `${PT}:torch/_inductor/exc.py:131`),
  // the GPU is below what Triton generates code for (compute capability 7.0): Inductor's backend refused for this GPU
  bke('PyTorch (pytorch/pytorch) Inductor: the GPU is too old for the Triton compiler (compute capability below 7.0)', /\bwhich is too old to be supported by the triton GPU compiler\b/,
    'Found Tesla P100-PCIE-16GB which is too old to be supported by the triton GPU compiler, which is used as the backend. Triton only supports devices of CUDA Capability >= 7.0, but your device is of CUDA capability 6.0', `${PT}:torch/_inductor/exc.py:146`),

  // the device's Triton check (torch/_dynamo/device_interface.py): a device Inductor's Triton backend cannot generate code
  // for (the base interface; CUDA raises GPUTooOldForTriton above), and a triton package built without the GPU's backend
  // (another platform's wheel: a package to reinstall, the guide's import-error)
  bke('PyTorch (pytorch/pytorch) Inductor: the device cannot run Triton kernels', /\bThis device is not capable of supporting Triton\b/,
    'This device is not capable of supporting Triton', `${PT}:torch/_dynamo/device_interface.py:170`),
  imp("PyTorch (pytorch/pytorch) Inductor: the installed triton has no backend for this GPU's platform", /\btriton not built with the '(?:nvidia|amd|intel|mtia|cpu)' backend\b/,
    "triton not built with the 'nvidia' backend", `${PT}:torch/_dynamo/device_interface.py:290`),

  // ---- CUDA graphs (aten/src/ATen/cuda/CUDAGraph.cpp), the capture's own refusals ----

  cap('PyTorch (pytorch/pytorch): a CUDA graph capture was begun on the default stream', /\bCUDA graphs must be captured on a non-default stream\b/,
    "CUDA graphs must be captured on a non-default stream. (However, after capture, it's ok to replay them on the default stream.)", `${PT}:aten/src/ATen/cuda/CUDAGraph.cpp:77`),
  cap('PyTorch (pytorch/pytorch): a CUDA graph capture was ended on another stream than it began on', /\bCapture must end on the same stream it began on\b/,
    'Capture must end on the same stream it began on.', `${PT}:aten/src/ATen/cuda/CUDAGraph.cpp:129`),

  // ---- no GPU torch can use ----

  // torch.load of a checkpoint saved on a GPU, in a process where CUDA has no device (none visible, no driver)
  // a device built from an empty device type: vLLM's, when it detected no platform (no GPU, driver or accelerator library
  // visible), its UnspecifiedPlatform's device_type "" (7a06e5b05b170d7da31845866da0a99fc65253a1:vllm/platforms/interface.py:695-697),
  // as its own "Failed to infer device type" says (vllm/runtime.ts)
  drv('PyTorch (pytorch/pytorch): a device built from an empty device type (the engine detected no GPU platform)', /\bDevice string must not be empty\b/,
    'RuntimeError: Device string must not be empty', `${PT}:c10/core/Device.cpp:74`),
  drv('PyTorch (pytorch/pytorch): a checkpoint holds CUDA tensors but torch sees no CUDA device', /\bAttempting to deserialize object on a CUDA device but torch\.cuda\.is_available\(\) is False\b/,
    "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.", `${PT}:torch/serialization.py:634`),
  // the NCCL process group built where torch counts no GPU (at::cuda::getNumGPUs() == 0): none visible, or no driver (TORCH_CHECK_WITH ValueError)
  drv('PyTorch (pytorch/pytorch): an NCCL process group was created and torch sees no GPU', /\bProcessGroupNCCL is only supported with GPUs, no GPUs found\b/,
    'ProcessGroupNCCL is only supported with GPUs, no GPUs found!', `${PT}:torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:896`),
  // NVML's nvmlInit raised NVMLError_DriverNotLoaded
  drv("PyTorch (pytorch/pytorch): NVML found no loaded NVIDIA driver", /\bcuda driver can't be loaded, is cuda enabled\?/,
    "cuda driver can't be loaded, is cuda enabled?", `${PT}:torch/cuda/__init__.py:1291`),

  // ---- c10d (the process group's rendezvous store) ----

  // a rank's TCPStore client never reached the store's server (rank 0's host and port): the process group's rendezvous
  // failed. Read by its words also where no DistNetworkError names it (a bare RuntimeError, a line an engine's logger relays);
  // its warning "The client socket cannot be initialized to connect to …" (retried) is another message
  nccl("PyTorch (pytorch/pytorch) c10d: a rank timed out connecting to the process group's rendezvous store (TCPStore)", /\bThe client socket has timed out after \d{1,12}m?s while trying to connect to \([^()\s,]{1,255}, \d{1,5}\)/,
    'The client socket has timed out after 600000ms while trying to connect to (10.0.0.2, 29500).', `${PT}:torch/csrc/distributed/c10d/socket.cpp:1030`),

  // ---- torch_npu (Ascend/pytorch, PyTorch's adapter for Ascend NPUs) ----

  // its error code, written into the message of the exception a failed call raises, "[ERROR] <time> (PID:…, Device:…, RankID:…)
  // ERR<submodule><code> <SUBMODULE> <what>" (formatErrorCode, NPUException.cpp:90-103; the codes, NPUException.h:58-76, their words,
  // NPUException.cpp:15-31; OPS_CHECK_ERROR puts it between "OPS function error: <call>, error code is N" and the error's own text,
  // NPUException.h:207-240). ERR..200: a call of HCCL, the collective library, failed. ERR..100, "call acl api failed", is left out: a call
  // of the NPU runtime failed, and the words around it say why (an out-of-memory, an operator's parameter error)
  nccl('torch_npu (Ascend/pytorch): a call of HCCL, the collective library of Ascend NPUs, failed', /\bERR\d\d200 [A-Z]{2,5} call hccl api failed\b/,
    '[ERROR] 2025-07-30-10:15:05 (PID:5568, Device:10, RankID:3) ERR02200 DIST call hccl api failed', `${TORCH_NPU}:torch_npu/csrc/core/npu/NPUException.cpp:90-103`),

  // ---- CANN's operator base (hicann/opbase), which an aclnn operator call loads its kernels through ----

  // neither the static kernels' nor the dynamic kernels' binary_info_config.json could be read: the operator kernel package of the
  // toolkit is not installed (or not where ASCEND_OPP_PATH says), a package to install (the guide's import-error); "Get path and read …"
  // before the wording changed (hicann/opbase b70f5ef9eb67f02183b293cc4066cde734c8a070:src/nnopbase/individual_op/executor/indv_collecter.cpp:1536-1538)
  imp("CANN opbase (hicann/opbase): an operator's kernel binaries were not found: the toolkit's opp_kernel package is not installed", /\bread binary_info_config\.json failed, please check if the opp_kernel package is installed\b/,
    'call aclnnSwiGlu failed, detail:EZ1001: Get path and read binary_info_config.json failed, please check if the opp_kernel package is installed!', 'b70f5ef9eb67f02183b293cc4066cde734c8a070:src/nnopbase/individual_op/executor/indv_collecter.cpp:1536'),
];
