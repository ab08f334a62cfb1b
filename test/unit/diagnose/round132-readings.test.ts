// Readings made in the twenty-fifth session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

describe('round 132 readings', () => {
  it('reads uvicorn refusing workers or reload for an app object as the failure, though a step finished before it', () => {
    // encode/uvicorn 0.35.0:uvicorn/main.py:567-570: logged at WARNING, then sys.exit(1) before it binds
    const refused = [
      'Loading checkpoint shards: 100%|██████████| 10/10 [00:12<00:00,  1.21s/it]',
      "WARNING:  You must pass the application as an import string to enable 'reload' or 'workers'.",
    ];
    expect(category(...refused)).toBe('other');
    // … also where a terminal 80 columns wide cut it in 'work' + 'ers'
    expect(category(...refused.flatMap(atWidth(80)))).toBe('other');
    expect(category("WARNING:  You must pass the application as an import string to enable 'reload' or 'workers'.")).toBe('other');
    // any other warning of uvicorn's decides nothing where a step finished
    expect(category('Loading checkpoint shards: 100%|██████████| 10/10 [00:12<00:00,  1.21s/it]', 'WARNING:  Invalid HTTP request received.')).not.toBe('other');
  });

  it("reads llama.cpp's 2024 server failing to decode with its KV cache full as the failure (other)", () => {
    // ikawrakow/ik_llama.cpp 663c9445:examples/server/server.cpp:1924-1931 (llama.cpp of 2024-01-15): the retries are warnings, the
    // batch of one that fails ends update_slots and the main loop
    const full = [
      '[1704891429] update_slots : failed to find free space in the KV cache, retrying with smaller n_batch = 2',
      '[1704891429] update_slots : failed to find free space in the KV cache, retrying with smaller n_batch = 1',
      '[1704891429] update_slots : failed to decode the batch, n_batch = 1, ret = 1',
      '[1704891429] unexpected error in llama server update_slots - exiting main loop',
      'llama server shutting down',
    ];
    expect(category(...full)).toBe('other');
    // the retries alone, the batch decoded at a smaller size: no failure
    expect(category(...full.slice(0, 2))).toBe('unknown');
  });

  it("reads Triton's getCvtOrder assertion, also cut after its function, as the kernel refused for this GPU", () => {
    // openai/triton ad96b54f:lib/Analysis/Allocation.cpp:37-43, its one assertion; C's assert() in glibc 2.36's words
    const fn = '/project/lib/Analysis/Allocation.cpp:47: std::pair<llvm::SmallVector<unsigned int>, llvm::SmallVector<unsigned int> > mlir::triton::getCvtOrder(mlir::Attribute, mlir::Attribute): ';
    const served = [
      'INFO 04-15 10:19:51 model_runner.py:1562] Graph capturing finished in 8 secs, took 0.17 GiB',
      'INFO 04-15 10:20:35 engine.py:275] Added request 6f652b14-4b89-4d4b-9ad4-cef817e8b260.',
    ];
    expect(category(...served, `${fn}Assertio`)).toBe('backend-unsupported');
    expect(category(...served, `python3: ${fn}Assertion \`!(srcMmaLayout && dstMmaLayout) && "Unexpected mma -> mma layout conversion"' failed.`)).toBe('backend-unsupported');
    // any other assert() cut after its function is a failure, of no category its words name
    expect(category(...served, '/src/alloc.cpp:12: void pool::grow(unsigned long): Assertion')).toBe('other');
    expect(category(...served)).toBe('healthy');
  });

  it("reads OpenVINO Model Server's spdlog header for its level, and OpenVINO GenAI refusing a VLM type as unsupported-model", () => {
    // openvinotoolkit/model_server 7e4df0c7:src/logging.cpp:48 ("[%Y-%m-%d %T.%e][%t][%n][%l][%s:%#] %v"); openvino.genai
    // da1db864:src/cpp/src/visual_language/vlm_config.cpp:44; OpenVINO's what() puts the words on the line after "Exception from …:"
    const refused = [
      '[2025-11-04 10:11:12.345][1][serving][info][servablemanagermodule.cpp:51] ServableManagerModule starting',
      '[2025-11-04 10:11:13.001][1][serving][error][servable_initializer.cpp:214] Error during llm node initialization for models_path: /models/Qwen3-VL-8B-Instruct/INT8/./ exception: Exception from src/cpp/src/visual_language/vlm_config.cpp:44:',
      "Unsupported 'qwen3_vl' VLM model type",
      '',
      '[2025-11-04 10:11:13.002][1][modelmanager][error][servable_initializer.cpp:436] Error during LLM node resources initialization: The LLM Node resource initialization failed',
    ];
    expect(category(...refused)).toBe('unsupported-model');
    // the header without its time and thread, as pasted
    expect(category(...refused.map((l) => l.replace(/^\[[^\]]+\]\[1\]/, '')))).toBe('unsupported-model');
    // an error level read: a failure whose cause is not shown is no longer a log that says nothing
    const cut = classifyLog(['[serving][info][servablemanagermodule.cpp:51] ServableManagerModule starting', '[serving][error][mediapipegraphdefinition.cpp:474] Failed to'].join('\n'));
    expect(cut.category).toBe('unknown');
    expect(cut.title).toMatch(/root cause is not in the log/);
  });

  it("reads the container engine finding no CDI spec for the GPUs it was asked for as the GPU not visible (driver-mismatch)", () => {
    // cncf-tags/container-device-interface v1.1.0:pkg/cdi/cache.go:257
    expect(category('❯ podman run -d --gpus=all -p 11434:11434 docker.io/ollama/ollama', 'Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=all')).toBe('driver-mismatch');
    expect(category('docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: could not apply required modification to OCI specification: error modifying OCI spec: failed to inject CDI devices: unresolvable CDI devices nvidia.com/gpu=all: unknown.')).toBe('driver-mismatch');
  });

  it("reads ggml's failed cudaMalloc as the failure before the graph allocator's assertion on the buffer it did not get", () => {
    // mmkurodan/llama d582f0cb:app/src/main/cpp/llama/ggml/src/ggml-cuda/ggml-cuda.cu:660 (GGML_LOG_ERROR), ggml-alloc.c:773
    const image = [
      'srv  process_chun: processing image...',
      'ggml_backend_cuda_buffer_type_alloc_buffer: allocating 4514.05 MiB on device 0: cudaMalloc failed: out of memory',
      'ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 4733328896',
      '/devel/tools/llama.cpp/ggml/src/ggml-backend.cpp:1662: GGML_ASSERT((char *)addr + ggml_backend_buffer_get_alloc_size(buffer, tensor) <= (char *)ggml_backend_buffer_get_base(buffer) + ggml_backend_buffer_get_size(buffer)) failed',
    ];
    expect(category(...image)).toBe('oom');
    // … also where a terminal 80 columns wide cut the line before "cudaMalloc failed" (the function logs nothing else)
    expect(category(...image.flatMap(atWidth(80)))).toBe('oom');
    // the assertion alone names no memory
    expect(category(image[0]!, image[3]!)).toBe('other');
  });

  it("reads PyTorch's load_library failing as a compiled library that cannot load (import-error), not its quotes in warnings", () => {
    // pytorch/pytorch v2.11.0 70d99e99:torch/_ops.py:1479-1505 (read in torch 2.11.0 as installed)
    const codec = [
      '  File "/venv/lib/python3.10/site-packages/torch/_ops.py", line 1505, in load_library',
      '    raise OSError(f"Could not load this library: {path}") from e',
      'OSError: Could not load this library: /venv/lib/python3.10/site-packages/torchcodec/libtorchcodec_core7.so',
    ];
    expect(category(...codec)).toBe('import-error');
    // torchvision's warning that quotes it, in a server that came up, decides nothing
    expect(category(
      "/usr/local/lib/python3.12/dist-packages/torchvision/io/image.py:14: UserWarning: Failed to load image Python extension: 'Could not load this library: /usr/local/lib/python3.12/dist-packages/torchvision/image.so'",
      'INFO:     Application startup complete.',
    )).toBe('healthy');
  });
});

