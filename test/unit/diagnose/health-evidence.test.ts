// Healthy is earned: a log with no failure is healthy only by a positive sign of health, of a kind
// (the server up, listening, a startup step finished, the KV cache sized, a success reported); else
// it is `unknown`. Lines below are taken from the corpus's healthy logs.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { healthKindOf } from '../../../harness/diagnose/health-evidence.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

const kind = (line: string): string | null => healthKindOf(readLog(line)[0]!);

describe('signs of health, by kind', () => {
  it.each([
    ['INFO:     Application startup complete.', 'up'],
    ['(APIServer pid=1) INFO 05-06 04:33:07 [launcher.py:37] Available routes are:', 'listening'],
    ['I1012 01:17:48.318179 1 http_server.cc:3558] Started HTTPService at 0.0.0.0:8000', 'listening'],
    ['| inception_graphdef | 1       | READY  |', 'listening'],
    ['HINT:    Please open http://0.0.0.0:23333 in a browser for detailed api usage!!!', 'listening'],
    ['(EngineCore pid=221) INFO 06-03 15:09:33 [core.py:309] init engine (profile, create kv cache, warmup model) took 49.16 s (compilation: 9.82 s)', 'step-done'],
    ['[2025-11-10 19:59:09 TP0] Capture cuda graph end. Time elapsed: 11.39 s. mem usage=1.00 GB. avail mem=11.17 GB.', 'step-done'],
    ['INFO 12-19 22:58:41 model_runner.py:1535] Graph capturing finished in 14 secs, took 0.21 GiB', 'step-done'],
    ['    INFO 07-17 23:41:28 distributed_gpu_executor.py:56] # GPU blocks: 10039, # CPU blocks: 1310', 'sized'],
    ['rank 0: process group destroyed, ready', 'success'],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
  });

  it('is not a sign when logged as an error or a warning, or when it says the opposite', () => {
    expect(kind('ERROR 01-02 03:04:05 [x.py:1] Loading weights took 24.84 seconds')).toBeNull();
    expect(kind('WARNING 01-02 03:04:05 [x.py:1] Graph capturing finished in 14 secs')).toBeNull();
    expect(kind('rank 0: process group not ready')).toBeNull();
    // weights read from disk are no sign the engine runs: starts hang right after them (unknown/vllm-17167…)
    expect(kind('(Worker_TP0 pid=34322) INFO 05-06 20:59:57 [default_loader.py:384] Loading weights took 24.84 seconds')).toBeNull();
    expect(kind('(Worker_TP2_EP2 pid=12110) INFO 08-06 17:13:36 [model_runner.py:329] Model loading took 21.35 GiB and 32.049208 seconds')).toBeNull();
    expect(kind('(APIServer pid=1) DEBUG 09-02 17:29:16 [utils.py:777] Waiting for 1 local, 0 remote core engine proc(s) to start.')).toBeNull();
  });

  // the labelling guide, rule 5: a startup step that RAN the model; tracing and compiling the graphs does not run it
  it.each([
    '(Worker_TP0 pid=34322) INFO 05-06 21:00:16 [backends.py:1128] Dynamo bytecode transform time: 3.54 s',
    '(EngineCore pid=17574) INFO 08-01 17:49:34 [monitor.py:53] torch.compile took 30.61 s in total',
    '(EngineCore pid=1894) INFO 04-05 18:41:51 [backends.py:390] Compiling a graph for compile range (1, 8192) takes 6.06 s',
    '[2026-03-17 07:16:51 TP0] Compiling a graph for dynamic shape takes 3.38 s',
  ])('a finished compile step is no sign: %s', (line) => {
    expect(kind(line)).toBeNull();
  });

  it('a compile step cut by a terminal is no sign either, nor is a list of tasks a server listening', () => {
    const line = '(EngineCore pid=1265223) INFO 06-02 00:51:49 [backends.py:1148] Dynamo bytecode transform time: 8.52 s';
    const cut = [line.slice(0, 80), line.slice(80)].join('\n'); // "… Dynamo bytecode" + " transform time: 8.52 s"
    expect(classifyLog(cut).category).toBe('unknown');
    expect(kind("(APIServer pid=27876) INFO 08-18 14:15:04 [api_server.py:592] Supported tasks: ['generate']")).toBeNull();
  });

  it('a step after a line that mentions compiling in a sentence of its own is still a sign', () => {
    const log = [
      '(EngineCore_DP0 pid=4) INFO 10-24 13:23:34 [shm_broadcast.py:495] No available shared memory broadcast block found in 60 seconds. This typically happens when some processes are hanging or doing some time-consuming work (e.g. compilation).',
      'Graph capturing finished in 61 secs, took 4.71 GiB',
    ].join('\n');
    expect(classifyLog(log).category).toBe('healthy');
  });
});

