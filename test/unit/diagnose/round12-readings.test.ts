// Readings added from round 12's tuning misses: NVSHMEM's transport errors (DeepEP), what native libraries write bare as
// they abort (ggml's GGML_ASSERT, flash-attention's CHECK_CUDA), Ollama's "llama runner process has terminated: …" read
// for what it relays, llama.cpp's per-line slot timings, and an issue form's title tag in front of a pasted line.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { cleanLine } from '../../../harness/diagnose/line-clean.ts';

const traceback = (exception: string): string[] => [
  'Traceback (most recent call last):',
  '  File "/sgl-workspace/sglang/python/sglang/srt/layers/moe/ep_moe/token_dispatcher.py", line 120, in get_buffer',
  '    buffer = Buffer(group, num_nvl_bytes, num_rdma_bytes)',
  exception,
];

describe("NVSHMEM's transport errors are collective communication failing (nccl)", () => {
  it.each([
    '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:418: non-zero status: 22 ibv_modify_qp failed',
    'ibv_modify_qp failed ',
    '/opt/nvshmem/src/modules/transport/ibgda/ibgda.cpp:1720: non-zero status: 7 ibv_create_srq failed.',
    '/sgl-workspace/nvshmem/src/host/transport/transport.cpp:400: non-zero status: 7 connect EPS failed',
    '/sgl-workspace/nvshmem/src/host/init/init.cu:1007: non-zero status: 7 nvshmem setup connections failed',
    // its own message cut off: the transport module that reported it says enough
    '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:1433: non-zero status: 7 /sgl-workspace/nvshmem/src/modules/t',
  ])('%s', (line) => {
    expect(classifyLog(line).category).toBe('nccl');
  });

  it('is the root cause before the exception DeepEP raises after it', () => {
    const log = [
      '[2025-06-22 10:00:01 TP3] Load weight end. type=DeepseekV3ForCausalLM, dtype=torch.bfloat16, avail mem=40.12 GB',
      '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:418: non-zero status: 22 ibv_modify_qp failed',
      '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:1433: non-zero status: 7 ep_connect failed',
      ...traceback('RuntimeError: Failed: Assertion error /sgl-workspace/DeepEP/csrc/deep_ep.cpp:98 \'nvshmem_my_pe() == rank\''),
    ].join('\n');
    expect(classifyLog(log).category).toBe('nccl');
  });

  it('is not read into other words', () => {
    // NVSHMEM's complaint of a call made before its init names no transport failure of its own
    expect(classifyLog('/sgl-workspace/nvshmem/src/host/team/team.cu:nvshmem_team_split_strided:63: NVSHMEM API called before NVSHMEM initialization has completed').category).not.toBe('nccl');
    // a process's exit status, in a sentence
    expect(classifyLog('The launcher exited with non-zero status: 1 after the download').category).not.toBe('nccl');
    expect(classifyLog(traceback('RuntimeError: ibv_modify_qp succeeded but the model is too large').join('\n')).category).not.toBe('nccl');
  });
});

describe("ggml's failed assertion, written bare as it aborts, is a failure of its own (other)", () => {
  it('decides a log that shows nothing else', () => {
    const log = ['...<br>', '/home/bob/llama.cpp/ggml/src/ggml-cuda/ggml-cuda.cu:3927: GGML_ASSERT(ok) failed', '[New LWP 38315]', 'Aborted (core dumped)'].join('\n');
    const d = classifyLog(log);
    expect(d.category).toBe('other');
    expect(d.confidence).toBe('generic');
  });

  it('is the root cause before what a caller raises after it', () => {
    const log = [
      'llama_context: n_ctx = 4096',
      '/app/ggml/src/ggml-backend.cpp:1712: GGML_ASSERT(n_backends <= GGML_SCHED_MAX_BACKENDS) failed',
      'Traceback (most recent call last):',
      '  File "/app/run.py", line 12, in main',
      '    out = llm(prompt)',
      'RuntimeError: llama_decode returned -1',
    ].join('\n');
    expect(classifyLog(log).evidence[0]!.text).toContain('GGML_ASSERT');
  });

  it('leaves to its words an assertion that names a category', () => {
    const line = '/app/ml/backend/ggml/ggml/src/ggml-cuda/ggml-cuda.cu:335: GGML_ASSERT(ggml_cuda_has_arch(info.devices[id].cc) && "ggml was not compiled with support for this arch") failed';
    expect(classifyLog(line).category).toBe('no-kernel-image');
  });

  it('is no failure when the macro is only named', () => {
    expect(classifyLog('#define GGML_ASSERT(x) if (!(x)) GGML_ABORT("GGML_ASSERT(%s) failed", #x)').category).not.toBe('other');
  });
});

