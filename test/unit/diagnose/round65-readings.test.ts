// Readings made in the eighteenth session from tuning logs of rounds 65-68 and upstream sources, each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

const ROWS = [
  '| model                          |       size |     params | backend    | ngl | test       |              t/s |',
  '| ------------------------------ | ---------: | ---------: | ---------- | --: | ---------- | ---------------: |',
];

describe('rounds 65-68 readings', () => {
  it("reads llama-bench's rows of early 2024 (\"pp 512\", \"tg 128\") as tests that ran, as its later \"pp512\"", () => {
    // ggerganov/llama.cpp 0068da7fefbe:examples/llama-bench/llama-bench.cpp, markdown_printer::print_test: "pp %d", "tg %d"
    expect(category(...ROWS, '| llama 7B Q4_0                  |   3.56 GiB |     6.74 B | CUDA       |  99 | tg 128     |    127.43 ± 0.18 |')).toBe('healthy');
    expect(category(...ROWS, '| llama 7B Q4_0                  |   3.56 GiB |     6.74 B | CUDA       |  99 | pp512      | 4035.47 ± 157.68 |')).toBe('healthy');
    expect(category(...ROWS)).toBe('unknown');
  });

  it("reads the request log of Ollama's 2024 llama.cpp server, keys sorted, at DEBUG, as a request answered by a loaded model", () => {
    // ollama/ollama v0.3.4:llm/ext_server/server.cpp:2668-2683 (LOG_DEBUG "request"), utils.hpp:119-150 (a json: keys sorted)
    const answered = (status: number): string =>
      `DEBUG [log_server_request] request | method="POST" params={} path="/tokenize" remote_addr="127.0.0.1" remote_port=61950 status=${status} tid="10152" timestamp=1723137710`;
    expect(category('DEBUG [process_single_task] slot data | n_idle_slots=4 n_processing_slots=0 task_id=2 tid="25056" timestamp=1723137710', answered(200))).toBe('healthy');
    expect(category('DEBUG [process_single_task] slot data | n_idle_slots=4 n_processing_slots=0 task_id=2 tid="25056" timestamp=1723137710', answered(500))).toBe('unknown');
  });

  it("reads Python's chained-exception separator right under a request's survived error as part of it, not a wrapper of a lost cause", () => {
    const failed = [
      'INFO:     127.0.0.1:56086 - "POST /v1/chat/completions HTTP/1.1" 400 Bad Request',
      'ERROR:    Exception in ASGI application',
      'Traceback (most recent call last):',
      '  File "/venv/lib/python3.10/site-packages/vllm/renderers/hf.py", line 490, in safe_apply_chat_template',
      '    return tokenizer.apply_chat_template(',
      'jinja2.exceptions.TemplateError: System role not supported',
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "/venv/lib/python3.10/site-packages/vllm/renderers/hf.py", line 493, in safe_apply_chat_template',
      '    raise ValueError(str(e)) from e',
      'ValueError: System role not supported',
    ];
    const up = ['INFO 08-04 14:15:03 [kv_cache_utils.py:1708] GPU KV cache size: 62,347 tokens', 'INFO:     Application startup complete.'];
    const served = 'INFO:     127.0.0.1:36330 - "POST /v1/chat/completions HTTP/1.1" 200 OK';
    expect(category(...up, ...failed, served)).toBe('healthy');
    // … nothing served after it: the request's error is the cause (the labelling guide, rule 2)
    expect(category(...up, ...failed)).toBe('other');
  });

  it("reads vLLM's engine core giving up on the front end's handshake as a wrapper: the front end's own failure is the cause", () => {
    // jinhuang12/vllm 2a69949bdadf (v0.19.0):vllm/v1/engine/core.py:1019-1024
    const timedOut = '(EngineCore pid=2532004) ERROR 08-05 09:29:20 [core.py:1136] RuntimeError: Did not receive response from front-end process within 5 minutes';
    expect(category('(EngineCore pid=2532004) ERROR 08-05 09:29:20 [core.py:1136] EngineCore failed to start.', timedOut)).toBe('unknown');
    expect(category('(APIServer pid=2531990) RuntimeError: Failed to parse the chat template: unexpected end of template', timedOut)).toBe('other');
  });

  it("reads torch's schema inference refusing a custom op's parameter type at import as a package pairing (import-error)", () => {
    // pytorch/pytorch 0015978cdddb:torch/_library/infer_schema.py:19-22,33-37
    expect(category(
      '  File "/usr/lib/python3.11/site-packages/vllm/model_executor/layers/quantization/utils/fp8_utils.py", line 183, in <module>',
      '    direct_register_custom_op(',
      "ValueError: infer_schema(func): Parameter block_size has unsupported type list[int]. The valid types are: dict_keys([<class 'torch.Tensor'>]).",
    )).toBe('import-error');
    // … the return type refused is not that reading
    expect(category("ValueError: infer_schema(func): Return has unsupported type list[str]. The valid types are: {<class 'torch.Tensor'>: 'Tensor'}.")).toBe('other');
  });

  it("reads TurboMind's \"max cached tokens\" (its engine since 2026-01) as the KV cache sized", () => {
    // InternLM/lmdeploy 6aa9a4cdd18d:src/turbomind/engine/engine.cc:238-250, after the sequence manager sized its blocks
    expect(category('[TM][WARNING] [SegMgr] prefix caching is enabled', '[TM][INFO] max cached tokens: 42880', '[TM][WARNING] `session_len` truncated to 42880 due to limited KV cache memory')).toBe('healthy');
    expect(category('[TM][WARNING] [SegMgr] prefix caching is enabled', '[TM][INFO] max cached tokens: 0')).toBe('unknown');
  });

  it("reads CANN's missing operator-kernel package (\"please check if the opp_kernel package is installed\") as a package to install", () => {
    // hicann/opbase b70f5ef9eb67:src/nnopbase/individual_op/executor/indv_collecter.cpp:1536-1538
    expect(category(
      'ERROR 04-18 08:22:17 engine.py:400] call aclnnSwiGlu failed, detail:EZ1001: [PID: 426] 2025-04-18-08:22:17.195.330 Get path and read binary_info_config.json failed, please check if the opp_kernel package is installed!',
      'ERROR 04-18 08:22:17 engine.py:400]         TraceBack (most recent call last):',
      'ERROR 04-18 08:22:17 engine.py:400] [ERROR] 2025-04-18-08:22:17 (PID:426, Device:0, RankID:-1) ERR01100 OPS call acl api failed',
    )).toBe('import-error');
  });

  it("reads llama.cpp's multimodal loader refusing a projector type it does not know as a model this build does not support", () => {
    // ollama/ollama v0.17.6:llama/llama.cpp/tools/mtmd/clip.cpp:975-977 (clip_projector_type_from_string gave PROJECTOR_TYPE_UNKNOWN)
    expect(category(
      "clip_init: failed to load model '/models/mmproj.gguf': load_hparams: unknown projector type: gemma4uv",
      'mtmd_init_from_file: error: Failed to load CLIP model from /models/mmproj.gguf',
      "srv    load_model: failed to load multimodal model, '/models/mmproj.gguf'",
    )).toBe('unsupported-model');
  });

  it("reads ggml-sycl's catch report as a wrapper of the exception's message printed above it", () => {
    // ggml-org/llama.cpp 0075fce64f60:ggml/src/ggml-sycl/common.hpp: CHECK_TRY_ERROR (what(), then "Exception caught at file:…"),
    // ggml_sycl_error ("SYCL error: <statement>: <msg>", "  in function …", the abort)
    const report = [
      'Exception caught at file:/app/ggml/src/ggml-sycl/ggml-sycl.cpp, line:3171, func:operator()',
      'SYCL error: CHECK_TRY_ERROR(dpct::gemm_batch( *queue, oneapi::math::transpose::trans, oneapi::math::transpose::nontrans, ne01, ne11, ne10, alpha)): Exception caught in this line of code.',
      '  in function ggml_sycl_mul_mat_batched_sycl at /app/ggml/src/ggml-sycl/ggml-sycl.cpp:3171',
      '/app/ggml/src/ggml-sycl/../ggml-sycl/common.hpp:115: SYCL error',
    ];
    expect(category('oneapi::mkl::oneapi::mkl::blas::gemm: cannot allocate memory on host', ...report)).toBe('other');
    // … the paste begins at the report, its message cut off above it: the cause is not in the log (the labelling guide, rule 4)
    expect(category(...report)).toBe('unknown');
  });

  it("reads the JVM's OutOfMemoryError as host memory exhausted, not the GPU's", () => {
    // java.lang.OutOfMemoryError: a JVM's heap or metaspace (a Java frontend: TorchServe, DJL Serving), host memory: the guide's `other`
    expect(category('java.lang.OutOfMemoryError: Java heap space', '\tat org.pytorch.serve.wlm.WorkerThread.run(WorkerThread.java:242)')).toBe('other');
    expect(category('torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.')).toBe('oom');
  });
});
