// The classifier on new wordings of known failures and on the shapes that defeated the line-by-line
// matcher (issue #22): synthetic logs, each written to show one mechanism.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const E = (proc: string, msg: string): string => `(${proc}) ERROR 01-02 03:04:05 [core.py:700] ${msg}`;

describe('new wordings of known failures land in their category, with generic confidence', () => {
  it('a CUDA-graph capture error raised through torch.compile/dynamo is graph-capture', () => {
    const p = 'EngineCore_DP0 pid=12';
    const log = [
      `(${p}) INFO 01-02 03:04:00 [gpu_model_runner.py:1] Capturing CUDA graphs (mixed prefill-decode, PIECEWISE)`,
      E(p, 'EngineCore failed to start.'),
      E(p, 'Traceback (most recent call last):'),
      E(p, '  File "/v/v1/worker/gpu_model_runner.py", line 3000, in capture_model'),
      E(p, '    self._capture_cudagraphs(compilation_cases)'),
      E(p, "torch._dynamo.exc.BackendCompilerFailed: backend='<vllm.compilation.backends.VllmBackend object>' raised:"),
      E(p, 'RuntimeError: Cannot call CUDAGeneratorImpl::current_seed during CUDA graph capture.'),
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'graph-capture', confidence: 'generic', phase: 'graph-capture' });
  });

  it('an exception with no telling words, raised through the capture frames, is graph-capture', () => {
    const log = ['Traceback (most recent call last):', '  File "/v/worker/model_runner.py", line 1, in capture_model', '    run()', "torch._dynamo.exc.InternalTorchDynamoError: AttributeError: 'NoneType' object has no attribute 'shape'"].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'graph-capture', confidence: 'generic' });
  });

  it('the KV cache not fitting, in words no signature has, is oom', () => {
    const log = ['INFO 01-02 03:04:05 [worker.py:1] Memory profiling takes 3.1 seconds', 'ValueError: Insufficient memory for the KV cache: 2.50 GiB needed, 1.20 GiB left after loading the model.'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'oom', confidence: 'generic', phase: 'kv-cache' });
  });

  it('"no available memory for the cache blocks" cut by the terminal mid-word is still the KV-cache signature', () => {
    const msg = '(EngineCore pid=7) ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utiliz';
    expect(classifyLog([`${msg}`, 'ation` when initializing the engine.'].join('\n'))).toMatchObject({ signature: 'oom-kv-cache', confidence: 'signature' });
    // a terminal cut the full-width line: its rest has no process tag
    const cut = E('EngineCore pid=7', 'ValueError: No available memory for the cache bl');
    expect(classifyLog([cut, 'ocks. Try increasing `gpu_memory_utilization`.'].join('\n'))).toMatchObject({ signature: 'oom-kv-cache' });
  });

  it.each([
    'RuntimeError: The FlashInfer MLA backend requires compute capability 10.0 or newer (found 8.6).',
    'ValueError: The current GPU (sm_75) is not supported by the CUTLASS w8a8 kernels.',
    'NotImplementedError: FA3 only supports Hopper GPUs.',
  ])('a backend refused for the GPU in new words is backend-unsupported: %s', (line) => {
    expect(classifyLog(line)).toMatchObject({ category: 'backend-unsupported', confidence: 'generic' });
  });

  it('NCCL errors of two ranks, interleaved, with the last line cut off, are nccl', () => {
    const log = [
      '[rank0]: Traceback (most recent call last):',
      '[rank1]: Traceback (most recent call last):',
      '[rank0]:   File "/v/distributed/parallel_state.py", line 1, in init_distributed_environment',
      '[rank1]:   File "/v/distributed/parallel_state.py", line 1, in init_distributed_environment',
      '[rank0]:     torch.distributed.barrier()',
      '[rank1]:     torch.distributed.barrier()',
      '[rank0]: torch.distributed.DistBackendError: NCCL error in: ../torch/csrc/distributed/c10d/NCCLUtils.hpp:317, unhandled cuda error (run with NCCL_DEBUG=INFO for details)',
      '[rank1]: torch.distributed.DistBackendError: NCCL error in: ../torch/csrc/distributed/c10d/NCCLUtils.hp',
      '[rank0]: ncclUnhandledCudaError: Call to CUDA function failed.',
      '[rank1]: ncclUnhandledCudaError: Call to CUDA func',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'nccl', evidence: [{ line: 7 }] });
    // cut before any Python exception: NCCL's own warning of both ranks on one GPU decides
    const warnOnly = ['host:101:201 [0] NCCL INFO Init START', 'host:102:202 [0] init.cc:943 NCCL WARN Duplicate GPU detected : rank 1 and rank 0 both on CUDA device 1d000', 'host:101:201 [0] NCCL INFO init.cc:1'].join('\n');
    expect(classifyLog(warnOnly)).toMatchObject({ category: 'nccl', confidence: 'generic', evidence: [{ line: 2 }] });
    const cutEarly = ['[rank1]: Traceback (most recent call last):', '[rank1]:   File "/v/distributed/parallel_state.py", line 1, in barrier', '[rank1]: torch.distributed.DistBackendError: NCC'].join('\n');
    expect(classifyLog(cutEarly)).toMatchObject({ category: 'nccl', confidence: 'generic' });
  });

  it('a model "not supported" only because an earlier import failed is import-error', () => {
    const log = [
      "[2025-01-02 03:04:05 TP0] Ignore import error when loading sglang.srt.models.qwen3_vl: No module named 'transformers.models.qwen3_vl'",
      '[2025-01-02 03:04:06 TP0] Scheduler hit an exception: Traceback (most recent call last):',
      '  File "/sgl/model_loader/utils.py", line 1, in get_model_architecture',
      "ValueError: Model architectures ['Qwen3VLForConditionalGeneration'] are not supported for now.",
    ].join('\n');
    const d = classifyLog(log);
    expect(d).toMatchObject({ category: 'import-error', confidence: 'generic' });
    expect(d.evidence.map((e) => e.line)).toEqual([1, 4]);
    expect(classifyLog(log.split('\n').slice(1).join('\n'))).toMatchObject({ category: 'unsupported-model', confidence: 'signature' });
  });

  it("vLLM's registry: the subprocess's ImportError under 'Error raised in subprocess' is the cause", () => {
    const p = 'APIServer pid=1';
    const log = [
      E(p, "Error in inspecting model architecture 'Foo'"),
      E(p, 'Traceback (most recent call last):'),
      E(p, '  File "/v/model_executor/models/registry.py", line 870, in _run_in_subprocess'),
      E(p, '    raise RuntimeError(f"Error raised in subprocess:\\n"'),
      E(p, 'RuntimeError: Error raised in subprocess:'),
      E(p, 'Traceback (most recent call last):'),
      E(p, '  File "/v/model_executor/models/foo.py", line 3, in <module>'),
      E(p, "ImportError: cannot import name 'FooConfig' from 'transformers'"),
      `(${p}) ValueError: Model architectures ['Foo'] failed to be inspected. Please check the logs for more details.`,
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'import-error', signature: 'python-import-failed', evidence: [{ line: 8 }] });
  });
});

