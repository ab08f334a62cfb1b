// Positive evidence of health, for a log in which nothing failed: healthy is earned, not assumed.
// A log that shows no failure and none of these is `unknown` (a start cut off or hung before any
// sign of progress reads exactly like a healthy excerpt cut early; the text cannot tell them apart).
// The kinds, chosen by what the healthy tuning logs show rather than by one log's phrase:
// - up:       the ready line or a line only a serving server writes (isReadyLine of log-lines.ts)
// - listening: a server bound to its port or its routes set up (vLLM's "Starting vLLM server on
//             http://…" and "Available routes are:", Triton's
//             "Started HTTPService at …", a model table row `| READY |`), or giving the address to
//             open once its engine is built (lmdeploy's "HINT: Please open http://…:23333 in a browser",
//             printed after the engine: 1263d5cd889b7ad500e85b8eb20401327a4516ab:lmdeploy/serve/openai/api_server.py:371,432-436)
//   … unless the app's startup is seen begun after it and never finished: uvicorn's "Waiting for
//   application startup." with no ready line (lmdeploy starts its engine loop there: api_server.py:218-223)
// - step-done: a startup step that ran the model reported finished with its duration ("Graph
//             capturing finished in 7 secs", "Capture cuda graph end. Time elapsed: 11.35 s",
//             "Memory profiling takes 4.2 seconds", "init engine (profile, create kv cache, warmup model)
//             took 49 s"); not loading the weights ("Loading weights took 24.8 seconds" shows only that
//             reading files worked), nor compiling the model (torch.compile / Dynamo / Inductor: "Dynamo
//             bytecode transform time: 3.54 s", "torch.compile took 30.6 s in total", "Compiling a graph
//             for … takes 6.06 s"): tracing and compiling the graphs does not run the model on the GPU
//             (the labelling guide, rule 5: "a startup step that ran the model finished")
// - sized:    the KV cache sized, which follows a successful profile run ("# GPU blocks: 10039",
//             "num_gpu_blocks is: 57656", "Maximum concurrency for … tokens per request",
//             SGLang's "KV Cache is allocated")
// - success:  a request or check reported successful (TEI's `…: Success`), the device scripts'
//             last lines ("… ok", "…, ready", "ready: all graphs replay…"), outputs checked against
//             a reference and found to match ("… replayed and match eager"; "does not match" is negated)
//             or a request's tokens counted with their time (vllm.rs: "[Non-Streaming] 44 tokens in 4.97s (8.86 tokens/s)")
// Lines logged as an error or warning never count. Pure.
import { COHERENCE_PASSED, isErrorLevel, isReadyLine, LLAMACPP_REQUEST_LOG, type LogLine } from './log-lines.ts';
import { isBulletLine } from './line-clean.ts';

export type HealthKind = 'up' | 'listening' | 'step-done' | 'sized' | 'success';

// Signs read from the engines' own source (issue #22): lines each engine writes only once it listens, has run
// the model, has sized its KV cache or has answered a request. Triton's gRPC endpoint ("Started GRPCInferenceService
// at", v2.54.0:src/grpc/grpc_server.cc:2558, next to HTTPService at src/http_server.cc:4725) and Aphrodite's
// "Starting Aphrodite server on http://…" (v0.20.0:aphrodite/entrypoints/openai/api_server.py:583, after the engine
// client is built, as vLLM's) are in the listening pattern above, as are servers that listen before their model loads
// (gunicorn's "Listening at: …", whose arbiter binds before any worker loads the app; BentoML's arbiter; TorchServe's frontend;
// the 2024 llama.cpp server's "HTTP server listening"): the guide's rule 5 counts a server that listened, and the labellers
// call a start cut there healthy. Not signs, though written on a healthy start: Xinference's "Starting Xinference
// at endpoint" (v3.2.0:xinference/api/restful_api.py:3116, before uvicorn binds and before any model is launched),
// a bare "Connected" (TGI's router's is read with its
// logger's target, TGI_CONNECTED below),
// KServe huggingfaceserver's "V1 AsyncLLM build complete" (v0.15.2:python/huggingfaceserver/huggingfaceserver/vllm/utils.py:108-109,
// logged in a `finally`, so also when the engine failed) and its "Registering model:" (python/kserve/kserve/model_server.py:402),
// TorchServe's "Model … loaded." (v0.12.0:frontend/server/src/main/java/org/pytorch/serve/wlm/ModelManager.java:111, the archive
// registered before any worker loads it, nothing bound yet), LocalAI's
// "LocalAI is started and running" (82c191afadf5f005281e798ccfa0ffd0d5805030:core/cli/run.go:787, before it binds; models load lazily),
// Triton's "successfully loaded '<model>'" (73aad7c3348d040c7087d57837d75822c488495e:src/model_repository_manager/model_lifecycle.cc:849, of
// triton-inference-server/core; "… version 1" at 1c60840e05eafcc3e0a7fa4d29a996fd7f76f1aa:src/model_repository_manager.cc:1345): one model of
// the repository marked READY, while the others load beside it (a TensorRT-LLM ensemble's preprocessing and postprocessing load in seconds, its
// engine model after; for the vllm backend the line does follow the engine's build, 8de0c148bda1da25de1e05ffaaf67116dacc7264:src/model.py:162-193,
// but the line does not say which backend); the `| READY |` table, printed once
// ModelRepositoryManager::Create loaded every startup model (src/server.cc:267-285), is the sign; so are the two summary tables
// printed before it by the same PrintBackendAndModelSummary (their header rows `| Repository Agent | Path |` and `| Backend | Path |
// Config |`), called once the server set its state to SERVER_READY (triton-inference-server/core
// 0040f6c8980c5df1a724c1e82c9e7782c7d20a86:src/server.cc:274-279, InferenceServer::Init, and :587-610, PrintBackendAndModelSummary); also after a model
// failed to load, when the server goes on without it, but then the load's error is in the log before it and decides.
// Already read as ready lines: KServe (v0.15.2:python/kserve/kserve/protocol/rest/server.py:79-90), FastChat's controller, model_worker
// (after the model is loaded) and openai_api_server (0e6d3e4beaab66f4d3f93db72541a4abab8af28d:fastchat/serve/model_worker.py:416-425)
// and LitServe serve through uvicorn ("Uvicorn running on"), and TorchServe's ACCESS_LOG writes `/ip:port "POST /predictions/m
// HTTP/1.1" 200 12` (v0.12.0:frontend/server/src/main/java/org/pytorch/serve/http/Session.java:48-51; log-lines.ts, SERVING).

/** A server bound to its port once its model was loaded and warmed up. */
/**
 * A message of the 2024 llama.cpp server (as Ollama's ext_server and llamafile vendored it) logged by `LOG_INFO` from main():
 * server_log's text form "INFO [main] <message> | tid=… timestamp=…" (Ollama v0.3.10:llm/ext_server/utils.hpp:147-156), or its JSON
 * record, whose "msg" (llamafile 0.6.2: "message") the record reader takes as the line's whole text. Upstream llama.cpp padded the function's
 * name to 24 columns from 2024-02 to 2024-09 (`"%4s [%24s] %s"`: unslothai/llama.cpp 930b1780269a69948d106e2d1b838ab7661f679a:examples/server/utils.hpp:161,
 * llama.cpp's history), "INFO [                    main] model loaded | …".
 */
const serverLog = (message: string, fn = 'main'): string => String.raw`^INFO \[ *${fn}\] ${message} \||^${message}$`;

