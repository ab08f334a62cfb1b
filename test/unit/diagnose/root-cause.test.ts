import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../../harness/diagnose/knowledge-base.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';
import { untangle } from '../../../harness/diagnose/processes.ts';
import { earliest, messageBlock, readProcess } from '../../../harness/diagnose/root-cause.ts';
import { importFailureBefore } from '../../../harness/diagnose/import-failure.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

function read(log: string[]): { found: ReturnType<typeof readProcess>[]; lines: ReturnType<typeof readLog> } {
  const lines = readLog(log.join('\n'));
  return { lines, found: untangle(lines).map((v) => readProcess(lines, v, SIGNATURES)) };
}

describe('readProcess and earliest', () => {
  it("reads each rank's traceback on its own; the earliest failure of all processes is the cause", () => {
    const { found } = read([
      '[rank1]: Traceback (most recent call last):',
      '[rank0]: Traceback (most recent call last):',
      '[rank0]:   File "a.py", line 1, in load_weights',
      "[rank0]: KeyError: 'lm_head.weight'",
      '[rank1]:   File "a.py", line 9, in all_reduce',
      '[rank1]: RuntimeError: NCCL error: remote process exited or there was a network error',
    ]);
    expect(found.map((f) => f.failure?.index)).toEqual([5, 3]);
    expect(earliest(found)).toMatchObject({ index: 3, sig: null, generic: null });
  });

  it('reads a wrapper that quotes the worker error for that error; a bare wrapper only points at one', () => {
    const quoted = read(["RuntimeError: Worker failed with error 'CUDA error: no kernel image is available for execution on the device", "', please check the stack trace above for the root cause"]);
    expect(earliest(quoted.found)).toMatchObject({ index: 0, sig: { sig: { category: 'no-kernel-image' } } });
    const bare = read(['RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}']);
    expect(bare.found[0]).toMatchObject({ failure: null, wrapper: 0 });
  });

  it('counts a repeated error once and lets warnings decide nothing while a failure exists', () => {
    const { found } = read([
      'WARNING 01-02 03:04:05 [x.py:1] CUDA out of memory while probing the batch size',
      'ValueError: bad rope_scaling',
      'ValueError: bad rope_scaling',
    ]);
    expect(found[0]).toMatchObject({ failure: { index: 1 }, weak: { index: 0 } });
  });

  it("takes a logged message as the cause when its traceback is cut before the exception", () => {
    const { found } = read(['ERROR 01-02 03:04:05 [engine.py:366] Free memory on device is less than desired GPU memory utilization (0.9)', 'ERROR 01-02 03:04:05 [engine.py:366] Traceback (most recent call last):', 'ERROR 01-02 03:04:05 [engine.py:366]   File "e.py", line 1, in run']);
    expect(found[0]!.failure).toMatchObject({ index: 0, generic: { category: 'oom' } });
  });

  it('skips the source line of a frame that quotes an error template', () => {
    const { found } = read(['  File "pynccl.py", line 3, in check', '    raise RuntimeError(f"NCCL error: {error_str}")', 'RuntimeError: NCCL error: unhandled system error']);
    expect(found[0]!.failure).toMatchObject({ index: 2, sig: { sig: { id: 'nccl-system-error' } } });
  });
});

describe('messageBlock', () => {
  it('continues an exception onto its unprefixed lines, and stops at a frame, a wrapper or another level', () => {
    const lines = readLog(['ValueError: first part', 'second part', '  File "x.py", line 1, in f', 'ValueError: again', 'INFO 01-02 03:04:05 [x.py:1] later'].join('\n'));
    const [view] = untangle(lines);
    expect(messageBlock(lines, view!, 0)).toEqual([0, 1]);
    expect(messageBlock(lines, view!, 3)).toEqual([3]);
  });

  it('reads a message laid out on indented lines without their indentation (FlashInfer\'s error, rendered on lines)', () => {
    const log = [
      "RuntimeError: Error in function 'BatchPrefillWithPagedKVCacheDispatched'",
      '  at flashinfer/data/include/flashinfer/attention/prefill.cuh:2978:',
      '  FlashInfer Internal Error: Invalid configuration :',
      '    NUM_MMA_Q=1 NUM_MMA_D_QK=32 NUM_MMA_D_VO=32 NUM_MMA_KV=2',
      '  please create an issue and report the issue to the developers.',
    ];
    expect(classifyLog(log.join('\n'))).toMatchObject({ category: 'backend-unsupported' });
    // the same words with nothing for the rule to read stay unrecognised
    expect(classifyLog([log[0], log[1], '  FlashInfer Internal Error: unexpected state', log[4]].join('\n'))).toMatchObject({ category: 'other', confidence: 'none' });
  });
});

