// Readings made in the twenty-fourth session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';
import { titled } from '../../../harness/diagnose/diagnosis-build.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

describe('round 116 readings', () => {
  it("reads llama.cpp's argument parser refusing an option or its value as the failure (other)", () => {
    // mmkurodan/llama d582f0cb:app/src/main/cpp/llama/common/arg.cpp:901, :934, written bare by common_params_parse (:1200)
    const refused = [
      'load_backend: loaded CUDA backend from /app/libggml-cuda.so',
      `error while handling argument "--flash-attn": error: unkown value for --flash-attn: '--ctx-size'`,
      '',
      'usage:',
      "-fa,   --flash-attn FA                  set Flash Attention use ('on', 'off', or 'auto', default: 'auto')",
      '',
      'to show complete usage, run with -h',
    ];
    expect(category(...refused)).toBe('other');
    expect(category('load_backend: loaded CUDA backend from /app/libggml-cuda.so', 'error: invalid argument: --n-gpu-layer')).toBe('other');
    // a backend loaded and nothing else: no failure
    expect(category('load_backend: loaded CUDA backend from /app/libggml-cuda.so')).toBe('unknown');
  });

  it("reads ggml's GGUF reader giving up on the model file, before the loader's wrapper", () => {
    // ggml-org/ggml d99724f2:src/gguf.cpp:473 (older: "invalid magic characters 'Inte'", ik_llama.cpp 8337e4cd:ggml/src/ggml.c)
    const notGguf = [
      '2024-02-28T21:17:59.085801Z  INFO tabby::serve: crates/tabby/src/serve.rs:116: Starting server, this might take a few minutes...',
      "gguf_init_from_file: invalid magic characters 'Inte'",
      '2024-02-28T21:17:59.270801Z ERROR llama_cpp_bindings: crates/llama-cpp-bindings/src/lib.rs:65: Unable to load model: /models/q8_0.v2.gguf',
    ];
    expect(category(...notGguf)).toBe('other');
    expect(category("gguf_init_from_file_impl: invalid magic characters: 'Inte', expected 'GGUF'")).toBe('other');
    // a tensor type this build does not define: the model needs another build (b5380da3:src/gguf.cpp:571; d99724f2:src/gguf.cpp:715)
    const newType = [
      'common_download_file_single: using cached file: /cache/ggml-org_gpt-oss-20b-GGUF_gpt-oss-20b-mxfp4.gguf',
      "gguf_init_from_file_impl: tensor 'blk.0.ffn_down_exps.weight' has invalid ggml type 39 (NONE)",
      'gguf_init_from_file_impl: failed to read tensor info',
    ];
    expect(category(...newType)).toBe('unsupported-model');
    expect(category("gguf_init_from_file_impl: tensor 'blk.0.attn_q.weight' has invalid ggml type 42. should be in [0, 40)")).toBe('unsupported-model');
  });

  it("reads llama.cpp's server sending a task's error as the request's failure, unless requests were answered after it", () => {
    // gpustack/llama-box 87281c7e:llama-box/server.cpp:1783 and :2617, the E level of llama.cpp's log
    const boxed = '9.16.412.167 E srv                send_error: task 40 | error = the request exceeds the available context size. try increasing the context size or enable context shift';
    expect(category('9.16.408.050 I srv        log_server_request: rid 959706094865 | POST /v1/chat/completions 192.168.50.174:52058', boxed)).toBe('other');
    // llama.cpp's own, with no level shown (Jetson-PI-Edge 92550fa0:tools/server/server-context.cpp:2451, :3550)
    const bare = 'srv    send_error: task id = 0, error: request (44496 tokens) exceeds the available context size (32768 tokens), try increasing it';
    expect(category('srv  update_slots: all slots are idle', bare)).toBe('other');
    // a request answered after it: the server survived the refusal
    expect(category(bare, 'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200')).toBe('healthy');
  });

  it("reads rocBLAS finding no GPU as it sets up its kernel library as the device not visible (driver-mismatch)", () => {
    // ROCm/rocBLAS rocm-6.2.2:library/src/tensile_host.cpp:644-649 (hipGetDeviceCount failed, then rocblas_abort())
    const log = [
      'rocBLAS error: Could not initialize Tensile host: No devices found',
      'time=2025-03-08T16:42:15.674+01:00 level=ERROR source=server.go:421 msg="llama runner terminated" error="signal: aborted (core dumped)"',
      '[GIN] 2025/03/08 - 16:42:15 | 500 |  791.251505ms |       127.0.0.1 | POST     "/v1/chat/completions"',
    ];
    expect(category(...log)).toBe('driver-mismatch');
    // its other aborts name no device missing: not this reading
    expect(category('rocBLAS error: Could not initialize Tensile library')).not.toBe('driver-mismatch');
  });

  it("reads DeepEP's assertion on an NVSHMEM call as communication between the ranks failing (nccl)", () => {
    // deepseek-ai/DeepEP ebfe47e4:csrc/kernels/runtime.cu:75-77, EP_HOST_ASSERT's "Failed: Assertion error <file>:<line> '<condition>'" (exception.cuh:18)
    const failed = "RuntimeError: Failed: Assertion error /DeepEP/csrc/kernels/runtime.cu:56 'nvshmem_team_split_strided(NVSHMEM_TEAM_WORLD, rank % NUM_MAX_NVL_PEERS, NUM_MAX_NVL_PEERS, num_ranks / NUM_MAX_NVL_PEERS, &cpu_rdma_team_config, 0, &cpu_rdma_team) == 0'";
    expect(category('Traceback (most recent call last):', '  File "/sgl-workspace/DeepEP/deep_ep/buffer.py", line 88, in __init__', '    self.runtime.sync(device_ids, ipc_handles, root_unique_id)', failed)).toBe('nccl');
    // an assertion of DeepEP on its own arithmetic is no NVSHMEM call
    expect(category("RuntimeError: Failed: Assertion error /DeepEP/csrc/kernels/runtime.cu:55 'num_ranks % NUM_MAX_NVL_PEERS == 0'")).not.toBe('nccl');
  });

  it("reads pydantic's ValidationError relaying a wrapper as that wrapper when a terminal cut it", () => {
    // the validator's "Value error, …" is the line after the ValidationError's rests (vllm-project/vllm-ascend#4206, at 80 columns)
    const log = [
      '(APIServer pid=1) pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig',
      "(APIServer pid=1)   Value error, Model architectures ['Qwen3NextForCausalLM'] failed to be inspected. Please check the logs for more details. [type=value_error, input_value=ArgsKwargs((), {'model': 'Qwen/Qwen3-Next'}), input_type=ArgsKwargs]",
    ];
    expect(category(...log)).toBe('unknown');
    expect(category(...log.flatMap(atWidth(80)))).toBe('unknown');
  });

  it("keeps a name's own case at the start of a title (ggml's, cuDNN), capitalising only prose", () => {
    expect(titled("ggml's GGUF reader: the model file is not a GGUF file")).toBe("ggml's GGUF reader: the model file is not a GGUF file");
    expect(titled('cuDNN: no algorithm')).toBe('cuDNN: no algorithm');
    expect(titled('pip (pypa/pip): no distribution')).toBe('pip (pypa/pip): no distribution');
    expect(titled('ptxas / PTX JIT failure')).toBe('ptxas / PTX JIT failure');
    expect(titled('a kernel refused this GPU architecture')).toBe('A kernel refused this GPU architecture');
    expect(titled('the shell (bash, dash) did not find the program')).toBe('The shell (bash, dash) did not find the program');
    expect(classifyLog("gguf_init_from_file: invalid magic characters 'Inte'").title).toMatch(/^ggml's GGUF reader: /);
  });
});