describe("flash-attention's CHECK_CUDA line (`CUDA error (<file>:<line>): <error>`, then exit(1)) is a failed CUDA call", () => {
  it('names its own failure before the wrapper after it', () => {
    const log = [
      'CUDA error (/__w/xformers/xformers/third_party/flash-attention/hopper/flash_fwd_launch_template.h:188): invalid argument',
      '...',
      'RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
    ].join('\n');
    expect(classifyLog(log).category).toBe('other');
  });

  it('takes the category its error names', () => {
    expect(classifyLog('CUDA error (_deps/repo-flashmla-src/csrc/smxx/get_mla_metadata.cu:93): no kernel image is available for execution on the device').category).toBe('no-kernel-image');
    expect(classifyLog('CUDA error (/src/hopper/flash_fwd_launch_template.h:188): out of memory').category).toBe('oom');
  });

  it('is not a CUDA call failing when no error follows the location', () => {
    expect(classifyLog('Wrote a CUDA error (see issue 12) handler: nothing failed').category).not.toBe('other');
  });
});

describe("Ollama's \"llama runner process has terminated: …\" is a wrapper read for what it relays", () => {
  it.each([
    // the Go runtime's crash ("fatal error: fault"), kept from its error prefix on
    'Error: llama runner process has terminated: error:fault',
    // ggml's CUDA check, relayed without the CUDA error's name
    'Error: 500 Internal Server Error: llama runner process has terminated: CUDA errorC:\\a\\ollama\\ollama\\ml\\backend\\ggml\\ggml\\src\\ggml-cuda\\ggml-cuda.cu:84: CUDA error',
    'Error: llama runner process has terminated: exit status 2',
    'Error: llama runner process has terminated: exit status 0xc0000409',
    'Error: llama-server process has terminated: exit status 2: error:fault',
  ])('names no root cause: %s', (line) => {
    expect(classifyLog(`$ollama run gpt-oss:20b\n${line}`).category).toBe('unknown');
  });

  it('decides by what it relays when that names a category', () => {
    expect(classifyLog('Error: llama runner process has terminated: CUDA error: out of memory').category).toBe('oom');
    expect(classifyLog("Error: llama runner process has terminated: error loading model: error loading model architecture: unknown model architecture: 'qwen35moe'").category).toBe('unsupported-model');
    expect(classifyLog('Error: llama runner process has terminated: /app/ggml/src/ggml-cuda/cpy.cu:285: GGML_ASSERT(ggml_nbytes(src0) <= INT_MAX) failed').category).toBe('other');
  });

  it('keeps a message of its own that names no category as the cause (other)', () => {
    expect(classifyLog("Error: llama runner process has terminated: error loading model: tensor 'blk.0.ffn_down.weight' data is not within the file bounds").category).toBe('other');
  });
});

describe("llama.cpp server's request timings, each line behind SLT_INF's slot prefix, show the model answered", () => {
  it('is healthy', () => {
    const log = [
      '0.19.035.971 I slot print_timing: id  3 | task 0 | prompt eval time =     154.13 ms /     5 tokens (   30.83 ms per token,    32.44 tokens per second)',
      '0.19.035.975 I slot print_timing: id  3 | task 0 |        eval time =    3277.54 ms /   139 tokens (   23.58 ms per token,    42.41 tokens per second)',
      '0.19.035.975 I slot print_timing: id  3 | task 0 |       total time =    3431.68 ms /   144 tokens',
    ].join('\n');
    expect(classifyLog(log).category).toBe('healthy');
  });

  it('is no sign without tokens, or for another slot message', () => {
    expect(classifyLog('slot print_timing: id  0 | task -1 |        eval time =       0.00 ms /     0 tokens (    0.00 ms per token,     -nan tokens per second)').category).toBe('unknown');
    expect(classifyLog('slot launch_slot_: id  0 | task 12 | processing task').category).toBe('unknown');
  });
});

describe("an issue form's title tag in front of a pasted line is noise", () => {
  it('leaves the log line and its header', () => {
    expect(cleanLine('[Bug] [2026-06-28 15:16:45] max_total_num_tokens=2086558, chunked_prefill_size=8192').text).toBe('max_total_num_tokens=2086558, chunked_prefill_size=8192');
    expect(cleanLine('[Bug]: ERROR 07-07 15:19:51 [core.py:515] EngineCore failed to start.')).toEqual({ text: 'EngineCore failed to start.', level: 'ERROR' });
  });

  it('makes the SGLang KV-pool sizing line a sign of health', () => {
    const log = '[Bug] [2026-06-28 15:16:45] max_total_num_tokens=2086558, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=33, context_len=256000, available_gpu_mem=17.22 GB  means KV Cache Available total is 2M?';
    expect(classifyLog(log).category).toBe('healthy');
  });

  it('is kept before a person\'s own words', () => {
    expect(cleanLine('[Bug] the server hangs after loading').text).toBe('[Bug] the server hangs after loading');
  });
});