describe('importFailureBefore', () => {
  it('finds an import failure logged at any level before the failure line', () => {
    const lines = readLog(['WARNING 01-02 03:04:05 [registry.py:1] Failed to import foo: No module named bar', 'INFO ok', 'ValueError: Model architectures are not supported'].join('\n'));
    expect(importFailureBefore(lines, 2)).toBe(0);
    expect(importFailureBefore(lines, 0)).toBeNull();
  });
});

describe('the exception that closes a traceback', () => {
  it('is the line after the last frame, whatever its class is called', () => {
    const { found } = read(['Traceback (most recent call last):', '  File "/t/compiler.py", line 9, in compile', '    raise OutOfResources(self.shared, max_shared, "shared memory")', 'triton.runtime.errors.OutOfResources: out of resource: shared memory, Required: 262144, Hardware limit: 232448']);
    expect(found[0]!.failure).toMatchObject({ index: 3, sig: null });
    const prose = read(['Loading weights', 'Done: 4 shards']);
    expect(prose.found[0]!.failure).toBeNull();
  });
});

describe('wrappers that quote an error', () => {
  it("decide by the quoted error when it names a category; else the traceback after them does, else they are 'other'", () => {
    const ray = read(['ray.exceptions.RayTaskError(RuntimeError): ray::RayWorkerWrapper.execute_method() (pid=9, ip=10.0.0.2)', 'Traceback (most recent call last):', '  File "worker.py", line 1, in init_device', "RuntimeError: NCCL error: unhandled cuda error"]);
    expect(earliest(ray.found)).toMatchObject({ index: 3, sig: { sig: { category: 'nccl' } } });
    const bare = read(["RuntimeError: Worker failed with error 'KeyError: lm_head', please check the stack trace above for the root cause"]);
    expect(earliest(bare.found)).toMatchObject({ index: 0, sig: null, generic: null });
  });
});

describe('importFailureBefore and optional kernels', () => {
  it("does not count old vLLM's warning that its compiled ops are missing", () => {
    const lines = readLog(["WARNING 01-02 03:04:05 [_custom_ops.py:1] Failed to import from vllm._C with ImportError('libcudart.so.11.0')", "ValueError: Model architectures ['Foo'] are not supported for now."].join('\n'));
    expect(importFailureBefore(lines, 1)).toBeNull();
  });

  it("reads a frame cut more than once, and an exception cut at the terminal's width, for the frame rules", () => {
    // transformers' auto config raises KeyError for a model type it does not know; each line cut at 80 columns (the frame twice)
    const log = [
      'Traceback (most recent call last):',
      '  File "/home/someone/miniconda3/envs/serving/lib/python3.10/site-packages/transformers/models/auto/configuration_auto.py", line 691, in __getitem__',
      '    raise KeyError(key)',
      "model-worker-1  | 2024-09-26 06:12:44 | ERROR | stderr | KeyError: 'foobar'",
    ];
    const cut = log.flatMap((l) => l.match(/.{1,80}/g) ?? ['']);
    expect(classifyLog(log.join('\n'), { signatures: [] })).toMatchObject({ category: 'unsupported-model', confidence: 'generic' });
    expect(classifyLog(cut.join('\n'), { signatures: [] })).toMatchObject({ category: 'unsupported-model', confidence: 'generic' });
  });

  it('takes a bare lowercase word after a frame for no exception (the start of a cut line), a bare class name for one', () => {
    const frame = ['Traceback (most recent call last):', '  File "/x/y.py", line 3, in f', '    g()'];
    expect(read([...frame, 're']).found[0]!.failure).toBeNull();
    expect(read([...frame, 'StopIteration']).found[0]!.failure).not.toBeNull();
  });
});

