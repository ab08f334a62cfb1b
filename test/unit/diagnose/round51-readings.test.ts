// Readings made in the fifteenth session from tuning logs and upstream sources (rounds 51-54), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { category } from '../../support/classify-lines.ts';

describe('rounds 51-54 readings', () => {
  it("reads an error logged over a traceback that rich's handler indented under its message column as describing it", () => {
    // rich 13.7.1:rich/_log_render.py:49-52: time, level, then the message column; the traceback's lines start under it
    const error = "ERROR    2024-06-02 08:21:46,304 infinity_emb ERROR: shape '[2, 512]' is invalid for input of size 524288            batch_handler.py:434";
    const indented = ['         Traceback (most recent call last):', '           File "/x/infinity_emb/inference/batch_handler.py", line 423, in _core_batch', '             embed = self._model.encode_core(feat)'];
    expect(category(error, ...indented)).toBe('other');
    // an error that names nothing stays a pointer to the traceback's cut exception
    expect(category('ERROR    2024-06-02 08:21:46,304 infinity_emb ERROR: batch failed            batch_handler.py:434', ...indented)).toBe('unknown');
  });

  it("does not read asyncio's context lines (handle: <Handle …>) as an error describing the traceback after them", () => {
    // CPython 3.11.7:Lib/asyncio/base_events.py:1754-1771: the message, a line per context key, then the traceback
    const record = [
      'ERROR:    Exception in callback _raise_exception_on_finish(error_callback=<bound method AsyncAphrodite._error_callback>)(<Task finished>)',
      'ERROR:    handle: <Handle _raise_exception_on_finish(error_callback=<bound method AsyncAphrodite._error_callback>)(<Task finished>)>',
      'ERROR:    Traceback (most recent call last):',
      'ERROR:      File "/usr/local/lib/python3.10/dist-packages/aphrodite/engine/async_aphrodite.py", line 33, in _raise_exception_on_finish',
      'ERROR:        task.result()',
    ];
    expect(category(...record)).toBe('unknown');
    expect(category(...record, 'ERROR:    RuntimeError: CUDA error: an illegal memory access was encountered')).toBe('other');
  });

  it("reads vLLM's caught refusal of a FlashAttention version as the cause only once the start then failed without naming why", () => {
    // fa_utils.py:144-154 at 22f8d286: logged as an error, then `return None`, the caller picking another backend
    const refused = [
      'INFO 02-11 20:39:41 cuda.py:163] Using Flash Attention backend on V1 engine.',
      'ERROR 02-11 20:39:41 flash_attn.py:151] Cannot use FA version 2 is not supported due to FA3 is only supported on devices with compute capability >= 8 excluding 8.6 and 8.9',
    ];
    const cutTraceback = [
      'ERROR 02-11 20:39:41 core.py:208] EngineCore hit an exception: Traceback (most recent call last):',
      'ERROR 02-11 20:39:41 core.py:208]   File "/usr/local/lib/python3.12/dist-packages/vllm/v1/engine/core.py", line 200, in run_engine_core',
      'ERROR 02-11 20:39:41 core.py:208]     engine_core = EngineCoreProc(*args, **kwargs)',
    ];
    expect(category(...refused, ...cutTraceback)).toBe('backend-unsupported');
    // … shown with the failure that named no cause, without which it would not decide
    const shown = classifyLog([...refused, ...cutTraceback].join('\n')).evidence.map((e) => e.text);
    expect(shown).toEqual([refused[1], cutTraceback[0]]);
    // gone on from, and nothing failed after it: the log names no failure
    expect(category(...refused, 'INFO 02-11 20:39:42 gpu_model_runner.py:843] Starting to load model Qwen/Qwen3-8B...')).toBe('unknown');
    // … or the start went on to health
    expect(category(...refused, 'INFO 02-11 20:39:55 gpu_worker.py:217] Memory profiling takes 4.20 seconds')).toBe('healthy');
  });

  it("reads LMDeploy's PyTorch engine allocating its KV blocks on the GPU as the cache sized", () => {
    // InternLM/lmdeploy 1263d5cd:lmdeploy/pytorch/engine/cache_engine.py:258-274, logged after allocate_gpu_cache
    const built = '(RayWorkerWrapper pid=399) 2025-03-19 16:51:50,431 - lmdeploy - DEBUG - model_agent.py:490 - rank[7] - build model.';
    expect(category(built, '(RayWorkerWrapper pid=390) 2025-03-19 16:52:05,100 - lmdeploy - DEBUG - cache_engine.py:62 - Initialize cache engine with 157 gpu blocks and 0 cpu blocks.')).toBe('healthy');
    expect(category(built)).toBe('unknown');
  });

  it('reads a DLL that Windows could not load, by ctypes or the loader, as an import failure', () => {
    // CPython 77dabaf2 Modules/_ctypes/callproc.c, load_library; winerror.h's loader codes
    const frames = ['Traceback (most recent call last):', '  File "C:\\venv\\Lib\\site-packages\\llama_cpp\\llama_cpp.py", line 74, in _load_shared_library', '    return ctypes.CDLL(str(_lib_path), **cdll_args)'];
    expect(category(...frames, "RuntimeError: Failed to load shared library 'C:\\venv\\llama.dll': Could not find module 'C:\\venv\\llama.dll' (or one of its dependencies). Try using the full path with constructor syntax.")).toBe('import-error');
    expect(category(...frames, 'OSError: [WinError 1114] Произошел сбой в программе инициализации библиотеки динамической компоновки (DLL)')).toBe('import-error');
    expect(category('Failed to load LLM engine from path:', 'C:\\Users\\u\\.lmstudio\\extensions\\backends\\llama.cpp-win-x86_64-nvidia-cuda12-avx2-2.7.1\\llm_engine_cuda12.node', 'The specified module could not be found.')).toBe('import-error');
  });

  it("reads ggml's abort with \"fatal error\" at a source line as a failure the log shows", () => {
    // ggml_abort (ollama v0.17.6 ggml/src/ggml.c:235-245) behind GGML_ABORT("fatal error"), a switch's default case
    expect(category('llama_new_context_with_model: n_ctx = 4096', '/home/u/ik_llama.cpp/ggml/src/ggml-cuda/fattn.cu:66: fatal error', 'Aborted (core dumped)')).toBe('other');
    expect(category('llama_new_context_with_model: n_ctx = 4096', 'Aborted (core dumped)')).toBe('unknown');
  });

  it('reads an exception of any class name behind its module path as closing the traceback, under a carrier that makes the line above look cut', () => {
    const frames = ['vllm-1  |   File "/usr/x/triton/compiler/compiler.py", line 374, in _init_handles', 'vllm-1  |     raise OutOfResources(self.metadata.shared, max_shared, "shared memory")'];
    expect(frames[1]!.length).toBeGreaterThanOrEqual(80);
    expect(category(...frames, 'vllm-1  | triton.runtime.errors.OutOfResources: out of resource: shared memory, Required: 126978, Hardware limit: 101376. Reducing block sizes or `num_stages` may help.')).toBe('backend-unsupported');
  });

  it("reads pydantic's Value error that relays vLLM's wrapper as the wrapper also when a terminal cut it", () => {
    const head = ['pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig', "  Value error, Model architectures ['Qwen2_5_VLForConditionalGeneration'] failed"];
    expect(head[1]!.length).toBe(80);
    expect(category(...head, ' to be inspected. Please check the logs for more details. [type=value_error, inp')).toBe('unknown');
  });

  it("does not read xFormers' probe of blocksparse attention on a GPU without Tensor cores as a failure", () => {
    // facebookresearch/xformers v0.0.22:xformers/components/attention/blocksparse.py:28-32, a warning, then it goes on without
    const sized = 'INFO 12-03 00:41:07 llm_engine.py:205] # GPU blocks: 898, # CPU blocks: 512';
    expect(category('(RayWorker pid=3872755) Blocksparse is not available: the current GPU does not expose Tensor cores', sized)).toBe('healthy');
  });

  it("reads llama.cpp's 'failed to load model' of its tools as a wrapper of the loader's error before it", () => {
    // ik_llama.cpp 8337e4cd examples/llama-bench/llama-bench.cpp:2207-2210, common/common.cpp:4070-4072
    const failed = "main: error: failed to load model '/models/DeepSeek-R1-custom.gguf'";
    expect(category('ggml_cuda_init: found 3 CUDA devices:', failed)).toBe('unknown');
    expect(category("llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'deci'", failed)).toBe('unsupported-model');
  });

  it("reads getopt's refusal of a server's option as the failure", () => {
    // bminor/glibc 04277e02 posix/getopt.c, process_long_option
    expect(category("tritonserver: unrecognized option '--metrics-interval-ms'", 'Usage: tritonserver [options]', '  --help', '\tPrint usage')).toBe('other');
  });

  it("reads xDiT's timed pipeline run as a step that ran the model", () => {
    // xdit-project/xDiT 175e0bfe examples/cogvideox_usp_example.py:188-217
    expect(category('Running test for size 1024, ulysses_degree 8, ring_degree 1', 'epoch time: 154.19 sec, parameter memory: 33.76 GB, memory: 34.02 GB')).toBe('healthy');
    expect(category('Running test for size 1024, ulysses_degree 8, ring_degree 1')).toBe('unknown');
  });

  it("reads cuDNN 9 finding a sub-library missing or of another version as an import failure", () => {
    // reproduced on the H100 (scripts/device-corpus/cudnn_sublib.sh no-ops): the lines as it printed them
    const run = [
      'torch 2.11.0+cu130 cudnn 91900 NVIDIA H100 80GB HBM3',
      'Traceback (most recent call last):',
      '  File "/opt/torch/.venv/lib/python3.12/site-packages/torch/nn/modules/rnn.py", line 285, in flatten_parameters',
      '    torch._cudnn_rnn_flatten_weight(',
      'RuntimeError: cuDNN error: CUDNN_STATUS_SUBLIBRARY_VERSION_MISMATCH',
    ];
    expect(category(...run)).toBe('import-error');
  });

  it("reads LMDeploy's 'Rank[N] failed.' as a wrapper of the traceback it prints after it", () => {
    // InternLM/lmdeploy 83eed6ed lmdeploy/pytorch/engine/model_agent.py:452-458: logger.error, then print_exc()
    const failed = ['2024-07-17 13:52:34,618 - lmdeploy - ERROR - Rank[2] failed.', 'Traceback (most recent call last):', '  File "/x/lmdeploy/pytorch/engine/model_agent.py", line 1016, in _start_tp_process', '    func(rank, *args, **kwargs)'];
    expect(category(...failed)).toBe('unknown');
    expect(category(...failed, 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB')).toBe('oom');
  });

  it("reads llama.cpp's 2023 'error loading model: <what>' line, without its function's name, as the failure", () => {
    // ik_llama.cpp 84cfa98c llama.cpp:969, fprintf(stderr, "error loading model: %s\n", …)
    expect(category('llama.cpp: loading model from /models/7B/ggml-model-q4_0.bin', 'error loading model: unexpectedly reached end of file')).toBe('other');
  });

  it("reads OpenVLA's LIBERO evaluation reporting a success rate above zero as the model having run", () => {
    // openvla/openvla c8f03f48 experiments/robot/libero/run_libero_eval.py:211-260: each episode queries the policy for its actions
    expect(category('Task: put the wine bottle on the rack', 'Success: True', 'Current task success rate: 1.0', 'Current total success rate: 0.7333333333333333')).toBe('healthy');
    // every episode's step may have raised and been caught: a rate of zero shows nothing ran
    expect(category('Task: put the wine bottle on the rack', 'Caught exception: CUDA error: out of memory', 'Current total success rate: 0.0')).not.toBe('healthy');
  });

  it("reads refact's web UI giving up on a streamed completion after its 200 as the request failing, its cause not in the log", () => {
    // smallcloudai/refact 3e63faca refact_webgui/webgui/selfhost_fastapi_completions.py:119-122
    const served = '-- 302580 -- 20230816 00:49:01 WEBUI 10.244.43.64:27439 - "POST /v1/contrast HTTP/1.1" 200';
    expect(category(served, '-- 302580 -- 20230816 00:49:31 WEBUI TIMEOUT comp-s7zqIh7A8aiY')).toBe('unknown');
    expect(category(served)).toBe('healthy');
  });
});