describe('what native code prints bare as it aborts is a failure of its own', () => {
  it("reads glibc's failed assert() as a failure (other), not a bare crash", () => {
    expect(classifyLog(["python3: /src/csrc/attention.cpp:212: void run(): Assertion `num_heads % num_kv_heads == 0' failed.", 'Aborted (core dumped)'].join('\n')).category).toBe('other');
    // the crash alone is still no cause
    expect(classifyLog('Aborted (core dumped)').category).toBe('unknown');
  });

  it("reads ggml's report of a failed CUDA call by the error it names", () => {
    const report = (msg: string): string => [`CUDA error: ${msg}`, '  current device: 0, in function ggml_cuda_mul_mat at /ggml/src/ggml-cuda/ggml-cuda.cu:1870', '  cublasGemmEx(handle, ...)', '/ggml/src/ggml-cuda/ggml-cuda.cu:75: CUDA error'].join('\n');
    expect(classifyLog(report('invalid argument')).category).toBe('other');
    expect(classifyLog(report('out of memory')).category).toBe('oom');
    expect(classifyLog(report('no kernel image is available for execution on the device')).category).toBe('no-kernel-image');
  });

  it('does not read the words inside a warning or a sentence as the line', () => {
    expect(classifyLog('WARNING 12-03 10:00:00 [worker.py:12] CUDA error: out of memory while probing; retrying with a smaller batch\nINFO 12-03 10:00:09 [api_server.py:1] Starting vLLM API server on http://0.0.0.0:8000').category).toBe('healthy');
  });
});

describe('a backend refused for the platform or a kernel refused for the head size', () => {
  it('reads a platform named as refused as backend-unsupported', () => {
    expect(classifyLog('NotImplementedError: FP8 block quantization is not supported on ROCm').category).toBe('backend-unsupported');
    expect(classifyLog('ValueError: Speculative decoding is not supported on CPU.').category).toBe('backend-unsupported');
    // a configuration refused with no platform named is not
    expect(classifyLog('ValueError: tensor parallel size 3 is not supported').category).toBe('other');
    // a warning that falls back is no failure
    expect(classifyLog('WARNING 12-03 10:00:00 [x.py:1] Cannot use FlashAttention on CPU, falling back to TORCH_SDPA\nINFO 12-03 10:00:09 [api_server.py:1] Starting vLLM API server on http://0.0.0.0:8000').category).toBe('healthy');
  });

  it("reads PyTorch's dispatch refusing a data type as backend-unsupported", () => {
    expect(classifyLog(`RuntimeError: "addmm_impl_cpu_" not implemented for 'Half'`).category).toBe('backend-unsupported');
    expect(classifyLog(`RuntimeError: "baddbmm_with_gemm" not implemented for 'BFloat16'`).category).toBe('backend-unsupported');
    // a function not implemented, with no data type refused, is not
    expect(classifyLog('NotImplementedError: forward is not implemented for this module').category).not.toBe('backend-unsupported');
  });

  it("reads vLLM's paged-attention kernel refusing a head size", () => {
    expect(classifyLog('RuntimeError: Unsupported head size: 80').category).toBe('backend-unsupported');
  });
});

describe("pydantic's ValidationError that only relays a wrapper", () => {
  const validation = (message: string): string[] => ['pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig', `  Value error, ${message} [type=value_error, input_value=ArgsKwargs((), {}), input_type=ArgsKwargs]`, '    For further information visit https://errors.pydantic.dev/2.11/v/value_error'];
  it('is a wrapper when the validator raised a wrapper: alone, unknown', () => {
    expect(classifyLog(validation("Model architectures ['Gemma3ForConditionalGeneration'] failed to be inspected. Please check the logs for more details.").join('\n')).category).toBe('unknown');
  });
  it("leaves the cause before it to decide (the registry subprocess's own traceback)", () => {
    const sub = ['ERROR 12-03 10:00:00 [registry.py:1] Error in inspecting model architecture \'Gemma3ForConditionalGeneration\'', 'Traceback (most recent call last):', '  File "/usr/lib/python3/site-packages/vllm/model_executor/models/registry.py", line 900, in _run_in_subprocess', '    returned.check_returncode()', "ImportError: libcudart.so.12: cannot open shared object file: No such file or directory"];
    expect(classifyLog([...sub, ...validation("Model architectures ['Gemma3ForConditionalGeneration'] failed to be inspected. Please check the logs for more details.")].join('\n')).category).toBe('import-error');
  });
  it('reads a message of its own as usual', () => {
    expect(classifyLog(validation("Model architectures ['XForCausalLM'] are not supported for now. Supported architectures: dict_keys([])").join('\n')).category).toBe('unsupported-model');
    expect(classifyLog(validation("Invalid repository ID or local directory specified: 'x'").join('\n')).category).toBe('other');
  });
});

describe("a launcher's timeout waiting for the server, or its exit code, is a wrapper (guide rule 4)", () => {
  it.each([
    'TimeoutError: Server failed to start within the timeout period.',
    'RuntimeError: Server failed to start in time.',
    'Exception: Server process exited with code -9',
    'TimeoutError: Server unexpectedly exited (return_code=1)',
    'TimeoutError: Server not ready within 600s.',
    'RuntimeError: HTTP server did not become ready at http://localhost:30000/health',
  ])('%s: alone unknown, after the cause the cause decides', (wrapper) => {
    expect(classifyLog(wrapper).category).toBe('unknown');
    expect(classifyLog(['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', wrapper].join('\n')).category).toBe('oom');
  });
});