describe('healthy is earned', () => {
  it('warnings, deprecations, dynamo notices, "error" in config and metric names and NCCL INFO stay healthy', () => {
    const log = [
      "INFO 01-02 03:04:05 [api_server.py:1] non-default args: {'model': 'x', 'on_error': 'ignore', 'error_rate_threshold': 0.1}",
      '/usr/lib/python3/site-packages/torch/_dynamo/variables/functions.py:1: UserWarning: Dynamo detected a call to a functools.lru_cache-wrapped function.',
      '  torch._dynamo.utils.warn_once(msg)',
      'FutureWarning: `resume_download` is deprecated and will be removed in version 1.0.0.',
      "WARNING 01-02 03:04:06 [utils.py:1] Failed to import from vllm._C with ImportError('libcuda.so.1: cannot open shared object file')",
      'host:11:12 [0] NCCL INFO NET/IB : No device found.',
      'host:11:12 [0] NCCL INFO ncclCommInitRank comm 0x1 rank 0 nranks 2 - Init COMPLETE',
      'INFO 01-02 03:04:07 [metrics.py:1] exporting vllm:request_errors_total and vllm:num_preemptions_total',
      'INFO:     Application startup complete.',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'healthy', evidence: [{ line: 9 }] });
  });

  it('progress bars, memory figures, NCCL versions, C++ warnings and access logs of SGLang, TensorRT-LLM and Triton stay healthy', () => {
    const log = [
      'Capturing CUDA graph shapes: 100%|██████████| 35/35 [00:10<00:00,  3.40it/s]',
      '[2025-01-02 03:04:05 TP0] Load weight end. type=Qwen2ForCausalLM, dtype=torch.bfloat16, avail mem=60.10 GB, mem usage=15.30 GB.',
      '[2025-01-02 03:04:06 TP0] Capture cuda graph begin. This can take up to several minutes. avail mem=10.20 GB',
      '[2025-01-02 03:04:07 TP0] max_total_num_tokens=1234, max_running_requests=4097, context_len=32768, available_gpu_mem=10.21 GB',
      'NCCL version 2.21.5+cuda12.4',
      '[rank0]:[W102 03:04:08.1 ProcessGroupNCCL.cpp:1250] Warning: WARNING: process group has NOT been destroyed before we destruct ProcessGroupNCCL.',
      '[TensorRT-LLM][WARNING] Fix optionalParams : KV cache reuse disabled because model was not built with paged context FMHA support',
      'I1103 02:59:01.152656 81041 server.cc:677] | tensorrt_llm | 1       | READY  |',
      '[2025-01-02 03:04:09] INFO:     127.0.0.1:40000 - "POST /generate HTTP/1.1" 400 Bad Request',
      '[2025-01-02 03:04:10] The server is fired up and ready to roll!',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'healthy', evidence: [{ line: 10 }] });
  });

  it('a traceback is never healthy, even after the server became ready', () => {
    const log = ['INFO:     Application startup complete.', 'Traceback (most recent call last):', '  File "x.py", line 1, in handle'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unknown', confidence: 'none' });
  });

  it('an ERROR line that names no failure leaves the cause unknown, not healthy', () => {
    expect(classifyLog('ERROR 01-02 03:04:05 [launcher.py:1] The engine process died unexpectedly.')).toMatchObject({ category: 'unknown', evidence: [{ line: 1 }] });
  });

  it('a fatal CUDA error name on a line of its own is a failure', () => {
    expect(classifyLog('CUDA call failed: cudaErrorNoKernelImageForDevice')).toMatchObject({ category: 'no-kernel-image' });
  });
});

