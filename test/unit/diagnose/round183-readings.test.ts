// Readings made in the twenty-eighth session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';

describe('round 183 readings', () => {
  it("reads cuDNN 9 unable to open one of its sub-libraries ('Unable to load any of {libcudnn_ops.so…}', 'Invalid handle. Cannot load symbol cudnn…') as an import failure", () => {
    // cuDNN 9.19.0 (torch 2.11.0+cu130's wheel): libcudnn_graph.so.9 holds "Unable to load any of {%s, %s, %s, %s}.", libcudnn.so.9
    // "Invalid handle. Cannot load symbol %s"; the second printed on the H100 by cudnnCreateConvolutionDescriptor with libcudnn_cnn
    // left out of a copy of the wheel's lib/ (scripts/device-corpus/cudnn_messages.sh: these lines are its output, verbatim)
    expect(category('cudnnGetVersion 91900', 'cudnnCreate 0', 'cudnnCreateRNNDescriptor 0', 'Invalid handle. Cannot load symbol cudnnCreateConvolutionDescriptor', 'cudnnCreateConvolutionDescriptor 3009')).toBe('import-error');
    const loading = ['Unable to load any of {libcudnn_ops.so.9.1.0, libcudnn_ops.so.9.1, libcudnn_ops.so.9, libcudnn_ops.so}', 'Invalid handle. Cannot load symbol cudnnCreateTensorDescriptor', 'Aborted (core dumped)'];
    expect(category('INFO:     Application startup complete.', ...loading)).toBe('import-error');
    // … written bare under a line as long as a terminal is wide: a line of its own, not the rest of that line cut
    const long = 'transcribe.py       :299  2025-03-15 07:06:21,512 Processing audio with duration 00:07.440 for the request 399807de-8d69';
    expect(category(...[long].flatMap(atWidth(80)), ...loading)).toBe('import-error');
    // (the words of another library's handle name no cuDNN sub-library)
    expect(category('INFO:     Application startup complete.', 'Invalid handle. Cannot load symbol xyzCreate', 'Aborted (core dumped)')).not.toBe('import-error');
  });

  it("reads llama.cpp refusing a split GGUF loaded from a split other than the first ('illegal split file idx') as other", () => {
    // ollama v0.17.6:llama/llama.cpp/src/llama-model-loader.cpp:533 (and :571, a split out of place), wrapped by llama.cpp.cpp:799
    const split = 'llama_model_load: error loading model: illegal split file idx: 3 (file: /models/model-00004-of-00004.gguf), model must be loaded with the first split';
    // … as Docker Model Runner's CLI relays it, on one line behind its own words (docker/model-runner#672)
    expect(category(`Failed to generate a response: error response: status=500 body=unable to load runner: error waiting for runner to be ready: llama.cpp terminated unexpectedly: llama.cpp failed: ${split}`, 'llama_model_load_from_file_impl: failed to load model', 'main: exiting due to model loading error')).toBe('other');
    expect(category('llama_model_loader: loaded meta data with 44 key-value pairs and 843 tensors from /models/model-00004-of-00004.gguf (version GGUF V3 (latest))', split, 'llama_model_load_from_file_impl: failed to load model', 'main: exiting due to model loading error')).toBe('other');
    expect(category('llama_model_load: error loading model: invalid split file idx: 2 (file: /models/m-00002-of-00003.gguf), expected 1', 'llama_model_load_from_file_impl: failed to load model')).toBe('other');
  });

  it("reads the loader not finding the driver's libcuda.so.1 as driver-mismatch, also where the reason was cut off", () => {
    // glibc 2.36's ld.so: "error while loading shared libraries", "cannot open shared object file" (its strings on this machine)
    const wrote = '/opt/tabby/bin/llama-server: error while loading shared libraries: libcuda.so.1: cannot open shared object file: No such file or directory';
    expect(category('Starting...', wrote)).toBe('driver-mismatch');
    expect(category('Starting...', wrote.slice(0, wrote.indexOf('cannot') + 4))).toBe('driver-mismatch');
    // another library is a package to install
    expect(category('Starting...', '/opt/tabby/bin/llama-server: error while loading shared libraries: libgomp.so.1: cann')).toBe('import-error');
  });

  it("reads llama.cpp not knowing a GGUF's pre-tokenizer ('unknown pre-tokenizer type') as unsupported-model", () => {
    // mmkurodan/llama d582f0cb:app/src/main/cpp/llama/src/llama-vocab.cpp:1654 (Ollama patches it into a warning)
    expect(category('llm_load_vocab: special tokens cache size = 22', "llama_model_load: error loading model: error loading model vocabulary: unknown pre-tokenizer type: 'deepseek-r1-qwen'", 'llama_load_model_from_file: failed to load model')).toBe('unsupported-model');
  });

  it("reads llama.cpp's row split asked of a device without split buffers ('does not support split buffers') as backend-unsupported", () => {
    // PKU-SEC-Lab/Jetson-PI-Edge 92550fa0:src/llama-model.cpp:959 (make_gpu_buft_list)
    expect(category('llama_model_load_from_file_impl: using device CUDA0 (NVIDIA RTX A4000) - 15886 MiB free', 'llama_model_load: error loading model: device CUDA0 does not support split buffers', 'srv    load_model: failed to load model')).toBe('backend-unsupported');
    // (ggml's own assert that mul_mat_id runs on no split buffer is another failure, an assertion)
    expect(category('ggml/src/ggml-cuda/ggml-cuda.cu:2408: GGML_ASSERT(!ggml_backend_buft_is_cuda_split(src0->buffer->buft) && "mul_mat_id does not support split buffers") failed')).not.toBe('backend-unsupported');
  });

  it("reads ggml's 2023 'CUDA error 98 at <file>' (invalid device function, cut before its words) as no-kernel-image", () => {
    // ollama v0.0.15:llm/ggml-cuda.cu:55 ("CUDA error %d at %s:%d: %s"); 98 = cudaErrorInvalidDeviceFunction, CUDA 13.0 driver_types.h:524
    expect(category('llama_new_context_with_model: total VRAM used: 4356.54 MiB (model: 3577.55 MiB, context: 779.00 MiB)', 'Loaded the model in 3.41 seconds.', 'CUDA error 98 at /tmp/pip-install-d')).toBe('no-kernel-image');
    // (another number that begins with 98 is not it)
    expect(category('Loaded the model in 3.41 seconds.', 'CUDA error 98765 at /tmp/x.cu:10: unknown')).not.toBe('no-kernel-image');
  });

  it('reads a capture progress bar at its total as the capture ended: a failure after it is not raised in the capture', () => {
    const bar = (n: number) => `Capturing batches (bs=1 avail_mem=2.48 GB): ${Math.round((100 * n) / 7)}%|██████████| ${n}/7 [00:02<00:00,  6.08it/s]`;
    const raised = ['[rank0]: Traceback (most recent call last):', '[rank0]:   File "/sglang/srt/model_executor/runner/eager_runner.py", line 174, in load_batch', '[rank0]:     registry.fill_from(', '[rank0]: RuntimeError: The size of tensor a (3812) must match the size of tensor b (4096) at non-singleton dimension 0'];
    expect(category(bar(6), bar(7), ...raised)).toBe('other');
    // … where a bar short of its total still leaves the capture open
    expect(category(bar(5), bar(6), ...raised)).toBe('graph-capture');
  });

  it("reads TGI's router 'Connected' as listening also where a terminal cut it after the logger's target", () => {
    // (TGI_CONNECTED of health-evidence.ts, read on the line as written: its pieces joined keep the target, huggingface/text-generation-inference v3.3.7:router/src/server.rs:2302)
    const connected = '2025-04-29T08:58:39.625639Z  INFO text_generation_router::server: router/src/server.rs:2266: Connected';
    const before = '2025-04-29T08:58:39.544487Z  INFO text_generation_router::server: router/src/server.rs:1716: Using config None';
    expect(category(before, connected)).toBe('healthy');
    expect(category(...[before, connected].flatMap(atWidth(80)))).toBe('healthy');
  });

  it("reads ggml's mul_mat_q with no device code for an architecture below 6.1 as no-kernel-image, also where the build's list names it", () => {
    // ollama v0.5.7:llama/ggml-cuda/mmq.cu:124,165-167 (mul_mat_q only on compute capability 6.1 or more), common.cuh's NO_DEVICE_CODE
    const loaded = 'llm_load_tensors: offloaded 33/33 layers to GPU';
    expect(category(loaded, '/llama.cpp/ggml/src/ggml-cuda/template-instances/../mmq.cuh:2589: ERROR: CUDA kernel mul_mat_q has no device code compatible with CUDA arch 520. ggml-cuda.cu was compiled for: 520')).toBe('no-kernel-image');
    // a kernel with no code for an architecture the build holds and the GPU has: the kernel does not run there
    expect(category(loaded, '/ggml/src/ggml-cuda/fattn-mma-f16.cuh:1054: ERROR: CUDA kernel flash_attn_ext_f16 has no device code compatible with CUDA arch 610. ggml-cuda.cu was compiled for: 610,700')).toBe('backend-unsupported');
    expect(category(loaded, '/ggml/src/ggml-cuda/mmq.cuh:2589: ERROR: CUDA kernel mul_mat_q has no device code compatible with CUDA arch 700. ggml-cuda.cu was compiled for: 610,700')).toBe('backend-unsupported');
  });
});