describe('a log without failure', () => {
  it('is not healthy when the app startup began after its last sign and never finished', () => {
    const hint = 'HINT:    Please open http://0.0.0.0:23333 in a browser for detailed api usage!!!';
    expect(classifyLog(hint)).toMatchObject({ category: 'healthy', evidence: [{ line: 1 }] });
    const started = [hint, 'INFO:     Started server process [10005]', 'INFO:     Waiting for application startup.'];
    expect(classifyLog(started.join('\n')).category).toBe('unknown');
    expect(classifyLog([...started, 'INFO:     Application startup complete.'].join('\n'))).toMatchObject({ category: 'healthy', evidence: [{ line: 4 }] });
  });

  it('is healthy with its sign of health as evidence', () => {
    const log = ['INFO 12-19 22:58:27 model_runner.py:1415] Capturing cudagraphs for decoding.', 'INFO 12-19 22:58:41 model_runner.py:1535] Graph capturing finished in 14 secs, took 0.21 GiB'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'healthy', evidence: [{ line: 2 }] });
  });

  it('is unknown when nothing in it shows health: a start cut off or hung reads just like it', () => {
    const log = ['bruce-AI-Server:105927:106732 [0] NCCL INFO Setting affinity for GPU 0 to ffff', 'bruce-AI-Server:105927:106732 [0] NCCL INFO comm 0x4630a9c0 rank 0 nRanks 2 nNodes 1 localRanks 2 localRank 0 MNNVL 0'].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'unknown', confidence: 'none', evidence: [{ line: 2 }], title: expect.stringMatching(/^No failure and no sign of health/) });
  });
});

