// Readings made in the thirteenth session from tuning logs and upstream sources (rounds 43-46), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('rounds 43-46 readings', () => {
  it("reads a Rust panic whose header carries the thread's id, as newer std writes it, as the failure it names", () => {
    const panic = "thread '<unnamed>' (45798) panicked at mistralrs-core/src/kv_cache/mod.rs:517:26:";
    const rest = ['Could not prepare cache: DriverError(CUDA_ERROR_INVALID_VALUE, "invalid argument")', '   0: candle_core::error::Error::bt'];
    expect(category(panic, ...rest)).toBe('other');
    expect(category("thread 'main' panicked at router/src/main.rs:12:5:", 'called `Result::unwrap()` on an `Err` value')).toBe('other');
    expect(category(...rest.slice(1))).toBe('unknown');
  });

  it("reads ggml's CUDA initialization failing with error 3 as a driver the runtime cannot use, in its two forms", () => {
    const found = ['ggml_cuda_init: GGML_CUDA_FORCE_MMQ:    no', 'ggml_cuda_init: found 1 CUDA devices:'];
    const call = ['  current device: 0, in function ggml_cuda_init at /src/ggml/src/ggml-cuda.cu:187', '  cuDeviceGet(&device, id)'];
    expect(category(...found, 'CUDA error: initialization error', ...call)).toBe('driver-mismatch');
    expect(category('CUDA error 3 at /go/src/ollama/llm/llama.cpp/gguf/ggml-cuda.cu:5661: initialization error')).toBe('driver-mismatch');
    // ggml's report of another CUDA error stays a failure of its own kind
    expect(category(...found, 'CUDA error: an illegal memory access was encountered', ...call)).toBe('other');
  });

  it("reads llama.cpp's loader logging why the model did not load as the failure, not the wrapper after it", () => {
    const after = ['llama_model_load_from_file_impl: failed to load model', "srv    load_model: failed to load model, 'gemma3_27b.gguf'", 'main: exiting due to model loading error'];
    expect(category('llama_model_load: error loading model: error loading model hyperparameters: key not found in model: gemma3.attention.layer_norm_rms_epsilon', ...after)).toBe('other');
    expect(category("llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'qwen9'", ...after)).toBe('unsupported-model');
    expect(category(...after)).toBe('unknown');
  });

  it("reads whisper.cpp's self-attention cache allocated as the KV cache sized", () => {
    const load = ['whisper_model_load: using CUDA backend', 'whisper_model_load:     CUDA buffer size =    34.59 MB', 'whisper_model_load: model size    =   34.53 MB'];
    expect(category(...load, 'whisper_init_state: kv self size  =    2.62 MB')).toBe('healthy');
    expect(category(...load)).toBe('unknown');
  });

  it("reads NVIDIA Dynamo's worker starting its endpoints as a worker whose startup hooks (its engine) finished", () => {
    const before = ['2025-04-24T07:42:44.118Z  INFO prefill_worker.async_init: PrefillWorker initialized'];
    expect(category(...before, '2025-04-24T07:42:44.118Z  INFO serve_dynamo.worker: [PrefillWorker] Starting PrefillWorker instance with all registered endpoints')).toBe('healthy');
    expect(category('2025-05-01T10:00:00.000Z  INFO serve_dynamo.dyn_worker: Starting VllmWorker instance with all registered endpoints')).toBe('healthy');
  });

  it("reads the 2024 llama.cpp server's JSON request record answered 2xx as a server up; its 503 while loading is not", () => {
    const record = (status: number, path: string): string =>
      `{"function":"log_server_request","level":"INFO","line":2734,"method":"GET","msg":"request","params":{},"path":"${path}","remote_addr":"127.0.0.1","remote_port":54930,"status":${status},"tid":"126279456433920","timestamp":1713495553}`;
    expect(category(record(200, '/health'))).toBe('healthy');
    expect(category(record(503, '/health'))).toBe('unknown');
  });

  it("reads SGLang's MMLU benchmark per-subject accuracies and EvalScope's report table as a server that answered", () => {
    expect(category('subject: abstract_algebra, #q:100, acc: 0.760', 'subject: anatomy, #q:135, acc: 0.830')).toBe('healthy');
    expect(category('subject: abstract_algebra, #q:100, acc: 0.000')).toBe('unknown');
    const grid = '+---------+-----------+-----------------+----------+-------+---------+---------+';
    expect(category(grid, '| Model   | Dataset   | Metric          | Subset   |   Num |   Score | Cat.0   |', grid)).toBe('healthy');
  });

  it("does not read TGI's shard gRPC server started as the server up: one shard loaded, the others and the warm-up still to come", () => {
    const wait = '2024-12-17T17:23:54.547663Z  INFO shard-manager: text_generation_launcher: Waiting for shard to be ready... rank=0';
    expect(category(wait, '2024-12-17T17:23:54.821433Z  INFO text_generation_launcher: Server started at unix:///tmp/text-generation-server-0')).toBe('unknown');
  });
  it('reads a request the server failed (5xx) in an access log, with nothing served after it, as a failure whose cause is not in the log', () => {
    const ok = '[GIN] 2024/02/26 - 17:17:48 | 200 |   35.168157ms |       127.0.0.1 | GET      "/api/tags"';
    const failed = '[GIN] 2024/02/26 - 17:19:33 | 500 |   10.156819ms |       127.0.0.1 | POST     "/api/embeddings"';
    expect(category(ok, failed)).toBe('unknown');
    expect(category(ok)).toBe('healthy');
    expect(category(ok, failed, '[GIN] 2024/02/26 - 17:21:00 | 200 |  1.2s |       127.0.0.1 | POST     "/api/chat"')).toBe('healthy');
    // llama-server answers 503 while it loads the model: no failure
    expect(category('srv  log_server_r: request: GET /v1/models 127.0.0.1 503', 'main: server is listening on http://127.0.0.1:8080 - starting the main loop')).toBe('healthy');
  });

  it("reads a traceback cut inside vLLM's NCCL_CHECK, whose only raise is NCCL's error, as NCCL failing", () => {
    const at = '(EngineCore_DP0 pid=163) ';
    const frames = [
      `${at}Traceback (most recent call last):`,
      `${at}  File "/usr/local/lib/python3.12/dist-packages/vllm/distributed/device_communicators/pynccl.py", line 133, in __init__`,
      `${at}    self.comm: ncclComm_t = self.nccl.ncclCommInitRank(`,
      `${at}  File "/usr/local/lib/python3.12/dist-packages/vllm/distributed/device_communicators/pynccl_wrapper.py", line 324, in ncclCommInitRank`,
      `${at}    self.NCCL_CHECK(self._funcs["ncclCommInitRank"](ctypes.byref(comm),`,
    ];
    expect(category(...frames, `${at}  File "/usr/local/lib/python3.12/dist-packages/vllm/distributed/device_communicators/pynccl_wrapper.py", line 291, in NCCL_CHECK`, `${at}    raise`)).toBe('nccl');
    expect(category(...frames.slice(0, 3))).toBe('unknown');
  });

  it("reads llama-server's HTTP server listening, bound before the model loads in builds of mid-2025, as a server that listened", () => {
    const bind = 'main: binding port with default address family';
    expect(category(bind, 'main: HTTP server is listening, hostname: 127.0.0.1, port: 8080, http threads: 31', 'main: loading model')).toBe('healthy');
    expect(category(bind)).toBe('unknown');
  });

  it("reads TGI's warm-up failing after its CUDA graphs were enabled, its traceback cut, as a failure in capture; not once the router sized its batch", () => {
    const begun = '2024-12-10T10:00:00.000000Z  INFO text_generation_launcher: Cuda Graphs are enabled for sizes [32, 16, 8, 4, 2, 1]';
    const failed = ['2024-12-10T10:00:05.000000Z ERROR text_generation_launcher: Method Warmup encountered an error.', 'Traceback (most recent call last):', '  File "/opt/conda/bin/text-generation-server", line 8, in <module>', '    sys.exit(app())'];
    expect(category(begun, ...failed)).toBe('graph-capture');
    expect(category(begun, '2024-12-10T10:00:04.000000Z  INFO text_generation_router_v3: backends/v3/src/lib.rs:125: Setting max batch total tokens to 4096', ...failed)).not.toBe('graph-capture');
  });

  it("reads transformers refusing a rope_type rope_scaling config (Llama 3.1's) as a model newer than the library", () => {
    expect(category('Traceback (most recent call last):', '  File "/usr/local/lib/python3.10/dist-packages/transformers/models/llama/configuration_llama.py", line 182, in _rope_scaling_validation', "ValueError: `rope_scaling` must be a dictionary with two fields, `type` and `factor`, got {'factor': 8.0, 'rope_type': 'llama3'}")).toBe('unsupported-model');
  });

  it("reads PyTorch's gloo process group failing to connect its ranks as the collective setup failing", () => {
    const gloo = '[rank4]:[E421 02:05:38.764490322 ProcessGroupGloo.cpp:143] Gloo connectFullMesh failed with [../third_party/gloo/gloo/transport/tcp/pair.cc:144] no error';
    expect(category(gloo, '[2025-04-21 02:05:39 TP4] Scheduler hit an exception: Traceback (most recent call last):', '  File "/sglang/srt/managers/scheduler.py", line 2059, in run_scheduler_process')).toBe('nccl');
  });

  it("reads a Rust unwrap's message kept without its panic header as the failure it names, and mistral.rs's unknown GGUF architecture as the model unsupported", () => {
    const frames = ['Stack backtrace:', '   0: anyhow::error::<impl anyhow::Error>::msg', '   1: mistralrs_core::gguf::GGUFArchitecture::from_value'];
    expect(category('called `Result::unwrap()` on an `Err` value: Unknown GGUF architecture `qwen2`', ...frames)).toBe('unsupported-model');
    expect(category('called `Option::unwrap()` on a `None` value', ...frames.slice(0, 1))).toBe('other');
  });

  it("reads Ollama's converter refusing the model's architecture (ollama create) as the model unsupported, not the GPU", () => {
    expect(category('transferring model data 100%', 'converting model', 'Error: unsupported architecture')).toBe('unsupported-model');
  });

  it("does not read Triton's pinned-memory fallback, logged at verbose level with the allocators' errors, as a failure", () => {
    const head = 'I0730 06:07:56.894880 1 backend_input_collector.cc:214] unable to create backend memory for type: CPU_PINNED id: 0: BackendMemory::Create, all allocation types failed:';
    const tried = ['        CPU_PINNED: failed to allocate pinned system memory: CUDA driver version is insufficient for CUDA runtime version', '        CPU_PINNED_POOL: failed to allocate pinned system memory: no pinned memory pool'];
    expect(category('I0730 06:07:56.890179 1 onnxruntime.cc:1096] TRITONBACKEND_ModelExecute: Running tokenmodel.onnx with 3 requests', head, ...tried)).not.toBe('driver-mismatch');
    expect(category('E0730 06:07:50.000000 1 server.cc:100] CUDA driver version is insufficient for CUDA runtime version')).toBe('driver-mismatch');
  });
});