const ENGINE_LISTENING = new RegExp(
  [
    // TEI: "Starting HTTP server: 0.0.0.0:80", logged once the listener is bound (v1.9.3:router/src/http/server.rs:1875-1880),
    // after the model's warm-up (router/src/lib.rs:289)
    String.raw`^Starting HTTP server: \S+:\d+$`,
    // Ollama: `msg="Listening on [::]:11434 (version 0.5.7)"` once bound (v0.5.7:server/routes.go:1238; v0.33.0-rc2:server/routes.go:2008)
    String.raw`\bListening on \S+ \(version [\w.+-]+\)`,
    // … in its slog record, which names the file that logs it, also when a paste cut the line before the version
    // (`level=INFO source=routes.go:987 msg="Listening on [::]:11434` and no more)
    String.raw`\bsource=routes\.go:\d+ msg="Listening on \S+:\d+`,
    // …and its model runner's own server, bound before the server sends it the load request (v0.12.11:runner/ollamarunner/runner.go:1412-1433,
    // llamarunner/runner.go:999, `log.Println("Server listening on", addr)` after net.Listen; Ollama's slog handler writes it as msg="…")
    String.raw`(?:\bmsg="?|^|\d\d:\d\d:\d\d )Server listening on (?:127\.0\.0\.1|localhost|\[::1\]):\d+"?\s*$`,
    // llama.cpp server: "main: server is listening on http://…" after load_model (and its warm-up run) returned
    // (aa6192d38defc9a5d9fb2987413f71b18f214270:tools/server/server.cpp, main(): LOG_INF after "model loaded")
    // … newer builds run it as llama_server() and log through SRV_INF, which writes "srv  " and the function's name cut to 12
    // characters: "srv  llama_server: server is listening on http://…" (00dd0816129a5210351c78bb90e0828f8eb69f99:tools/server/server.cpp, llama_server())
    String.raw`^(?:srv +)?(?:main|llama_server): server is listening on https?://`,
    // … and builds of mid-2025 that bind before they load the model (the guide counts a server that listened): "main: HTTP server is listening,
    // hostname: 127.0.0.1, port: 8080, http threads: 31", once svr->wait_until_ready() returned, then "main: loading model" (llama.cpp as
    // mmkurodan/llama vendors it, d582f0cb50fe92f23c1eac180e22785af5f23e3b:app/src/main/cpp/llama/tools/server/server.cpp:4937-4945)
    String.raw`^main: HTTP server is listening, hostname: \S+, port: \d+`,
    // mistral.rs: "Server listening on http://…" after bind (v0.9.2:mistralrs-cli/src/commands/serve.rs:206);
    // "OpenAI-compatible server listening on http://…." before (v0.6.0:mistralrs-server/src/main.rs:344)
    String.raw`^(?:OpenAI-compatible )?[Ss]erver listening on https?://`,
    // the labelling guide's rule 5 counts a server that listened, also where it binds before its model loads (a start cut there is
    // labelled healthy): the 2024 llama.cpp server as Ollama's ext_server and llamafile vendored it, `LOG_INFO("HTTP server listening",
    // …)` (Ollama v0.3.10:llm/ext_server/server.cpp:3025, before load_model; llamafile 0.6.2:llama.cpp/server/server.cpp:2594), in
    // server_log's text form or as its JSON record's message, and llamafile's own "llama server listening at http://…" (0.6.2:…:2560,
    // 0.7.4:…:3085); gunicorn's arbiter "Listening at: http://…" (benoitc/gunicorn 26.1.0:gunicorn/arbiter.py:209); BentoML's arbiter
    // "Starting production HTTP BentoServer from … listening on http://…" (32230a5276a8:src/_bentoml_impl/server/serving.py:392);
    // TorchServe's "Model server started." once its frontend bound (v0.12.0:frontend/server/src/main/java/org/pytorch/serve/ModelServer.java:133)
    serverLog('HTTP server listening'),
    String.raw`^llama server listening at https?://`,
    // TensorFold: "[tensorfold] serving <model> at http://<host>:<port>/v1 …" once its engine is built, right after its HTTP server is
    // bound (ashhart/TensorFold 00f4fcaa1cfc30be1ecc0f1d1b9c989edad5115c:src/tensorfold/cli.py, _serve_mlx: `server = Server((host, port), …)`
    // then the print; its CUDA path prints the same words, "… /v1 on CUDA (…)", once its engine, graphs and prompt kernels are ready)
    String.raw`^\[tensorfold\] serving \S+ at https?:\/\/\S+\/v1\b`,
    String.raw`\bListening at: https?://\S+|\bBentoServer from .{1,200} listening on https?://|(?:^|\bModelServer - )Model server started\.?$`,
    // Gradio (the web UIs around an engine: text-generation-webui, the engines' chat demos): "* Running on local URL:  http://…:7860",
    // printed once http_server.start_server returned its bound server (gradio-app/gradio 375335e60e2b4504a57f3eef0eb6bca3c7bb765a:
    // gradio/blocks.py:3038, the print at :3172-3173; the older strings.en["RUNNING_LOCALLY_SEPARATED"] without the "* ")
    String.raw`^\*? ?Running on local URL: +https?:\/\/\S+`,
    // MindIE's service daemon (mindieservice_daemon, mindie_llm_server): "Daemon start success!" on stdout once its endpoint started
    // (its HTTP servers up: the guide counts a server that listened) and its health set true; a failed start logs "Failed to init endpoint!" and kills
    // the process group instead (Ascend/MindIE-LLM 8b4871ad31f592aa863f6255760e4934484d78e4:src/server/daemon/llm_daemon.cpp:313-325)
    String.raw`^Daemon start success!\s*$`,
    // LocalAI: Fiber's OnListen hook, run once the listener is bound: "LocalAI API is listening! Please connect to the endpoint for API
    // documentation. endpoint=http://0.0.0.0:8080" (mudler/LocalAI v2.20.0:core/http/app.go:107-114); its models load on first use, and the
    // guide counts a server that listened
    String.raw`\bLocalAI API is listening! Please connect to the endpoint\b`,
    // KoboldCpp: "Please connect to custom endpoint at http://localhost:5001", printed once the model was loaded ("Load Text Model OK",
    // LostRuins/koboldcpp 2da346a5ff2cfd1debac59066553d45d098e95a4:koboldcpp.py:4134-4135), right before its HTTP server runs (:4361-4362)
    String.raw`^Please connect to custom endpoint at https?:\/\/\S+`,
    // llama.cpp server: its main loop found no slot with work, "srv  update_slots: all slots are idle" (SRV_INF in update_slots(), which the
    // loop runs once the model is loaded and the server listens: ggml-org/llama.cpp aa6192d38defc9a5d9fb2987413f71b18f214270:tools/server/server.cpp:1626,1639,
    // after main()'s "server is listening on …" and "starting the main loop…" at :3851-3854)
    String.raw`^srv +update_slots: all slots are idle$`,
    // ComfyUI: "To see the GUI go to: http://127.0.0.1:8188", logged once aiohttp's site is bound (comfyanonymous/ComfyUI
    // d4b509799f875455e5e9b9405026afc8755f14fe:server.py:840 `await site.start()`, the line at :851); its models load per prompt
    String.raw`^To see the GUI go to: https?:\/\/\S+`,
    // Ray Serve: "Application '<name>' is ready at http://…", logged once the application is RUNNING (its deployments' replicas
    // constructed, so an engine they build is up) and the proxies serve (ray-project/ray cec0a091b12675bbf101cf8a350c8706107baee1:
    // python/ray/serve/_private/client.py:420-444)
    String.raw`\bApplication '[\w.-]{1,80}' is ready(?: at https?:\/\/\S*)?\.?$`,
    // SkyRL's serve entrypoint: "Inference servers are up.", logged once its vLLM server actors answered /health and its router is
    // healthy (NovaSky-AI/SkyRL a9564572eb8e91076be43c1bd5e4615e3de17265:skyrl/train/entrypoints/serve.py:66, after
    // get_inference_client(); skyrl/backends/skyrl_train/inference_servers/vllm_server_actor.py:292-297, vllm_router.py:125,142-148)
    String.raw`\bInference servers are up\.$`,
    // NVIDIA Dynamo's component worker: "Starting <Service> instance with all registered endpoints" (behind "[<run id>] " in some releases),
    // logged once the service's class was built and its startup hooks returned (a vLLM worker's async_init builds its engine there), right
    // before it serves its endpoints (ai-dynamo/dynamo as linsj20/dynamo carries its history, d2bec6f8b68fb6ef84b29ab4be12c829fd794054:
    // deploy/sdk/src/dynamo/sdk/cli/serve_dynamo.py:205-222, dyn_worker: the hooks awaited, the line, then serve_endpoint); a hook that
    // raised logs "Error in Dynamo component setup" in its place
    String.raw`\bStarting \w{1,80} instance with all registered endpoints\s*$`,
    // NVIDIA Dynamo's HTTP frontend: `Starting HTTP service on: 0.0.0.0:8080 address="0.0.0.0:8080"` (tracing's field after the message), logged
    // right before it binds, a failed bind panicking "could not bind to address" (linsj20/dynamo 40ca062fee4077c2bfd6a283d3d40415c79aad7d:
    // lib/llm/src/http/service/service_v2.rs:126-133); its models come from workers that register later (the guide counts a server that
    // listened; a worker's failure is in the log after it and decides). Not its "added model" line: the vLLM worker registers its model
    // before it builds its engine (launch/dynamo-run/src/subprocess/vllm_v1_inc.py:192, the engine after), the TRT-LLM one after (trtllm_inc.py:396-405)
    String.raw`^Starting HTTP service on: \S+:\d+ address="\S+:\d+"$`,
    // llama.cpp's server, the forms the patterns above miss (read in unslothai/llama.cpp, which carries upstream's history): 2026's
    // "srv  llama_server: listening on http://…", written once the port is bound and, in single-model mode, load_model returned true
    // (d32676d77426540327835040d5d3279728f0b4c8:tools/server/server.cpp:487, after :436-456); the router mode's "router server is listening on
    // http://…" once its port is bound (it loads no model itself: ec18edfcba94dacb166e6523612fc0129cead67a:tools/server/server.cpp:264,
    // dafe7ab0eae5cf8cb227f3e87eefcd1c0efc3e91:tools/server/server.cpp:339); "main: server is listening on <host>:<port> - starting the main
    // loop" without a scheme (6262d13e0b2da91f230129a93a996609a2f5a2f2:examples/server/server.cpp:3149, after "model loaded"); "main: starting
    // the main loop..." right after it (0de8878c961c36c88cca5a0c188ae7a6e5a4b778:tools/server/server.cpp:5650); the 2024 server_log's "HTTP
    // server is listening", once bind_to_port succeeded (8b3befc0e2ed8fb18b903735831496b8b0c80949:examples/server/server.cpp:3400), and its
    // "all slots are idle", logged only by update_slots, which runs from the task loop started once the model loaded (:1922, :3403-3448)
    String.raw`^(?:srv +)?llama_server: listening on (?:https?|unix):\/\/|^(?:srv +)?(?:main|llama_server): router server is listening on https?:\/\/`,
    String.raw`^main: server is listening on \S+:\d+ - starting the main loop$|^main: starting the main loop\.\.\.$`,
    serverLog('HTTP server is listening'),
    serverLog('all slots are idle', 'update_slots'),
    // KoboldCpp: "Starting Kobold API on port 5001 at http://…/api/" (and its OpenAI-compatible twin), printed once every model load returned
    // OK, right before its HTTP server runs (LostRuins/koboldcpp 2da346a5ff2cfd1debac59066553d45d098e95a4:koboldcpp.py:4245-4246)
    String.raw`^Starting (?:Kobold|OpenAI Compatible) API on port \d+ at https?:\/\/\S+`,
    // TEI's gRPC build: "Starting gRPC server: 0.0.0.0:80", the counterpart of its HTTP server's line, after the model's warm-up
    // (huggingface/text-embeddings-inference v1.9.3:router/src/grpc/server.rs:1511; router/src/lib.rs:289-298)
    String.raw`\bStarting gRPC server: \S+:\d+$`,
    // Triton's SageMaker and Vertex AI frontends: "Started Sagemaker HTTPService at 0.0.0.0:8080", as its HTTP frontend's line
    // (triton-inference-server/server e1db8a603d863b1317ee859bdeea2be19959462e:src/sagemaker_server.cc:291, src/vertex_ai_server.cc:370)
    String.raw`\bStarted (?:Sagemaker|Vertex AI) HTTPService at \S+`,
    // Infinity's banner, logged in its app's lifespan right after its engines started and warmed up (michaelfeil/infinity
    // fcb951cb679d0de185bf254600d9b7d2cd3a263a:libs/infinity_emb/infinity_emb/infinity_server.py:96-104)
    String.raw`Infinity - Embedding Inference Server\s*$`,
    // Aphrodite 0.6: its endpoints' addresses, logged inside build_engine_client once the engine (profile, KV cache) was built, before it
    // serves (aphrodite-engine/aphrodite-engine c63ad41a8acd89f75883cc03a2b2898b809d229f:aphrodite/endpoints/openai/api_server.py:1209-1215)
    String.raw`^\s*(?:Completions API|Chat API|Embeddings API|Tokenization API|Kobold Lite UI): +https?:\/\/\S+`,
    // whisper.cpp's server: "whisper server listening at http://…", after the model loaded and the port was bound
    // (ggml-org/whisper.cpp 233fe1fc9b48a09e361d3594520838ca266537fe:examples/server/server.cpp:1264, after :726 and :1253-1258)
    String.raw`^whisper server listening at https?:\/\/\S+`,
    // SGLang's HTTP/2 path (--enable-http2): "Starting Granian HTTP/2 server on 0.0.0.0:30000", once the schedulers reported ready
    // (BBuf/sglang 65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/entrypoints/http_server.py:2177-2180, :2365-2374)
    String.raw`\bStarting Granian HTTP\/2 server on \S+:\d+$`,
    // GPUStack's server: "GPUStack Server is ready.", once its API and gateway ports answered (gpustack/gpustack
    // 47277d79f4a5bae12a2d25e9ecbed2a2177a5f2d:gpustack/server/server.py:704-707)
    String.raw`\bGPUStack Server is ready\.$`,
    // (not TGI's shard "Server started at unix:///tmp/text-generation-server-<rank>", though it is logged only once that shard's model loaded,
    // v3.0.0:server/text_generation_server/server.py:268,282-284,309-311: one shard up, the others and the router's warm-up still to come;
    // read as a sign, it called one held-out failure healthy for the one healthy log it fixed)
  ].join('|'),
);

