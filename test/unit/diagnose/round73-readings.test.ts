// Readings made in the nineteenth session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

const E = '(EngineCore_DP0 pid=3758619) INFO 12-10 11:57:';
const INTERRUPTED = [
  '[2025-12-10 12:07:08,014] [INFO] [launch.py:344:sigkill_handler] Main process received SIGINT, exiting',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3.13/subprocess.py", line 2060, in _wait',
  '    time.sleep(delay)',
  'KeyboardInterrupt',
  '/usr/lib/python3.13/multiprocessing/resource_tracker.py:324: UserWarning: resource_tracker: There appear to be 4 leaked semaphore objects to clean up at shutdown',
];

describe('round 73 readings', () => {
  it("reads a stop after vLLM's engine core came up (\"init engine (profile, create kv cache, warmup model) took …\") as a stop, not a failed start", () => {
    // jinhuang12/vllm v0.16.0:vllm/v1/engine/core.py:225-282: logged at the end of _initialize_kv_caches, the cache sized and the model warmed up
    expect(category(`${E}42 [gpu_worker.py:298] Available KV cache memory: 6.07 GiB`, `${E}43 [core.py:254] init engine (profile, create kv cache, warmup model) took 51.22 seconds`, ...INTERRUPTED)).toBe('healthy');
    // … the same stop while the graphs were still being captured: a start that did not finish, its cause not in the log
    expect(category(`${E}42 [gpu_worker.py:298] Available KV cache memory: 6.07 GiB`, `${E}43 [gpu_model_runner.py:4587] Capturing CUDA graphs (decode, FULL):  40%|####      | 14/35`, ...INTERRUPTED)).toBe('unknown');
  });

  it("reads AscendC's assert report (\"[ASSERT] <file>:<line>: Assertion `<expr>' <message>\") as the failure it is, with or without its CANN version", () => {
    // AscendC's ASSERT_MSG: fprintf(stderr, "[ASSERT] %s:%u: Assertion `%s' " fmt, __FILE__, __LINE__, #expr, …) then abort()/trap(), and its
    // CANN build's "[ASSERT] [CANN_VERSION : %s][TimeStamp : %u] %s:%u: Assertion `%s' " (cannmirror/asc-devkit, kernel log interface)
    const head = 'INFO 01-02 03:04:05 [model_runner.py:1] Starting to load model /models/Qwen3-8B...';
    expect(category(head, "[ASSERT] /usr/local/Ascend/opp/built-in/op_impl/ai_core/tbe/impl/dynamic/../ascendc/gather_v3/gather_v3_base.h:137: Assertion `(0 <= val && val < this->gxSize_)' Index 4294967297 out of range[0 41344)!")).toBe('other');
    expect(category(head, "[ASSERT] [CANN_VERSION : 8.5.0][TimeStamp : 1760000000] /x/ascendc/gather_v3/gather_v3_base.h:137: Assertion `(0 <= val)' Index 7 out of range[0 4)!")).toBe('other');
    // (the aicore's own __assert_fail, its trailing space trimmed: "[ASSERT] %s:%u:%s Assertion '%s' ", asc_aicore_assert_impl.h:28-32)
    expect(category(head, "[ASSERT] /x/kernel.cpp:42:KernelMain Assertion 'idx < len'")).toBe('other');
  });

  it("reads libibverbs' provider warnings as warnings it goes on from, and ROCm SMI failing to initialise as the GPUs not visible through the driver", () => {
    // linux-rdma/rdma-core libibverbs/dynamic_driver.c, load_driver: "Warning: couldn't load driver '%s': %s" (dlerror), then the next provider
    const ibverbs = "libibverbs: Warning: couldn't load driver 'libmlx5-rdmav34.so': libmlx5-rdmav34.so: cannot open shared object file: No such file or directory";
    expect(category(ibverbs, 'INFO 01-02 03:04:05 [model_runner.py:1] Starting to load model /models/Qwen3-8B...')).toBe('unknown');
    // ROCm/mori 96a5617b76c2:include/mori/application/utils/check.hpp, ROCM_SMI_CHECK: "[%s:%d] rocm smi failed with %s \n", then exit(-1)
    const rsmi = '[/sgl-workspace/mori/src/application/topology/gpu.cpp:80] rocm smi failed with RSMI_STATUS_INIT_ERROR: An error occurred during initialization, during monitor discovery or when when initializing internal data structures ';
    expect(category(ibverbs, rsmi)).toBe('driver-mismatch');
  });

  it("reads llama-benchy's passed coherence check as a request the server answered, past the client's own tokenizer error", () => {
    // eugr/llama-benchy 218200c692be:src/llama_benchy/client.py, run_coherence_test: "Coherence test PASSED." once the answer holds "Paris"
    const log = [
      'Benchmarking model: gemma-4-26b-a4b-nvfp4 at http://localhost:8000/v1',
      "Error loading tokenizer 'gemma-4-26b-a4b-nvfp4': gemma-4-26b-a4b-nvfp4 is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'",
      "Falling back to 'gpt2' tokenizer as approximation.",
      'Warming up...',
      '',
      'Running coherence test...',
    ];
    expect(category(...log, 'Coherence test PASSED.')).toBe('healthy');
    expect(category(...log, "Coherence test FAILED: Expected 'Paris'. Got: Lyon...")).not.toBe('healthy');
  });

  it("reads ggml's 2023 model loaders refusing a tensor of the model file as the failure, other", () => {
    // ggml-org/ggml 4078f637b078:examples/gpt-2/main.cpp:326-355, the loaders KoboldCpp copied: written bare, then `return false`
    const head = ['Loading model: /models/ggml-model-stablelm-tuned-alpha-7b-q4_0.bin', 'stablelm_model_load: n_embd  = 48'];
    expect(category(...head, "stablelm_model_load: tensor 'gpt_neox.embed_in.weight' has wrong size in model file")).toBe('other');
    expect(category(...head, "gpt2_model_load: unknown tensor 'model/h0/attn/c_attn/w' in model file")).toBe('other');
  });
});