// Signs read from the engines' own source (issue #22), each line as the engine renders it; sources in health-evidence.ts.
describe("signs of health from the engines' source", () => {
  it("reads an OpenAI-compatible server's model list, answered to GET /v1/models, as the server answering; not an error body", () => {
    expect(kind('{"object":"list","data":[{"id":"deepseek-ai/DeepSeek-V4.1-Flash","object":"model","created":1790062454,"owned_by":"vllm","root":"/models/x","parent":null,"max_model_len":1048576}]}')).toBe('listening');
    expect(kind('{"object": "list", "data": [{"id": "Qwen/Qwen3-8B", "object": "model", "created": 1, "owned_by": "vllm"}]}')).toBe('listening');
    expect(kind('{"object":"list","data":[]}')).toBeNull();
    expect(kind('{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}')).toBeNull();
  });

  it.each([
    // vLLM / Aphrodite
    ['(EngineCore_DP0 pid=221) INFO 06-03 15:09:20 [gpu_worker.py:436] Available KV cache memory: 11.52 GiB', 'sized'],
    ['(EngineCore_DP0 pid=221) INFO 06-03 15:09:33 [gpu_worker.py:597] CUDA graph pool memory: 0.41 GiB (actual), 0.45 GiB (estimated), difference: 0.04 GiB (9.8%).', 'step-done'],
    ['INFO 01-01 10:00:00 [api_server.py: 583] Starting Aphrodite server on http://0.0.0.0:2242', 'listening'],
    // SGLang
    ['[2025-11-10 19:59:09 TP0] Memory pool end. avail mem=11.17 GB', 'sized'],
    ['[2025-11-10 19:59:19] max_total_num_tokens=425021, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=4096, context_len=131072, available_gpu_mem=11.17 GB', 'sized'],
    ['[2025-11-10 19:59:29] Warmup ended', 'step-done'],
    // TGI, TEI
    ['2025-01-01T10:00:00.123456Z  INFO text_generation_router_v3: backends/v3/src/lib.rs:137: Setting max batch total tokens to 123456', 'sized'],
    ['2025-01-01T10:00:00.123456Z  INFO text_embeddings_router::http::server: router/src/http/server.rs:1880: Starting HTTP server: 0.0.0.0:80', 'listening'],
    ['2025-01-01T10:00:00.123456Z  INFO text_embeddings_router::http::server: router/src/http/server.rs:1881: Ready', 'success'],
    // Triton's gRPC endpoint
    ['I1012 01:17:48.318179 1 grpc_server.cc:2558] Started GRPCInferenceService at 0.0.0.0:8001', 'listening'],
    // Ollama (Go slog)
    ['time=2025-01-01T10:00:00.000Z level=INFO source=routes.go:1238 msg="Listening on [::]:11434 (version 0.5.7)"', 'listening'],
    ['time=2025-01-01T10:00:00.000Z level=INFO source=server.go:594 msg="llama runner started in 3.52 seconds"', 'step-done'],
    ['time=2026-01-01T10:00:00.000Z level=INFO source=llama_server.go:1362 msg="llama-server started in 3.52 seconds"', 'step-done'],
    ['[GIN] 2025/01/01 - 10:00:00 | 200 |  1.234567s |       127.0.0.1 | POST     "/api/generate"', 'success'],
    // … any other request answered: the server is bound and answering (journald may leave out its host)
    ['[GIN] 2025/01/01 - 10:00:00 | 200 |  1.234567s |       127.0.0.1 | POST     "/api/pull"', 'listening'],
    ['Sep 24 22:07:36 ollama[424410]: [GIN] 2025/09/24 - 22:07:36 | 200 |   67.453961ms |       127.0.0.1 | POST     "/api/show"', 'listening'],
    // llama.cpp server
    ['main: model loaded', 'step-done'],
    // … the 2024 server as Ollama's ext_server and llamafile vendored it: LOG_INFO in its text form, or its JSON record's "msg"
    ['Sep 13 09:19:08 ubuntu ollama[17533]: INFO [main] model loaded | tid="281472762038336" timestamp=1726211948', 'step-done'],
    ['{"tid":"1","timestamp":1726211948,"level":"INFO","function":"main","line":3049,"msg":"model loaded"}', 'step-done'],
    // … and its "HTTP server listening", logged once bound (before the model loads: the guide's rule 5 counts a server that listened)
    ['INFO [main] HTTP server listening | hostname="127.0.0.1" port="8080" n_threads_http="15" tid="1" timestamp=1', 'listening'],
    ['{"timestamp":1711089418,"level":"INFO","function":"server_cli","line":2594,"message":"HTTP server listening","port":"8080"}', 'listening'],
    ['llama server listening at http://127.0.0.1:8080', 'listening'],
    // Infinity: its warm-up's timings (the model ran on batches)
    ['         embeddings/sec: 1418.67', 'step-done'],
    ['INFO     2025-02-11 20:39:09,000 infinity_emb INFO: model warmed up, between 67.13-1418.67 embeddings/sec at batch_size=32', 'step-done'],
    // gunicorn's arbiter, BentoML's arbiter, TorchServe's frontend
    ['[2025-01-01 10:00:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)', 'listening'],
    ['2025-01-01T10:00:00+0000 [INFO] [cli] Starting production HTTP BentoServer from "service:svc" listening on http://localhost:3000 (Press CTRL+C to quit)', 'listening'],
    ['2025-01-01T10:00:00,000 [INFO ] main org.pytorch.serve.ModelServer - Model server started.', 'listening'],
    ['main: server is listening on http://127.0.0.1:8080 - starting the main loop', 'listening'],
    // … newer builds: llama_server() logging through SRV_INF, with the common log's timestamps and level letter
    ['0.08.526.747 I srv  llama_server: model loaded', 'step-done'],
    ['srv  llama_server: server is listening on http://127.0.0.1:8080', 'listening'],
    ['prompt eval time =      12.34 ms /    10 tokens (    1.23 ms per token,   810.37 tokens per second)', 'success'],
    ['       eval time =     123.45 ms /    20 tokens (    6.17 ms per token,   162.01 tokens per second)', 'success'],
    // mistral.rs
    ['2025-01-01T10:00:00.123456Z  INFO mistralrs_server: Server listening on http://0.0.0.0:1234', 'listening'],
    ['2025-01-01T10:00:00.123456Z  INFO mistralrs_server: OpenAI-compatible server listening on http://0.0.0.0:1234.', 'listening'],
    // vLLM offline: LLM.generate's bar complete (v0.2 without, v0.6+ with its speed), every CR-separated state left on one line
    ['Processed prompts: 100%|██████████| 4/4 [00:01<00:00,  2.83it/s]', 'success'],
    ['Processed prompts: 100%|██████████| 4/4 [00:01<00:00,  2.83it/s, est. speed input: 18.39 toks/s, output: 45.28 toks/s]', 'success'],
    ['Processed prompts:   0%|          | 0/2 [00:00<?, ?it/s]Processed prompts:  50%|█████     | 1/2 [00:01<00:01,  1.20s/it]Processed prompts: 100%|██████████| 2/2 [00:01<00:00,  1.66it/s]', 'success'],
    // vLLM's benchmarks: results printed once the run is over
    ['Successful requests:                     1000      ', 'success'],
    ['Throughput: 12.34 requests/s, 5678.90 total tokens/s, 1234.56 output tokens/s', 'success'],
    ['Throughput: 12.34 requests/s, 5678.90 tokens/s', 'success'],
    ['Avg latency: 1.2345678901 seconds', 'success'],
    // SGLang 0.1–0.2 (bare messages, "[gpu_id=0] ", "[%H:%M:%S TP0] ")
    ['Rank 0: max_total_num_token=192321, max_prefill_num_token=32051, context_len=4096, model_mode=[]', 'sized'],
    ['[gpu_id=0] max_total_num_tokens=192321, max_prefill_tokens=16384, context_len=4096', 'sized'],
    ['#running-req: 1, #token: 37, token usage: 0.00, #queue-req: 0', 'success'],
    ['[gpu_id=0] Decode batch. #running-req: 1, #token: 37, token usage: 0.00, gen throughput (token/s): 31.57, #queue-req: 0', 'success'],
    ['[12:00:00 TP0] Decode batch. #running-req: 1, #token: 37, token usage: 0.00, gen throughput (token/s): 31.57, #queue-req: 0', 'success'],
    ['[gpu=0] Decode batch. #running-req: 12, #token: 4096, token usage: 0.02, gen throughput (token/s): 310.57, #queue-req: 3', 'success'],
    ['[gpu=0] Prefill batch. #new-seq: 2, #new-token: 1074, #cached-token: 0, cache hit rate: 0.00%, #running-req: 389, #queue-req: 40', 'success'],
    // TGI 0.9–2.0: the router read the shards' warm-up back, a request answered
    ['2023-08-01T10:00:00.123456Z  INFO text_generation_router: router/src/main.rs:239: Setting max batch total tokens to 123456', 'sized'],
    ['2023-08-01T10:00:00.123456Z  INFO generate{parameters=GenerateParameters { best_of: None }}: text_generation_router::server: router/src/server.rs:289: Success', 'success'],
    ['[12:00:00 TP0] Memory pool end. avail mem=11.17 GB', 'sized'],
    ['[12:00:00 TP0] Prefill batch. #new-seq: 1, #new-token: 8, #cached-token: 0, cache hit rate: 0.00%, #running-req: 0, #queue-req: 0', 'success'],
    // BentoML / OpenLLM: a POST answered 200 in its access log
    ['2024-06-01T10:00:00+0000 [INFO] [entry_service:VLLM:1] 127.0.0.1:54321 (scheme=http,method=POST,path=/v1/chat/completions,type=application/json,length=123) (status=200,type=text/event-stream; charset=utf-8,length=0) 1234.567ms (trace=1,span=2,sampled=0,service.name=VLLM)', 'success'],
    // servers behind uvicorn (KServe, FastChat, LitServe) and TorchServe's access log: already ready lines
    ['INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)', 'up'],
    ['2024-01-01T00:00:00,123 [INFO ] epollEventLoopGroup-3-1 ACCESS_LOG - /127.0.0.1:54380 "POST /predictions/resnet HTTP/1.1" 200 123', 'up'],
    // a request answered: an OpenAI-compatible body as curl prints it (vLLM, SGLang), a streamed chunk, a body quoted in an issue; the
    // model's words in it ("not", "error") are its output, not a negation
    ['{"id":"chatcmpl-3f2a9c1e8b","object":"chat.completion","created":1718000000,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?","tool_calls":[]},"logprobs":null,"finish_reason":"stop","stop_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":21,"completion_tokens":9,"prompt_tokens_details":null},"prompt_logprobs":null}', 'success'],
    ['{"id":"cmpl-8d1c","object":"text_completion","created":1718000000,"model":"m","choices":[{"index":0,"text":" not ready yet, an error","logprobs":null,"finish_reason":"length","stop_reason":null}],"usage":{"prompt_tokens":5,"total_tokens":12,"completion_tokens":7}}', 'success'],
    ['data: {"id":"chatcmpl-abc","object":"chat.completion.chunk","created":1718000000,"model":"m","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}', 'success'],
    ['> {"id":"chatcmpl-3f2a","object":"chat.completion","created":1718000000,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}', 'success'],
    // vLLM's offline examples (older and newer print), SGLang's offline engine example
    ["Prompt: 'Hello, my name is', Generated text: ' Joel, my dad is my friend and we are in a relationship.'", 'success'],
    ["Generated text: ' Paris.'", 'success'],
    ["Output:    ' Joel, and I am not a failure'", 'success'],
    ['Generated text:  Paris is the capital of France.', 'success'],
    // llama.cpp's timings once a generation ended (older, newer, with the common log's timestamp and level letter)
    ['llama_print_timings:        eval time =    1234.56 ms /    31 runs   (   39.82 ms per token,    25.11 tokens per second)', 'success'],
    ['llama_perf_context_print:        eval time =    1234.56 ms /    63 runs   (   19.60 ms per token,    51.03 tokens per second)', 'success'],
    ['0.08.526.747 I llama_perf_context_print:        eval time =    1234.56 ms /    63 runs   (   19.60 ms per token,    51.03 tokens per second)', 'success'],
    // Ollama's `ollama run --verbose` statistics
    ['eval count:           10 token(s)', 'success'],
    ['eval rate:            60.20 tokens/s', 'success'],
    // TensorRT-LLM: examples/run.py's output, summarize.py's tokens generated
    ['Output [Text 0 Beam 0]: "chef before moving to London in the early 1830s."', 'success'],
    ['[02/06/2024-10:08:54] [TRT-LLM] [I] TensorRT-LLM (total output tokens: 1989)', 'success'],
    // SGLang 0.2.x's "[gpu=0] " prefix; vLLM's models listed by GET /v1/models
    ['[gpu=0] Prefill batch. #new-seq: 2, #new-token: 1074, #cached-token: 0, cache hit rate: 0.00%, #running-req: 389, #queue-req: 40', 'success'],
    ['{"object":"list","data":[{"id":"m","object":"model","created":1790062454,"owned_by":"vllm","root":"/models/m","parent":null,"max_model_len":4096}]}', 'listening'],
    // TensorRT-LLM: its KV cache pool sized and allocated (the guide's rule 5: the KV cache sized)
    ['[TensorRT-LLM][INFO] [MemUsageChange] Allocated 26.91 GiB for max tokens in paged KV cache (220480).', 'sized'],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
    expect(classifyLog(line).category).toBe('healthy');
  });

  it.each([
    // vLLM: no memory left for the cache is where "No available memory for the cache blocks" starts; the same words as a warning
    '(EngineCore_DP0 pid=221) INFO 06-03 15:09:20 [gpu_worker.py:436] Available KV cache memory: -1.52 GiB',
    '(EngineCore_DP0 pid=221) INFO 06-03 15:09:20 [gpu_worker.py:436] Available KV cache memory: 0.00 GiB',
    'WARNING 06-03 15:09:33 [gpu_worker.py:597] CUDA graph pool memory: 0.41 GiB (actual), 0.45 GiB (estimated), difference: 0.04 GiB (9.8%).',
    'ERROR 01-01 10:00:00 [api_server.py: 583] Starting Aphrodite server on http://0.0.0.0:2242',
    // SGLang
    '[2025-11-10 19:59:19] ERROR max_total_num_tokens=0, chunked_prefill_size=8192',
    '[2025-11-10 19:59:09 TP0] WARNING Memory pool end. avail mem=0.17 GB',
    // TGI, TEI: an error line, a shard still waiting
    '2025-01-01T10:00:00.123456Z ERROR text_generation_router_v3: backends/v3/src/lib.rs:137: Setting max batch total tokens to 123456',
    '2025-01-01T10:00:00.123456Z  INFO text_generation_launcher: Waiting for shard to be ready...',
    '2025-01-01T10:00:00.123456Z ERROR text_embeddings_router::http::server: router/src/http/server.rs:1881: Ready',
    '2025-01-01T10:00:00.123456Z  WARN text_embeddings_router::http::server: Starting HTTP server: 0.0.0.0:80',
    // Triton
    'E1012 01:17:48.318179 1 grpc_server.cc:2558] Started GRPCInferenceService at 0.0.0.0:8001',
    // Ollama: a logfmt warning or error, and the runner still loading
    'time=2025-01-01T10:00:00.000Z level=WARN source=routes.go:1238 msg="Listening on [::]:11434 (version 0.5.7)"',
    'time=2025-01-01T10:00:00.000Z level=ERROR source=server.go:594 msg="llama runner started in 3.52 seconds"',
    'time=2026-01-01T10:00:00.000Z level=INFO source=llama_server.go:1350 msg="waiting for llama-server to become available" status="llm server loading model"',
    // … and a request that failed, or one that runs no model
    '[GIN] 2025/01/01 - 10:00:00 | 500 |  1.234567s |       127.0.0.1 | POST     "/api/generate"',
    '[GIN] 2025/01/01 - 10:00:00 | 404 |  1.234567s |       127.0.0.1 | POST     "/api/show"',
    // llama.cpp: the failure that ends a load, no tokens evaluated
    'main: exiting due to model loading error',
    '0.08.526.747 E srv  llama_server: model loaded',
    '0.08.526.747 I srv  llama_server: exiting due to model loading error',
    'prompt eval time =       0.00 ms /     0 tokens (    -nan ms per token,     -nan tokens per second)',
    // mistral.rs
    '2025-01-01T10:00:00.123456Z ERROR mistralrs_server: Server listening on http://0.0.0.0:1234',
    // not signs: written before anything listens (Xinference logs its endpoint before uvicorn binds); gunicorn's arbiter, which binds
    // before its workers load the app, listened (the guide's rule 5) and is read as a sign, as TensorRT-LLM's KV cache sized is (below)
    '2025-01-01 10:00:00,000 xinference.api.restful_api 1 INFO     Starting Xinference at endpoint: http://0.0.0.0:9997',
    // vLLM offline: a bar not complete (at 0 %, part way, or 100 % of a different count), the same words as an error
    'Processed prompts:   0%|          | 0/4 [00:00<?, ?it/s]',
    'Processed prompts:  75%|███████▌  | 3/4 [00:01<00:00,  2.83it/s]',
    'Processed prompts: 100%|██████████| 3/4 [00:01<00:00,  2.83it/s]',
    'ERROR 01-01 10:00:00 [llm.py:1] Processed prompts: 100%|██████████| 4/4 [00:01<00:00,  2.83it/s]',
    // vLLM's benchmarks: none answered (the serving benchmark only warns "All requests failed"), a header alone, nothing done
    'Successful requests:                     0',
    '============ Serving Benchmark Result ============',
    'Throughput: 0.00 requests/s, 0.00 tokens/s',
    'Avg latency: 0.0 seconds',
    'WARNING 01-01 10:00:00 [serve.py:1] Successful requests:                     1000',
    // SGLang 0.1–0.2: no request running, a pool of no tokens, the same words as an error
    '[gpu_id=0] Decode batch. #running-req: 0, #token: 0, token usage: 0.00, gen throughput (token/s): 0.00, #queue-req: 0',
    '[gpu_id=0] max_total_num_tokens=0, max_prefill_tokens=16384, context_len=4096',
    'ERROR Rank 0: max_total_num_token=192321, max_prefill_num_token=32051, context_len=4096',
    '[12:00:00 TP0] Prefill batch. #new-seq: 0, #new-token: 0, #cached-token: 0, cache hit rate: 0.00%, #running-req: 0, #queue-req: 0',
    '[gpu=0] Prefill batch. #new-seq: 0, #new-token: 0, #cached-token: 0, cache hit rate: 0.00%, #running-req: 0, #queue-req: 0',
    '[gpu=0] Decode batch. #running-req: 0, #token: 0, token usage: 0.00, gen throughput (token/s): 0.00, #queue-req: 0',
    // BentoML: a request that failed, a health probe (its arbiter's "listening on", bound before any worker loaded the model, listened)
    '2024-06-01T10:00:00+0000 [INFO] [entry_service:VLLM:1] 127.0.0.1:54321 (scheme=http,method=POST,path=/v1/chat/completions,type=application/json,length=123) (status=500,type=application/json,length=50) 12.345ms',
    '2024-06-01T10:00:00+0000 [INFO] [entry_service:VLLM:1] 127.0.0.1:54321 (scheme=http,method=GET,path=/readyz,type=,length=) (status=200,type=text/plain,length=1) 0.345ms',
    // TGI: a warning
    '2023-08-01T10:00:00.123456Z  WARN text_generation_router: router/src/main.rs:239: Setting max batch total tokens to 123456',
    // written before the model is loaded or whatever the outcome, and before anything listens: KServe's vLLM build log (in a `finally`),
    // its model registered, TorchServe's archive registered (its frontend's "Model server started." once bound listened), LocalAI
    // before it binds (models load lazily)
    '2025-01-01 10:00:00.000 1 kserve INFO [utils.py:109] V1 AsyncLLM build complete',
    '2025-01-01 10:00:00.000 1 kserve INFO [model_server.py:402] Registering model: llama',
    '2024-01-01T00:00:00,123 [INFO ] main org.pytorch.serve.wlm.ModelManager - Model resnet loaded.',
    '10:00AM INF LocalAI is started and running address=:8080',
    // OpenAI-compatible bodies: an error (vLLM/SGLang's older and newer, FastAPI's), no choices or no token generated, aborted, logged as an error
    '{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}',
    '{"error":{"message":"boom","type":"BadRequestError","param":null,"code":400}}',
    'data: {"error": {"object": "error", "message": "boom", "type": "InternalServerError", "code": 500}}',
    '{"detail":"Not Found"}',
    '{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3}}',
    '{"id":"cmpl-1","object":"text_completion","created":1,"model":"m","choices":[{"index":0,"text":"","finish_reason":"abort"}]}',
    'ERROR 01-01 10:00:00 [x.py:1] {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}',
    // vLLM / SGLang offline: nothing generated, or the same words as a warning
    "Prompt: 'Hello, my name is', Generated text: ''",
    'Generated text:',
    "Output:    ''",
    "WARNING 01-01 10:00:00 [x.py:1] Prompt: 'Hello', Generated text: ' Joel'",
    // llama.cpp: no token generated (runs are at least 1, the time 0), the prompt's timings alone, an error line
    'llama_perf_context_print:        eval time =       0.00 ms /     1 runs   (    0.00 ms per token,      inf tokens per second)',
    'llama_print_timings: prompt eval time =      345.67 ms /     8 tokens (   43.21 ms per token,    23.14 tokens per second)',
    '0.08.526.747 E llama_perf_context_print:        eval time =    1234.56 ms /    63 runs   (   19.60 ms per token,    51.03 tokens per second)',
    // Ollama: the prompt's count alone, a rate of nothing
    'prompt eval count:    10 token(s)',
    'eval rate:            0.00 tokens/s',
    // TensorRT-LLM: an empty output, a warning, no tokens, an error line
    'Output [Text 0 Beam 0]: ""',
    '[02/06/2024-10:08:54] [TRT-LLM] [W] Output [Text 0 Beam 0]: "chef"',
    '[02/06/2024-10:08:54] [TRT-LLM] [I] TensorRT-LLM (total output tokens: 0)',
    '[02/06/2024-10:08:54] [TRT-LLM] [E] TensorRT-LLM (total output tokens: 1989)',
    // SGLang 0.2.x: no new request; vLLM: no model listed
    '[gpu=0] Prefill batch. #new-seq: 0, #new-token: 0, #cached-token: 0, cache hit rate: 0.00%, #running-req: 0, #queue-req: 0',
    '{"object":"list","data":[]}',
  ])('is no sign: %s', (line) => {
    expect(kind(line)).toBeNull();
  });
});