/** A startup step that ran the model, reported by an engine without a duration the generic pattern reads. */
const ENGINE_STEP_DONE = new RegExp(
  [
    // vLLM: after capture_model() returned (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/v1/worker/gpu_worker.py:585-597;
    // Aphrodite v0.20.0:aphrodite/v1/worker/gpu_worker.py:580)
    String.raw`\bCUDA graph pool memory: [\d.]+ GiB \(actual\)`,
    // SGLang: its custom warm-up requests answered (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/entrypoints/http_server.py:381-388)
    String.raw`^Warmup ended$`,
    // xDiT's example pipelines: the timed run of the whole pipeline on the GPUs, printed once it returned ("epoch time: 155.80 sec,
    // parameter memory: …": xdit-project/xDiT 175e0bfec974d0b44a0be9fa511df2f9f5ead080:examples/cogvideox_usp_example.py:188-217, the
    // same print in the other examples)
    String.raw`^epoch time: \d+(?:\.\d+)? sec\b`,
    // llama.cpp's LLaVA: the image run through the CLIP vision encoder, "encode_image_with_clip: image encoded in 433.94 ms by CLIP" (a llama.cpp
    // fork, henryljgwu/llama_cpp_fork_logprob d03630e8e2cd:examples/llava/llava.cpp:283)
    String.raw`^encode_image_with_clip: image encoded in +[\d.]+ ms by CLIP\b`,
    // Ollama: its runner answered Ready (v0.5.7:llm/server.go:594 "llama runner started in"; v0.33.0-rc2:llm/llama_server.go:1362 "llama-server started in")
    String.raw`\b(?:llama runner|llama-server) started in \d+(?:\.\d+)? seconds\b`,
    // Ollama's MLX runner: its client's ping of /v1/status answered, the runner serving it only once Load returned with the model's tensors
    // (v0.33.0-rc2:x/mlxrunner/client.go:104-106 `slog.Info("mlx runner is ready", …)`; x/mlxrunner/server.go:66-70 before :209 Run, runner.go:252-253)
    String.raw`\bmlx runner is ready\b`,
    // llama.cpp server: load_model returned, its context built and warmed up by an empty run unless --no-warmup
    // (aa6192d38defc9a5d9fb2987413f71b18f214270:tools/server/server.cpp, main(): `LOG_INF("%s: model loaded\n", __func__)`)
    // (newer builds: `SRV_INF("%s", "model loaded\n")` in llama_server(), "srv  llama_server: model loaded", 00dd0816129a5210351c78bb90e0828f8eb69f99:tools/server/server.cpp)
    String.raw`^(?:srv +)?(?:main|llama_server): model loaded$`,
    // Infinity (michaelfeil/infinity, embeddings and rerankers): the warm-up ran the model on batches and logged its timings, ending
    // "embeddings/sec: <n>" (0.0.77:libs/infinity_emb/infinity_emb/transformer/abstract.py:246, run_warmup, logged at
    // inference/select_model.py:97), then "model warmed up, between <a>-<b> embeddings/sec at batch_size=<n>" (:106-109)
    String.raw`^\s*embeddings\/sec: (?!0\.00$)\d+\.\d+$|\bmodel warmed up, between [\d.]+-[\d.]+ embeddings\/sec at batch_size=\d+`,
    // the 2024 llama.cpp server as Ollama's ext_server and llamafile vendored it: `LOG_INFO("model loaded", {})` once load_model() and
    // initialize() returned (Ollama v0.3.10:llm/ext_server/server.cpp:3049; llamafile 0.7.4:llama.cpp/server/server.cpp:3060)
    serverLog('model loaded'),
    // vLLM / SGLang: the CUDA-graph capture's progress bar complete. tqdm moves one step after each batch size was warmed up
    // (forward passes of the model) and captured, so n/n with n > 0 shows every capture done; a capture that fails leaves it below n.
    // vLLM: "Capturing CUDA graph shapes" (V0_9_1 77f0d465d0a666b65dd877ec462f024a980dd55c:vllm/worker/model_runner.py:1589),
    // "Capturing CUDA graphs (decode, FULL)" (V0_10_2 2e5d21378db8226b04bb76f3e7119a9ddd0239df:vllm/v1/worker/gpu_model_runner.py:2948;
    // 396c8fee5071117914104244cc962db805ab0af0:vllm/v1/worker/gpu_model_runner.py:6515-6521, the loop's _warmup_and_capture at :6538);
    // SGLang: "Capturing batches (bs=1 avail_mem=10.20 GB)" (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/model_executor/cuda_graph_runner.py:856)
    String.raw`\bCapturing CUDA graph(?:s| shapes)(?: \([\w ,-]{1,60}\))?: 100%\|[^|]*\| ?(?<vcg>[1-9]\d*)\/\k<vcg> \[`,
    String.raw`\bCapturing batches \([^)]{1,80}\): 100%\|[^|]*\| ?(?<scg>[1-9]\d*)\/\k<scg> \[`,
    // KoboldCpp: "Load Text Model OK: True", load_model()'s result printed (False exits), the GGUF load ending with a decode of four tokens
    // (LostRuins/koboldcpp 2da346a5ff2cfd1debac59066553d45d098e95a4:koboldcpp.py:4135-4139, gpttype_adapter.cpp:2007)
    String.raw`^Load (?:Text|Image|Whisper) Model OK: True$`,
    // LocalAI: "Loads OK", once a backend's LoadModel returned success (mudler/LocalAI 82c191afadf5f005281e798ccfa0ffd0d5805030:
    // pkg/model/initializers.go:535-536, xlog's form; v2.20.0:pkg/model/initializers.go:503, zerolog's "[llama-cpp] Loads OK")
    String.raw`(?:^|\s)Loads OK backend=\S+|^\[[\w.-]+\] Loads OK$`,
    // TGI's router: "Using backend V3" (or V2's same words), once the shards' warm-up returned and the token budget was set
    // (huggingface/text-generation-inference v3.3.7:backends/v3/src/lib.rs:125-137,166; backends/v2/src/lib.rs:124)
    String.raw`\bUsing backend V[23]$`,
    // TEI on HPU and ROCm: "finish warmup for batch: 8, length: 512", after the model ran on that shape (v1.9.3:backends/src/lib.rs:176-180;
    // 0d124dc9773be6ac5a9a57d8439aba9bbbf33273:backends/src/lib.rs:247-251)
    String.raw`\bfinish (?:rocm )?warmup for batch: \d+, length: \d+$`,
    // Xinference: "ModelActor(<uid>) loaded" at the end of ModelActor.load(), after the model's load returned (xorbitsai/inference
    // 7ecec16b63383e18e4af790c4b522fb7d79f7e77:xinference/core/model.py:500; v1.0.0:xinference/core/model.py:420), as XINFERENCE_LOADED
    String.raw`\bModelActor\([^)\s]+\) loaded$`,
  ].join('|'),
);

/**
 * SGLang 0.1–0.2's prefixes, which the header reader leaves in the text: a time of day alone with the TP rank
 * ("[%H:%M:%S TP0] ", c5fe11a8e175d48b00b32aafd7412953180314e4:python/sglang/srt/utils.py:728-733) and the GPU's id
 * ("[gpu_id=0] ", 56f5fc4ab5e1d9e270dcdab5f1d6f67e6785eebe:python/sglang/srt/managers/controller/tp_worker.py:116;
 * "[gpu=0] " after "Fix logging" (#796), 325a06c2deef25067f8b37e73358b4569e13def7:python/sglang/srt/managers/controller/tp_worker.py:259,437,
 * 3694f8f996e25c862cd67057e2bfa5844900fc98:python/sglang/srt/managers/tp_worker.py:274,428,438).
 */
const SGLANG_OLD_PREFIX = String.raw`^(?:\[\d\d:\d\d:\d\d(?: TP\d+)?\] )?(?:\[gpu(?:_id)?=\d+\] )?`;

/** The KV cache sized after the engine ran the model (a profile or warm-up run). */
const ENGINE_SIZED = new RegExp(
  [
    // vLLM / Aphrodite: the memory left for the KV cache once profile_run() returned
    // (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/v1/worker/gpu_worker.py:436; v0.20.0:aphrodite/v1/worker/gpu_worker.py:426);
    // none or a negative amount is the start of "No available memory for the cache blocks", not a sign
    String.raw`\bAvailable KV cache memory: (?:[1-9]\d*(?:\.\d+)?|0\.\d*[1-9]\d*) GiB`,
    // TGI: the batch token budget read back from the shards' warm-up (v3.3.7:backends/v3/src/lib.rs:125-137;
    // v0.9.4:router/src/main.rs:210-239, v2.0.4:router/src/main.rs:317-354 before the backends moved out of the router)
    String.raw`\bSetting max batch total tokens to [1-9]\d*`,
    // SGLang: the token pools allocated (…:python/sglang/srt/model_executor/model_runner_kv_cache_mixin.py:967-970) and the
    // scheduler's limits, logged once its model worker (pools, CUDA graphs) is built (…:python/sglang/srt/managers/scheduler.py:826-834);
    // the same lines in SGLang 0.1–0.3, behind their old prefixes (SGLANG_OLD_PREFIX, optional):
    // SGLang 0.1–0.2, logging bare messages ("%(message)s", later "[%H:%M:%S TP0] …"): the token pool sized once the model
    // runner loaded the weights and allocated its memory pool (init_memory_pool raises when too little is left):
    // "Rank 0: max_total_num_token=…" (f6bfe3aaff6fc9c80ed632646c8db06f4a6c0048:python/sglang/srt/managers/router/model_rpc.py:92,
    // router/model_runner.py:263-264) and "[gpu_id=0] max_total_num_tokens=…" (56f5fc4ab5e1d9e270dcdab5f1d6f67e6785eebe:
    // python/sglang/srt/managers/controller/tp_worker.py:116, after its ModelRunner captured the CUDA graphs: controller/model_runner.py:97-103)
    // (an early-2024 build wrote it capitalised, "Rank 0: Max_total_num_token=115621, …", as sgl-project/sglang#139 pastes it)
    String.raw`${SGLANG_OLD_PREFIX}(?:Rank \d+: )?[Mm]ax_total_num_tokens?=[1-9]\d*, `,
    // … and its pool allocated, with those prefixes ("[gpu_id=0] Memory pool end. …", 1a491d00cb765c62864ecbd60b0357dc81b4371e:
    // python/sglang/srt/managers/controller/model_runner.py:202, past the check that raises when no tokens fit at :182-185;
    // "[12:00:00 TP0] Memory pool end. …", e79f6cd73d8e0fd74db29b8c441c2ead0e2fff37:python/sglang/srt/model_executor/model_runner.py:423)
    String.raw`${SGLANG_OLD_PREFIX}Memory pool end\. avail mem=`,
    // vllm.rs: its KV-cache allocator planned the blocks on the memory the loaded model left ("KVCache allocation successfully planned!";
    // a plan that fails bails with "KVCache allocation failed: …": guoqingbao/vllm.rs 1b00e2717dd552159cbe742b96171c9dbebf3659:src/core/runner.rs:456-464,
    // src/core/engine.rs:363)
    String.raw`\bKVCache allocation successfully planned!`,
    // SGLang-JAX (TPU): the token budget the profiled memory left, logged past the check that raises "Not enough memory" when none fits
    // (sgl-project/sglang-jax e8cebe15bc6391f64bb2c80bb3912bfc57e743e5:python/sgl_jax/srt/model_executor/model_runner.py:287-293; "ModelRunner
    // final max_total_num_tokens: …" since, cddbf6f1cc33cbdd453bd8f36ff7051cf46ca176:…/model_runner_kv_cache_mixin.py:814-817)
    String.raw`\bModelRunner (?:final )?max_total_num_tokens: [1-9]\d*`,
    // LMDeploy's PyTorch engine: its cache engine, the KV blocks the free memory left once the model was built allocated on the GPU
    // ("Initialize cache engine with 157 gpu blocks and 0 cpu blocks.", logged after allocate_gpu_cache: InternLM/lmdeploy
    // 1263d5cd889b7ad500e85b8eb20401327a4516ab:lmdeploy/pytorch/engine/cache_engine.py:258-274; built after the model and its graph
    // runner, before the warm-up: lmdeploy/pytorch/engine/executor/base.py:448-467)
    String.raw`\bInitialize cache engine with [1-9]\d* gpu blocks\b`,
    // mistral.rs's PagedAttention cache sized from the memory left after the weights ("Num GPU blocks is 0" bails before it):
    // "Using PagedAttention with block size 32 and 1234 GPU blocks: available context length is 39488 tokens", "Allocating 8192 MB for
    // PagedAttention KV cache per GPU" (EricLBuehler/mistral.rs 9e922623f24b32d41f3892b74f0eed18707f4e6c:mistralrs-core/src/paged_attention/mod.rs:518-525;
    // v0.4.0:mistralrs-core/src/paged_attention/mod.rs:141)
    String.raw`\bUsing PagedAttention with block size \d+ and [1-9]\d* GPU blocks: available context length is \d+ tokens|\bAllocating [1-9]\d* MB for PagedAttention KV cache per GPU\b`,
    // TGI's shard: "KV-cache blocks: 35554, size: 1", after its warm-up prefill ran (an OOM there is raised before it) and the blocks were
    // counted from the memory left (huggingface/text-generation-inference v3.3.7:server/text_generation_server/models/flash_causal_lm.py:1548-1565)
    String.raw`\bKV-cache blocks: [1-9]\d*, size: \d+$`,
    // vLLM's auto-fit of max_model_len (-1) to the KV cache the profile run left ("Cannot auto-fit …" raised when nothing fits)
    // (jinhuang12/vllm 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/v1/core/kv_cache_utils.py:1444-1469)
    String.raw`\bAuto-fit max_model_len: (?:full model context length \d+ fits in|reduced from \d+ to [1-9]\d* to fit in) available GPU memory\b`,
    // vLLM's KV connectors registering the KV cache with their transfer agent (NIXL, Mooncake): called from initialize_kv_cache once the
    // cache tensors were allocated on the GPU from the memory the profile run left ("Registering KV_Caches. use_mla: False, shape
    // torch.Size([2, 18844, …])" at DEBUG, local-inference-lab/vllm d19110204c03e9b77ed957fc70c1262ff370f5e2:vllm/distributed/kv_transfer/
    // kv_connector/v1/nixl_connector.py:487, called at vllm/v1/worker/gpu_model_runner.py:1872 after torch.zeros of each layer's cache;
    // "…, kv_buffer_device: cuda, use_host_buffer: False" at INFO, jinhuang12/vllm 2d5be1dd5ce2e44dfea53ea03ff61143da5137eb:…/nixl_connector.py:1324,
    // …/mooncake/mooncake_connector.py:915, called at vllm/v1/worker/gpu_model_runner.py:6091)
    String.raw`\bRegistering KV_Caches\. use_mla: (?:True|False)\b`,
  ].join('|'),
);

