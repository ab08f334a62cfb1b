// Readings made from the tuning logs of rounds 29 and 30 (Jetson and DGX Spark, NVIDIA's serving stack, deployment layers, tools
// that launch vLLM; logs committed to repositories), each general and with its upstream source in the code it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { cleanLine } from '../../../harness/diagnose/line-clean.ts';

const frames = (...calls: Array<[string, string, string]>): string[] => calls.flatMap(([file, fn, src]) => [`  File "${file}", line 10, in ${fn}`, `    ${src}`]);

describe('rounds 29-30 readings', () => {
  it("reads vLLM's 'EngineCore encountered a fatal error.' as a wrapper: its traceback, cut, holds the cause", () => {
    const head = '(EngineCore_DP0 pid=225) ERROR 09-21 14:21:46 [core.py:720] ';
    const log = [`${head}EngineCore encountered a fatal error.`, `${head}Traceback (most recent call last):`, `${head}  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/engine/core.py", line 711, in run_engine_core`, `${head}    engine_core.run_busy_loop()`];
    expect(category(...log)).toBe('unknown');
  });

  it("reads NVIDIA's container entrypoint finding no driver as driver-mismatch when nothing else decides, and not when the server came up", () => {
    const warned = ['== Triton Inference Server ==', 'WARNING: The NVIDIA Driver was not detected.  GPU functionality will not be available.', '   Use the NVIDIA Container Toolkit to start this container with GPU support; see', 'I0526 08:41:15.914857 1 libtorch.cc:1381] TRITONBACKEND_Initialize: pytorch'];
    expect(category(...warned)).toBe('driver-mismatch');
    expect(category(...warned, 'I0526 08:41:20.000000 1 grpc_server.cc:4117] Started GRPCInferenceService at 0.0.0.0:8001')).toBe('healthy');
    // an error of its own after it decides
    expect(category(...warned, 'RuntimeError: Found no NVIDIA driver on your system.')).toBe('driver-mismatch');
  });

  it("reads a traceback cut inside vLLM's dtype check as the GPU refusing the dtype, and one cut inside an import as no cause", () => {
    const head = ['Traceback (most recent call last):', ...frames(['/usr/local/lib/python3.10/dist-packages/vllm/worker/worker.py', 'init_model', '_check_if_gpu_supports_dtype(self.model_config.dtype)'])];
    expect(category(...head, '  File "/usr/local/lib/python3.10/dist-packages/vllm/worker/worker.py", line 231, in _check_if_gpu_supports_dtype', '    raise ValueError(')).toBe('backend-unsupported');
    // cut right after the call: the frame inside it is gone, the call names it
    expect(category(...head)).toBe('backend-unsupported');
    const imported = ['Traceback (most recent call last):', ...frames(['/opt/app/main.py', '<module>', 'from exllamav2 import ExLlamaV2'], ['/opt/venv/lib/python3.11/site-packages/exllamav2/__init__.py', '<module>', 'from exllamav2.model import ExLlamaV2'])];
    expect(category(...imported)).toBe('unknown');
  });

  it("reads Triton's summary tables as the server up, and its INFO 'failed to load' of a model as a failure announced", () => {
    const tables = ['I0223 12:03:30.820202 120 server.cc:604] ', '+------------------+------+', '| Repository Agent | Path |', '+------------------+------+', '+------------------+------+'];
    expect(category('I0223 12:03:30.796012 120 model_lifecycle.cc:839] "successfully loaded \'tensorrt_llm\'"', ...tables)).toBe('healthy');
    expect(category('I0801 12:18:29.148506 1818 model_lifecycle.cc:776] "failed to load \'vllm_model\'"', ...tables)).toBe('unknown');
    // the version's error before it decides
    expect(category("E0722 14:46:15.819645 2320 model_lifecycle.cc:641] \"failed to load 'tensorrt_llm' version 1: Not found: unable to load shared library: libnvinfer.so.10: cannot open shared object file: No such file or directory\"", "I0722 14:46:15.819700 2320 model_lifecycle.cc:776] \"failed to load 'tensorrt_llm'\"", ...tables)).toBe('import-error');
  });

  it("strips docker-compose 1.x's prefix of a container name it did not pad, not a table's row", () => {
    expect(cleanLine('qanything-container-local | 2024-04-09 15:39:17 | ERROR | stderr |     raise ValueError(').text).toBe('    raise ValueError(');
    expect(cleanLine('| tensorrt_llm | 1       | READY  |').text).toBe('tensorrt_llm | 1       | READY  |');
    expect(category('| tensorrt_llm | 1       | READY  |')).toBe('healthy');
  });

  it("reads FlashInfer's bare 'Failed to get device capability' (a warning through Python's last-resort handler) as a warning, not the cause", () => {
    const warned = 'Failed to get device capability: nvcc not found and PyTorch is not built with CUDA support. Could not determine CUDA version..';
    expect(category(warned, '[2026-05-25 17:26:13] server_args=ServerArgs(model_path="/m")', 'RuntimeError: start (6) + length (6) exceeds dimension size (6).')).toBe('other');
    expect(cleanLine(warned).level).toBe('WARNING');
  });

  it("reads ROCm's runtime aborting on a device exception in a queue as the failure, after the server was up", () => {
    const log = ['[2026-05-25 17:26:57] The server is fired up and ready to roll!', ':0:rocdevice.cpp            :3586: 4637341784 us:  Callback: Queue 0x7f5bfe700000 aborting with error : HSA_STATUS_ERROR_EXCEPTION: An HSAIL operation resulted in a hardware exception. code: 0x1016', 'Fatal Python error: Aborted'];
    expect(category(...log)).toBe('other');
  });

  it("reads ROCm's capitalised queue abort for want of resources, with the device's free memory, as out of memory", () => {
    const abort = ':0:rocdevice.cpp            :2995: 1718201139 us:  Callback: Queue 0x7f2c64400000 Aborting with error : HSA_STATUS_ERROR_OUT_OF_RESOURCES: The runtime failed to allocate the necessary resources. This error may also occur when the core runtime library needs to spawn threads or create internal OS-specific events. Code: 0x1008 Available Free mem : 0 MB';
    expect(category('INFO 06-12 10:05:31 [gpu_model_runner.py:1530] Loading model from scratch...', abort)).toBe('oom');
    expect(category('[2026-05-25 17:26:57] The server is fired up and ready to roll!', abort, 'Fatal Python error: Aborted')).toBe('oom');
  });

  it("reads a module that lacks a part another names, raised while it is imported, as import-error; raised at run time, other", () => {
    const tb = ['Traceback (most recent call last):', ...frames(['/sgl-workspace/sglang/python/sglang/srt/layers/quantization/unquant.py', '<module>', 'from aiter.fused_moe import fused_moe'], ['/sgl-workspace/aiter/aiter/fused_moe.py', '<module>', '(ActivationType.Silu, QuantType.No) : aiter.fmoe,'])];
    expect(category(...tb, "AttributeError: module 'aiter' has no attribute 'fmoe'")).toBe('import-error');
    const run = ['Traceback (most recent call last):', ...frames(['/sgl-workspace/sglang/python/sglang/srt/layers/moe/ep_moe/kernels.py', 'forward', 'x = deep_gemm_wrapper.get_col_major_tma_aligned_tensor(x)'])];
    expect(category(...run, "AttributeError: module 'sglang.srt.layers.quantization.deep_gemm_wrapper' has no attribute 'get_col_major_tma_aligned_tensor'")).toBe('other');
  });

  it("reads llama.cpp's error line before the failure that names nothing as its cause", () => {
    const wrap = "llama_init_from_gpt_params: error: failed to load model '/models/m.gguf'";
    expect(category("llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'deci'", 'llama_load_model_from_file: failed to load model', wrap)).toBe('unsupported-model');
    expect(category('ggml_backend_cuda_buffer_type_alloc_buffer: allocating 360757.13 MiB on device 0: cudaMalloc failed: out of memory', 'ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 378281271296', 'llama_new_context_with_model: failed to allocate compute buffers', wrap)).toBe('oom');
    // alone it names nothing: it wraps the loader's error, which is not in the log (the guide's rule 4). Turned in round 53, where
    // three readers called a log whose only error is this line `unknown` (llama-bench's, ik_llama.cpp discussion 242)
    expect(category(wrap)).toBe('unknown');
  });

  it('reads a model type a loader does not know as unsupported-model', () => {
    expect(category('TypeError: Unknown image model type: qwen2_5_vl')).toBe('unsupported-model');
    expect(category('(EngineCore pid=153) ERROR 09-30 10:47:55 [core.py:1366] RuntimeError: Unknown gguf model_type: qwen3_5')).toBe('unsupported-model');
  });

  it("reads llama-server's bare warnings that it goes on without speculative decoding as warnings, not the model unsupported", () => {
    const log = ['common_speculative_is_compat: the target context does not support partial sequence removal', 'srv    load_model: speculative decoding not supported by this context', 'main: server is listening on http://0.0.0.0:11436', 'srv  update_slots: all slots are idle'];
    expect(category(...log)).toBe('healthy');
  });

  it("reads llama-server's request refused with a client error, nothing served after it, as the cause", () => {
    const up = ['main: server is listening on http://0.0.0.0:8080', 'srv  update_slots: all slots are idle'];
    const refused = ['srv    send_error: task id = 0, error: request (44496 tokens) exceeds the available context size (32768 tokens), try increasing it', 'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 400'];
    expect(category(...up, ...refused)).toBe('other');
    expect(category(...up, 'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200')).toBe('healthy');
  });

  it("reads SGLang's 'Piecewise CUDA Graph failed with error: <e>' as the capture's failure", () => {
    expect(category('[2026-04-15 08:10:01 TP0] Piecewise CUDA Graph failed with error: CUDA error: operation not permitted when stream is capturing')).toBe('graph-capture');
  });

  it('reads a server the shell reports Killed after it came up, nothing served, as ended with no cause shown; a stop asked for is no failure', () => {
    const up = ['INFO:     Application startup complete.', 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)'];
    expect(category(...up, '/var/spool/slurm/d/job21518/slurm_script: line 23: 427394 Killed                  uvicorn api_main:app --host 0.0.0.0 --port 8000')).toBe('unknown');
    expect(category(...up, 'Killed')).toBe('unknown');
    expect(category(...up, 'INFO:     Shutting down', 'INFO:     Finished server process [1]')).toBe('healthy');
  });
});