// Results a benchmark or an evaluation prints once its run is over, and Triton's model loaded (issue #22; sources in health-evidence.ts).
describe('results of a run, from the benchmarks and evaluations that print them', () => {
  it.each([
    // vLLM's and SGLang's serving benchmarks, SGLang's offline throughput benchmark
    ['Request throughput (req/s):              12.34     ', 'success'],
    ['Output token throughput (tok/s):         1234.56   ', 'success'],
    ['Request throughput (req/s):              0.15      ', 'success'],
    // TensorRT-LLM's trtllm-bench
    ['Request Throughput (req/sec):                     43.2089', 'success'],
    ['Total Output Throughput (tokens/sec):             5530.7382', 'success'],
    // genai-perf's table, perf_analyzer's client section and its summary
    ['│      Request throughput (per sec) │   1.99 │    N/A │    N/A │    N/A │    N/A │    N/A │', 'success'],
    ['│ Output Token Throughput (per sec) │ 1,520.87 │    N/A │    N/A │    N/A │    N/A │    N/A │', 'success'],
    ['    Throughput: 1234.5 infer/sec', 'success'],
    ['Concurrency: 1, throughput: 123.4 infer/sec, latency 8100 usec', 'success'],
    // SGLang's bench_one_batch
    ['Prefill. latency: 0.03216 s, throughput:   3980.42 token/s', 'success'],
    ['Decode 0. Batch size: 1, latency: 0.01234 s, throughput:     81.04 token/s', 'success'],
    ['Decode.  median latency: 0.01234 s, median throughput:     81.04 token/s', 'success'],
    ['Total. latency:  1.234 s, throughput:    933.42 token/s', 'success'],
    // SGLang's evaluations
    ['Accuracy: 0.953', 'success'],
    ['Accuracy: 0.940, latency: 12.34 s', 'success'],
    ['Output throughput: 1234.567 token/s', 'success'],
    ['Score: 0.812', 'success'],
    // SGLang's bench_one_batch_server
    ['output throughput: 1234.56 tok/s', 'success'],
    ['last generation throughput: 98.76 tok/s', 'success'],
    // lm-evaluation-harness's table: 0.4.3+, before the arrow column, 0.3, a later metric of the same task, a subtask
    ['|gsm8k|      3|flexible-extract|     5|exact_match|↑  |0.7801|±  |0.0114|', 'success'],
    ['|gsm8k|      3|strict-match    |     5|exact_match|0.7801|±  |0.0114|', 'success'],
    ['|hellaswag|      0|acc     |0.5711|±  |0.0049|', 'success'],
    ['|                                  |       |none            |     0|acc_norm   |↑  |0.6213|±  |0.0140|', 'success'],
    ['| - abstract_algebra |      1|none  |     0|acc   |↑  |0.3100|±  |0.0465|', 'success'],
    // llama-bench's table
    ['| llama 7B Q4_0                  |   3.56 GiB |     6.74 B | CUDA       |  99 |           pp512 |      2345.67 ± 12.34 |', 'success'],
    ['| qwen3moe 30B.A3B Q4_K - Medium |  16.49 GiB |    30.53 B | CUDA       |  99 |  1 |   tg128 @ d4096 |        123.45 ± 0.12 |', 'success'],
    // SGLang's and vLLM's serving benchmarks: tokens generated; ExLlamaV2's examples; KTransformers' local_chat (Ollama's words, a float unrounded)
    ['Total generated tokens:                  128000    ', 'success'],
    ['Response generated in 1.23 seconds, 150 tokens, 121.95 tokens/second', 'success'],
    ['speed, bsz 1: 91.25 tokens/second', 'success'],
    ['eval rate:            12.345678901234 tokens/s', 'success'],
    // Xinference's worker: a model's launch returned (INFO in newer releases, DEBUG in older ones)
    ['2025-01-01 10:00:00,000 xinference.core.worker 123 INFO     [request 1234-abcd] Leave launch_builtin_model, elapsed time: 23 s', 'step-done'],
    ['2024-06-01 10:00:00,000 xinference.core.worker 123 DEBUG    Leave launch_builtin_model, elapsed time: 23 s', 'step-done'],
    // LMDeploy's pipeline: a Response printed, the dataclass's repr (its text read as output, not as a negation) and its own, a field a line
    ["Response(text='I am not sure, an error?', generate_token_len=9, input_token_len=20, session_id=0, finish_reason='stop', token_ids=[1], logprobs=None, index=0)", 'success'],
    ["[Response(text='Shanghai is', generate_token_len=5, input_token_len=8, finish_reason='length', token_ids=[], logprobs=None, logits=None, last_hidden_state=None, index=0)]", 'success'],
    ['generate_token_len=5', 'success'],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
    expect(classifyLog(line).category).toBe('healthy');
  });

  it.each([
    // nothing answered: rates of 0, an accuracy or a score of an empty run, a test row of 0 t/s
    'Request throughput (req/s):              0.00      ',
    'Output token throughput (tok/s):         0.00      ',
    'Request Throughput (req/sec):                     0.0000',
    '│      Request throughput (per sec) │   0.00 │    N/A │',
    '    Throughput: 0 infer/sec',
    'Concurrency: 1, throughput: 0 infer/sec, latency 0 usec',
    'Prefill. latency: 0.03216 s, throughput:      0.00 token/s',
    'Accuracy: 0.000',
    'Score: 0.000',
    'Output throughput: 0.000 token/s',
    'last generation throughput: -1.00 tok/s',
    'output throughput: 0.00 tok/s',
    '|gsm8k|      3|flexible-extract|     5|exact_match|↑  |0.0000|±  |0.0000|',
    '| llama 7B Q4_0                  |   3.56 GiB |     6.74 B | CUDA       |  99 |           pp512 |          0.00 ± 0.00 |',
    // headers and a time alone, the table's own header row
    '============ Serving Benchmark Result ============',
    '= PERFORMANCE OVERVIEW',
    'Total latency: 12.345 s',
    '|  Tasks  |Version|     Filter     |n-shot|  Metric   |   |Value |   |Stderr|',
    // logged as an error or a warning
    '[2025-01-01 10:00:00] ERROR Prefill. latency: 0.03216 s, throughput:   3980.42 token/s',
    'WARNING 01-01 10:00:00 [serve.py:1] Request throughput (req/s):              12.34',
    "E0101 10:00:00.000000 1 model_lifecycle.cc:849] successfully loaded 'vllm_model'",
    // Triton: one model of the repository loaded (the others, the engine among them, may still be loading), or failed to load
    'I0101 10:00:00.000000 1 model_lifecycle.cc:849] "successfully loaded \'postprocessing\'"',
    "I0101 10:00:00.000000 1 model_repository_manager.cc:1345] successfully loaded 'tensorrt_llm' version 1",
    "E0101 10:00:00.000000 1 model_lifecycle.cc:654] failed to load 'vllm_model' version 1: Internal: RuntimeError: boom",
    "I0101 10:00:00.000000 1 model_lifecycle.cc:789] failed to load 'vllm_model'",
    // nothing generated, an error, the supervisor's launch (it may return before the model loaded), a response in error or aborted
    'Total generated tokens:                  0',
    'Response generated in 1.23 seconds, 0 tokens, 0.00 tokens/second',
    '2025-01-01 10:00:00,000 xinference.core.worker 123 ERROR    [request 1234-abcd] Leave launch_builtin_model, error: boom, elapsed time: 23 s',
    '2025-01-01 10:00:00,000 xinference.core.worker 123 INFO     [request 1234-abcd] Leave launch_builtin_model, error: boom, elapsed time: 23 s',
    '2025-01-01 10:00:00,000 xinference.core.supervisor 123 DEBUG    [request 1234-abcd] Leave launch_builtin_model, elapsed time: 0 s',
    "Response(text='', generate_token_len=0, input_token_len=8, finish_reason='error', token_ids=[])",
    "Response(text='x', generate_token_len=3, input_token_len=8, finish_reason='abort', token_ids=[])",
    'generate_token_len=0',
  ])('is no sign: %s', (line) => {
    expect(kind(line)).toBeNull();
  });
});