/** A request answered, or a server's own last word on being ready. */
const ENGINE_SUCCESS = new RegExp(
  [
    // llama-benchy, the OpenAI-API benchmark client: its coherence check asked the server "What is the capital of France?" and found
    // "Paris" in the answer ("Coherence test FAILED: …" and an exit otherwise; log-lines.ts COHERENCE_PASSED, where its source is named)
    COHERENCE_PASSED.source,
    // SGLang in prefill/decode disaggregation: its warm-up request to /generate answered 200, logged only then ("… warm Up Failed"
    // otherwise): "End of prefill disaggregation mode warmup with status 200, resp: …" (4540a4666a112a82dcf21505b781f3e31e50d178:
    // python/sglang/srt/entrypoints/http_server.py:1078-1081), later "Disaggregation warmup request completed with status 200, resp: …"
    // and "End of disaggregation warmup" (d72314808fae:python/sglang/srt/entrypoints/http_server.py:2130-2134)
    String.raw`\bEnd of prefill disaggregation mode warmup with status 200\b|\bDisaggregation warmup request completed with status 200\b|^End of disaggregation warmup$`,
    // LMDeploy's TurboMind: its batch's forward step, logged by rank 0 every ten steps as it runs the model on a request's tokens
    // ("------------------------- step = 30 -------------------------": InternLM/lmdeploy v0.4.2:src/turbomind/models/llama/LlamaBatch.cc:1529-1533)
    String.raw`^-{10,} step = \d+ -{10,}$`,
    // OpenVLA's LIBERO evaluation: after each task's episodes, each of which queried the policy for every action (get_action), the share
    // of episodes that succeeded; an episode whose step raised is caught and counted a failure, so only a rate above zero shows the model
    // ran ("Current total success rate: 0.7333…": openvla/openvla c8f03f48af692657d3060c19588038c7220e9af9:experiments/robot/libero/run_libero_eval.py:211-260)
    String.raw`^Current total success rate: (?!0(?:\.0*)?\s*$)\d+(?:\.\d+)?\s*$`,
    // TRL's client of its vLLM server (GRPO and the other online trainers): "Server is up!", once the server's /health/ answered 200
    // (huggingface/trl f2cd57710ae345ea6428ae95363267fcf38a3dc8:trl/generation/vllm_client.py:194-197)
    String.raw`^Server is up!$`,
    // TEI: "Ready", right after its listener is bound (v1.9.3:router/src/http/server.rs:1881; gRPC: router/src/grpc/server.rs:1512)
    String.raw`^Ready$`,
    // llama.cpp server: a request's timings, logged when the slot finished it (…:tools/server/server.cpp, server_slot::print_timings),
    // in newer builds each line behind SLT_INF's "slot print_timing: id  3 | task 0 | " (006639c3ff51a3dbde5f52ebf4c5a55ad5306caf:tools/server/server-common.h:18);
    // the 2024 server's "generation eval time = … ms / N runs", N the tokens decoded (Mozilla-Ocho/llamafile 0.7.4:llama.cpp/server/server.cpp:317-318),
    // its text log's header "INFO [   print_timings] " kept (utils.h:161-176 there)
    String.raw`^(?:slot +\w{1,12}: id +\d+ \| task -?\d+ \| )?\s*(?:prompt )?eval time =\s+[\d.]+ ms \/\s+[1-9]\d* tokens\b|^(?:INFO \[ *print_timings\] )?\s*generation eval time =\s+[\d.]+ ms \/\s+[1-9]\d* runs\b`,
    // llama.cpp server: its HTTP logger's line for a request answered, "srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200"
    // (SRV_INF in log_server_request, ggml-org/llama.cpp aa6192d38defc9a5d9fb2987413f71b18f214270:tools/server/server-http.cpp:30-38;
    // the 2024 server's text log "INFO [      log_server_request] request | … status=200 method="POST" path="/completion" …", Mozilla-Ocho/llamafile
    // 0.7.4:llama.cpp/server/server.cpp:2756-2770, format at llama.cpp/server/utils.h:161-176). While the model loads its middleware answers
    // 503 to everything but the model lists (server-http.cpp, middleware_server_state), so a 200 elsewhere is a server ready; the 2024
    // server's /health answers 200 only in SERVER_STATE_READY (llamafile 0.7.4:llama.cpp/server/server.cpp:2863-2888)
    String.raw`${LLAMACPP_REQUEST_LOG}(?:GET|POST) (?!\/(?:v1\/)?models\b|\/api\/tags\b)\/\S* \S+ 200$`,
    String.raw`^INFO \[ *log_server_request\] request \|.* status=200 method="(?:POST" path="\/|GET" path="\/health")`,
    // … and Ollama's copy of that server (llm/ext_server, 2024), which logs the request at DEBUG (OLLAMA_DEBUG) into a json whose keys
    // nlohmann sorts ("DEBUG [log_server_request] request | method="POST" params={} path="/tokenize" remote_addr=… status=200 …"), its
    // routes registered only once the model loaded (ollama/ollama v0.3.4:llm/ext_server/server.cpp:2668-2683 and :3036-3040, utils.hpp:119-150)
    String.raw`^(?:INFO|DEBUG) \[ *log_server_request\] request \| method="POST" params=\{.*\} path="\/[^"]*" remote_addr="[^"]*" remote_port=\d+ status=200\b`,
    // text-generation-webui: a reply's count, "Output generated in 2.35 seconds (10.21 tokens/s, 24 tokens, context 50, seed 123)", logged in a
    // `finally` also after a failed generation (whose traceback decides), so only tokens generated, more than none, show the model ran
    // (oobabooga/text-generation-webui v4.7.3 1dcde41d03d13fc768316f4d2256a8a6dd044268:modules/text_generation.py:494-497,533-536)
    String.raw`^Output generated in [\d.]+ seconds \([\d.]+ tokens\/s, [1-9]\d* tokens, context \d+, seed -?\d+\)`,
    // Ollama: gin's access log (gin.Default(), v0.5.7:server/routes.go:1140; format v1.12.0:logger.go:185 of gin-gonic/gin)
    // of a generating or embedding request answered 200: the model ran (a 200 to /api/pull, /api/show and the like, which run
    // no model, shows only that the server listens: KINDS)
    String.raw`^\[GIN\] [\d/]+ - [\d:]+ \| 200 \|[^|]*\|[^|]*\| POST +"\/(?:api\/(?:generate|chat|embed|embeddings)|v1\/(?:chat\/completions|completions|embeddings))"`,
    // vLLM offline (LLM.generate / LLM.chat / LLM.encode): tqdm's bar "Processed prompts" moves one step per request FINISHED
    // and reads 100% with n/n only once all n were answered (651c614aa43e497a2e2aab473493ba295201ab20:vllm/entrypoints/llm.py:173-181, v0.2.1;
    // 9ba0817ff1eb514f51cc6de9cb8e16c98d6ee44f:vllm/entrypoints/llm.py:702-733, v0.6.1.post2, with its "est. speed" postfix;
    // 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/llm.py:1999-2033); a terminal's CRs leave every earlier state on
    // the same line, so the count must read n/n with n > 0 (0% or 3/4 is a run still under way, or cut off)
    String.raw`\bProcessed prompts: 100%\|[^|]*\| ?(?<prompts>[1-9]\d*)\/\k<prompts> \[`,
    // vLLM's benchmarks, printed once the run is over: the serving benchmark's count of requests answered, more than none
    // (9ba0817ff1eb514f51cc6de9cb8e16c98d6ee44f:benchmarks/benchmark_serving.py:435-436, which only warns when it is 0: :286-290;
    // 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/benchmarks/serve.py:929-930); the offline throughput benchmark's rate over the
    // requests LLM.generate answered (651c614aa43e497a2e2aab473493ba295201ab20:benchmarks/benchmark_throughput.py:186;
    // 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/benchmarks/throughput.py:940-944); the latency benchmark's mean over its
    // completed iterations (9ba0817ff1eb514f51cc6de9cb8e16c98d6ee44f:benchmarks/benchmark_latency.py:111; 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/benchmarks/latency.py:158)
    String.raw`^Successful requests: +[1-9]\d*\s*$`,
    String.raw`^Throughput: (?!0\.0+ )\d+(?:\.\d+)? requests\/s, `,
    String.raw`^Avg latency: (?!0(?:\.0+)? )\d+(?:\.\d+)?(?:e-?\d+)? seconds$`,
    // SGLang 0.1–0.2: a decode step's statistics, logged only while a batch of requests is running
    // (f6bfe3aaff6fc9c80ed632646c8db06f4a6c0048:python/sglang/srt/managers/router/model_rpc.py:216-226: "#running-req: …";
    // 56f5fc4ab5e1d9e270dcdab5f1d6f67e6785eebe:python/sglang/srt/managers/controller/tp_worker.py:240-247: "[gpu_id=0] Decode batch. …";
    // c5fe11a8e175d48b00b32aafd7412953180314e4:python/sglang/srt/managers/tp_worker.py:287, after "[%H:%M:%S TP0] "). Later releases'
    // "Decode batch" without a prefix is a ready line (log-lines.ts, SERVING)
    String.raw`${SGLANG_OLD_PREFIX}(?:Decode batch\. )?#running-req: [1-9]\d*, #token: \d+, token usage: `,
    // … and a prefill batch of new requests, with those prefixes (e79f6cd73d8e0fd74db29b8c441c2ead0e2fff37:python/sglang/srt/managers/tp_worker.py:509-528:
    // "Prefill batch. #new-seq: …" or "Prefill batch(mixed #running-req: 2). #new-seq: …"), as its ready line without them
    String.raw`${SGLANG_OLD_PREFIX}Prefill batch\b.{0,32}#new-seq: [1-9]\d*, #new-token: \d+`,
    // BentoML (and OpenLLM, served by it): its access log of a POST answered 200 — the service's API ran
    // (32230a5276a8da8b23c4a06a9ec6272c1993451a:src/bentoml/_internal/server/http/access.py:117-139:
    // "127.0.0.1:54321 (scheme=http,method=POST,path=/generate,…) (status=200,…) 1234.567ms"); not its arbiter's "Starting production
    // HTTP BentoServer from … listening on …" (src/_bentoml_impl/server/serving.py:389-400, the message at :392, logged as the arbiter starts, before
    // its workers load the service and its model, as gunicorn's "Listening at"), which is read as listening (ENGINE_LISTENING)
    String.raw`\(scheme=https?,method=POST,path=\/[^,)]*[^)]*\) \(status=200\b`,
    // llama.cpp (llama-cli, the examples, llama-cpp-python): the context's timings once a generation ended, "llama_print_timings:        eval time =
    // 1234.56 ms /    31 runs" (older: vendored at ollama/ollama v0.3.13:llama/llama.cpp:20989-21000, llama_print_timings()) and
    // "llama_perf_context_print:        eval time = … /    63 runs" (newer: v0.5.7:llama/llama.cpp:13002-13011 there, vendored from ggml-org/llama.cpp
    // 46e3556, llama_perf_context_print() of src/llama-context.cpp). The runs are max(1, n_eval) (v0.3.13:llama/llama.cpp:20983, v0.5.7:
    // llama/llama.cpp:12997), so only a time above 0 shows a token generated; the prompt's "prompt eval time" alone is no generation
    String.raw`^llama_(?:print_timings|perf_context_print): +eval time = +(?!0\.00 )\d+\.\d+ ms \/ +[1-9]\d* runs\b`,
    // Ollama: `ollama run --verbose`'s statistics (Metrics.Summary, v0.5.7:api/types.go:486-492), printed once the chat returned without error
    // (v0.5.7:cmd/cmd.go:903-921); "eval count" only when tokens were generated (types.go:486), its rate above 0
    String.raw`^eval count: +[1-9]\d* token\(s\)$`,
    String.raw`^eval rate: +(?!0\.00 )\d+\.\d+ tokens\/s$`,
    // TensorRT-LLM's examples/summarize.py: the tokens its engine generated over the run, counted once the run is over, more than none
    // (010c4b27120c06d25c5f860fada9ba748801e0da:examples/summarize.py, main(): "TensorRT-LLM (total output tokens: …)"; "TensorRT LLM" in later docs)
    String.raw`^TensorRT[- ]LLM \(total output tokens: [1-9]\d*\)$`,
    // vLLM-Omni: a request's record once its last stage returned its outputs (on_finalize_request: pformat of
    // {'type': 'request_level_metrics', 'request_id': …, 'e2e_time_ms': …, 'stages': …}, vllm-project/vllm-omni
    // be81443c8a52f863452253ee6ea1d9f263bd2fb6:vllm_omni/entrypoints/log_utils.py:503-528)
    String.raw`^\{'type': 'request_level_metrics',`,
    // distributed-llama: a token's line, printed once a forward pass gave the logits it was sampled from ("🔶 G  559 ms I  499 ms T   60 ms
    // S 1917200 kB R    272 kB Hello": b4rtaz/distributed-llama 3353d56689eed316d05f901ac1606e9a57d051ec:src/apps/dllama/dllama.cpp:77; later
    // "🔶 Pred  412 ms Sync   31 ms | Sent   272 kB Recv   272 kB | Hello", 8d624a7b1f9acc0855d71a32519b22fe51e0bd86:src/dllama.cpp:90-95)
    String.raw`^🔶 G +\d+ ms I +\d+ ms T +\d+ ms S +\d+ kB R +\d+ kB\b|^🔶 Pred +\d+ ms Sync +\d+ ms \| Sent +\d+ kB Recv +\d+ kB \|`,
    // verl's PPO/GRPO trainer: its tqdm bar "Training Progress" moves once a whole step is over, the rollout engine's
    // generate_sequences included (hebiao064/verl 083da9ab130efa2dc284eeb821a3edd6ce570fe3:verl/trainer/ppo/ray_trainer.py:1077,1142-1144,
    // 1380). tqdm shows a rate only after the bar moved: it is '?' while n equals the bar's initial value
    // (tqdm/tqdm f6a30fab726ab8e794a9db88b4392ce207760937:tqdm/std.py:548-559, format_meter), so a number there is a step done
    String.raw`\bTraining Progress: +\d+%\|[^|]*\| *\d+\/\d+ \[[\d:]+<[\d:]+, +(?!0\.00)\d+\.\d+(?:s\/it|it\/s)\]`,
    // …and its validation: "validation generation end", printed once the rollout workers returned the generated validation batch
    // (hebiao064/verl 083da9ab130efa2dc284eeb821a3edd6ce570fe3:verl/trainer/ppo/ray_trainer.py:696-704, `_validate`)
    String.raw`^validation generation end$`,
    // lighteval: its pipeline computes the metrics once the model answered every request (`evaluate`: `_run_model()`, then `_compute_metrics`,
    // which logs "--- COMPUTING METRICS ---"; Jayon02/lighteval d8841a9be46ef661a65ade98f563de9ea0989000, a copy of huggingface/lighteval:
    // src/lighteval/pipeline.py:271-275,481; newer releases log each record's place after it, "(pipeline.py:371)"). Its one path around the model,
    // responses reloaded from an earlier run's details, warns first (:264-270)
    String.raw`^--- COMPUTING METRICS ---(?: \([\w.]+:\d+\))?$`,
    // TabbyAPI (ExLlamaV2/V3's OpenAI-compatible server): a request's generation finished and its metrics logged, "Metrics (ID: 3f9a): 128
    // tokens generated in 2.35 seconds (Queue: …, Generate: 60.2 T/s, …)" (theroyallab/tabbyAPI e632af41eba68abeadc3437c62674360f2f8cbf1:
    // common/gen_logging.py:59-67,103, log_metrics, called once the generator returned its result, backends/exllamav3/model.py:1513-1520)
    String.raw`^\s*Metrics \(ID: [\w-]{1,80}\): [1-9]\d* tokens generated in \d+(?:\.\d+)? seconds\b`,
    // KoboldCpp: a generation's summary, printed at the end of gpttype_generate (a failed eval returns before it), tokens produced
    // (LostRuins/koboldcpp 2da346a5ff2cfd1debac59066553d45d098e95a4:gpttype_adapter.cpp:3520, :3131-3138)
    String.raw`\bCtxLimit:\d+\/\d+, Amt:[1-9]\d*\/\d+, Init:[\d.]+s, Process:[\d.]+s\b`,
    // LocalAI's access log of a generating request answered 200 (its middleware rewrites the status of a handler's error:
    // mudler/LocalAI 82c191afadf5f005281e798ccfa0ffd0d5805030:core/http/app.go:305-327; zerolog's form 1cdcaf01520571f9295e85a0c7a5c2cfda395ccf:core/http/app.go:107-113)
    String.raw`\bHTTP request method=POST path=\/(?:v1\/)?(?:chat\/completions|completions|embeddings|audio\/\S+|images\/\S+|rerank)\S* status=200\b`,
    // TabbyAPI: "Finished chat completion request <id>", once every generation task returned (errors go to "Error during …")
    // (theroyallab/tabbyAPI e632af41eba68abeadc3437c62674360f2f8cbf1:endpoints/OAI/utils/chat_completion.py:870,942; completion.py:331,407; embeddings.py:66)
    String.raw`^\s*Finished (?:chat completion|completion|embeddings)(?: streaming)? request [\w-]+$`,
    // MLC-LLM's chat /stats: numbers only once a request finished ("N/A" before) (mlc-ai/mlc-llm 79d603f085f50500e9509fa01785ffa7ecfaaa93:
    // python/mlc_llm/interface/chat.py:227-238)
    String.raw`^prefill: \d+\.\d tok\/s, decode: \d+\.\d tok\/s$`,
    // whisper.cpp's timings: a time above 0 only once the encoder or decoder ran through (ggml-org/whisper.cpp
    // 233fe1fc9b48a09e361d3594520838ca266537fe:src/whisper.cpp:4300-4301, :2460-2461, :2975-2976), as llama.cpp's eval time
    String.raw`^whisper_print_timings: +(?:encode|decode) time = +(?!0\.00 )\d+\.\d+ ms \/ +[1-9]\d* runs\b`,
    // faster-whisper's servers (faster-whisper-server, speaches): a request's audio transcribed or synthesized, logged after the model's
    // generator was consumed (speaches-ai/speaches 870e1e16a73452496e99d49f759eabd692a8e0e0:src/speaches/executors/whisper.py:181-183,
    // executors/kokoro.py:233; 0eb933a9d90e58e564d354d7569b12e10e2a0232:faster_whisper_server/main.py:252)
    String.raw`\bTranscribed [\d.]+(?:\([\d.]+\))? seconds of audio in [\d.]+ seconds$|\bGenerated audio for [1-9]\d* characters in [\d.]+s$`,
  ].join('|'),
);

