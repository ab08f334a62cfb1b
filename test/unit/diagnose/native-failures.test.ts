// The bare failure reports of runtimes and tools, read from their source (issue #22): glog's and abseil's failed CHECK,
// Go's panic, the shell not finding the program a start runs, pip or uv failing to install a requirement; and what stays a
// crash (`Illegal instruction (core dumped)`, `Fatal Python error: …`) or a wrapper (ninja's "build stopped", MPI_ABORT,
// Ollama's "panic: unable to load model: <path>"). Each form as printed, and the same words where they are no failure.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { cleanLine } from '../../../harness/diagnose/line-clean.ts';

const up = ['INFO:     Started server process [1]', 'INFO:     Waiting for application startup.', 'INFO:     Application startup complete.', 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)'];

describe("glog's and abseil's failed CHECK (a FATAL record)", () => {
  it('reads the F level as an error level, in glog\'s header and in abseil\'s before its time zone is loaded', () => {
    expect(cleanLine('F1203 10:00:00.000000 123 pjrt.cc:12] Check failed: status.ok()')).toEqual({ text: 'Check failed: status.ok()', level: 'CRITICAL' });
    expect(cleanLine('F0000 00:00:1733220001.123456    1234 pjrt_client.cc:40] Check failed: x == y (1 vs. 2)')).toEqual({ text: 'Check failed: x == y (1 vs. 2)', level: 'CRITICAL' });
    expect(cleanLine('E0000 00:00:1733220000.123456    1234 cuda_dnn.cc:8310] Unable to register cuDNN factory').level).toBe('ERROR');
  });

  it.each([
    ['F1203 10:00:00.000000 123 main.cc:12] Check failed: ptr != nullptr ', 'other'],
    ['F0000 00:00:1733220001.123456    1234 pjrt_client.cc:40] Check failed: x == y (1 vs. 2)', 'other'],
    // the message after "Check failed:" decides
    ['F1203 10:00:00.000000 123 pjrt.cc:12] Check failed: status.ok() RESOURCE_EXHAUSTED: Out of memory while trying to allocate 1073741824 bytes.', 'oom'],
    ['F1203 10:00:00.000000 123 gpu.cc:99] Check failed: error == cudaSuccess (35 vs. 0)  CUDA driver version is insufficient for CUDA runtime version', 'driver-mismatch'],
  ])('%s → %s', (line, want) => {
    expect(category('I1203 09:59:59.000000 123 main.cc:1] starting', line, '*** Check failure stack trace: ***', '    @     0x7f0a1b2c3d4e  absl::log_internal::LogMessageFatal::~LogMessageFatal()', 'Aborted (core dumped)')).toBe(want);
  });

  it('is no failure inside a sentence, nor a LOG(FATAL) that names nothing', () => {
    expect(category('The docs say a "Check failed: x" line means a bug.', ...up)).toBe('healthy');
    expect(category('F1203 10:00:00.000000 123 main.cc:12] something bad happened', 'Aborted (core dumped)')).toBe('unknown');
  });
});

describe("Go's panic", () => {
  const stack = ['', 'goroutine 1 [running]:', 'main.main()', '\t/src/cmd/main.go:10 +0x1d', 'exit status 2'];

  it.each([
    ['panic: runtime error: invalid memory address or nil pointer dereference', 'other'],
    ['panic: runtime error: index out of range [0] with length 0', 'other'],
    ['panic: failed to initialize: open /etc/config.yaml: no such file or directory', 'other'],
    // its words decide, as an exception's do
    ['panic: cudaMalloc failed: out of memory (CUDA error 2)', 'oom'],
  ])('%s → %s', (line, want) => {
    expect(category('time=2025-01-01T00:00:00Z level=INFO msg="starting runner"', line, ...(line.includes('nil pointer') ? ['[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5a1b2c]'] : []), ...stack)).toBe(want);
  });

  it("leaves Ollama's panic of a model llama.cpp could not load to the loader's own error before it", () => {
    expect(category(
      'llama_model_load: error loading model: unable to allocate CUDA0 buffer',
      'llama_load_model_from_file: failed to load model',
      'panic: unable to load model: /root/.ollama/models/blobs/sha256-d83c18fb2a2c',
      ...stack,
    )).toBe('oom');
    expect(category('panic: unable to load model: /root/.ollama/models/blobs/sha256-d83c18fb2a2c', ...stack)).toBe('unknown');
  });

  it('is no failure inside a sentence', () => {
    expect(category('The server may panic: we saw it once under load.', ...up)).toBe('healthy');
  });
});

