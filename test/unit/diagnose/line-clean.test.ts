import { describe, expect, it } from 'vitest';
import { cleanLine, withoutCarrier } from '../../../harness/diagnose/line-clean.ts';

describe('cleanLine', () => {
  it.each([
    ['(EngineCore_DP0 pid=7) ERROR 10-25 13:08:43 [core.py:708] ValueError: x', 'ValueError: x', 'ERROR'],
    ['vllm-1  | INFO 01-02 03:04:05 [api_server.py:1] ready', 'ready', 'INFO'],
    ['vllm-qwen-72b  | WARNING 01-02 03:04:05 [config.py:1] slow tokenizer', 'slow tokenizer', 'WARNING'],
    ['2024-05-01 10:00:00.123 | ERROR    | lmdeploy.serve:start:42 - engine died', 'engine died', 'ERROR'],
    ['Aug 18 14:15:04 host python3[28059]: WARNING 08-18 14:15:04 [x.py:1] slow', 'slow', 'WARNING'],
    ['2025-01-02T03:04:05.123456789Z [rank1]: RuntimeError: boom', 'RuntimeError: boom', null],
    ['E0530 02:04:50.281196 2894 model_lifecycle.cc:638] failed to load', 'failed to load', 'ERROR'],
    ['[W924 19:01:01.260102563 CudaIPCTypes.cpp:16] Producer process has been terminated', 'Producer process has been terminated', 'WARNING'],
    ['[TensorRT-LLM][ERROR] Assertion failed: x', 'Assertion failed: x', 'ERROR'],
    ['[06/10/2025-02:50:21] [TRT-LLM] [E] Failed to initialize executor', 'Failed to initialize executor', 'ERROR'],
    ['[TensorRT-LLM][INFO] Loaded engine', 'Loaded engine', 'INFO'],
    // lighteval's padded bracketed level, and a CI console's bracketed ISO time (Buildkite's)
    ['[2025-10-05 14:34:11,064] [    INFO]: --- COMPUTING METRICS --- (pipeline.py:371)', '--- COMPUTING METRICS --- (pipeline.py:371)', 'INFO'],
    ['[2025-12-13T19:54:35Z] (Worker_TP0 pid=9260) ERROR 12-13 11:54:35 [multiproc_executor.py:826] RuntimeError: x', 'RuntimeError: x', 'ERROR'],
    ['> - **RuntimeError: quoted in a bullet**', 'RuntimeError: quoted in a bullet', null],
    ['`ValueError: pasted as inline code', 'ValueError: pasted as inline code', null],
    // a whole line set in markdown italics by an issue's text; a private name's underscore and a dunder are no emphasis
    ["_UnsupportedArchitectureError: Model architectures ['X'] not registered in tpu-inference._", "UnsupportedArchitectureError: Model architectures ['X'] not registered in tpu-inference.", null],
    ['*ValueError: set in italics*', 'ValueError: set in italics', null],
    ['_pickle.UnpicklingError: invalid load key', '_pickle.UnpicklingError: invalid load key', null],
    ['__init__', '__init__', null],
    ['r_utils.py:236] RuntimeError: the rest of a line cut inside its header', 'RuntimeError: the rest of a line cut inside its header', null],
    // Python logging's `%(asctime)s - %(name)s - %(levelname)s - %(message)s`, and KServe's
    ['2024-08-01 11:43:14,814 - lmdeploy - WARNING - Fallback to pytorch engine', 'Fallback to pytorch engine', 'WARNING'],
    // FastChat's `%(asctime)s | %(levelname)s | %(name)s | `; its `stderr` logger relays the stream at ERROR, so a line keeps its own level
    ['2024-09-26 06:12:44 | INFO | model_worker | Loading the model', 'Loading the model', 'INFO'],
    ['fastchat-1  | 2024-09-26 06:12:44 | ERROR | stderr | KeyError: \'mllama\'', "KeyError: 'mllama'", null],
    ['2023-08-01 10:00:00 | ERROR | stderr | INFO:     Uvicorn running on http://0.0.0.0:21001', '    Uvicorn running on http://0.0.0.0:21001', 'INFO'],
    ['2024-07-01 07:28:04.488 1 kserve ERROR [__main__.py:<module>():254] Failed to start model server', 'Failed to start model server', 'ERROR'],
    // NIM's bracketed level; Rust tracing of TGI's launcher (its target, and the span and target it names, are no message)
    ['2024-10-15 12:41:27,805 [WARNING] [TRT-LLM] [W] Logger level already set', 'Logger level already set', 'WARNING'],
    ['2024-01-02T03:04:05.123456Z ERROR text_generation_launcher: Shard 0 failed to start', 'Shard 0 failed to start', 'ERROR'],
    ['2024-01-02T03:04:05.123456Z  WARN shard-manager: text_generation_launcher: torch.cuda.OutOfMemoryError: retrying', 'torch.cuda.OutOfMemoryError: retrying', 'WARNING'],
    ['2024-01-02T03:04:05.123456Z  INFO download{model_id="x"}: text_generation_launcher: Starting download', 'Starting download', 'INFO'],
    ['2024-09-23T12:11:41.494757Z ERROR batch{batch_size=1}:prefill:prefill{id=0 size=1}: text_generation_router_v3::client: backends/v3/src/client/mod.rs:54: Server error: transport', 'Server error: transport', 'ERROR'],
    ['2024-09-23T12:11:41.494757Z ERROR batch{batch_size=1}:prefill:prefill{id=0 size=1}: text_generation_rou', '', 'ERROR'],
    ['2024-09-23T12:11:41.494757Z ERROR batch{batch_size=1}:prefill: text_generation_router_v3::client: backends/v3/src/cl', '', 'ERROR'],
    // a level word alone before the message (a date and time cut before it, or none): the level kept when it is a warning's or an error's
    ['ERROR Exception: CUDA out of memory', 'Exception: CUDA out of memory', 'ERROR'],
    ['2024-05-01 10:00:00,123 ERROR    Failed to load model', 'Failed to load model', 'ERROR'],
    // Dynamo relaying its subprocess at DEBUG, whose Python records go through Dynamo's tracing with `module.funcName` as target
    ['2025-06-06T19:02:34.250Z DEBUG dynamo_run::subprocess: 2025-06-06T19:02:34.249Z ERROR engine.run_mp_engine: CUDA out of memory. Tried to allocate 112.00 MiB.', 'CUDA out of memory. Tried to allocate 112.00 MiB.', 'ERROR'],
    ['2025-06-06T19:02:34.086Z  INFO model_runner.load_model: Starting to load model /models/x', 'Starting to load model /models/x', 'INFO'],
    ['ERROR torch.cuda.OutOfMemoryError: CUDA out of memory', 'torch.cuda.OutOfMemoryError: CUDA out of memory', 'ERROR'],
    ['Warning: NVML library version mismatch', 'NVML library version mismatch', 'WARNING'],
    // a log copied from a web page, HTML entities and all
    ['ERROR 01-02 03:04:05 [core.py:1] KeyError: &#39;Qwen3ForCausalLM&#39; &lt;- &quot;architectures&quot;', 'KeyError: \'Qwen3ForCausalLM\' <- "architectures"', 'ERROR'],
    // headers cut off before their message
    ['(VllmWorkerProcess pid=2421) ERROR 10-14 12:32:47', '', 'ERROR'],
    ['[rank0]:[E1202 06:25:24.624101061 ProcessGroupNCCL', '', 'ERROR'],
    // … or cut inside its level word after a process tag; the word alone, with nothing before it, is no header
    ['(EngineCore pid=196) ERR', '', 'ERROR'],
    ['(Worker_TP0 pid=9260) WARNI', '', 'WARNING'],
    ['ERR', 'ERR', null],
    // NCCL's debug output names its level (its text kept whole: rules read "NCCL INFO x.cc:1 -> 2"); a WARN is read as a message
    ['gx10:462:462 [0] NCCL INFO ncclOsDlopen(libnccl-env.so) failed: libnccl-env.so: cannot open shared object file: No such file or directory', 'gx10:462:462 [0] NCCL INFO ncclOsDlopen(libnccl-env.so) failed: libnccl-env.so: cannot open shared object file: No such file or directory', 'INFO'],
    ['node1:12:12 [3] NCCL WARN Call to connect returned Connection refused', 'node1:12:12 [3] NCCL WARN Call to connect returned Connection refused', null],
    // a rich console's level column: what it relays at INFO is another program's output, read with no level of its own
    ['                    INFO     OSError: [Errno 48] Address already in use', 'OSError: [Errno 48] Address already in use', null],
    // Rich's time column (text-generation-webui's format, and Rich's default), zerolog's console (LocalAI): INFO and DEBUG give no level
    ['12:01:02-345678 INFO     Output generated in 2.35 seconds (10.21 tokens/s, 24 tokens, context 50, seed 1)', 'Output generated in 2.35 seconds (10.21 tokens/s, 24 tokens, context 50, seed 1)', null],
    ['[12/03/24 10:00:00] WARNING  Model is large                          models.py:90', 'Model is large                          models.py:90', 'WARNING'],
    ['4:47PM DBG GRPC(opt-125m-127.0.0.1:38441): stderr ImportError: undefined symbol', 'ImportError: undefined symbol', null],
    ['4:47PM ERR Failed to load model', 'Failed to load model', 'ERROR'],
    // the 2024 llama.cpp server's own form keeps its level word with its function (read by health-evidence.ts)
    ['INFO [main] model loaded | tid="1" timestamp=1', 'INFO [main] model loaded | tid="1" timestamp=1', null],
  ])('%s', (line, text, level) => {
    expect(cleanLine(line)).toEqual({ text, level });
  });
});

describe('withoutCarrier', () => {
  // docker --timestamps writes one space after its RFC 3339 time: a traceback's indentation is the line's own, and
  // it is what closes a traceback (the exception line is the first unindented one)
  it.each([
    ['2025-01-02T03:04:05.123456789Z   File "/x.py", line 1, in f', '  File "/x.py", line 1, in f'],
    ['2025-01-02T03:04:05.123456789Z nixl_cu13._bindings.nixlBackendError: NIXL_ERR_BACKEND', 'nixl_cu13._bindings.nixlBackendError: NIXL_ERR_BACKEND'],
    ['2025-01-02T03:04:05Z\tRuntimeError: boom', 'RuntimeError: boom'],
    ['vllm-1  |   File "/x.py", line 1, in f', '  File "/x.py", line 1, in f'],
  ])('%s', (line, rest) => {
    expect(withoutCarrier(line)).toBe(rest);
  });
});
