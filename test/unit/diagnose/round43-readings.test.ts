// Readings made in the thirteenth session from tuning logs and upstream sources (rounds 43-44), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('rounds 43-44 readings', () => {
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
});