describe('a response shown after the command that asked for it', () => {
  it('is healthy by a body pretty-printed, the line that names the completion as evidence', () => {
    const body = ['{', '  "id": "chatcmpl-3f2a9c1e8b",', '  "object": "chat.completion",', '  "created": 1718000000,', '  "model": "m",', '  "choices": [', '    {', '      "index": 0,', '      "message": {', '        "role": "assistant",', '        "content": "Hello!"', '      },', '      "finish_reason": "stop"', '    }', '  ],', '  "usage": {', '    "prompt_tokens": 12,', '    "completion_tokens": 2,', '    "total_tokens": 14', '  }', '}'];
    expect(classifyLog(body.join('\n'))).toMatchObject({ category: 'healthy', evidence: [{ line: 3 }] });
    expect(classifyLog(body.join('\n').replace('"chat.completion"', '"error"')).category).toBe('unknown');
  });

  it('takes the body, not the long command before it that it may read as continuing', () => {
    const log = [
      `$ curl http://localhost:8000/v1/chat/completions -H "Content-Type: application/json" -d '{"model": "meta-llama/Llama-3.1-8B-Instruct", "messages": [{"role": "user", "content": "hi"}]}'`,
      '{"id":"chatcmpl-3f2a9c1e8b","object":"chat.completion","created":1718000000,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"total_tokens":14,"completion_tokens":2}}',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({ category: 'healthy', evidence: [{ line: 2 }] });
  });
});

describe("the CUDA-graph capture's progress bar complete is a step that ran the model", () => {
  it.each([
    ['Capturing CUDA graphs (mixed prefill-decode, PIECEWISE): 100%|██████████| 67/67 [00:05<00:00, 12.1it/s]', 'step-done'],
    ['Capturing CUDA graph shapes: 100%|██████████| 35/35 [00:12<00:00,  2.9it/s]', 'step-done'],
    ['Capturing batches (bs=1 avail_mem=10.20 GB): 100%|██████████| 36/36 [00:08<00:00,  4.2it/s]', 'step-done'],
    // a terminal's carriage returns keep every state on one line: the last one counts
    ['Capturing batches (bs=8 avail_mem=10.31 GB):  50%|█████     | 2/4 [00:01<00:01,  1.9it/s]Capturing batches (bs=1 avail_mem=10.20 GB): 100%|██████████| 4/4 [00:02<00:00,  1.9it/s]', 'step-done'],
    // still under way, or cut: not all captured
    ['Capturing batches (bs=1 avail_mem=10.20 GB):  97%|█████████▋| 35/36 [00:08<00:00,  4.2it/s]', null],
    ['Capturing CUDA graphs (decode, FULL):   0%|          | 0/67 [00:00<?, ?it/s]', null],
    // nothing to capture: nothing ran
    ['Capturing CUDA graphs (decode, FULL): 100%|██████████| 0/0 [00:00<?, ?it/s]', null],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
  });

  it('decides nothing against a failure after it', () => {
    const log = ['Capturing CUDA graphs (decode, FULL): 100%|██████████| 67/67 [00:05<00:00, 12.1it/s]', 'ERROR 12-03 10:00:00 [core.py:1] EngineCore failed to start.', 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB'];
    expect(classifyLog(log.join('\n')).category).toBe('oom');
  });
});

describe("SGLang's disaggregation warm-up answered 200 is a request answered", () => {
  it.each([
    ["End of prefill disaggregation mode warmup with status 200, resp: [{'text': 'abc', 'meta_info': {}}]", 'success'],
    ["Disaggregation warmup request completed with status 200, resp: [{'text': ' a', 'meta_info': {}}]", 'success'],
    ['End of disaggregation warmup', 'success'],
    ['Prefill disaggregation mode warm Up Failed, status code: 500', null],
    ['Start of pd disaggregation warmup ...', null],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
  });
});

describe("TGI's router with its routes set up", () => {
  it.each([
    ['2024-01-01T10:00:00.000000Z  INFO text_generation_router::server: router/src/server.rs:2302: Connected', 'listening'],
    ['2023-08-01T10:00:00.000000Z  INFO text_generation_router: router/src/main.rs:247: Connected', 'listening'],
    // any other "Connected" is not TGI's
    ['[Gloo] Connected', null],
    ['INFO:     Connected', null],
  ])('%s → %s', (line, want) => {
    expect(kind(line)).toBe(want);
  });
  it('decides nothing against the bind failing after it', () => {
    const log = ['2024-01-01T10:00:00.000000Z  INFO text_generation_router::server: router/src/server.rs:2302: Connected', 'Error: Address already in use (os error 98)'];
    expect(classifyLog(log.join('\n')).category).not.toBe('healthy');
  });
});