describe('the shell not finding the program a start runs', () => {
  it.each([
    'bash: line 1: vllm: command not found',
    'bash: vllm: command not found',
    './start.sh: line 3: text-generation-launcher: command not found',
    '/bin/sh: 1: sglang: not found',
    '/entrypoint.sh: 12: python3: not found',
  ])('%s → import-error (the fix is installing it)', (line) => {
    expect(category('+ vllm serve Qwen/Qwen2-7B-Instruct --port 8000', line)).toBe('import-error');
  });

  it('reads an option run as a command as a command line broken (other), and the CUDA compiler as the toolchain', () => {
    expect(category('bash: line 2: --tensor-parallel-size: command not found')).toBe('other');
    expect(category('/bin/sh: 1: /usr/local/cuda/bin/nvcc: not found')).toBe('ptx-toolchain');
  });

  it('leaves nvidia-smi not found to the failure after it', () => {
    expect(category('bash: nvidia-smi: command not found', 'RuntimeError: Found no NVIDIA driver on your system.')).toBe('driver-mismatch');
  });

  it('is no failure quoted in a sentence or said of something else', () => {
    expect(category('If you see "bash: vllm: command not found", install vllm first.', ...up)).toBe('healthy');
    expect(category('The model file was not found in the cache; downloading it.', ...up)).toBe('healthy');
  });
});

describe('pip failing to install a requirement', () => {
  it.each([
    ['ERROR: Could not find a version that satisfies the requirement vllm==0.99.0 (from versions: 0.1.0, 0.2.0)', 'ERROR: No matching distribution found for vllm==0.99.0'],
    ['ERROR: No matching distribution found for flash-attn==9.9.9'],
  ])('%s → import-error', (...lines) => {
    expect(category('Collecting vllm==0.99.0', ...lines)).toBe('import-error');
  });

  it("is not its dependency resolver's note of conflicts left behind: the install went through", () => {
    const conflicts = [
      "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed. This behaviour is the source of the following dependency conflicts.",
      'vllm 0.6.0 requires torch==2.4.0, but you have torch 2.5.0 which is incompatible.',
      'Successfully installed torch-2.5.0',
    ];
    expect(category(...conflicts, ...up)).toBe('healthy');
    expect(category(...conflicts)).toBe('unknown');
    // the engine's own failure after it decides
    expect(category(...conflicts, 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.')).toBe('oom');
  });

  it("reads uv's resolver finding no solution the same way", () => {
    const because = '  ╰─▶ Because vllm==0.99.0 was not found in the package registry and you require vllm==0.99.0, we can conclude that your requirements are unsatisfiable.';
    expect(category('Using Python 3.12.3 environment at: /opt/venv', '  × No solution found when resolving dependencies:', because)).toBe('import-error');
    expect(category('error: No solution found when resolving dependencies', because)).toBe('import-error');
    expect(category('We tried uv first; no solution found when resolving dependencies was its complaint, so we used pip.', ...up)).toBe('healthy');
  });

  it('is no failure in a sentence', () => {
    expect(category('Note: pip said no matching distribution was found for an old version, so we pinned a new one.', ...up)).toBe('healthy');
  });
});

describe('what stays a crash or a wrapper', () => {
  it("reads the shell's SIGILL report as a crash (unknown), CUDA's illegal instruction as a kernel's crash (other)", () => {
    expect(category('INFO 01-01 00:00:00 [api_server.py:1] vLLM API server version 0.9.0', 'Illegal instruction (core dumped)')).toBe('unknown');
    expect(category('RuntimeError: CUDA error: an illegal instruction was encountered')).toBe('other');
  });

  it('keeps `Fatal Python error: …` a crash unless it names its own failure', () => {
    expect(category('Fatal Python error: Segmentation fault', '', 'Thread 0x00007f0a (most recent call first):', '  File "/usr/lib/python3.12/threading.py", line 331 in wait')).toBe('unknown');
    expect(category('Fatal Python error: Aborted')).toBe('unknown');
    expect(category('Fatal Python error: init_fs_encoding: failed to get the Python codec of the filesystem encoding', "ModuleNotFoundError: No module named 'encodings'")).toBe('import-error');
  });

  it("reads ninja's \"build stopped\" and MPI_ABORT as wrappers: the error before them decides", () => {
    expect(category('FAILED: sampling.cuda.o', '/bin/sh: 1: /usr/local/cuda/bin/nvcc: not found', 'ninja: build stopped: subcommand failed.')).toBe('ptx-toolchain');
    expect(category('ninja: build stopped: subcommand failed.')).toBe('unknown');
    expect(category('RuntimeError: CUDA error: out of memory', 'MPI_ABORT was invoked on rank 0 in communicator MPI_COMM_WORLD', 'with errorcode 1.')).toBe('oom');
    expect(category('MPI_ABORT was invoked on rank 0 in communicator MPI_COMM_WORLD', 'with errorcode 1.')).toBe('unknown');
  });
});
