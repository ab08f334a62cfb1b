// PyTorch's own messages (upstream-messages/pytorch.ts, and its newer capability warning in category-evidence.ts), read in
// torch 2.11.0 and rendered there; each as a log shows it, raised bare, relayed by an engine, or wrapped by torch.compile.
// The logs around the messages are made up.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const traceback = (frame: string, exception: string): string =>
  ['Traceback (most recent call last):', '  File "/app/serve.py", line 42, in main', '    engine = build(args)', frame, exception].join('\n');
const at = (file: string, line: number, fn: string): string => `  File "/usr/local/lib/python3.12/dist-packages/${file}", line ${line}, in ${fn}`;

describe("PyTorch's messages name their category", () => {
  it.each([
    ['import-error', at('torchvision/_meta_registrations.py', 164, '<module>'), 'RuntimeError: operator torchvision::nms does not exist'],
    ['import-error', at('vllm/_custom_ops.py', 30, '<module>'), 'RuntimeError: operator _C::rms_norm does not exist'],
    ['ptx-toolchain', at('torch/utils/cpp_extension.py', 3182, '_join_cuda_home'), 'OSError: CUDA_HOME environment variable is not set. Please set it to your CUDA install root.'],
    ['import-error', at('torch/_inductor/scheduler.py', 5908, 'create_backend'), 'torch._inductor.exc.TritonMissing: Cannot find a working triton installation. Either the package is not installed or it is too old. More information on installing Triton can be found at: https://github.com/triton-lang/triton'],
    ['import-error', at('torch/_dynamo/output_graph.py', 1800, '_call_user_compiler'), 'torch._inductor.exc.InductorError: TritonMissing: Cannot find a working triton installation. Either the package is not installed or it is too old. More information on installing Triton can be found at: https://github.com/triton-lang/triton'],
    ['backend-unsupported', at('torch/_dynamo/output_graph.py', 1800, '_call_user_compiler'), 'torch._inductor.exc.InductorError: GPUTooOldForTriton: Found Tesla P100-PCIE-16GB which is too old to be supported by the triton GPU compiler, which is used as the backend. Triton only supports devices of CUDA Capability >= 7.0, but your device is of CUDA capability 6.0'],
    ['backend-unsupported', at('torch/_dynamo/device_interface.py', 170, 'raise_if_triton_unavailable'), 'RuntimeError: This device is not capable of supporting Triton'],
    ['import-error', at('torch/_dynamo/device_interface.py', 290, 'raise_if_triton_unavailable'), "RuntimeError: triton not built with the 'nvidia' backend"],
    ['graph-capture', '  File "/app/capture.py", line 12, in warmup', "RuntimeError: CUDA graphs must be captured on a non-default stream. (However, after capture, it's ok to replay them on the default stream.)"],
    ['graph-capture', '  File "/app/capture.py", line 18, in warmup', 'RuntimeError: Capture must end on the same stream it began on.'],
    ['driver-mismatch', at('torch/serialization.py', 634, '_validate_device'), "RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU."],
    ['driver-mismatch', at('torch/cuda/__init__.py', 1291, '_get_pynvml_handler'), "RuntimeError: cuda driver can't be loaded, is cuda enabled?"],
    ['nccl', at('torch/distributed/rendezvous.py', 189, '_create_c10d_store'), 'RuntimeError: The client socket has timed out after 600s while trying to connect to (10.0.0.2, 29500).'],
    ['nccl', at('torch/distributed/rendezvous.py', 189, '_create_c10d_store'), 'torch.distributed.DistNetworkError: The client socket has timed out after 600000ms while trying to connect to (10.0.0.2, 29500).'],
  ])('%s: %s', (category, frame, exception) => {
    expect(classifyLog(traceback(frame, exception)).category).toBe(category);
    expect(classifyLog(traceback(frame, exception), { signatures: [] }).category).toBe(category);
  });

  it("reads the exception torch.compile wraps on the line after `backend='inductor' raised:`", () => {
    const wrapped = (inner: string): string =>
      traceback(at('torch/_dynamo/output_graph.py', 1446, '_call_user_compiler'), ["torch._dynamo.exc.BackendCompilerFailed: backend='inductor' raised:", inner].join('\n'));
    expect(classifyLog(wrapped('RuntimeError: Cannot find a working triton installation. More information on installing Triton can be found at https://github.com/openai/triton')).category).toBe('import-error');
    expect(classifyLog(wrapped('RuntimeError: Found Tesla T4 which is too old to be supported by the triton GPU compiler, which is used as the backend. Triton only supports devices of CUDA Capability >= 7.0, but your device is of CUDA capability 6.1')).category).toBe('backend-unsupported');
  });

  it("reads a relayed message at an engine's ERROR level", () => {
    const log = '(VllmWorkerProcess pid=62) ERROR 12-26 16:20:28 multiproc_worker_utils.py:236] RuntimeError: operator torchvision::nms does not exist';
    expect(classifyLog(log).category).toBe('import-error');
  });
});

describe("PyTorch's capability check: no compute capability it was built for runs on this GPU", () => {
  const warning = [
    '/usr/local/lib/python3.12/dist-packages/torch/cuda/__init__.py:357: UserWarning:',
    '    Found GPU0 Tesla P100-PCIE-16GB which is of compute capability (CC) 6.0.',
    '    The following list shows the CCs this version of PyTorch was built for and the hardware CCs it supports:',
    '    - 7.5 which supports hardware CC >=7.5,<8.0',
    '    - 8.0 which supports hardware CC >=8.0,<9.0 except {8.7}',
    '    Please follow the instructions at https://pytorch.org/get-started/locally/ to install a PyTorch release that supports one of these CUDA versions: 12.6',
    '  warnings.warn(',
  ];
  it('is no-kernel-image alone', () => {
    expect(classifyLog(warning.join('\n')).category).toBe('no-kernel-image');
  });
  it('is no-kernel-image before the failure it causes', () => {
    const log = [...warning, 'Traceback (most recent call last):', '  File "/app/serve.py", line 3, in <module>', '    x = torch.ones(1, device="cuda") + 1', 'RuntimeError: CUDA error: unspecified launch failure'];
    expect(classifyLog(log.join('\n')).category).toBe('no-kernel-image');
  });
});

describe('what they do not cover', () => {
  it.each([
    // the warning c10d writes while it retries connecting is no failure
    ['unknown', '[W801 01:26:33.267698394 socket.cpp:764] [c10d] The client socket cannot be initialized to connect to [localhost]:52347 (errno: 97 - Address family not supported by protocol).'],
    // a path that does not exist names no operator
    ['other', ['Traceback (most recent call last):', '  File "/app/serve.py", line 42, in main', '    load(path)', 'ValueError: Path /models/operator does not exist'].join('\n')],
    // tensors on two devices: a program error, not a GPU missing
    ['other', ['Traceback (most recent call last):', '  File "/app/serve.py", line 42, in main', '    run()', 'RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!'].join('\n')],
    // PyTorch's fork guard is a configuration error, not a driver's
    ['other', ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.12/dist-packages/torch/cuda/__init__.py", line 466, in _lazy_init', '    raise RuntimeError(', "RuntimeError: Cannot re-initialize CUDA in forked subprocess. To use CUDA with multiprocessing, you must use the 'spawn' start method"].join('\n')],
  ])('%s: %s', (category, log) => {
    expect(classifyLog(log).category).toBe(category);
  });
});
