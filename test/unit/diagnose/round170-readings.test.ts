// Readings made in the twenty-seventh session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';

/** A start that got as far as loading the model, nothing after it. */
const LOADED = 'INFO 06-12 09:14:03 [default_loader.py:262] Loading weights took 21.37 seconds';
/** A Python traceback's head, its exception line to follow. */
const RAISED = ['Traceback (most recent call last):', '  File "/workspace/tpu_inference/runner/tpu_runner.py", line 412, in load_model', '    self.state = jax.device_put(params, sharding)'];

describe('round 170 readings', () => {
  it("reads XLA's TPU runtime and compiler running out of HBM (errors E0100, E0101, E1000) as out of memory", () => {
    // openxla/xla 87aa8d2e:docs/errors/error_0100.md, 11903d43:docs/errors/error_0101.md, 21ecdc47:docs/errors/error_1000.md
    expect(category(LOADED, ...RAISED, 'jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Error allocating device buffer: Attempting to allocate 8.00M. That was not possible. There are 6.43M free.; (0x0x1_HBM0)')).toBe('oom');
    expect(category(LOADED, ...RAISED, "XlaRuntimeError: RESOURCE_EXHAUSTED: Error loading program 'jit_embedding_pipeline_step_fn': Attempting to reserve 29.49G at the bottom of memory. That was not possible. There are 147.64M free, 0B reserved, and 147.64M reservable. Scope: unknown..: while running replica 0 and partition 34 of a replicated computation (other replicas may have failed as well).")).toBe('oom');
    expect(category(LOADED, ...RAISED, 'ValueError: RESOURCE_EXHAUSTED: TPU TensorCore Hbm usage: 34.82G, SparseCore Hbm usage 174.10G, exceeding available bytes: 95.74G')).toBe('oom');
    // … logged by the engine as it catches it, and cut by an 80-column terminal inside "Error allocating"
    const logged = '(EngineCore_DP0 pid=344) ERROR 02-10 19:23:35 [tpu_offload_connector.py:2498] Error gathering blocks for request cmpl-9cbf-0: RESOURCE_EXHAUSTED: Error allocating device buffer: Attempting to allocate 832.0K. That was not possible. There are 112.5K free.; (0x0x0_HBM0)';
    expect(category(...[LOADED, logged].flatMap(atWidth(80)))).toBe('oom');
    // another status of the same runtime names no memory
    expect(category(LOADED, ...RAISED, 'XlaRuntimeError: INVALID_ARGUMENT: Executable(jit_step) expected parameter 2482 of size 5242880 but got buffer with incompatible size 1638400')).not.toBe('oom');
  });

  it("reads the first line of an error report in anyhow's Debug form, its causes numbered under 'Caused by:', as the failure", () => {
    // dtolnay/anyhow 1.0.104:src/fmt.rs:27-40,84 ("\n\nCaused by:", each cause behind `{: >5}: `)
    const report = [
      'Failed to load Harmony encoding: error downloading or loading vocab file: failed to download or load vocab file',
      '',
      'Caused by:',
      '    0: failed to download or load vocab file',
      '    1: error sending request for url (https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken)',
      '    2: operation timed out',
    ];
    expect(category(...report)).toBe('other');
    // its causes' words decide its category where they name one
    expect(category('Failed to start the backend: could not load the model', '', 'Caused by:', '    0: loading the weights failed', '    1: CUDA_ERROR_OUT_OF_MEMORY')).toBe('oom');
    // (the causes' numbers, "    0: ", are not Slurm srun's task labels, which srun pads to its widest task number only)
    // the same line with no causes under it names no failure
    expect(category('Failed to load Harmony encoding: error downloading or loading vocab file')).toBe('unknown');
  });

  it("reads TEI's 'Could not start <backend> backend: …' as the ERROR record it is also where a paste lost tracing's header", () => {
    // huggingface/text-embeddings-inference v1.9.3:backends/src/lib.rs:412,490,516 (tracing::error!), router/src/lib.rs:283 (the wrapper)
    const tei = [
      'Could not start Candle backend: Could not start backend: Runtime compute cap 87 is not compatible with compile time compute cap 87',
      'Error: Could not create backend',
      '',
      'Caused by:',
      '    Could not start backend: Could not start a suitable backend',
    ];
    expect(category(...tei)).toBe('backend-unsupported');
    // … under any carrier: the record before the report decides, not the report that wraps it
    expect(category(...tei.map((l) => `0: ${l}`))).toBe('backend-unsupported');
    expect(category(...tei.map((l) => `Aug 18 14:15:04 host text-embeddings-router[1234]: ${l}`))).toBe('backend-unsupported');
    // the capabilities compared whole: 75 against 750 differ (no kernels for this GPU), 87 against 87 are the same GPU the list leaves out
    expect(category('Could not start Candle backend: Could not start backend: Runtime compute cap 75 is not compatible with compile time compute cap 80Error: x')).toBe('no-kernel-image');
    expect(category('Could not start Candle backend: Could not start backend: Runtime compute cap 87 is not compatible with compile time compute cap 87Error: x')).toBe('backend-unsupported');
  });

  it("reads vLLM's worker wrapper 'Error executing method …' as a wrapper: the traceback under it decides, a cut one names nothing", () => {
    // jinhuang12/vllm v0.16.0:vllm/v1/worker/worker_base.py:331-340 (execute_method: logger.exception(msg), then raise e)
    const head = "(WorkerDict pid=60951) ERROR 01-14 03:48:38 [worker_base.py:344] Error executing method 'init_device'. This might cause deadlock in distributed execution.";
    const frames = [
      '(WorkerDict pid=60951) ERROR 01-14 03:48:38 [worker_base.py:344] Traceback (most recent call last):',
      '(WorkerDict pid=60951) ERROR 01-14 03:48:38 [worker_base.py:344]   File "/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/worker_base.py", line 334, in execute_method',
      '(WorkerDict pid=60951) ERROR 01-14 03:48:38 [worker_base.py:344]     return run_method(self, method, args, kwargs)',
    ];
    expect(category(LOADED, head, ...frames)).toBe('unknown');
    expect(category(LOADED, head, ...frames, '(WorkerDict pid=60951) ERROR 01-14 03:48:38 [worker_base.py:344] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.')).toBe('oom');
  });

  it("reads Ollama's access log: a request refused with a client error, or with 404 on a route it has (model not found), with nothing served after it", () => {
    // gin-gonic/gin v1.12.0:logger.go:185; ollama/ollama v0.17.6:server/routes.go:203 (GenerateHandler's 404), :1628-1636 (its routes)
    const up = 'time=2026-04-18T14:29:00.580+02:00 level=INFO source=routes.go:1810 msg="Listening on 127.0.0.1:11434 (version 0.21.0)"';
    const notFound = '[GIN] 2026/04/18 - 14:29:03 | 404 |     1.41825ms |       127.0.0.1 | POST     "/api/generate"';
    expect(category(up, notFound)).toBe('other');
    expect(category(up, '[GIN] 2026/04/18 - 14:29:03 | 400 |     1.41825ms |       127.0.0.1 | POST     "/api/chat"')).toBe('other');
    // a 404 on a route Ollama does not have is the client's mistake: the server is up
    expect(category(up, '[GIN] 2026/04/18 - 14:29:03 | 404 |     1.41825ms |       127.0.0.1 | POST     "/api/nosuch"')).toBe('healthy');
    // … and a refusal after which a request is answered with success did not stop the server
    expect(category(up, '[GIN] 2024/02/02 - 04:38:40 | 400 |         553µs |       127.0.0.1 | POST     "/api/pull"', '[GIN] 2024/02/02 - 04:38:55 | 200 |    3.4939971s |       127.0.0.1 | POST     "/api/pull"')).toBe('healthy');
  });

  it("reads vLLM's MoE oracle refusing the kernel backend asked for, for this deployment, as backend-unsupported", () => {
    // vllm 2a69949b (v0.19.0):vllm/model_executor/layers/fused_moe/oracle/nvfp4.py:165-175, fp8.py:242-268; modular_kernel.py:531-545
    const refused = "(EngineCore pid=196) ERROR 04-19 10:55:33 [core.py:1132] ValueError: NvFp4 MoE backend 'FLASHINFER_CUTLASS' does not support the deployment configuration since kernel does not support MoEActivation.GELU activation.";
    expect(category(LOADED, refused)).toBe('backend-unsupported');
    expect(category(LOADED, 'ValueError: FP8 MoE backend DEEPGEMM does not support the deployment configuration since kernel does not support current device NVIDIA GeForce RTX 4090.')).toBe('backend-unsupported');
  });

  it("reads a bare KeyError of 'model_type' as a model the loader cannot identify", () => {
    // ml-explore/mlx-lm v0.31.3:mlx_lm/utils.py:175-193 (_get_classes reads config["model_type"] first)
    expect(category('2026-05-07 16:42:48 [DEBUG]', " KeyError: 'model_type'", '', 'At:', '  /x/site-packages/mlx_lm/utils.py(185): _get_classes')).toBe('unsupported-model');
    expect(category(" KeyError: 'max_position_embeddings'")).not.toBe('unsupported-model');
  });

  it("reads fish's report of a job ended by SIGKILL as a kill, not a stop after the server was up", () => {
    // fish-shell/fish-shell 040ec88407f03657b0d0c4bc6e4ec989a99bed5a:share/functions/fish_job_summary.fish
    const listening = '* Running on local URL:  http://0.0.0.0:7860';
    expect(category(listening, 'Loading model from: deepseek-ai/DeepSeek-OCR', "fish: Job 1, 'python start_ocr_webui.py' terminated by signal SIGKILL (Forced quit)")).toBe('unknown');
    expect(category(listening, 'Loading model from: deepseek-ai/DeepSeek-OCR')).toBe('healthy');
  });

  it('reads CUDA error 46, every GPU busy or unavailable to this process, as no GPU it may use (driver-mismatch)', () => {
    // CUDA 13.0 include/driver_types.h:432-440 (cudaErrorDevicesUnavailable = 46); its words in libcudart.so.13's strings
    expect(category(LOADED, '(EngineCore pid=2617521) ERROR 08-05 10:06:59 [core.py:1136] torch.AcceleratorError: CUDA error: CUDA-capable device(s) is/are busy or unavailable')).toBe('driver-mismatch');
    expect(category('RuntimeError: CUDA error: cudaErrorDevicesUnavailable')).toBe('driver-mismatch');
  });

  it("reads ggml's CUDA back-end failing to count the GPUs at init, whatever the error's words, as driver-mismatch", () => {
    // ollama/ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-cuda/ggml-cuda.cu:242-247 (cudaGetDeviceCount failed in ggml_cuda_init)
    expect(category('llama-cpp    | ggml_cuda_init: failed to initialize CUDA: unknown error', 'llama-cpp    | warning: no usable GPU found, --gpu-layers option will be ignored')).toBe('driver-mismatch');
    expect(category('ggml_cuda_init: failed to initialize ROCm: no ROCm-capable device is detected')).toBe('driver-mismatch');
  });
});

