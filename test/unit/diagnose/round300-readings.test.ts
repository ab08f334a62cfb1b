// Readings made in the thirty-third session from tuning logs, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 300 readings', () => {
  it("reads Docker's daemon with no device driver for a GPU request as the driver missing, whatever driver was named", () => {
    // docker v23 daemon/errors.go:83-89 (incompatibleDeviceRequest); `docker run --gpus all` on this machine's Docker 20.10.24
    expect(category('Attaching to webui-docker-auto-1', 'Error response from daemon: could not select device driver "nvidia" with capabilities: [[gpu]]')).toBe('driver-mismatch');
    expect(category('docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].')).toBe('driver-mismatch');
    // another daemon error is not
    expect(category('docker: Error response from daemon: Conflict. The container name "/vllm" is already in use by container "abc".')).toBe('other');
  });

  it("reads the loader refusing the driver's libcuda.so.1 as no library at all as the driver unusable", () => {
    // bminor/glibc 04e750e7:elf/dl-load.c:1594,1628,2179-2180, as vLLM's import of vllm._C reports it (_custom_ops.py)
    const start = 'INFO 07-08 06:56:08 [__init__.py:248] No platform detected, vLLM is running on UnspecifiedPlatform';
    expect(category(start, "WARNING 07-08 06:56:10 [_custom_ops.py:21] Failed to import from vllm._C with ImportError('/usr/lib/x86_64-linux-gnu/libcuda.so.1: file too short')")).toBe('driver-mismatch');
    expect(category(start, "WARNING 07-08 06:56:10 [_custom_ops.py:21] Failed to import from vllm._C with ImportError('libcuda.so.1: invalid ELF header')")).toBe('driver-mismatch');
    // another library the loader refuses is the package's own import
    expect(category(start, "WARNING 07-08 06:56:10 [_custom_ops.py:21] Failed to import from vllm._C with ImportError('libcudart.so.12: file too short')")).toBe('import-error');
  });

  it('reads a code fence that opens on the same row as the log\'s first line as markup, not part of the line', () => {
    const rest = ['(Worker_TP2 pid=459163) ERROR 04-29 07:06:45 [multiproc_executor.py:870] WorkerProc failed to start.'];
    expect(category('```(Worker_TP1 pid=459162) ERROR 04-29 07:06:44 [multiproc_executor.py:870] AssertionError', ...rest)).toBe('other');
    // a fence with a language's name stays a fence of its own
    expect(category('```python', '(Worker_TP1 pid=459162) ERROR 04-29 07:06:44 [multiproc_executor.py:870] AssertionError', ...rest)).toBe('other');
  });

  it("reads an error line that names nothing after an unlevelled line that named a failure as that failure (llama.cpp's LLAMA_LOG_ERROR)", () => {
    // ik_llama.cpp 8337e4cd:src/llama.cpp:8021 (LLAMA_LOG_ERROR writes no level), examples/main/main.cpp:224
    const refused = 'llama_new_context_with_model: V cache quantization requires flash_attn';
    const after = ["common_init_from_params: failed to create context with model '/models/glm4-9b.gguf'", 'main: error: unable to load model'];
    expect(category(refused, ...after)).toBe('backend-unsupported');
    // the error line alone says only that the load failed
    expect(category(...after)).toBe('other');
    // an error line that says why is its own cause
    expect(category(refused, 'main: error: failed to open /models/x.gguf: No such file or directory')).toBe('other');
  });

  it("reads CTranslate2 refusing a compute type for the device as the data type refused there", () => {
    // OpenNMT/CTranslate2 v4.8.1:src/types.cc:151-154 (unsupported_compute_type)
    const frames = ['Traceback (most recent call last):', '  File "/x/faster_whisper/transcribe.py", line 130, in __init__', '    self.model = ctranslate2.models.Whisper('];
    expect(category(...frames, 'ValueError: Requested float16 compute type, but the target device or backend do not support efficient float16 computation.')).toBe('backend-unsupported');
    expect(category(...frames, 'ValueError: Requested bfloat16 compute type, but the target device or backend do not support efficient bfloat16 computation.')).toBe('backend-unsupported');
  });

  it("reads ExLlamaV2's autosplit running out of GPUs for the model and its cache as out of memory", () => {
    // turboderp/exllamav2 v0.2.7:exllamav2/model.py:654
    expect(category('Traceback (most recent call last):', '  File "/x/exllamav2/model.py", line 654, in load_autosplit_gen', '    raise RuntimeError("Insufficient VRAM for model and cache")', 'RuntimeError: Insufficient VRAM for model and cache')).toBe('oom');
  });

  it("reads llama.cpp's KV cache of 2023, sized in its own words, as the cache allocated", () => {
    // ggml-org/llama.cpp 92549202:llama.cpp:2564-2573 (after kv_cache_init returned true); bcc0eb45^:llama.cpp:8981-8989
    const load = ['llama.cpp: loading model from models/7b.ggmlv3.q5_1.bin', 'llama_model_load_internal: mem required  = 6612.59 MB (+ 1026.00 MB per state)'];
    expect(category(...load, 'llama_init_from_file: kv self size  = 1024.00 MB')).toBe('healthy');
    expect(category(...load, 'llama_new_context_with_model: kv self size  =  256.00 MiB')).toBe('healthy');
    // nothing allocated is no sign
    expect(category(...load, 'llama_init_from_file: kv self size  =    0.00 MB')).toBe('unknown');
  });

  it("reads NGC's entrypoint refusing a GPU below the image's SM range as the GPU refused, only when nothing after it fails", () => {
    // the entrypoint.d SM check of NGC's images (MINSMVER), which goes on to exec the server
    const check = ['NVIDIA Release 18.12 (build 880120)', 'ERROR: Detected NVIDIA Quadro M1000M GPU, which is not supported by this container', 'ERROR: No supported GPU(s) detected to run this container'];
    expect(category(...check)).toBe('backend-unsupported');
    // the engine's own failure after it decides
    expect(category(...check, 'Traceback (most recent call last):', '  File "/opt/serve.py", line 3, in <module>', "ModuleNotFoundError: No module named 'tritonclient'")).toBe('import-error');
  });

  it("reads TensorRT Edge-LLM's run that reports every batched request successful as the run done", () => {
    // NVIDIA/TensorRT-Edge-LLM 3ca6c823:examples/llm/llm_inference.cpp (LOG_INFO after the benchmark loop)
    const run = ['[23:58:58.084] [INFO] [llm_inference.cpp:768:main] Processing 5 batched requests...'];
    expect(category(...run, '[23:59:10.884] [INFO] [llm_inference.cpp:858:main] Processing complete: 5/5 batched requests successful')).toBe('healthy');
    // some failed: no sign of a run done
    expect(category(...run, '[23:59:10.884] [INFO] [llm_inference.cpp:858:main] Processing complete: 3/5 batched requests successful')).not.toBe('healthy');
  });

  it("reads PyTorch's C++ error logged with the place it was raised from as an exception, whatever its message says", () => {
    // pytorch/pytorch 178be9b4:c10/util/Logging.cpp:81-87 (Error::Error(SourceLocation, msg): "Exception raised from … (most recent call first):")
    const served = ['INFO:     Application startup complete.', 'INFO:     10.1.1.1:58646 - "POST /v1/chat/completions HTTP/1.1" 200 OK'];
    const raised = ['Exception raised from OperationSetup at op_plugin/compiler_depend.ts:117 (most recent call first):', 'frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0xb8 (0xfffc4577c908 in /x/torch/lib/libc10.so)'];
    expect(category(...served, '[rank0]:[E623 13:46:28.176383770 compiler_depend.ts:429] ReshapeAndCacheOperation setup failed!', ...raised)).toBe('other');
    // … and with progress dots another writer left before its header
    expect(category(...served, '....[rank0]:[E623 13:46:28.176383770 compiler_depend.ts:429] ReshapeAndCacheOperation setup failed!', ...raised)).toBe('other');
    // the same error line without the C++ record after it names nothing the server did not survive
    expect(category(...served, '[rank0]:[E623 13:46:28.176383770 compiler_depend.ts:429] ReshapeAndCacheOperation setup failed!')).not.toBe('other');
  });

  it('reads a child program reported only by a negative return code (killed by a signal) as saying nothing of why', () => {
    // docs.python.org subprocess, Popen.returncode (-N: signal N); torch_neuronx/xla_impl/trace.py:232 as a log's frame shows it
    const frames = ['Traceback (most recent call last):', '  File "/x/torch_neuronx/xla_impl/trace.py", line 232, in hlo_compile', "    raise RuntimeError(f'neuronx-cc failed with {status}')"];
    expect(category(...frames, 'RuntimeError: neuronx-cc failed with -9')).toBe('unknown');
    // a positive status is the program's own failure
    expect(category(...frames, 'RuntimeError: neuronx-cc failed with 70')).toBe('other');
  });

  it("reads vLLM's registry header over a traceback cut before its exception as saying nothing of what failed", () => {
    // 2a69949b:vllm/model_executor/models/registry.py:868-883 (except Exception: logger.exception(...))
    const head = "(APIServer pid=286) ERROR 10-09 03:05:30 [registry.py:547] Error in inspecting model architecture 'Qwen3NextForCausalLM'";
    expect(category(head, '(APIServer pid=286) ERROR 10-09 03:05:30 [registry.py:547] Traceback (most recent call last):')).toBe('unknown');
    // the traceback's exception, when the log holds it, decides
    const tb = ['Traceback (most recent call last):', '  File "/x/vllm/model_executor/models/registry.py", line 880, in _try_inspect_model_cls', '    return model.inspect_model_cls()'];
    expect(category(head, ...tb.map((t) => `(APIServer pid=286) ERROR 10-09 03:05:30 [registry.py:547] ${t}`), "(APIServer pid=286) ERROR 10-09 03:05:30 [registry.py:547] ModuleNotFoundError: No module named 'fla'")).toBe('import-error');
  });

  it("reads llamafile finding no GPU for the layers asked of it as no usable GPU", () => {
    // Mozilla-Ocho/llamafile 0.6:llamafile/gpu.c:66 (then exit(1)); its later warning falls back to the CPU
    expect(category('initializing gpu module...', 'GPU support successfully linked and loaded', 'fatal error: --n-gpu-layers 35 was passed but no gpus were found')).toBe('driver-mismatch');
    expect(category('warning: --n-gpu-layers 35 was passed but no GPUs were found; falling back to CPU inference')).not.toBe('driver-mismatch');
  });

  it("reads rocBLAS without a kernel library for this GPU's architecture as no kernel image", () => {
    // ROCm/rocBLAS b520bc83:library/src/tensile_host.cpp:822-823
    expect(category('rocBLAS error: Cannot read /opt/rocm/lib/rocblas/library/TensileLibrary.dat: No such file or directory for GPU arch : gfx1036', ' List of available TensileLibrary Files : ', '"/opt/rocm/lib/rocblas/library/TensileLibrary_lazy_gfx1030.dat"', 'Aborted (core dumped)')).toBe('no-kernel-image');
  });

  it('reads nvcc that does not know the GPU architecture asked of it as the toolchain, in its older words too', () => {
    // CUDA 13.0's nvcc here: "Unsupported gpu architecture 'compute_12'"; older nvcc: "Value '…' is not defined for option 'gpu-architecture'"
    expect(category('building ggml-cuda with nvcc -arch=compute_86...', "nvcc fatal   : Value 'compute_86' is not defined for option 'gpu-architecture'", '/usr/bin/nvcc: returned nonzero exit status')).toBe('ptx-toolchain');
    expect(category("nvcc fatal   : Value 'native' is not defined for option 'gpu-architecture'")).toBe('ptx-toolchain');
    expect(category("nvcc fatal   : Unsupported gpu architecture 'compute_12'")).toBe('ptx-toolchain');
  });

  it("reads transformers' caution about a config of another model type as no failure", () => {
    // huggingface/transformers 40a493c7ed4f:src/transformers/configuration_utils.py:563-568 (logger.warning, then the config is made)
    const load = ['INFO:     Waiting for application startup.', "INFO     2025-03-03 02:07:06,664 infinity_emb INFO: model=`m` selected, using engine=`torch` and device=`mps`"];
    expect(category(...load, 'You are using a model of type siglip to instantiate a model of type . This is not supported for all configurations of models and can yield errors.')).toBe('unknown');
    // a model the engine does refuse still is
    expect(category(...load, "ValueError: Model architectures ['SiglipModel'] are not supported for now.")).toBe('unsupported-model');
  });

  it("reads a Kubernetes node's container log in the CRI format (time with its zone, stream, P/F) as the carrier of the line", () => {
    // kubelet's parseCRILog (pkg/kubelet/kuberuntime/logs/logs.go): "2016-10-06T00:17:09.669794203Z stderr F log content 2"
    const decode = '[2026-06-24 15:38:02 PP0] Decode batch, #running-req: 1, #token: 998080, token usage: 0.59, cuda graph: True, gen throughput (token/s): 205.21, #queue-req: 0';
    expect(category(`2026-06-24T17:38:02.436246479+02:00 stderr F ${decode}`)).toBe('healthy');
    expect(category(`2026-06-24T15:38:02.436246479Z stdout F ${decode}`)).toBe('healthy');
  });

  it("reads pydantic's rendering of a validator's ValueError as the failure, also where a paste begins at it", () => {
    // pydantic-core c009b000:src/errors/types.rs (ErrorType::ValueError, "Value error, {error}")
    expect(category('Value error, User-specified max_model_len (16384) is greater than the derived max_model_len ', '(max_position_embeddings=8192 or model_max_length=None in model\'s config.json).')).toBe('other');
    // with its header, a message that names a category still decides
    expect(category('pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig', "  Value error, The checkpoint you are trying to load has model type `gemma4` but Transformers does not recognize this architecture. [type=value_error]")).toBe('unsupported-model');
  });

  it("reads a KeyError of transformers' auto config cut inside its key as the model type it does not know", () => {
    // huggingface/transformers 001002320fa0:src/transformers/models/auto/configuration_auto.py (CONFIG_MAPPING[config_dict["model_type"]])
    const frames = ['Traceback (most recent call last):', '  File "/x/transformers/models/auto/configuration_auto.py", line 982, in from_pretrained', '    config_class = CONFIG_MAPPING[config_dict["model_type"]]'];
    expect(category(...frames, "KeyError: 'mlla")).toBe('unsupported-model');
    expect(category(...frames, "KeyError: 'mllama'")).toBe('unsupported-model');
  });

  it("reads PRRTE logging an error it returned as a failure line of its own", () => {
    // openpmix/prrte 52d5e4bb:src/util/error.h:32-38 (PRTE_ERROR_LOG through pmix_output)
    const init = ['[11/21/2024-10:26:10] [TRT-LLM] [I] Initializing Executor.'];
    expect(category(...init, '[worker:15806] PRTE ERROR: Bad parameter in file base/odls_base_default_fns.c at line 962', '[11/21/2024-10:26:11] [TRT-LLM] [I] Benchmark Shutdown called!')).toBe('other');
    expect(category(...init, '[11/21/2024-10:26:11] [TRT-LLM] [I] Benchmark Shutdown called!')).toBe('unknown');
  });
});
