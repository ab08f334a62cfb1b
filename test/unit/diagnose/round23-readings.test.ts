// Readings made from round 23's tuning logs (SGLang 0.1-0.4, vLLM 2026, healthy runs), each general and with its upstream source
// in the code it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 23 readings', () => {
  it("reads a bare AssertionError of an attention kernel's head-size check as the kernel refusing this configuration", () => {
    const log = (file: string): string[] => ['Traceback (most recent call last):', `  File "${file}", line 264, in extend_attention_fwd`, '    assert Lq in {16, 32, 64, 128, 256, 576}', 'AssertionError'];
    expect(category(...log('/usr/lib/python3/site-packages/sglang/srt/layers/extend_attention.py'))).toBe('backend-unsupported');
    // the same assert in code that is no backend's says nothing of support
    expect(category(...log('/usr/lib/python3/site-packages/myapp/batching.py'))).toBe('other');
  });

  it("reads vLLM's tuple-printed worker wrapper whose quoted error begins with a quote as that error", () => {
    expect(category("ERROR 05-19 22:17:53 [core.py:386] RuntimeError: ('Worker failed with error %s, please check the stack trace above for the root cause', \"'tuple' object has no attribute 'ndim'\")")).toBe('other');
  });

  it('reads a whole traceback a logger relayed at INFO as the failure, keeping its indentation after the dashed header', () => {
    const log = ['Traceback (most recent call last):', '  File "/x/rotary_embedding.py", line 48, in get_input_positions', '    image_grid_thw[image_index][0],', 'IndexError: list index out of range'];
    expect(category(...log.map((l) => `2024-11-25 12:44:20,292 - sglang - INFO - ${l}`))).toBe('other');
    // a traceback at DEBUG (a probe that goes on) is no failure
    expect(category(...log.map((l) => `2024-11-25 12:44:20,292 - sglang - DEBUG - ${l}`))).toBe('unknown');
  });

  it("reads SGLang's scheduler limits as the capture ended, and SGLang 0.1's capitalised token pool as the KV cache sized", () => {
    const log = ['[gpu_id=0] Capture cuda graph begin. This can take up to several minutes.', '[gpu_id=0] max_total_num_tokens=336793, max_prefill_tokens=16384, max_running_requests=21048, context_len=8192', 'Initialization failed. controller_init_state: Traceback (most recent call last):', '  File "/x/outlines/models/transformers.py", line 68, in __init__', '    self.tokenizer.pad_token_id = self.tokenizer.eos_token_id', "AttributeError: can't set attribute 'pad_token_id'"];
    expect(category(...log)).toBe('other');
    expect(category('Rank 0: Max_total_num_token=115621, max_prefill_num_token=32768, context_len=32768, model_mode=[]')).toBe('healthy');
  });

  it('reads an uncorrectable ECC error as a hardware fault (other), wherever it surfaced', () => {
    expect(category("[rank1]:[E129 08:52:51.685329145 ProcessGroupNCCL.cpp:1595] [PG ID 2 PG GUID 3 Rank 1] Process group watchdog thread terminated with exception: CUDA error: uncorrectable ECC error encountered", "Failed: Cuda error /workspace/csrc/custom_all_reduce.cuh:364 'uncorrectable ECC error encountered'")).toBe('other');
  });

  it("reads a client told that the server failed (5xx), or a bare EOFError of a pipe, as a wrapper whose cause is elsewhere; a 4xx names its own", () => {
    expect(category("Error: Server error '503 Service Unavailable' for url 'http://10.0.0.1:4674/generate'")).toBe('unknown');
    expect(category('requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: http://x/generate')).toBe('unknown');
    expect(category("httpx.HTTPStatusError: Client error '404 Not Found' for url 'http://x/v1/models/m'")).toBe('other');
    expect(category('Traceback (most recent call last):', '  File "/usr/lib/python3.10/multiprocessing/connection.py", line 383, in _recv', '    raise EOFError', 'EOFError')).toBe('unknown');
    // an EOFError with a message of its own is read as it is
    expect(category('EOFError: Ran out of input')).toBe('other');
  });
});

describe('round 24 readings', () => {
  it("reads vLLM's refusal of a pre-quantized bitsandbytes checkpoint with tensor parallelism as backend-unsupported, not the model", () => {
    expect(category('ValueError: Prequant BitsAndBytes models with tensor parallelism is not supported. Please try with pipeline parallelism.')).toBe('backend-unsupported');
  });

  it("reads PyTorch's refusal of an empty device string (vLLM found no platform) as no usable GPU", () => {
    expect(category('2025-12-03 15:33:10.026 | INFO     | mineru.backend.vlm.utils:enable_custom_logits_processors:22 - CUDA not available, disabling custom_logits_processors', '2025-12-03 15:33:10.032 | ERROR    | mineru.cli.fast_api:parse_pdf:334 - Device string must not be empty')).toBe('driver-mismatch');
    expect(category('RuntimeError: Device string must not be empty')).toBe('driver-mismatch');
  });

  it("reads argparse's error of a subcommand's program ('vllm serve: error: …') as an argument error (other)", () => {
    expect(category('vllm serve: error: argument --limit-mm-per-prompt: Value image:4 cannot be converted to <function loads at 0x7fee956b3100>.')).toBe('other');
    expect(category("api_server.py: error: argument --tool-call-parser: invalid choice: 'glm45' (choose from 'hermes', 'mistral')")).toBe('other');
  });

  it("reads kubectl's wait timing out, or a deployment that failed to become ready, as a timeout whose cause is elsewhere", () => {
    expect(category('Waiting for deployment "vllm-server" rollout to finish: 0 of 1 updated replicas are available..', 'error: timed out waiting for the condition', 'Error: Deployment failed to become ready within 5 minutes')).toBe('unknown');
  });
});

describe('round 25 readings', () => {
  it("reads SkyRL's 'Inference servers are up.' (its vLLM servers answered /health) as a sign of health", () => {
    expect(category('(skyrl_entrypoint pid=3397706) 2026-07-26 12:35:14.068 | INFO     | __main__:run:65 - Inference servers are up.')).toBe('healthy');
  });

  it("reads an ImportError naming a compiled extension it requires as an import that failed, not a GPU refused", () => {
    expect(category('ImportError: vllm.vllm_flash_attn requires the CUDA flash attention extensions (_vllm_fa2_C or _vllm_fa3_C). On ROCm, use upstream flash_attn.')).toBe('import-error');
    // a refusal of the GPU raised as an ImportError stays what it says
    expect(category('ImportError: FlashAttention only supports Ampere GPUs or newer.')).toBe('backend-unsupported');
  });

  it('reads the ninja build tool missing for a JIT build as a package to install (import-error)', () => {
    expect(category('RuntimeError: Ninja is required to load C++ extensions (pip install ninja to get it)')).toBe('import-error');
    expect(category('RuntimeError: FlashInfer failed to JIT-compile: ninja (build tool) not found.')).toBe('import-error');
    // ninja's own report that a build step failed is a wrapper
    expect(category('ninja: build stopped: subcommand failed.')).toBe('unknown');
  });

  it('reads a line that turns a part off after naming what is missing as going on, not a failure', () => {
    expect(category('[2025-11-02 10:18:27] INFO trace.py:52: opentelemetry package is not installed, tracing disabled')).toBe('unknown');
  });
});