describe("the container entrypoint's driver check", () => {
  const banner = [
    'ERROR: This container was built for NVIDIA Driver Release 595.58 or later, but',
    '       version 580.159.03 was detected and compatibility mode is UNAVAILABLE.',
    '',
    '       [[]]',
    '',
  ];

  it("decides nothing while the engine it went on to start fails on its own (the engine's failure is the cause)", () => {
    const log = [...banner, '[2026-06-10 02:04:44] Load weight begin. avail mem=111.62 GB', 'Traceback (most recent call last):', '  File "pool_configurator.py", line 57, in __post_init__', '    raise RuntimeError(msg)', 'RuntimeError: Not enough memory. Please try to increase --mem-fraction-static.'];
    expect(classifyLog(log.join('\n')).category).toBe('oom');
  });

  it('decides when nothing after it names a failure: the engine crashed, failed on nothing named, or the log ends', () => {
    expect(classifyLog(banner.join('\n')).category).toBe('driver-mismatch');
    expect(classifyLog([...banner, 'terminate called without an active exception', 'Aborted (core dumped)'].join('\n')).category).toBe('driver-mismatch');
    const nameless = [...banner, 'Traceback (most recent call last):', '  File "server.py", line 3, in main', '    run()', 'RuntimeError: worker exited'];
    expect(classifyLog(nameless.join('\n')).category).toBe('driver-mismatch');
    expect(classifyLog('I encountered this error, "ERROR: This container was built for NVIDIA Driver Release 535.86 or later, but version 520.56.06 was detected and compatibility mode is UNAVAILABLE."').category).toBe('driver-mismatch');
  });

  it('is not a cause in a log that shows the server up', () => {
    const log = [...banner, 'INFO:     Started server process [1]', 'INFO:     Application startup complete.', 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)'];
    expect(classifyLog(log.join('\n')).category).toBe('healthy');
  });
});