describe('errors beyond Python exceptions', () => {
  it('reads a C++ exception of TensorRT-LLM through terminate/what() for its message', () => {
    const log = ["terminate called after throwing an instance of 'tensorrt_llm::common::TllmException'", '  what():  [TensorRT-LLM][ERROR] Assertion failed: Unsupported architecture (/src/kernels/fmhaRunner.cpp:87)', '1       0x7f00 tensorrt_llm::common::throwRuntimeError(char const*, int) + 95'].join('\n');
    // evidence: the failure line and the line of its message that shows the category
    expect(classifyLog(log)).toMatchObject({ category: 'backend-unsupported', confidence: 'generic', evidence: [{ line: 1 }, { line: 2 }] });
  });

  it('joins a glog error line that a terminal cut and reads the allocation failure in it, showing both parts', () => {
    const head = 'E1103 02:59:01.152656 81041 backend_model.cc:553] ERROR: Failed to create instance: [TensorRT-LLM][ERROR] CUDA runtime error in ::cudaMallocAsync(ptr, n, mCudaSt';
    expect(classifyLog([head, 'ream->get()): out of memory (/app/runtime/tllmBuffers.h:112)'].join('\n'))).toMatchObject({ category: 'oom', evidence: [{ line: 1 }, { line: 2 }] });
  });

  it("reads a Rust launcher's panic and its argument errors (TGI) as failures", () => {
    const panic = `thread 'main' panicked at 'Unable to warmup model: Generation("Allocation on device 0 would exceed allowed memory. (out of memory)'`;
    expect(classifyLog(panic).category).toBe('oom');
    expect(classifyLog("error: invalid value 'True' for '--disable-custom-kernels'").category).toBe('other');
    // the rest of a cut source line is not clap's error
    // not a failure; with no sign of health either, it is `unknown` (healthy is earned)
    expect(classifyLog('    raise RuntimeError(f"NCCL error: {error_str}")').category).toBe('unknown');
  });

  it('takes an error line that gives its reason as a failure of that reason (other), not of unknown cause', () => {
    expect(classifyLog('2024-07-01 07:28:04.488 1 kserve ERROR [__main__.py:<module>():254] Failed to start model server: integer division or modulo by zero').category).toBe('other');
    expect(classifyLog('ERROR 01-02 03:04:05 [launcher.py:1] Failed to start engine: insufficient GPU memory for the KV cache').category).toBe('oom');
  });

  it("takes TGI's final LauncherError for a wrapper: the shard's own error before it decides", () => {
    expect(classifyLog(['2024-01-01T00:00:00Z ERROR text_generation_launcher: Shard 0 failed to start', 'Error: ShardCannotStart'].join('\n')).category).toBe('unknown');
    const log = ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', 'Error: ShardCannotStart'].join('\n');
    expect(classifyLog(log).category).toBe('oom');
  });

  it('takes an error line whose words name nothing as a failure of unknown cause, not healthy', () => {
    expect(classifyLog('[06/10/2025-02:50:21] [TRT-LLM] [E] Failed to initialize executor on rank 0')).toMatchObject({ category: 'unknown' });
  });

  it('calls a crash without an exception, and a kill before the server was ready, failures of unknown cause', () => {
    expect(classifyLog(['INFO 01-02 03:04:05 [loader.py:1] Loading weights took 3 s', 'Segmentation fault (core dumped)'].join('\n'))).toMatchObject({ category: 'unknown', evidence: [{ line: 2 }] });
    const killed = classifyLog(['INFO 01-02 03:04:05 [loader.py:1] Loading weights', '/opt/nim/start_server.sh received SIGTERM, attempting graceful shutdown...'].join('\n'));
    expect(killed).toMatchObject({ category: 'unknown', evidence: [{ line: 2 }] });
    expect(killed.explanation).toMatch(/stopped from outside before it became ready/);
    expect(classifyLog(['INFO:     Application startup complete.', 'received SIGTERM, shutting down'].join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it('reads an exception quoted by a wrapper on its own line (SGLang "Scheduler hit an exception: …")', () => {
    // torch.compile failed, outside graph capture: other by the guide's table
    const log = "[2025-01-02 03:04:05 TP0] Scheduler hit an exception: torch._dynamo.exc.Unsupported: generator functions are not traced";
    expect(classifyLog(log)).toMatchObject({ category: 'other', confidence: 'generic' });
    const inCapture = ['[2025-01-02 03:04:04 TP0] Capture cuda graph begin. This can take up to several minutes.', log].join('\n');
    expect(classifyLog(inCapture)).toMatchObject({ category: 'graph-capture', confidence: 'generic' });
  });

  it("reads the worker's error that vLLM 0.8.4's executor printed as a tuple, and mistral.rs's failed step, for the error they quote", () => {
    const tuple = "ERROR 04-16 08:38:03 [core.py:387] RuntimeError: ('Worker failed with error %s, please check the stack trace above for the root cause', 'CUDA out of memory. Tried to allocate 2.00 GiB')";
    expect(classifyLog(tuple)).toMatchObject({ category: 'oom' });
    const typeError = "ERROR 04-16 08:38:03 [core.py:387] RuntimeError: ('Worker failed with error %s, please check the stack trace above for the root cause', 'TypeError: linear(): argument must be Tensor, not tuple')";
    expect(classifyLog(typeError)).toMatchObject({ category: 'other' });
    // the wrapper alone, quoting nothing, names no cause
    expect(classifyLog("ERROR 04-16 08:38:03 [core.py:387] RuntimeError: ('Worker failed with error %s, please check the stack trace above for the root cause', '')")).toMatchObject({ category: 'unknown' });
    const step = '2024-07-29T20:08:08.867914Z ERROR mistralrs_core::engine: step - Model failed with error: WithBacktrace { inner: Msg("key must be a cuda tensor"), backtrace: Backtrace [] }';
    expect(classifyLog(step)).toMatchObject({ category: 'other' });
    expect(classifyLog(step.replace('Msg("key must be a cuda tensor")', 'Cuda(DriverError(CUDA_ERROR_OUT_OF_MEMORY, "out of memory"))'))).toMatchObject({ category: 'oom' });
  });

  it('reads an error line that gives its reason after a colon as the root cause (other), and one a start went on past and came up as survived', () => {
    expect(classifyLog('ERROR 01-02 03:04:05 [loader.py:1] Failed to load model weights from /models/x: file is corrupted')).toMatchObject({ category: 'other', evidence: [{ line: 1 }] });
    expect(classifyLog('E1012 01:17:48.318179 1 model_repository_manager.cc:1] failed to load model: invalid config')).toMatchObject({ category: 'other' });
    // a reason that points elsewhere is none; nor is an error with no reason
    expect(classifyLog('ERROR 01-02 03:04:05 [engine.py:1] Failed to start: see root cause above')).toMatchObject({ category: 'unknown' });
    expect(classifyLog('ERROR 01-02 03:04:05 [engine.py:1] Failed to start the engine')).toMatchObject({ category: 'unknown' });
    // logged, not raised, and the server came up after it: survived (the guide's rule 2)
    const survivedLog = ['ERROR 01-02 03:04:05 [metrics.py:1] Failed to connect to the metrics collector: connection refused', 'INFO:     Application startup complete.', 'INFO:     Uvicorn running on http://0.0.0.0:8000'].join('\n');
    expect(classifyLog(survivedLog)).toMatchObject({ category: 'healthy' });
    // … but not an exception raised before it, nor an error that names a category
    const raised = ['Traceback (most recent call last):', '  File "x.py", line 1, in f', 'ValueError: Failed to parse the chat template: unexpected token', 'INFO:     Application startup complete.'].join('\n');
    expect(classifyLog(raised).category).not.toBe('healthy');
    const oom = ['ERROR 01-02 03:04:05 [worker.py:1] Failed to allocate the KV cache: CUDA out of memory. Tried to allocate 2.00 GiB', 'INFO:     Application startup complete.'].join('\n');
    expect(classifyLog(oom).category).toBe('oom');
  });

  it("reads a Rust error's chain of causes (anyhow's \"Caused by:\") as part of its message: the innermost cause names the category", () => {
    const chain = ['Error: Failed to start the engine', '', 'Caused by:', '    0: Failed to load model', '    1: CUDA_ERROR_OUT_OF_MEMORY: out of memory'].join('\n');
    // (its "Caused by:" shown beside the error and the cause that names the category: the report read whole, unlevelled-errors.ts)
    expect(classifyLog(chain)).toMatchObject({ category: 'oom', evidence: [{ line: 1 }, { line: 3 }, { line: 5 }] });
    // a single cause is not numbered
    expect(classifyLog(['Error: worker failed', '', 'Caused by:', '    NCCL error: unhandled system error'].join('\n'))).toMatchObject({ category: 'nccl' });
    // a blank line with no chain after it ends the message
    expect(classifyLog(['Error: Failed to start the engine', '', 'CUDA_ERROR_OUT_OF_MEMORY is a name in the docs'].join('\n')).evidence).toEqual([expect.objectContaining({ line: 1 })]);
  });

  it('reads an exception named by its repr inside an unlevelled line (SGLang: "… with exception KVTransferError(room=1): Failed to send …")', () => {
    const line = '[2026-04-30 16:02:26] Prefill transfer failed for request rank=0 with exception KVTransferError(bootstrap_room=1): Failed to send kv chunk';
    expect(classifyLog(line)).toMatchObject({ category: 'other', evidence: [{ line: 1 }] });
    expect(classifyLog(line.replace('Failed to send kv chunk', 'CUDA out of memory. Tried to allocate 2.00 GiB'))).toMatchObject({ category: 'oom' });
    // a repr with no message after it is no exception named
    expect(classifyLog('[2026-04-30 16:02:26] retrying after KVTransferError(bootstrap_room=1)').category).not.toBe('other');
  });

  it("reads tini's failed exec of the image's entrypoint as the failure it names (other), and a gloo transport check that failed as nccl", () => {
    expect(classifyLog('2024-03-13T13:36:25.168094375Z [FATAL tini (7)] exec /app/docker/entrypoint.sh failed: No such file or directory')).toMatchObject({ category: 'other', evidence: [{ line: 1 }] });
    const gloo = ["terminate called after throwing an instance of 'gloo::EnforceNotMet'", ' what():  [enforce fail at /pytorch/third_party/gloo/gloo/transport/tcp/pair.cc:456] op.preamble.length <= op.nbytes. 4 vs 3', 'Fatal Python error: Aborted'].join('\n');
    expect(classifyLog(gloo)).toMatchObject({ category: 'nccl' });
    // an enforce outside gloo's transport is no communication failure
    expect(classifyLog(gloo.replace('gloo/transport/tcp/pair.cc', 'gloo/allreduce_local.cc')).category).not.toBe('nccl');
  });

  it("reads TEI's backend built for another compute capability (no-kernel-image) through its error's chain of causes, under a compose prefix too", () => {
    const tei = ['text-embeddings-1  | Error: Could not create backend', 'text-embeddings-1  | ', 'text-embeddings-1  | Caused by:', 'text-embeddings-1  |     Could not start backend: Runtime compute cap 52 is not compatible with compile time compute cap 75'].join('\n');
    expect(classifyLog(tei)).toMatchObject({ category: 'no-kernel-image' });
    expect(classifyLog(tei.replace('compute cap 52', 'compute cap 75')).category).not.toBe('no-kernel-image');
  });

  it("reads AReaL's rollout-server launcher giving up as a wrapper (unknown): the server's own output says why", () => {
    const log = ['Traceback (most recent call last):', '  File "areal/engine/sglang_remote.py", line 67, in _wait_for_server', '    raise RuntimeError("server launch failed")', 'RuntimeError: server launch failed'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unknown' });
    expect(classifyLog(['[2025-01-02 03:04:05 TP0] Scheduler hit an exception: torch.OutOfMemoryError: CUDA out of memory.', log].join('\n'))).toMatchObject({ category: 'oom' });
    // not any message that merely contains the words
    expect(classifyLog('RuntimeError: the server launch failed because port 30000 is in use')).toMatchObject({ category: 'other' });
  });

  it('lets the exception raised while handling a nameless one say what it meant', () => {
    const log = ['Traceback (most recent call last):', '  File "auto.py", line 1, in from_pretrained', "KeyError: 'qwen9'", '', 'During handling of the above exception, another exception occurred:', '', 'Traceback (most recent call last):', '  File "auto.py", line 3, in from_pretrained', 'ValueError: The checkpoint you are trying to load has model type `qwen9` but Transformers does not recognize this architecture.'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unsupported-model', signature: 'transformers-unknown-model-type' });
    const caused = log.replace('During handling of the above exception, another exception occurred:', 'The above exception was the direct cause of the following exception:');
    expect(classifyLog(caused)).toMatchObject({ category: 'other', evidence: [{ line: 3 }] });
  });

  it('calls a failed start whose only named failure is an import import-error, unless the engine said it went on without it', () => {
    const failed = "ERROR 01-02 03:04:05 [x.py:1] Failed to load the model module: ImportError: No module named 'bar'";
    const log = [failed, '[2025-01-02 03:04:06 TP0] Scheduler hit an exception: Traceback (most recent call last):'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'import-error', evidence: [{ line: 1 }] });
    // the labelling guide, rule 6: a line that says the engine goes on (ignores, falls back) decides nothing
    const ignored = ["[2025-01-02 03:04:05 TP1] Ignore import error when loading sglang.srt.models.foo. No module named 'bar'", '[2025-01-02 03:04:06 TP0] Scheduler hit an exception: Traceback (most recent call last):'].join('\n');
    expect(classifyLog(ignored)).toMatchObject({ category: 'unknown', confidence: 'none' });
    expect(classifyLog('Fallback to pytorch engine because `acme/Foo-13B` not supported by turbomind engine')).toMatchObject({ category: 'unknown' });
  });
});

describe('lines a terminal cut', () => {
  it('joins a plain message cut at a space with its rest, and does not take the rest of a cut source line for an exception', () => {
    const msg = "The model's max seq len (29000) is larger than the maximum number of tokens that can be stored in KV";
    expect(classifyLog([msg, ' cache (23648). Try increasing `gpu_memory_utilization`.'].join('\n'))).toMatchObject({ signature: 'oom-kv-cache', evidence: [{ line: 1 }, { line: 2 }] }); // the line with the rest a terminal cut off it: what the signature matched
    const trace = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/sample/ops/topk_topp_sampler.py", line 40, in __init__',
      '    from vllm.v1.attention.backends.flashinfer import FlashInferMetadataBuilder, Flash',
      'InferBackend',
      '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/attention/backends/flashinfer.py", line 11, in <module>',
      '    from flashinfer import BatchDecodeWithPagedKVCacheWrapper',
      "ModuleNotFoundError: No module named 'flashinfer'",
    ];
    expect(classifyLog(trace.join('\n'))).toMatchObject({ category: 'import-error', evidence: [{ line: 7 }] });
  });
});

describe('a GPU partly taken at start', () => {
  it('is the oom signature whose remedies lower gpu_memory_utilization', () => {
    const d = classifyLog('(Worker pid=7) ERROR 08-18 20:42:54 [multiproc_executor.py:901] ValueError: Free memory on device cuda:0 (52.81/95.01 GiB) on startup is less than desired GPU memory utilization (0.9, 85.51 GiB).');
    expect(d).toMatchObject({ category: 'oom', signature: 'oom-gpu-busy-at-start', confidence: 'signature', remedies: [{ gpu_memory_utilization: 0.8 }, { gpu_memory_utilization: 0.7 }] });
  });
});

describe('a bare line that names a failure decides when nothing else does and the server never came up', () => {
  // wordings that no signature has: only the generic evidence can name them
  const awq = 'The w4a16 scheme is not supported on this GPU (compute capability 7.0); an Ampere GPU or newer is needed.';

  it('a message pasted without its logger header or traceback', () => {
    expect(classifyLog(['How can I resolve this?', '```', awq, '```'].join('\n'))).toMatchObject({ category: 'backend-unsupported', confidence: 'generic' });
    const oom = 'The scheduler stopped: the token pool ran out of memory while admitting 3 requests.';
    expect(classifyLog(oom)).toMatchObject({ category: 'oom', confidence: 'generic' });
  });

  it('not once the server is ready, not for advice, not for a loose word', () => {
    expect(classifyLog([awq, 'INFO:     Uvicorn running on http://0.0.0.0:8000'].join('\n')).category).toBe('healthy');
    // advice and a loose word name no failure; with no sign of health either, they are `unknown`
    expect(classifyLog('If out-of-memory error occurs during cudagraph capture, consider decreasing gpu_memory_utilization').category).toBe('unknown');
    expect(classifyLog('node1:12:12 [0] NCCL INFO Bootstrap : Using eth0:10.0.0.1<0>').category).toBe('unknown');
  });

  it("NCCL's INFO lines inform: an optional plugin it did not find is no import failure; an error code it returns up its stack is", () => {
    const plugin = [
      'node1:462:462 [0] NCCL INFO ncclOsDlopen(libnccl-tuner.so) failed: libnccl-tuner.so: cannot open shared object file: No such file or directory',
      'node1:462:462 [0] NCCL INFO TUNER/Plugin: Could not find: libnccl-tuner.so',
    ];
    const after = [
      '(Worker_TP1 pid=462) ERROR 07-18 21:14:17 [multiproc_executor.py:898] Traceback (most recent call last):',
      '(Worker_TP1 pid=462) ERROR 07-18 21:14:17 [multiproc_executor.py:898]   File "/v/model_executor/layers/quantization/mxfp4.py", line 678, in _setup_kernel',
      '(Worker_TP1 pid=462) ERROR 07-18 21:14:17 [multiproc_executor.py:898] KeyError: \'w13_weight\'',
    ];
    expect(classifyLog([...plugin, ...after].join('\n'))).toMatchObject({ category: 'other', evidence: [{ line: 5 }] });
    expect(classifyLog(plugin.join('\n')).category).not.toBe('import-error');
    // … a library a program needs, loaded by the program itself, is one
    expect(classifyLog('OSError: libnccl.so.2: cannot open shared object file: No such file or directory').category).toBe('import-error');
    const returned = ['node1:12:12 [0] NCCL INFO Bootstrap : Using eth0:10.0.0.1<0>', 'node1:12:12 [0] NCCL INFO init.cc:1337 -> 2'].join('\n');
    expect(classifyLog(returned)).toMatchObject({ category: 'nccl', evidence: [{ line: 2 }] });
  });

  it('a signature still wins over it: an exception later in the log decides', () => {
    const log = [awq, 'Traceback (most recent call last):', '  File "x.py", line 1, in <module>', 'torch.OutOfMemoryError: CUDA out of memory.'].join('\n');
    expect(classifyLog(log).category).toBe('oom');
  });
});

describe('a warning that names a fatal error', () => {
  const warn = 'W0816 16:43:33.649654 127 pinned_memory_manager.cc:236] Unable to allocate pinned memory: cudaErrorInsufficientDriver';

  it('decides when nothing failed and the server never came up', () => {
    // the knowledge base knows this error: without it, the generic evidence still decides
    const log = ['I0816 16:43:33.6 127 server.cc:1] loading: model:1', warn].join('\n');
    expect(classifyLog(log, { signatures: [] })).toMatchObject({ category: 'driver-mismatch', confidence: 'generic' });
  });

  it('does not once the server is ready, nor when the warning names no fatal error', () => {
    expect(classifyLog([warn, 'INFO:     Application startup complete.'].join('\n'), { signatures: [] }).category).toBe('healthy');
    expect(classifyLog('WARNING 01-02 03:04:05 [config.py:1] flashinfer is not supported on this GPU, falling back').category).toBe('unknown');
  });
});

describe('a fatal error name in the message overrules a signature of another category', () => {
  it('a libcuda symbol missing from an extension is the driver, a C++ symbol is the build', () => {
    expect(classifyLog("ImportError: /x/vllm/_C.abi3.so: undefined symbol: cuTensorMapEncodeTiled")).toMatchObject({ category: 'driver-mismatch', confidence: 'generic' });
    expect(classifyLog('ImportError: /x/vllm/_C.abi3.so: undefined symbol: _ZN3c104cuda9SetDeviceEi')).toMatchObject({ category: 'import-error', signature: 'extension-undefined-symbol' });
  });
});

describe('a line a terminal cut inside its first words is read whole', () => {
  const head = (msg: string): string => `(Worker_TP4 pid=2532) ERROR 12-29 15:21:11 [multiproc_executor.py:751] ${msg}`;

  it('an exception whose class name was cut ("Value" + "Error: …")', () => {
    const log = [head('Value'), 'Error: No valid attention backend found for cuda with this configuration.'].join('\n');
    expect(classifyLog(log, { signatures: [] }).category).toBe('backend-unsupported');
  });

  it('a wrapper whose words were cut is still a wrapper, not the cause', () => {
    const log = ['RuntimeError: [address=0.0.0.0:36797, pid=6075] Engine core initialization faile', 'd. See root cause above.'].join('\n');
    expect(classifyLog(log).category).toBe('unknown');
  });
});

// Readings the labelling guide (harness/diagnose/README.md, "How a log is labelled") asks for, each on a short log.
describe('readings of the labelling guide', () => {
  it("rule 4: vLLM's 'failed to be inspected' with no inner error shown is a wrapper (unknown), as a Ray actor that died is", () => {
    const inspected = ['Traceback (most recent call last):', '  File "/v/model_executor/models/registry.py", line 372, in _raise_for_unsupported', '    raise ValueError(', "ValueError: Model architectures ['Qwen2ForCausalLM'] failed to be inspected. Please check the logs for more details."].join('\n');
    expect(classifyLog(inspected)).toMatchObject({ category: 'unknown', confidence: 'none' });
    const ray = ['ray.exceptions.RayTaskError(ActorDiedError): ray::TaskRunner.run() (pid=18948, ip=10.0.0.1)', 'ray.exceptions.ActorDiedError: The actor died unexpectedly before finishing this task.'].join('\n');
    expect(classifyLog(ray)).toMatchObject({ category: 'unknown' });
  });

  it('rule 6: a debug probe that names a fatal error decides a log without failure or health, not one that shows health', () => {
    const probe = 'DEBUG 08-29 04:29:54 [__init__.py:99] CUDA platform is not available because: NVML Shared Library Not Found';
    expect(classifyLog([probe, 'INFO 08-29 04:29:54 [__init__.py:245] No platform detected, vLLM is running on UnspecifiedPlatform'].join('\n'))).toMatchObject({ category: 'driver-mismatch', evidence: [{ line: 1 }] });
    expect(classifyLog([probe, 'INFO 01-02 03:04:05 [model_runner.py:1] Graph capturing finished in 14 secs, took 0.21 GiB'].join('\n')).category).toBe('healthy');
  });

  it('rule 6: a message that says it goes on past its error (ignores it and continues) is no failure', () => {
    const log = [
      "[2026-06-07 18:55:58] Could not cache non-existence of file. Will ignore error and continue. Error: [Errno 30] Read-only file system: '/root/.cache/x.json'",
      '[2026-06-07 18:56:17] KV Cache is allocated. #tokens: 5531994, K size: 18.47 GB, V size: 18.47 GB',
    ].join('\n');
    expect(classifyLog(log).category).toBe('healthy');
  });

  it('rule 7: an error during capture that names another category is that category, read with the rest of its message', () => {
    const log = ['Capture cuda graph failed: Assertion error', '(/deepgemm/csrc/apis/../utils/layout.hpp:57):', 'ab.scalar_type() == kPackedFP4 and arch_major == 10'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'backend-unsupported', evidence: [{ line: 1 }, { line: 2 }] });
    expect(classifyLog('Capture cuda graph failed: Assertion error').category).toBe('graph-capture');
  });

  it('the rest of a message its process did not tag is read for an error of the build: the CUDA compiler missing', () => {
    const log = [
      "(EngineCore_0 pid=58) RuntimeError: Error building extension 'sampling':",
      '  [1/4] /usr/local/cuda/bin/nvcc ... -c /x/sampling.cu -o sampling.cuda.o',
      '  FAILED: sampling.cuda.o',
      '  /bin/sh: 1: /usr/local/cuda/bin/nvcc: not found',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'ptx-toolchain', evidence: [{ line: 4 }] });
  });

  it("the table: the rendezvous store's port in use is nccl; the HTTP server's port in use is other", () => {
    const store = 'RuntimeError: The server socket has failed to listen on any local network address. The server socket has failed to bind to [::]:29500 (errno: 98 - Address already in use).';
    expect(classifyLog(store)).toMatchObject({ category: 'nccl', signature: 'rendezvous-port-in-use' });
    expect(classifyLog(store, { signatures: [] })).toMatchObject({ category: 'nccl', confidence: 'generic' });
    const http = ['Traceback (most recent call last):', '  File "/v/utils.py", line 572, in get_open_port', '    s.bind(("", 0))', 'OSError: [Errno 98] Address already in use'].join('\n');
    expect(classifyLog(http)).toMatchObject({ category: 'other', signature: 'address-in-use' });
  });
});

describe('readings of the labelling guide: causes shown by what surrounds a failure', () => {
  it('rule 3: a failure that names nothing but a module whose import a logger reported failed earlier is import-error', () => {
    const warn = "WARNING 02-28 20:57:36 _core_ext.py:180] Failed to import from vllm._core_C with ImportError('libtorch_hip.so: cannot open shared object file: No such file or directory')";
    const tb = ['Traceback (most recent call last):', '  File "/v/torch/_classes.py", line 13, in __getattr__', '    proxy = torch._C._get_custom_class_python_wrapper(self.name, attr)'];
    const failed = "RuntimeError: Tried to instantiate class '_core_C.ScalarType', but it does not exist! Ensure that it is registered via torch::class_";
    expect(classifyLog([warn, ...tb, failed].join('\n'))).toMatchObject({ category: 'import-error', evidence: [{ line: 1 }, { line: 5 }] });
    // … not when the failure names another module
    expect(classifyLog([warn, ...tb, failed.replace(/_core_C/g, '_moe_C')].join('\n'))).toMatchObject({ category: 'other', confidence: 'none' });
  });

  it("the table: a backend's own assert that something is supported, failed, is backend-unsupported; another assert is other", () => {
    const tb = (src: string, file: string): string =>
      ['ERROR 02-17 20:51:49 core.py:210] Traceback (most recent call last):', `ERROR 02-17 20:51:49 core.py:210]   File "/v/${file}", line 156, in __init__`, `ERROR 02-17 20:51:49 core.py:210]     ${src}`, 'ERROR 02-17 20:51:49 core.py:210] AssertionError'].join('\n');
    expect(classifyLog(tb('assert is_fa_version_supported(self.fa_version)', 'vllm/v1/attention/backends/flash_attn.py'))).toMatchObject({ category: 'backend-unsupported', evidence: [{ line: 2 }, { line: 3 }, { line: 4 }] });
    expect(classifyLog(tb('assert x.shape[0] == y.shape[0]', 'vllm/v1/attention/backends/flash_attn.py'))).toMatchObject({ category: 'other' });
    expect(classifyLog(tb('assert is_fa_version_supported(self.fa_version)', 'vllm/entrypoints/llm.py'))).toMatchObject({ category: 'other' });
  });

  it('rule 7 and the table: a traceback cut before its exception that ran into the capture step is graph-capture', () => {
    const log = [
      '(VllmWorkerProcess pid=7) ERROR 08-19 07:51:27 multiproc_worker_utils.py:226]   File "/v/worker/worker.py", line 238, in _warm_up_model',
      '(VllmWorkerProcess pid=7) ERROR 08-19 07:51:27 multiproc_worker_utils.py:226]     self.model_runner.capture_model(self.gpu_cache)',
      '*** WARNING: max output size exceeded, skipping output. ***',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'graph-capture', evidence: [{ line: 1 }, { line: 2 }] });
    expect(classifyLog(log.replace('capture_model', 'profile_run')).category).toBe('unknown');
  });

  it("a traceback cut right after the statement that raises its exception: the statement's own words say what was raised", () => {
    const h = '(RayWorkerWrapper pid=7, ip=10.0.0.2) ERROR 04-17 15:11:18 [worker_base.py:620] ';
    const log = (src: string, ...after: string[]): string =>
      [`${h}Traceback (most recent call last):`, `${h}  File "/v/worker/worker.py", line 540, in _check_cache_config`, `${h}    ${src}`, ...after].join('\n');
    expect(classifyLog(log('raise ValueError("No available memory for the cache blocks. "'))).toMatchObject({ category: 'oom', confidence: 'generic', evidence: [{ line: 2 }, { line: 3 }] });
    // words that name no category: the cause is still not in the log (in a function of no single category: vLLM's own
    // raise_if_cache_size_invalid raises only the cache too small, read as oom from its frame, cut-traceback.ts)
    expect(classifyLog(log('raise ValueError(f"Invalid value for argument {name}: {value}"')).category).toBe('unknown');
    // a call, not a raise, names nothing it raised
    expect(classifyLog(log('self._check_memory("No available memory for the cache blocks")')).category).toBe('unknown');
    // the exception after it is the message, and is read as one
    expect(classifyLog(log('raise ValueError("No available memory for the cache blocks. "', `${h}ValueError: Invalid max_model_len 0`)).category).toBe('other');
  });

  it('the table: a model class that implements only some versions of its model is unsupported-model', () => {
    expect(classifyLog('ERROR 08-29 13:40:25 [multiproc_executor.py:559] ValueError: Currently, MiniCPMV only supports versions 2.0, 2.5, 2.6, 4.0. Got version: (4, 5)')).toMatchObject({ category: 'unsupported-model', confidence: 'generic' });
  });

  it("the table: a request that could not be sent (NIM's Rust SDK inside a JSON record) is other, a network error", () => {
    const rec = '{"level": "None", "time": "None", "message": "[09-25 19:03:45.989 ERROR  nim_sdk::hub::repo  rust/nim-sdk/src/hub/repo.rs:119] error sending request for url (https://api.ngc.nvidia.com/v2/org/nim/files)", "exc_info": "None"}';
    expect(classifyLog(rec)).toMatchObject({ category: 'other', confidence: 'generic', evidence: [{ line: 1 }] });
  });
});

describe('rule 2: a request refused after ready, then nothing served', () => {
  const up = 'INFO:     Application startup complete.';
  const refused = 'INFO:     10.0.0.1:51422 - "POST /v1/embeddings HTTP/1.1" 400 Bad Request';
  const idle = 'INFO 03-24 17:28:26 metrics.py:453] Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 0.0 tokens/s, Running: 0 reqs';
  it('is the cause (other) when the log ends without a request served after it', () => {
    expect(classifyLog([up, refused, idle].join('\n'))).toMatchObject({ category: 'other', evidence: [{ line: 1 }, { line: 2 }] });
  });
  it('is survived when a request is served after it, or the server is told to stop', () => {
    expect(classifyLog([up, refused, 'INFO:     10.0.0.1:51423 - "POST /v1/embeddings HTTP/1.1" 200 OK'].join('\n')).category).toBe('healthy');
    expect(classifyLog([up, refused, 'INFO 08-01 21:34:51 [launcher.py:100] Shutting down FastAPI HTTP server.'].join('\n')).category).toBe('healthy');
  });
  it('a path the server does not have (404) is no failure of the server', () => {
    expect(classifyLog([up, 'INFO:     172.16.1.1:57384 - "POST /v1/chat/completions HTTP/1.1" 404 Not Found'].join('\n')).category).toBe('healthy');
  });
});

describe('more wordings the guide names', () => {
  it("PyTorch's internal assert on a capture status it cannot print is a failure of its own, no capture that failed (other)", () => {
    const line = '[1,17]<stdout>:[2023-01-06 19:46:19.112: C smdistributed/modelparallel/torch/worker.py:110] [17] Hit an exception for 9008/0 on thread 1: false INTERNAL ASSERT FAILED at "../c10/cuda/CUDAGraphsC10Utils.h":73, please report a bug to PyTorch. Unknown CUDA graph CaptureStatus21852';
    expect(classifyLog(line)).toMatchObject({ category: 'other', evidence: [{ line: 1 }] });
    // … and a capture that did fail still is one
    expect(classifyLog('RuntimeError: CUDA error: operation not permitted when stream is capturing').category).toBe('graph-capture');
  });
  it("a request's tokens counted with their time are a sign of health (rule 5: requests answered)", () => {
    expect(classifyLog(['2026-02-03T02:31:35.856012Z  INFO vllm_rs::server::server: Received completion request with 1 messages', '[Non-Streaming] 44 tokens in 4.97s (8.86 tokens/s)'].join('\n')).category).toBe('healthy');
    expect(classifyLog('[Non-Streaming] 0 tokens in 4.97s (0.00 tokens/s)').category).toBe('unknown');
  });
  it("Triton's model row UNAVAILABLE with its reason is a failure shown with its cause (other), beside a READY row", () => {
    const table = ['| Model | Version | Status |', '| a     | 1       | READY  |', '| b     | 1       | UNAVAILABLE: Internal: unable to create TensorRT engine: Error Code 1: Serialization (Serialization assertion failed) |'].join('\n');
    expect(classifyLog(table)).toMatchObject({ category: 'other', evidence: [{ line: 3 }] });
  });
  it("… but the TensorRT backend's bare 'unable to create TensorRT engine' only says that TensorRT failed, before it (unknown)", () => {
    const table = ['| Model | Version | Status |', '| a     | 1       | READY  |', '| b     | 1       | UNAVAILABLE: Internal: unable to create TensorRT engine |'].join('\n');
    expect(classifyLog(table).category).toBe('unknown');
  });
});