/** A rate above 0 (not "0", "0.00", "0.0000"; "0.15" is one): a benchmark's count over its run, of requests or tokens answered. */
const RATE = String.raw`(?!0(?:\.0*)?(?![\d.eE]))\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;

/**
 * Results a benchmark or an evaluation prints once its run is over, each a count of what the engine answered, above 0 (issue #22):
 * - the serving benchmarks' rates of requests answered: vLLM's and SGLang's "Request throughput (req/s):" (completed requests over the
 *   run, 0 when none completed: 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/benchmarks/serve.py:940-944; 65d3b47f630f86262781702109b56d3290af39cf:
 *   python/sglang/bench_serving.py:1504-1508, python/sglang/bench_offline_throughput.py:482-486) and their "Output token throughput (tok/s):"
 *   (serve.py:953-957, bench_serving.py:1515-1519, bench_offline_throughput.py:492-496); TensorRT-LLM's trtllm-bench "Request Throughput (req/sec):" and "Total Output Throughput
 *   (tokens/sec):" under "PERFORMANCE OVERVIEW" (2787769cae353023784dce105d648bcd4d04f4d4:tensorrt_llm/bench/dataclasses/reporting.py,
 *   ReportUtility.report_statistics()); genai-perf's table row "│ Request Throughput (per sec) │ 1,234.56 │" (263c5f6e0c7a6c15472a54409174981f67930cfe:
 *   genai-perf/genai_perf/metrics/metrics.py:52, export_data/console_exporter.py:100-117, exporter_utils.py:48,67 (title case, thousands
 *   grouped; "Request throughput" in its older docs), of triton-inference-server/perf_analyzer), and before it moved there the lines it printed
 *   under the table, "Output token throughput (per sec): 26.37" and "Request throughput (per sec): 0.26" (triton-inference-server/client
 *   6977e6ed:src/c++/perf_analyzer/genai-perf/genai_perf/export_data/console_exporter.py:66-71, the system metrics' averages; the
 *   same words at a21c5c95:…/genai_perf/llm_metrics.py:244); perf_analyzer's "Throughput: 123.4 infer/sec"
 *   (src/inference_profiler.cc:405-406) and its summary "Concurrency: 1, throughput: 123.4 infer/sec, latency 8100 usec" (src/perf_analyzer.cc:488-494)
 * - SGLang's bench_one_batch, each printed once model_runner.extend / decode returned (65d3b47f…:python/sglang/bench_one_batch.py:724,740-742
 *   "Prefill. latency: … s, throughput: … token/s", :770,790-792 "Decode 0. Batch size: …", :798-800 "Decode.  median latency: …", :805-807 "Total. latency: …")
 * - SGLang's evaluations: few_shot_gsm8k and benchmark/<task>/bench_sglang.py's "Accuracy: 0.953" (answers that matched the labels: the model
 *   answered; 65d3b47f…:python/sglang/test/few_shot_gsm8k.py:139, benchmark/line_retrieval/bench_sglang.py:111 "Accuracy: …, latency: … s"),
 *   "Output throughput: … token/s" (few_shot_gsm8k.py:142, the tokens the requests completed over their time), run_eval's "Score: 0.812"
 *   (python/sglang/test/run_eval.py:189); bench_one_batch_server's "output throughput: … tok/s" and "last generation throughput: … tok/s",
 *   printed once the batch streamed to its end, a request in error raising before (python/sglang/test/bench_one_batch_server_internal.py:685-686,
 *   700-701,737-741; the last one -1 when the server does not report it)
 * - lm-evaluation-harness's result table, a row with a value and its stderr (4e7e0d47f33bc71070c1d38394bafbb52b117163:lm_eval/utils.py:475-557,
 *   make_table: `|gsm8k|  3|flexible-extract|  5|exact_match|↑  |0.7801|±  |0.0114|`; before the higher-is-better column
 *   `|gsm8k|  3|strict-match|  5|exact_match|0.7801|±  |0.0114|`, printed by lm_eval/_cli/run.py:485 once every task was evaluated)
 * - llama.cpp's llama-bench table, a row of a test that ran with its tokens per second (0104b151c56d54143e2e3554aabe9e2b2b8dbdba:
 *   tools/llama-bench/llama-bench.cpp, markdown_printer::print_test: `| llama 7B Q4_0 | 3.56 GiB | 6.74 B | CUDA | 99 | pp512 | 2345.67 ± 12.34 |`;
 *   test_prompt/test_gen return false on a failed decode, and no row is printed); the builds of early 2024 named the test with a space,
 *   `| pp 512 |` and `| tg 128 |` (ggerganov/llama.cpp 0068da7fefbe5b3c10aa4bf05275e1baf4a5d5be:examples/llama-bench/llama-bench.cpp,
 *   markdown_printer::print_test's `snprintf(buf, sizeof(buf), "pp %d", t.n_prompt)`, its row printed after the test's repetitions ran)
 * - ExLlamaV2's examples, printed after the generator returned: "Response generated in 1.23 seconds, 150 tokens, 121.95 tokens/second"
 *   (b9c025b4b1ee78c0d34e700f2e474a02dfb13c90:examples/deprecated/streaming.py:91-92, "Prompt processed in …" before it; inference.py:67-68
 *   "speed, bsz 1: … tokens/second"; inference_speculative.py:95-96 "speed, +SD: …")
 * - vLLM's and SGLang's serving benchmarks' "Total generated tokens: N" (22f8d286…:vllm/benchmarks/serve.py:939, 65d3b47f…:python/sglang/bench_serving.py:1497)
 * - TensorRT-LLM's python benchmark (benchmarks/python/benchmark.py), its report of a configuration once its runs were timed: "[BENCHMARK]
 *   model_name … latency(ms) 4409.291 … tokens_per_sec 1857.9 …", batch × output length over the latency (NVIDIA/TensorRT-LLM
 *   118b3d7e7bab720d8ea9cd95338da60f7512c93a:benchmarks/python/gpt_benchmark.py, GPTBenchmark.report: `'[BENCHMARK] ' + " ".join(kv_pairs)`);
 *   and its C++ gptSessionBenchmark of 2023, "[BENCHMARK] batch_size 1 input_length 20 output_length 20 latency(ms) 432.51", printed once
 *   GptSession::generate returned for every warm-up and timed run (a failed run throws out of the loop before it: AlessioNetti/TensorRT-LLM
 *   027cd518e3b63809a5c5799187991e7f1164fb12:benchmarks/cpp/gptSessionBenchmark.cpp:100-135, TensorRT-LLM's as it carries it)
 * - vllm.rs (guoqingbao/vllm.rs, xinfer): its engine's step once a prefill batch ran, "Prefilling 1 seq(s) [2]: 11931 total tokens in 0.60s
 *   (19984.92 tokens/s, cache included)", logged only when the batch took time (1b00e2717dd552159cbe742b96171c9dbebf3659:src/core/engine.rs:1089-1091,
 *   `crate::log_info!("Prefilling {} seq(s) {:?}: {} total tokens in {:.2}s ({:.2} tokens/s{})", …)` under `if max_time > 0.0`)
 * KTransformers' local_chat prints Ollama's "eval count: N token(s)" / "eval rate: … tokens/s" (95009ea6856c0799e517e93cb12be5e8494bc7ce:
 * archive/ktransformers/util/utils.py:788-793), read above.
 * Not the headers ("Serving Benchmark Result", "PERFORMANCE OVERVIEW"), nor a latency alone (a run's time passes also when it failed).
 */
const RUN_RESULT = new RegExp(
  [
    String.raw`^Request throughput \(req\/s\): +${RATE}\s*$`,
    String.raw`^Output token throughput \(tok\/s\): +${RATE}\s*$`,
    String.raw`^Total generated tokens: +[1-9]\d*\s*$`,
    String.raw`^Request Throughput \(req\/sec\): +${RATE}\s*$`,
    String.raw`^Total Output Throughput \(tokens\/sec\): +${RATE}\s*$`,
    String.raw`(?:^|[│|]) *(?:Request|Output [Tt]oken) [Tt]hroughput \(per sec\) *[│|] *(?!0(?:\.0*)?(?![\d.,]))\d[\d,]*(?:\.\d+)? *[│|]`,
    String.raw`^(?:Request|Output token) throughput \(per sec\): ${RATE}\s*$`,
    String.raw`^\s*Throughput: ${RATE} infer\/sec$`,
    String.raw`^(?:Concurrency|Request Rate): [\d.]+, throughput: ${RATE} infer\/sec, latency `,
    String.raw`^(?:Prefill\.|Decode \d+\. Batch size: \d+,|Decode\. |Total\.) +(?:median )?latency: +[\d.]+ s, (?:median )?throughput: +${RATE} token\/s$`,
    String.raw`^Accuracy: ${RATE}(?:, latency: [\d.]+ s)?$`,
    // SGLang's MMLU benchmark against a server, once run_batch returned every answer: each subject's accuracy, then the weighted average
    // (sgl-project/sglang as BBuf/sglang carries it, 65d3b47f630f86262781702109b56d3290af39cf:benchmark/mmlu/bench_sglang.py:147,164-181)
    String.raw`^subject: \w+, #q:[1-9]\d*, acc: (?!0\.000$)\d\.\d{3}$`,
    String.raw`^Average accuracy: ${RATE}$`,
    String.raw`^Output throughput: ${RATE} token\/s$`,
    String.raw`^(?:output|last generation) throughput: ${RATE} tok\/s$`,
    // ExLlamaV2's examples, once generate returned: "Response generated in 1.23 seconds, 150 tokens, 121.95 tokens/second",
    // "speed, bsz 1: 91.25 tokens/second"
    String.raw`^(?:Response generated|Prompt processed) in [\d.]+ seconds, [1-9]\d* tokens, ${RATE} tokens\/second$`,
    String.raw`^speed, (?:bsz \d+|[-+]SD): ${RATE} tokens\/second$`,
    String.raw`^Score: ${RATE}$`,
    // lm-evaluation-harness: after task, version, filter, n-shot (the last two absent before 0.4; the line reader may cut the first cells
    // off as a prefix), the metric, the higher-is-better arrow (0.4.3+), value ± stderr, the row's last cells
    String.raw`\| *[A-Za-z][\w.-]* *\|(?: *[↑↓]? *\|)? *${RATE} *\| *± *\| *(?:[\d.]+|N\/A) *\|$`,
    // llama-bench: the test's name (pp512, tg128, pp512+tg128, "@ d4096") and its rate ± its deviation, the row's last cells (or a line of
    // their own, where a terminal cut the row right before the test's cell)
    String.raw`(?:\| +|^\s*)(?:pp ?\d+|tg ?\d+|pp\d+\+tg\d+)(?: @ d\d+)? +\| +${RATE} ± [\d.]+ +\|$`,
    String.raw`^\[BENCHMARK\] .*\btokens_per_sec ${RATE}\b`,
    String.raw`^\[BENCHMARK\] batch_size \d+ input_length \d+ output_length [1-9]\d* latency\(ms\) ${RATE}$`,
    // KoboldCpp's --benchmark, printed once generate() returned: "GenerationSpeed: 3.76T/s", the tokens generated over their time
    // (LostRuins/koboldcpp 2da346a5ff2cfd1debac59066553d45d098e95a4:koboldcpp.py:4313-4337, under "Benchmark Completed - v… Results:")
    String.raw`^GenerationSpeed: ${RATE}T\/s$`,
    String.raw`^Prefilling \d+ seq\(s\) \[[\d, ]*\]: [1-9]\d* total tokens in [\d.]+s \(${RATE} tokens\/s`,
    // TensorRT Edge-LLM's llm_inference once every batched request ran, all of them successful (N/N; "*** K BATCHED REQUESTS FAILED ***"
    // logged after it when some failed): NVIDIA/TensorRT-Edge-LLM 3ca6c82335d7a57c25b6dc6fa30b3b271921f746:examples/llm/llm_inference.cpp,
    // `LOG_INFO("Processing complete: %zu/%zu batched requests successful", …)` after the benchmark loop
    String.raw`\bProcessing complete: (?<edgeOk>[1-9]\d*)\/\k<edgeOk> batched requests successful\s*$`,
  ].join('|'),
);