describe('a failure that names nothing, said to come during CUDA graph capture', () => {
  const failure = ['```text', 'File "/x/vllm/models/deepseek_v4/sparse_mla.py", line 262, in _build_c128a_metadata', '    assert active_topk_width >= cm.max_seq_len // self.compress_ratio', 'AssertionError', '```'];

  it("is the capture's failure when the log's own words place it in the capture (the guide, rule 7)", () => {
    expect(classifyLog(['DeepSeek V4 fails during CUDA graph capture while vLLM starts.', '', ...failure].join('\n')).category).toBe('graph-capture');
  });

  it('stays other when nothing places it in the capture, and a failure that names a category keeps it', () => {
    expect(classifyLog(['DeepSeek V4 fails while vLLM starts.', '', ...failure].join('\n')).category).toBe('other');
    const named = ['DeepSeek V4 fails during CUDA graph capture.', 'Traceback (most recent call last):', '  File "x.py", line 1, in run', 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB'];
    expect(classifyLog(named.join('\n')).category).toBe('oom');
  });
});

describe('wrappers read from the engines\' and launchers\' source (issue #22)', () => {
  const oom = [
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/site-packages/x/model_runner.py", line 210, in load_model',
    '    self.model = get_model(cfg)',
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.19 GiB of which 1.2 GiB is free.',
  ];
  // each line as an engine writes it, source at its WRAPPERS entry in log-lines.ts
  it.each([
    ['vLLM v1 API-server supervisor, a child', 'RuntimeError: Process ApiServer_0 (PID: 123) died with exit code 1'],
    ['vLLM v1 API-server supervisor, an engine core', 'RuntimeError: Engine core process EngineCore_DP0 died unexpectedly.'],
    ["vLLM's Ray executor v2, no worker started", 'RuntimeError: Ray workers have not started successfully.'],
    ["vLLM's Ray executor v2, a worker's status", "RuntimeError: Worker 0 failed to initialize: {'status': 'FAILED'}"],
    ['vLLM V0 worker pool', 'ChildProcessError: worker died'],
    ['vLLM V0 MQ client', 'RuntimeError: Engine process (pid 123) died.'],
    ['SGLang scheduler, exit code -9 (its advice names the OOM killer)', 'RuntimeError: Rank 0 scheduler died during initialization (exit code: -9). If exit code is -9 (SIGKILL), a common cause is the OS OOM killer. Run `dmesg -T | grep -i oom` to check.'],
    ["SGLang's HTTP-server engine", 'Exception: Server process terminated unexpectedly.'],
    ["LMDeploy's DP launcher", 'RuntimeError: Server process 123 exited with code 1'],
    ["TensorRT-LLM's executor proxy, an error signalled", 'RuntimeError: Executor worker returned error'],
    ["TensorRT-LLM's executor proxy, the worker gone", 'RuntimeError: Executor worker died during initialization'],
    ["TGI's launcher after a failed download", 'Error: DownloadError'],
    ["Ollama's runner, an exit status", 'Error: llama runner process has terminated: exit status 2'],
    ["Ollama's runner, through its API", 'Error: 500 Internal Server Error: llama runner process has terminated: exit status 0xc0000409'],
    ["Ollama's runner, an exit code", 'Error: llama runner process has terminated with exit code 1'],
    ["Ollama's runner, no message after the code", 'Error: llama runner process no longer running: -1 '],
    ["Ray's RayActorError", 'ray.exceptions.RayActorError: The actor died unexpectedly before finishing this task.'],
    ['torch.multiprocessing.spawn, an exit code', 'torch.multiprocessing.spawn.ProcessExitedException: process 0 terminated with exit code 1'],
    ['torch.multiprocessing.spawn, a signal (older releases: Exception)', 'Exception: process 1 terminated with signal SIGKILL'],
  ])('%s: alone it is unknown; after the real cause, the cause decides', (_engine, wrapper) => {
    expect(classifyLog(wrapper).category).toBe('unknown');
    expect(classifyLog([...oom, wrapper].join('\n')).category).toBe('oom');
  });

  it("still reads a wrapper that carries its cause: Ollama's runner with the runner's last error", () => {
    expect(classifyLog('Error: llama runner process has terminated: CUDA error: out of memory').category).toBe('oom');
    // a GPU buffer llama.cpp could not allocate (upstream-messages/ggml.ts)
    expect(classifyLog('Error: llama runner process has terminated: error loading model: unable to allocate CUDA0 buffer').category).toBe('oom');
  });

  it("reads torch.multiprocessing.spawn's ProcessRaisedException for the child's traceback printed after it", () => {
    const parent = ['Traceback (most recent call last):', '  File "serve.py", line 3, in <module>', '    mp.spawn(main, nprocs=2)', 'torch.multiprocessing.spawn.ProcessRaisedException: ', '', '-- Process 0 terminated with the following error:', 'Traceback (most recent call last):', '  File "/usr/lib/python3/site-packages/torch/multiprocessing/spawn.py", line 90, in _wrap', '    fn(i, *args)'];
    expect(classifyLog([...parent, 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB'].join('\n')).category).toBe('oom');
    expect(classifyLog([...parent, 'RuntimeError: CUDA error: no kernel image is available for execution on the device'].join('\n')).category).toBe('no-kernel-image');
    // the child's traceback cut off: only the wrapper is left
    expect(classifyLog(parent.slice(0, 6).join('\n')).category).toBe('unknown');
  });
});

describe("tritonserver's load error: the status it carries is the cause", () => {
  // model_lifecycle.cc logs `failed to load '<m>' version <n>: <code>: <message>`, then the server gives up with a wrapper
  const log = (status: string): string =>
    [
      'I1203 10:00:00.000000 1 server.cc:674] Waiting for in-flight requests to complete.',
      `E1203 10:00:01.123456 1 model_lifecycle.cc:654] failed to load 'llama' version 1: ${status}`,
      'I1203 10:00:01.200000 1 server.cc:604]',
      'error: creating server: Internal - failed to load all models',
    ].join('\n');
  it.each([
    ['an exception naming no category', 'Internal: ValueError: Unrecognized keyword argument max_num_seqs_x', 'other'],
    ['a configuration refused', "Invalid argument: model 'llama', tensor 'input_ids': the model expects 2 dimensions but the model configuration specifies 1", 'other'],
    ['a CUDA error of a category', 'Internal: RuntimeError: CUDA error: no kernel image is available for execution on the device', 'no-kernel-image'],
    ['GPU memory', 'Internal: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', 'oom'],
    ['an import', "Internal: ModuleNotFoundError: No module named 'vllm'", 'import-error'],
    // the Python backend's stub died: its own output, not in this log, says why
    ['only the stub gone', "Internal: Stub process 'llama_0_0' is not healthy.", 'unknown'],
  ])('%s', (_what, status, category) => {
    expect(classifyLog(log(status)).category).toBe(category);
  });
  it('the wrapper alone says nothing', () => {
    expect(classifyLog(['E1203 10:00:01.200000 1 server.cc:250] failed to load all models', 'error: creating server: Internal - failed to load all models'].join('\n')).category).toBe('unknown');
  });
});
