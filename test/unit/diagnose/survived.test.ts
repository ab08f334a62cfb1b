// Kinds of evidence added in round 4 of issue #22 (brief h22r4), each shown by a synthetic log:
// what a server that came up survived (its shutdown, one request's failure, an error before ready),
// errors that name their own failure, NCCL's error trace, LLVM's refusal, a capture by PyTorch's own
// context, SGLang's prefill batches, and a process that ended inside a startup step.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const READY = ['INFO:     Started server process [1]', 'INFO:     Waiting for application startup.', 'INFO:     Application startup complete.'];
const E = (msg: string): string => `ERROR 05-12 02:47:14 [serving_chat.py:203] ${msg}`;
const REQUEST_TRACEBACK = [
  E('Error in preprocessing prompt inputs'),
  E('Traceback (most recent call last):'),
  E('  File "/v/entrypoints/openai/serving_engine.py", line 626, in _validate_input'),
  E('    raise ValueError('),
  E("ValueError: This model's maximum context length is 2048 tokens. However, you requested 5418 tokens."),
];

describe('what a server that came up survived is not its root cause', () => {
  const ANSWERED_400 = 'INFO:     127.0.0.1:59064 - "POST /v1/chat/completions HTTP/1.1" 400 Bad Request';
  const SERVED = 'INFO:     127.0.0.1:4 - "POST /v1/chat/completions HTTP/1.1" 200 OK';
  const WORK = 'INFO 05-12 02:48:00 [loggers.py:273] Engine 000: Avg prompt throughput: 30.1 tokens/s, Avg generation throughput: 129.1 tokens/s, Running: 6 reqs, Waiting: 0 reqs';
  const IDLE = 'INFO 05-12 02:48:10 [loggers.py:273] Engine 000: Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 0.0 tokens/s, Running: 0 reqs, Waiting: 0 reqs';
  const CRASH = '(EngineCore_DP0 pid=9) ERROR 05-12 02:50:00 [core.py:1] RuntimeError: CUDA error: an illegal memory access was encountered';

  it("a request's failure answered only with a client error is not survived: healthy needs the server seen serving after it", () => {
    expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400].join('\n')).category).not.toBe('healthy');
    // a request answered with success, an engine at work, or vLLM's /health answered 200 (its engine alive) after it: survived
    for (const after of [SERVED, WORK, 'INFO:     127.0.0.1:52196 - "GET /health HTTP/1.1" 200 OK']) {
      expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, after].join('\n')), after).toMatchObject({ category: 'healthy' });
    }
    // what the HTTP server answers alone, or an idle throughput line, shows nothing of the engine
    for (const after of ['INFO:     127.0.0.1:5 - "GET /metrics HTTP/1.1" 200 OK', IDLE]) {
      expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, after].join('\n')).category, after).not.toBe('healthy');
    }
  });

  it('the same failure again, of another request, is passed only when the server was seen serving after the first one', () => {
    const again = REQUEST_TRACEBACK.map((l) => l.replace('5418', '6001'));
    expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, SERVED, ...again, ANSWERED_400].join('\n'))).toMatchObject({ category: 'healthy' });
    // … answered the same way: a repeat whose request's answer was a 200 logged before it (a streamed answer) is a failure
    expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, SERVED, SERVED, ...again].join('\n')).category).not.toBe('healthy');
    // a first one answered only with a client error shows nothing: the repeat is not passed either
    expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, ...again, ANSWERED_400].join('\n')).category).not.toBe('healthy');
  });

  it('a failure of a fatal kind is survived only when the engine is seen at work after it, or the server started again', () => {
    expect(classifyLog([...READY, CRASH, SERVED].join('\n'))).toMatchObject({ category: 'other' });
    expect(classifyLog([...READY, CRASH, IDLE].join('\n'))).toMatchObject({ category: 'other' });
    // vLLM's first throughput line after the crash counts tokens since the one before it, partly made before the crash:
    // the engine is seen at work after it only from the next interval on
    expect(classifyLog([...READY, CRASH, WORK].join('\n'))).toMatchObject({ category: 'other' });
    expect(classifyLog([...READY, CRASH, IDLE, WORK].join('\n'))).toMatchObject({ category: 'healthy' });
    expect(classifyLog([...READY, CRASH, ...READY].join('\n'))).toMatchObject({ category: 'healthy' });
    // … and a failure before the server came up: its ready line alone does not show it survived, serving does
    const oom = 'ERROR 05-12 02:40:00 [core.py:1] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.';
    expect(classifyLog([oom, ...READY].join('\n'))).toMatchObject({ category: 'oom' });
    expect(classifyLog([oom, ...READY, WORK].join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it('an error line the server went on serving past is survived; a crash after the last request is not', () => {
    expect(classifyLog([...READY, E("Error with model object='error' message='The model `x` does not exist.' code=404"), SERVED].join('\n'))).toMatchObject({ category: 'healthy' });
    expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, SERVED, CRASH].join('\n'))).toMatchObject({ category: 'other' });
  });

  it('a line of serving cut at a terminal\'s width still shows it', () => {
    const at80 = ['(APIServer pid=5742) INFO:     127.0.0.1:36694 - "POST /v1/chat/completions HTTP', '/1.1" 200 OK'];
    expect(at80[0]).toHaveLength(80);
    expect(classifyLog([...READY, ...REQUEST_TRACEBACK, ANSWERED_400, ...at80].join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it('what fails once the server was told to stop is its shutdown', () => {
    const stop = ['INFO 08-01 21:34:51 [launcher.py:100] [shutdown] API server: shutdown triggered', E('AsyncLLM output_handler failed.'), E('Traceback (most recent call last):'), E('  File "/v/v1/engine/async_llm.py", line 660, in output_handler'), E('    outputs = await engine_core.get_output_async()'), E('vllm.v1.engine.exceptions.EngineDeadError: EngineCore encountered an issue. See stack trace (above) for the root cause.')];
    expect(classifyLog([...READY, ...stop].join('\n'))).toMatchObject({ category: 'healthy' });
    // SGLang: a child that "crashed" with the SIGTERM it was sent
    const sglang = ['[2026-08-01 23:43:47] The server is fired up and ready to roll!', '[2026-08-02 00:17:43] SIGTERM received. signum=None frame=None. Draining requests and shutting down...', '[2026-08-02 00:17:43] Subprocess detokenizer (pid=31379) crashed with exit code -15. Triggering SIGQUIT for cleanup...'];
    expect(classifyLog(sglang.join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it('a nameless error before ready, then ready, was survived; without ready it was not', () => {
    // (the last attempt of vLLM's with_retry: an earlier one, "…, retrying 1 of 2", says it goes on and is no error at all)
    const err = "ERROR 09-10 23:26:31 [config.py:130] Error retrieving safetensors: 'm' is not a safetensors repo.";
    expect(classifyLog([err, ...READY].join('\n'))).toMatchObject({ category: 'healthy' });
    expect(classifyLog([err, 'INFO 09-10 23:26:30 [x.py:1] Loading weights took 3.2 seconds'].join('\n'))).toMatchObject({ category: 'unknown' });
    // after the server came up, an error line needs the server seen serving after it; a crash, the engine at work
    const metrics = 'INFO:     127.0.0.1:5 - "GET /metrics HTTP/1.1" 200 OK';
    expect(classifyLog([...READY, err, metrics].join('\n')).category).not.toBe('healthy');
    const served = 'INFO:     127.0.0.1:4 - "POST /v1/chat/completions HTTP/1.1" 200 OK';
    expect(classifyLog([...READY, err, served].join('\n'))).toMatchObject({ category: 'healthy' });
    expect(classifyLog([...READY, 'Segmentation fault (core dumped)', served].join('\n')).category).not.toBe('healthy');
  });

  it('a SIGKILL is no request to stop: what fails after it (the workers it ended) is not passed over as the shutdown', () => {
    const died = '(APIServer pid=1) ERROR 05-12 02:51:00 [core_client.py:1] Engine core proc EngineCore_DP0 died unexpectedly, shutting down client.';
    expect(classifyLog([...READY, 'Killed', died].join('\n'))).toMatchObject({ category: 'unknown' });
    expect(classifyLog([...READY, 'INFO 05-12 02:50:59 [launcher.py:100] [shutdown] API server: shutdown triggered', died].join('\n'))).toMatchObject({ category: 'healthy' });
  });

  it("vLLM's caught FlashAttention refusal is not the cause: the failure after it is", () => {
    const fa = '(EngineCore_DP0 pid=3) ERROR 07-31 15:52:18 [fa_utils.py:57] Cannot use FA version 2 is not supported due to FA2 is only supported on devices with compute capability >= 8';
    const oom = '(EngineCore_DP0 pid=3) ERROR 07-31 15:53:00 [core.py:708] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.';
    expect(classifyLog([fa, oom].join('\n'))).toMatchObject({ category: 'oom' });
    expect(classifyLog([fa, ...READY].join('\n'))).toMatchObject({ category: 'healthy' });
  });
});

describe('kinds of evidence that name a failure without a signature', () => {
  it('an error line that names a failed CUDA call, a TensorRT error code or a failed assertion is other, not "cause missing"', () => {
    for (const msg of [
      "E0205 17:02:40.250868 416 model_repository_manager.cc:563] Invalid argument: model 'x' loading failed with error: [TensorRT-LLM][ERROR] CUDA runtime error in cudaStreamSynchronize(stream): invalid argument",
      '[TensorRT-LLM][ERROR] 1: [stdArchiveReader.cpp::stdArchiveReaderInitCommon::47] Error Code 1: Serialization (Serialization assertion stdVersionRead == kSERIALIZATION_VERSION failed.)',
    ]) expect(classifyLog(msg), msg).toMatchObject({ category: 'other', confidence: 'generic' });
  });

  it('a memory-pool call refused with "operation not supported" is backend-unsupported (the guide\'s table)', () => {
    const msg = "E0205 17:02:40.250868 416 model_repository_manager.cc:563] Invalid argument: model 'x' loading failed with error: [TensorRT-LLM][ERROR] CUDA runtime error in cudaDeviceGetDefaultMemPool(&memPool, device): operation not supported";
    expect(classifyLog(msg)).toMatchObject({ category: 'backend-unsupported', confidence: 'generic' });
  });

  it("NCCL's error trace (NCCL WARN Error, then 'file.cc:N -> code' up the stack) is nccl", () => {
    const log = ['host:3048:4991 [2] graph/rings.cc:38 NCCL WARN Error : ring 2 does not loop back to start (7 != 2)', 'host:3048:4991 [2] NCCL INFO graph/connect.cc:281 -> 3', 'host:3048:4991 [2] NCCL INFO init.cc:771 -> 3'];
    expect(classifyLog(log.join('\n'))).toMatchObject({ category: 'nccl', confidence: 'generic' });
    expect(classifyLog(log.slice(1).join('\n'))).toMatchObject({ category: 'nccl' });
  });

  it("LLVM's fatal refusal to generate an operation for this GPU is backend-unsupported", () => {
    expect(classifyLog(['INFO 07-31 16:03:30 [x.py:1] Compiling the model', 'LLVM ERROR: Unsupported rounding mode for conversion.'].join('\n'))).toMatchObject({ category: 'backend-unsupported' });
  });

  it('an exception raised inside `with torch.cuda.graph(...)` is graph-capture, by its frames or by "capture mode" in its words', () => {
    const tb = ['Traceback (most recent call last):', '  File "/tmp/t.py", line 49, in cap', '    with torch.cuda.graph(g, stream=s): fn()', '  File "/tmp/t.py", line 55, in <lambda>', '    run()', 'RuntimeError: shape mismatch in the captured region'];
    expect(classifyLog(tb.join('\n'))).toMatchObject({ category: 'graph-capture', confidence: 'generic' });
    expect(classifyLog('RuntimeError: Attempt to increase offset for a CUDA generator not in capture mode.')).toMatchObject({ category: 'graph-capture' });
  });
});

describe('signs of health and of a start that ended', () => {
  it('a start interrupted from outside (KeyboardInterrupt, also vLLM\'s SIGTERM handler) is unknown, not a failure of its own', () => {
    const tb = ['(EngineCore pid=8) INFO 08-01 17:49:00 [backends.py:1] Compiling a graph for dynamic shape', 'Traceback (most recent call last):', '  File "/v/compilation/backends.py", line 9, in compile', '    run()', 'KeyboardInterrupt: terminated', 'RuntimeError: cannot join current thread'];
    expect(classifyLog(tb.join('\n'))).toMatchObject({ category: 'unknown' });
  });

  it("SGLang's prefill batches show a server serving requests", () => {
    expect(classifyLog('[2025-01-27 11:13:24 TP0] Prefill batch. #new-seq: 2, #new-token: 791, #cached-token: 180, token usage: 0.02, #running-req: 28, #queue-req: 0')).toMatchObject({ category: 'healthy' });
    expect(classifyLog('[2026-01-27 11:13:24] Prefill batch, #new-seq: 1, #new-token: 64, #cached-token: 0, #running-req: 0, #queue-req: 0, ')).toMatchObject({ category: 'healthy' });
  });

  it("Python's resource tracker cleaning up at exit, before ready, is a start that ended: unknown, not healthy", () => {
    const log = [
      '[2026-08-01 21:51:16] KV Cache is allocated. dtype: torch.bfloat16, #tokens: 32997, K size: 0.38 GB, V size: 0.38 GB',
      '[2026-08-01 21:51:16] Capture target prefill CUDA graph begin. backend=breakable, num_tokens=[4, 8]',
      '/usr/lib/python3.12/multiprocessing/resource_tracker.py:279: UserWarning: resource_tracker: There appear to be 1 leaked semaphore objects to clean up at shutdown',
    ];
    expect(classifyLog(log.join('\n'))).toMatchObject({ category: 'unknown' });
    expect(classifyLog(log.slice(0, 2).join('\n'))).toMatchObject({ category: 'healthy' });
  });
});