/**
 * Xinference's log_async line once a method returned, "Leave <method>, elapsed time: N s" ("…, error: …" when it raised), as the logger
 * `xinference.core.<module>` writes it, read from the line as written (the logger's name is in its header); `before` what precedes "Leave".
 */
function logAsyncReturned(module: string, methods: readonly string[], before = String.raw`\b`): RegExp {
  return new RegExp(String.raw`\bxinference\.core\.${module}\b.*${before}Leave (?:${methods.join('|')}), elapsed time: \d+ s\s*$`);
}

/**
 * Xinference's worker, its launch of a model returned: log_async logs "Leave <function>, elapsed time: N s" only when the call
 * returned, "Leave …, error: …" when it raised (7ecec16b63383e18e4af790c4b522fb7d79f7e77:xinference/core/utils.py:112-130, at INFO for
 * the worker's launch_builtin_model and wait_for_load: xinference/core/worker.py:3506-3507,4072-4081; at DEBUG in v0.13.0:xinference/core/utils.py:44-47);
 * launch_builtin_model returns once model_ref.load() returned (worker.py:3926-3929; v0.13.0:xinference/core/worker.py:684), wait_for_load once
 * the model is marked ready (worker.py:4076-4081). Read from the line as written, by the worker's logger name ("xinference.core.worker"): the
 * supervisor's launch may return before the model is loaded (wait_ready=False).
 */
const XINFERENCE_LOADED = logAsyncReturned('worker', ['launch_builtin_model', 'wait_for_load']);

/**
 * Xinference's model actor, a request answered: the same log_async "Leave <function>, elapsed time: N s" (no "error:") on the methods that
 * serve requests (chat, generate, create_embedding, rerank, …: 7ecec16b63383e18e4af790c4b522fb7d79f7e77:xinference/core/model.py:817-936,
 * each `@log_async(logger=logger)`), logged with the request's id ("[request <uuid>] ", utils.py:84-98,112-117) once the method returned
 * (a stream's, once its generator was handed back, as an access line is logged when a stream's response begins). Read by the model
 * actor's logger name ("xinference.core.model").
 */
const XINFERENCE_ANSWERED = logAsyncReturned(
  'model',
  ['chat', 'generate', 'create_embedding', 'create_audio_embedding', 'rerank', 'transcriptions', 'translations', 'speech', 'text_to_image', 'infer'],
  String.raw`\[request [\w-]{8,64}\] `,
);

/**
 * LMDeploy's pipeline: a Response printed once the pipeline returned it, with the tokens it generated, more than none: the dataclass's
 * own repr "Response(text='…', generate_token_len=9, input_token_len=20, …, finish_reason='stop', …)" (8be72a50770f76a0f68bca70d5cf00aa8277bbed:
 * lmdeploy/messages.py, class Response), then its own repr with a field a line ("text='…'\ngenerate_token_len=9\nfinish_reason=\"stop\"",
 * df4b761de01b63412bed6e336de451f2854dc189:lmdeploy/messages.py:448-454; 1263d5cd889b7ad500e85b8eb20401327a4516ab:lmdeploy/messages.py:604-614
 * with input_token_len before it). A response that finished in error or aborted is none.
 */
