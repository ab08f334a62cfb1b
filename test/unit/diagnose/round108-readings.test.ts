// Readings made in the twenty-third session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';

describe('round 108 readings', () => {
  it("reads ggml's Vulkan backend refusing a device without 16-bit storage as the backend refused for this GPU", () => {
    // ggml-org/ggml d99724f2:src/ggml-vulkan/ggml-vulkan.cpp:6808-6811, the line to stderr and `throw std::runtime_error("Unsupported device")`
    const found = [
      'ggml_vulkan: Found 1 Vulkan devices:',
      'ggml_vulkan: 0 = Intel(R) HD Graphics 4600 (HSW GT2) (Intel open-source Mesa driver) | uma: 1 | fp16: 0 | bf16: 0 | warp size: 32',
    ];
    const refused = 'ggml_vulkan: device Vulkan0 does not support 16-bit storage.';
    expect(category(...found, refused, "main: error: failed to load model 'llama-2-7b.Q4_0.gguf'", 'Aborted (core dumped)')).toBe('backend-unsupported');
    expect(category(...found, `${refused}          llama_model_load: error loading model: Unsupported device`)).toBe('backend-unsupported');
    // llama-bench's "<function>: error: …" is a line of its own, not the rest of the refusal cut by a terminal, under a carrier's prefix too
    const stamped = [...found, refused, "main: error: failed to load model 'llama-2-7b.Q4_0.gguf'", 'Aborted (core dumped)'].map((l) => `2025-01-02T03:04:05.123456789Z ${l}`);
    expect(category(...stamped)).toBe('backend-unsupported');
  });

  it("reads Xinference's model actor returning a request as a request answered", () => {
    // xorbitsai/inference 7ecec16b:xinference/core/utils.py:112-117 (only once the method returned; "…, error: …" when it raised)
    const answered = '2025-09-15 06:40:18,349 xinference.core.model 2259 DEBUG    [request 7d819ba2-9239-11f0-8a14-2ee336e2d0b5] Leave chat, elapsed time: 11 s';
    expect(category('INFO 09-15 06:40:18 [async_llm.py:270] Added request 848225de-9239-11f0-8a14-2ee336e2d0b5.', answered)).toBe('healthy');
    // the method that raised is no answer
    expect(category('2025-09-15 06:40:18,349 xinference.core.model 2259 DEBUG    [request 7d819ba2-9239-11f0-8a14-2ee336e2d0b5] Leave chat, error: boom, elapsed time: 11 s')).not.toBe('healthy');
    // nor another logger's line of the same words
    expect(category('2025-09-15 06:40:18,349 myapp.client 2259 DEBUG    [request 7d819ba2-9239-11f0-8a14-2ee336e2d0b5] Leave chat, elapsed time: 11 s')).toBe('unknown');
  });

  it("reads a vLLM header cut by a terminal inside its bracketed source with its rest, the message behind the bracket", () => {
    const pre = 'qwen2-5-vl-72b-server  | ';
    // a compose log (vllm-project/vllm#16797) cut at 80 columns: `… ERROR 08-28 20:53:08 [hermes_tool_par` + `ser.py:148] json.decoder.…`
    const log = [
      `${pre}(APIServer pid=1) ERROR 08-28 20:53:08 [hermes_tool_parser.py:148] json.decoder.JSONDecodeError: Extra data: line 3 column 1 (char 56)`,
      `${pre}(APIServer pid=1) INFO:     10.0.18.41:33622 - "POST /v1/chat/completions HTTP/1.1" 200 OK`,
      `${pre}(APIServer pid=1) INFO 08-28 20:53:10 [loggers.py:123] Engine 000: Avg prompt throughput: 37.9 tokens/s, Avg generation throughput: 2.1 tokens/s, Running: 0 reqs, Waiting: 0 reqs, GPU KV cache usage: 0.0%, Prefix cache hit rate: 55.4%`,
      `${pre}(APIServer pid=1) INFO:     127.0.0.1:33814 - "GET /health HTTP/1.1" 200 OK`,
      `${pre}(APIServer pid=1) WARNING 08-28 20:53:15 [protocol.py:81] The following fields were present in the request but ignored: {'enable_thinking', 'thinking'}`,
      `${pre}(APIServer pid=1) WARNING 08-28 20:53:15 [sampling_params.py:311] temperature 1e-06 is less than 0.01, which may cause numerical errors nan or inf in tensors. We have maxed it out to 0.01.`,
    ];
    const at80 = atWidth(80);
    // the request's error the server survived: requests answered after it
    expect(category(...log.flatMap(at80))).toBe('healthy');
    // … and without the requests after it, the error is the cause
    expect(category(...at80(log[0]!))).toBe('other');
  });
});