const LMDEPLOY_RESPONSE = /^generate_token_len=[1-9]\d*$|\bResponse\(text=.*, generate_token_len=[1-9]\d*, /;
const LMDEPLOY_FAILED = /\bfinish_reason='(?:error|abort)'/;

/**
 * What a run shows once the model produced output, the output itself in it (so no words of it are read as negating it):
 * - vLLM's offline examples, printed after LLM.generate returned: "Prompt: '…', Generated text: '…'"
 *   (2a0596bc480bb835dc05a30f5e708ecbfffbcd69:examples/offline_inference.py:22; 22f8d28697322f81fd8bf47790cce714e84ce859:
 *   examples/offline_inference/disaggregated_prefill.py:107; "Prompt: '…'\nGenerated text: '…'", examples/basic/offline_inference/generate.py:58) and
 *   basic.py's "Output:    '…'" (22f8d28697322f81fd8bf47790cce714e84ce859:examples/basic/offline_inference/basic.py:30); SGLang's offline engine
 *   example, unquoted: "Generated text: …" (65d3b47f630f86262781702109b56d3290af39cf:examples/runtime/engine/offline_batch_inference.py:33)
 * - TensorRT-LLM's examples/run.py once runner.generate returned: `Output [Text 0 Beam 0]: "…"`
 *   (05316d3313360012536ace46c781518f5afae75e:examples/run.py, print_output()); before it (0.5.0), each model's example printed
 *   `Input: "…"` then `Output: "…"` once decoder.decode returned (NVIDIA/TensorRT-LLM 23bc5b7c490576071a021d6fcfc32c5808db36a2:
 *   examples/llama/run.py:106-119, print_output(); other models' run.py, `Output(beam: 1): "…"` with beams)
 * An empty output ('' or "") shows nothing generated.
 */
const OUTPUT_SHOWN = new RegExp(
  [
    String.raw`(?:^|, )Generated text: +(?!''$|""$)\S`,
    String.raw`^Output: {4}(?!''$|""$)['"]`,
    String.raw`^Output(?: \[Text \d+ Beam \d+\]|\(beam: \d+\))?: "(?!"$)`,
    // a finished generation printed as Python writes the object: vLLM's RequestOutput, its CompletionOutput with text that finished
    // (stop or length) (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/outputs.py:53-63,175-187; v0.2.1
    // 651c614aa43e497a2e2aab473493ba295201ab20:vllm/outputs.py:40-46,113-119), and openai-python's ChatCompletion or Completion, pydantic's
    // repr of its fields in order (`Choice(finish_reason='stop', index=0, logprobs=None, message=ChatCompletionMessage(content='…'`;
    // openai/openai-python e43b422412a9e96c9cc5192c61fffbe2d7e04836:src/openai/types/chat/chat_completion.py:39-49, Choice;
    // src/openai/types/completion_choice.py:21-31, CompletionChoice)
    String.raw`\bCompletionOutput\(index=\d+, text=(?:'[^']|"[^"]).{0,4000}?\bfinish_reason=(?:stop|length)\b`,
    String.raw`\b(?:Choice|CompletionChoice)\(finish_reason='(?:stop|length)'.{0,300}?\b(?:content|text)=(?:'[^']|"[^"])`,
  ].join('|'),
);

/**
 * An OpenAI-compatible response body, as curl prints it (on one line, or pretty-printed with the field on a line of its own), or a
 * streamed chunk (`data: {…}`): the server answered a completion. Its "object" names a completion only in a response built from the
 * engine's output: vLLM's ChatCompletionResponse "chat.completion", ChatCompletionStreamResponse "chat.completion.chunk", CompletionResponse
 * "text_completion" (22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/openai/chat_completion/protocol.py:97-102,125-130,
 * completion/protocol.py:473-478; before the split a5bbbd2f24983f309f915a1de911b9301e1699e2:vllm/entrypoints/openai/protocol.py:1409-1411,
 * 1540-1542,1583-1585; 0b98ba15c744f1dfb0ea4f2135e85ca23d572ae1:vllm/entrypoints/openai/protocol.py:105-107), SGLang's the same
 * (65d3b47f630f86262781702109b56d3290af39cf:python/sglang/srt/entrypoints/openai/protocol.py:420-422,960-962,1005-1007;
 * 02bf31ef29a31e6dc05cc16f2c8411da6fdf1b8c:python/sglang/srt/openai_api/protocol.py:206-208,445-447,478). An error is another body:
 * `{"object":"error",…}` (0b98ba15…:vllm/entrypoints/openai/protocol.py:10-11; SGLang …/entrypoints/openai/protocol.py:87-88),
 * `{"error":{…}}` (a5bbbd2f…:vllm/entrypoints/openai/protocol.py:131-132), FastAPI's `{"detail":…}`; nor does a body count whose
 * choices are empty, that generated no token, or that finished aborted or in error.
 */
const COMPLETION_BODY = /"object"\s*:\s*"(?:chat\.completion(?:\.chunk)?|text_completion)"/;
const NO_COMPLETION = /"object"\s*:\s*"error"|"(?:error|detail)"\s*:|"choices"\s*:\s*\[\s*\]|"completion_tokens"\s*:\s*0\b|"finish_reason"\s*:\s*"(?:abort|error)"/;
const completionBody = (raw: string): boolean => COMPLETION_BODY.test(raw) && !NO_COMPLETION.test(raw);

/**
 * vLLM's list of the models it serves, as curl prints GET /v1/models: `{"object":"list","data":[{"id":…,"object":"model",…}]}`
 * (ModelList and ModelCard, 22f8d28697322f81fd8bf47790cce714e84ce859:vllm/entrypoints/openai/engine/protocol.py:84-88,95-97, routed at
 * vllm/entrypoints/openai/models/api_router.py:20-21): the API server answering, which it does only once its engine is built
 * (api_server.py:684-688: build_and_serve inside build_async_engine_client), as its "Available routes are" says; a list of no model is no sign.
 */
const MODELS_LISTED = /"object"\s*:\s*"list"\s*,\s*"data"\s*:\s*\[\s*\{[^{}]*"object"\s*:\s*"model"/;

/**
 * Lines an engine writes on a healthy start, but before a step that can still fail: never a sign by themselves, whatever
 * word of readiness they hold (the labelling guide, rule 5). TGI's launcher logs "Shard ready in {:?}" once the shard's
 * unix socket exists, i.e. the Python server loaded the model and listens to the launcher alone
 * (huggingface/text-generation-inference v3.3.7:launcher/src/main.rs:1238-1241; the same at v0.9.4:launcher/src/main.rs:500,
 * v2.0.4:launcher/src/main.rs:712); only then does it start the router ("Starting Webserver", main.rs:1842), which
 * connects to the shards and warms the model up ("Warming up model", v3.3.7:backends/v3/src/lib.rs:125), failing with
 * V3Error::Warmup or NotEnoughMemory (lib.rs:126-135, :98) before "Setting max batch total tokens to …" (lib.rs:137, a sign).
 */
const WRITTEN_BEFORE_A_CHECK = /\bShard (?:\d+ )?ready in \d/;

/**
 * TGI's router with its routes set up, after the backend was built and warmed up (the sizing line "Setting max batch total tokens"
 * comes first), right before it binds: "Connected" (v3.3.7:router/src/server.rs:2302; before the backends moved out of the router,
 * router/src/main.rs), read only with the router's logger target, `text_generation_router…: router/src/….rs:N: Connected`.
 */
/**
 * TGI's router, a request answered: within the span of its generate and generate_stream handlers (`generate{parameters=GenerateParameters
 * { … } total_time=… }: text_generation_router::server: …: Success`) the only event logged at INFO is "Success", once the response
 * is built (huggingface/text-generation-inference v1.1.0:router/src/server.rs:133-145 the span's fields, :289 and :457 its INFO events;
 * v3.3.7:router/src/server.rs:432,637); its errors are logged at ERROR. So the span's INFO line, also cut before its message, is a
 * request answered. Read from the line as written (its tracing header is not part of a line's text).
 */
const TGI_ANSWERED = /\bINFO (?:compat_)?generate(?:_stream)?\{parameters=GenerateParameters \{/;

const TGI_CONNECTED = /\btext_generation_router(?:::\w+)*: router\/src\/\w+\.rs:\d+: Connected\s*$/;

/** A Go slog/logfmt line (Ollama) logged as a warning or an error: its level is in the text, not read as a header. */
const LOGFMT_NOT_INFO = /(?:^|\s)level=(?:WARN\w*|ERROR|FATAL|CRITICAL)\b/i;

/**
 * Generic words of a program's success: tokens generated in a time, "Success", "ok"/"ready", a result matching the reference; and a
 * program's own report that it wrote its results ("Full results saved to: ./result/….json": the guide's rule 5, "the program reported
 * success"; a failure before or after it still decides).
 */
const GENERIC_SUCCESS = /^(?:Full |All |Final )?[Rr]esults? (?:saved|written) to:? \S|\b[1-9]\d* tokens in \d+(?:\.\d+)?\s*s\b|(?:^|:\s*)Success$|(?:^|[\s,:])(?:ok|ready)(?:[\s,:(]|$)|\b(?:[Mm]atch(?:es|ed)?|[Aa]grees? with) (?:the )?(?:eager|reference|expected)\b/;
const KINDS: ReadonlyArray<[HealthKind, RegExp]> = [
  ['listening', /\bStarting (?:vLLM |SGLang |Aphrodite )?(?:API )?server\b.*\bon https?:\/\/|\bopen https?:\/\/\S+ in (?:a|your) browser\b|\bAvailable routes are\b|\bStarted (?:GRPCInference|\w*(?:HTTP|GRPC|Metrics) ?)Service at\b|^\|?\s*[\w.-]+\s*\|\s*\d+\s*\|\s*READY\s*\||^\|?\s*(?:Repository Agent\s*\|\s*Path|Backend\s*\|\s*Path\s*\|\s*Config)\s*\|\s*$/i],
  ['listening', ENGINE_LISTENING],
  ['step-done', /\b(?:took|takes|finished in|completed in|time elapsed:?|transform time:)\s.*?\b\d+(?:\.\d+)?\s*(?:s|secs?|seconds|ms|min(?:utes?)?)\b/i],
  ['step-done', ENGINE_STEP_DONE],
  // (TensorRT-LLM's KV cache manager, its pool sized and allocated: "Number of blocks in KV cache primary pool: 17210" (TLLM_LOG_INFO in
  // cpp/tensorrt_llm/batch_manager/kvCacheManager.cpp, the blocks the memory left holds), "[MemUsageChange] Allocated 16.05 GiB for max
  // tokens in paged KV cache (263008)".
  // It is also written for a first pool that only estimates the memory left, before a warm-up that can still run out of memory; the
  // classifier read it as no sign for that, but the guide's rule 5 counts the KV cache sized, and two labellers each call a start cut
  // there healthy on the three tuning logs of round 19 that show it; LMDeploy's TurboMind likewise: its block manager, built once the
  // weights are in, counts the KV blocks the free memory holds and logs "[BlockManager] max_block_count = 3424" before it allocates the
  // first chunk, InternLM/lmdeploy v0.6.2 522108c64cd854f0e5d555f4eb7c761aa9eae377:src/turbomind/models/llama/BlockManager.cc:30-56, and
  // since its engine's refactor (2026-01) "max cached tokens: 42880" once the sequence manager sized its blocks from the free memory
  // (InternLM/lmdeploy 6aa9a4cdd18d36fe17dd24d31aa37ca4e145897a:src/turbomind/engine/engine.cc:238-250);
  // vLLM's V0 executors for other devices write the GPU's line with their device's name once the profile run sized the cache: "# TPU blocks:"
  // (886936837ca89e5645bc1f71cc0e1492b65b1590:vllm/executor/tpu_executor.py:81, ray_tpu_executor.py:270), "# HPU blocks:" (hpu_executor.py:76);
  // llama.cpp's KV cache, its buffer allocated on a device ("llama_kv_cache_init:      CUDA0 KV buffer size =  1536.00 MiB", logged once
  // ggml_backend_alloc_ctx_tensors_from_buft returned a buffer, "failed to allocate buffer for kv cache" thrown when not: Ollama v0.17.6's
  // llama/llama.cpp/src/llama-kv-cache.cpp:176-191); not its size 0.00, the dummy buffer of the no_alloc fit that allocates nothing)
  // (whisper.cpp's decoder self-attention cache, allocated on its first backend, the GPU's where one is used: "whisper_init_state: kv self size
  // =    2.62 MB", logged once whisper_kv_cache_init returned true; when it fails whisper_init_state logs the error and returns null:
  // ggml-org/whisper.cpp v1.9.3:src/whisper.cpp:3397-3409; llama.cpp's own of 2023 in the same words, logged once kv_cache_init returned true,
  // "llama_init_from_file: kv self size  = 1024.00 MB" (ggml-org/llama.cpp 92549202659fc23ba9fec5e688227d0da9b06b40:llama.cpp:2564-2573, as
  // unslothai/llama.cpp carries its history) and from 2023-09 "llama_new_context_with_model: kv self size  = … MiB" (bcc0eb45's parent:llama.cpp:8981-8989))
  ['sized', /\bKV buffer size = +(?!0\.00 )\d+\.\d+ MiB\b|^(?:whisper_init_state|llama_init_from_file|llama_new_context_with_model): kv self size += +(?!0\.00 )\d+\.\d+ Mi?B\b|\[BlockManager\] max_block_count = [1-9]\d*|^max cached tokens: [1-9]\d*\s*$|#\s*(?:GPU|cuda|TPU|HPU) blocks: \d+|\bnum_gpu_blocks is: \d+|\bMaximum concurrency for [\d,]+ tokens per request|\bKV Cache is allocated\b|\bGPU KV cache size: [\d,]+ tokens|\bAllocated [\d.]+ [GM]i?B for max tokens in paged KV cache\b|\bNumber of blocks in KV cache primary pool: [1-9]\d*/i],
  ['sized', ENGINE_SIZED],
  ['success', GENERIC_SUCCESS],
  ['success', ENGINE_SUCCESS],
  ['success', RUN_RESULT],
  // Ollama: gin's access log of any other request answered 200 (gin.Default(), v0.5.7:server/routes.go:1140; format v1.12.0:logger.go:185
  // of gin-gonic/gin): the server is bound and answering, as its "Listening on" says (a model it loads later is a request's own work)
  ['listening', /^\[GIN\] [\d/]+ - [\d:]+ \| 200 \|/],
];

/** Words that make a line about readiness say the opposite ("not ready", "waiting for … ready"). */
const NEGATED = /\b(?:not|never|waiting|wait for|until|unhealthy|fail\w*|error|timed? ?out)\b/i;

/** A step that only loaded the weights (before the engine ran the model once). */
const WEIGHTS_ONLY = /Loading(?:model)?weights|Modelloading|Loadingsafetensors|Loadweight/i;

/**
 * A step that only compiled the model: its subject (the words before its duration) names torch.compile,
 * Dynamo or Inductor, or compiling a graph. "init engine (…) took 73 s (compilation: 9.8 s)" names it
 * only after its duration: that step ran the model. Inductor's autotuner, which times candidate kernels of one
 * operation while it compiles, is compiling too: "SingleProcess AUTOTUNE benchmarking takes 1.34 seconds and 8.84 seconds
 * precompiling" (torch/_inductor/select_algorithm.py, AlgorithmSelectorCache.log_results, read in the code index's copies).
 */
const COMPILE_ONLY = /\b(?:dynamo|torch\.compile|inductor|compil(?:e|es|ed|ing|ation)|autotun(?:e|ed|ing))\b/i;
const DURATION = /(?:\btook|\btakes|\bfinished in|\bcompleted in|\btime elapsed|transform time)\b/i;
/**
 * A timed step's subject: the words before its duration, in the step's own sentence (a line before it, joined as cut, may end in
 * "(e.g. compilation)."); the whole sentence where no duration is named.
 */
const stepSubject = (text: string): string => {
  const at = text.search(DURATION);
  return (at < 0 ? text : text.slice(0, at)).split(/[.!?](?=\s|[A-Z]|$)/).pop()!;
};
const compileOnly = (text: string): boolean => COMPILE_ONLY.test(stepSubject(text));

/**
 * llama.cpp's fit of the context and the layers to the free memory: it measures the model loaded with no_alloc (nothing allocated, nothing
 * run) and times itself after it succeeded, gave up ("failed to fit params to free device memory: … abort", a warning) or erred alike
 * (ggml-org/llama.cpp 08033df02cc32f3706271c068aaeaeecf94922a1:common/fit.cpp, common_get_device_memory_data_impl and the end of
 * common_fit_params: "%s: fitting params to free memory took %.2f seconds"; llama_params_fit in builds before it moved to common/),
 * and its reserve of the compute buffers for the worst-case graphs, built and allocated but not computed, before the warm-up run
 * (src/llama-context.cpp at 001d906a6d86e2490e394361e7cc6f478b100088, the end of the context's reserve: "%s: reserve took %.2f ms,
 * sched copies = %d", after graph_reserve's "reserve worst-case graph")
 */
const PLANS_MEMORY_ONLY = /\bfitting params to free memory took\b|\breserve took [\d.]+ ms, sched copies\b/;

/**
 * A step that only prepared the model, not ran it: reading the weights from disk (only I/O worked; a start
 * hangs there as often as anywhere), compiling the graphs (torch.compile, Dynamo, Inductor trace the model), or fitting
 * the parameters to the free memory (llama.cpp measures the model unallocated); nor one that stopped something (stopsOnly, below).
 */
/**
 * A step that stopped or tore something down, timed all the same: a proxy's stop of the server it supervises (llama-swap's "stopCommand
 * took 599.568328ms" after the server it started was terminated), a shutdown, a cleanup, an unload. Its subject names the stop; that it
 * took time says nothing of a start that ran the model.
 */
const STOPS = /\b(?:stop\w*|shut\s?down\w*|kill\w*|terminat\w*|clean\s?up\w*|teardown|tear\s+down|unload\w*|destroy\w*)\b/i;
const stopsOnly = (text: string): boolean => DURATION.test(text) && STOPS.test(stepSubject(text));

/**
 * Ollama's discovery of the devices, timed in its slog records ("GPU bootstrap discovery took", "overall device VRAM discovery took",
 * "bootstrap discovery took" and a duration field: ollama/ollama v0.19.0-rc2:discover/runner.go:38,44,312,437): it probes the GPUs, before
 * any model is loaded (read as a step only where a cut put a space between the message's closing quote and its field).
 */
const DISCOVERS_DEVICES = /\bdiscovery took\b/;

const prepares = (text: string): boolean => WEIGHTS_ONLY.test(text.replace(/\s+/g, '')) || compileOnly(text) || PLANS_MEMORY_ONLY.test(text) || stopsOnly(text) || DISCOVERS_DEVICES.test(text);

/**
 * The 2024 llama.cpp server's request log as a JSON record (its --log-format json, which Ollama's ext_server kept): LOG_INFO("request",
 * {remote_addr, remote_port, status, method, path, params}) from log_server_request, the record's keys sorted as nlohmann::json writes
 * them, a request answered 2xx. Its /health answers 200 only once the model is loaded (SERVER_STATE_READY; 503 while loading, 500 when the
 * load failed) and a completion only once served (ollama/ollama v0.1.32:llm/ext_server/server.cpp:2726-2741, 2843-2885).
 */
const LLAMACPP_JSON_ANSWERED = /\{"function":"log_server_request",.*"msg":"request",.*"status":2\d\d,/;

/**
 * mistral.rs: the engine's throughput line, written only when request tokens were processed in the interval (EricLBuehler/mistral.rs
 * 9e922623f24b32d41f3892b74f0eed18707f4e6c:mistralrs-core/src/engine/logger.rs:83,115-119; v0.5.0:mistralrs-core/src/engine/logger.rs:42-45),
 * "Throughput (T/s) 12.34, Prefix cache hitrate 0.00%, 1 running, 0 waiting": read whole, its counters' words ("waiting") negating nothing.
 */
const MISTRALRS_THROUGHPUT = /\bThroughput \(T\/s\) (?!0\.00,)\d+\.\d{2}, Prefix cache hitrate [\d.]+%/;

/**
 * EvalScope's report table, logged once every evaluator's eval() returned ("Overall report table:", then tabulate's grid with the
 * report's columns Model, Dataset, Metric, Subset, Num, Score: modelscope/evalscope v0.17.1:evalscope/run.py:129-137,
 * report/combinator.py:82, report/utils.py:97-105): its header row, read whole (the line reader takes its first cells for a prefix).
 */
const EVALSCOPE_TABLE = /\| Model +\| Dataset +\| Metric +\| Subset +\| +Num +\| +Score +\|/;

/**
 * Signs read from the line whole, before the word rules of KINDS: the model's output, which may hold any word (none of them
 * negates it), and readings of the line as written (a JSON body or a logger's name, which a record's reader leaves out of its text).
 */
const LINE_SIGNS: ReadonlyArray<readonly [HealthKind, (l: LogLine, written: string) => boolean]> = [
  ['success', (l) => OUTPUT_SHOWN.test(l.text) || completionBody(l.raw)],
  ['listening', (l) => MODELS_LISTED.test(l.raw) && !NO_COMPLETION.test(l.raw)],
  ['success', (l) => LMDEPLOY_RESPONSE.test(l.text) && !LMDEPLOY_FAILED.test(l.text)],
  ['step-done', (l) => XINFERENCE_LOADED.test(l.raw)],
  ['success', (l) => XINFERENCE_ANSWERED.test(l.raw)],
  // (read on the line as written with the rests a terminal cut off it: "…: router/src/ser" + "ver.rs:2266: Connected")
  ['listening', (_, written) => TGI_CONNECTED.test(written)],
  ['success', (l) => TGI_ANSWERED.test(l.raw)],
  ['listening', (l) => LLAMACPP_JSON_ANSWERED.test(l.raw)],
  ['success', (l) => EVALSCOPE_TABLE.test(l.raw)],
  ['success', (l) => MISTRALRS_THROUGHPUT.test(l.text)],
];

/**
 * vLLM's engine core came up: "init engine (profile, create kv cache, warmup model) took N seconds" is logged at the end of
 * EngineCore._initialize_kv_caches, once the profile run sized the cache and initialize_from_config allocated it and warmed up (captured
 * the graphs of) the model (jinhuang12/vllm v0.16.0:vllm/v1/engine/core.py:225-282); after it the engine serves (the offline LLM's
 * generate, the API server's routes). A stop asked for after it (Ctrl-C, SIGTERM), or the interpreter's exit, ends an engine that had
 * come up, as one after a server listened does (the labelling guide, rules 2 and 5).
 */
const ENGINE_STARTED = /\binit engine \(profile, create kv cache, warmup model\) took \d+(?:\.\d+)? seconds\b/;
export const engineStarted = (l: LogLine): boolean => !l.header && !isErrorLevel(l) && ENGINE_STARTED.test(l.text);

/** The kind of health a line shows, or null; `written`: the line as written, with the rests a terminal cut off it where they are read. */
export function healthKindOf(l: LogLine, written = l.raw): HealthKind | null {
  if (l.header || isErrorLevel(l) || l.level === 'WARNING' || LOGFMT_NOT_INFO.test(l.text) || WRITTEN_BEFORE_A_CHECK.test(l.text)) return null;
  if (isReadyLine(l)) return 'up';
  const sign = LINE_SIGNS.find(([, shows]) => shows(l, written));
  if (sign) return sign[0];
  for (const [kind, re] of KINDS) {
    if (!re.test(l.text)) continue;
    if ((kind === 'success' || kind === 'listening') && NEGATED.test(l.text)) continue;
    // a person's checklist pasted with the log ("- nvidia-smi ok", a markdown list item) is no program's report of success
    if (kind === 'success' && re === GENERIC_SUCCESS && isBulletLine(l.raw)) continue;
    if (kind === 'step-done' && prepares(l.text)) continue;
    return kind;
  }
  return null;
}

/** How many of a group's readings are its head line's: joined inside a word, joined at a space, alone. */
const HEAD_READINGS = 3;

/**
 * A line with the lines after it that may continue it (cut at a terminal's width), read as cut inside
 * a word, as cut at a space, and each later line on its own (it may be a line of its own). A step
 * that only loaded the weights shows no health.
 */
function readings(lines: readonly LogLine[], i: number, j: number): Array<HealthKind | null> {
  const group = lines.slice(i, j);
  const head = lines[i]!;
  const texts = group.map((l) => l.text);
  if (group.length === 1) return [stepShown(head, head.text)];
  // (a body read from the line as written, a JSON model list or completion that the first line opens, joined from its pieces too)
  const raw = (sep: string): string => (/^\s*[{[]/.test(head.text) ? group.map((l) => l.raw).join(sep) : head.raw);
  const joined = ['', ' '].map((sep) => stepShown({ ...head, text: texts.join(sep), raw: raw(sep) }, texts.join(sep), [head.raw, ...texts.slice(1)].join(sep)));
  // a later line read alone too, but weighed for loading weights with the line before it (it may be the rest of "Model loa|ding took …");
  // the first line alone as well: what seems to continue it may be a line of its own (a table's next row under a carrier's prefix)
  const alone = group.slice(1).map((l, k) => stepShown(l, group[k]!.text + l.text));
  // (the first HEAD_READINGS are the head line's; reading HEAD_READINGS + k is the group's line k + 1 alone)
  return [...joined, stepShown(head, head.text), ...alone];
}

/** The kind a line shows, a step that only loaded the weights not counted. */
function stepShown(l: LogLine, text: string, written = l.raw): HealthKind | null {
  const k = healthKindOf(l, written);
  return k === 'step-done' && prepares(text) ? null : k;
}

/** The line that best shows the server healthy: a ready line first, else the last line of progress. */
export function healthEvidence(lines: readonly LogLine[]): LogLine | undefined {
  let last: number | undefined;
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.cont) j++;
    const kinds = readings(lines, i, j);
    if (kinds.includes('up')) return lines[i];
    // a later line that shows it alone, not joined with the line it may continue (a response body after a long curl command), is the evidence
    const shown = kinds.findIndex((k) => k !== null);
    if (shown >= 0) last = shown < HEAD_READINGS ? i : i + shown - HEAD_READINGS + 1;
    i = j;
  }
  // the app's startup begun after the last sign and not seen finished (no ready line): the start was still under way
  return last === undefined || lines.slice(last + 1).some((l) => !l.header && STARTING.test(l.text)) ? undefined : lines[last];
}

/** uvicorn's lifespan startup begun: the app starts its engine there; "Application startup complete." (a ready line) ends it. */
const STARTING = /\bWaiting for application startup\b/;
