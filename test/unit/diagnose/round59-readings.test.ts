// Readings made in the seventeenth session from tuning logs and upstream sources (rounds 59-62), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

const ENGINE_UP = [
  '(EngineCore_DP0 pid=414) INFO 03-18 14:28:20 [kv_cache_utils.py:1314] GPU KV cache size: 821,632 tokens',
  '(EngineCore_DP0 pid=414) INFO 03-18 14:29:08 [core.py:282] init engine (profile, create kv cache, warmup model) took 63.47 seconds',
];

describe('rounds 59-62 readings', () => {
  it("reads pybind11_protobuf's printed GetPrototype AttributeError as what the import went on from, not inside a traceback", () => {
    // pybind/pybind11_protobuf d824311a:pybind11_protobuf/proto_cast_util.cc:191-213: caught, PyErr_Print, no traceback
    const printed = "AttributeError: 'MessageFactory' object has no attribute 'GetPrototype'";
    expect(category(printed, printed, ...ENGINE_UP)).toBe('healthy');
    // … raised by a program's own call, under its frames, it is the failure
    const frames = ['Traceback (most recent call last):', '  File "/app/decode.py", line 12, in <module>', '    cls = factory.GetPrototype(desc)'];
    expect(category(...frames, printed)).toBe('other');
  });

  it("reads XLA's refused second registration of its CUDA plugins as noise, at glog's E level or behind a timestamp", () => {
    // openxla/xla a51b0f55:xla/stream_executor/cuda/cuda_dnn.cc, initialize_cudnn: logged and returned
    expect(category(
      '2026-03-18 14:20:58.686966: E external/local_xla/xla/stream_executor/cuda/cuda_fft.cc:467] Unable to register cuFFT factory: Attempting to register factory for plugin cuFFT when one has already been registered',
      'E0000 00:00:1773843658.697166     414 cuda_dnn.cc:8579] Unable to register cuDNN factory: Attempting to register factory for plugin cuDNN when one has already been registered',
      'E0000 00:00:1773843658.700198     414 cuda_blas.cc:1407] Unable to register cuBLAS factory: Attempting to register factory for plugin cuBLAS when one has already been registered',
      ...ENGINE_UP,
    )).toBe('healthy');
    // … the failure after it is still read
    expect(category(
      'E0000 00:00:1773843658.697166     414 cuda_dnn.cc:8579] Unable to register cuDNN factory: Attempting to register factory for plugin cuDNN when one has already been registered',
      'ValueError: Cannot find the config file for awq',
    )).toBe('other');
  });

  it("reads MindIE's \"Daemon start success!\" as its service up", () => {
    // Ascend/MindIE-LLM 8b4871ad:src/server/daemon/llm_daemon.cpp:313-325: printed once its endpoint started
    expect(category('[ConfigManager::InitConfigManager] Successfully init config manager', 'LogLevelDynamicHandler start', 'Daemon start success!')).toBe('healthy');
    expect(category('[ConfigManager::InitConfigManager] Successfully init config manager', 'LogLevelDynamicHandler start')).toBe('unknown');
  });

  it("reads torch_npu's \"The Inner error is reported as above\" as a wrapper: the NPU's own error decides", () => {
    // Ascend/pytorch 9e73e708:torch_npu/csrc/core/npu/NPUQueue.cpp:321-332
    const inner = 'RuntimeError: CANN execute error, Exception: The Inner error is reported as above. The process exits for this inner error, and the current working operator name is Qwen25VL_VIT_graph.';
    const frames = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.11/site-packages/model_wrapper/standard_model.py", line 55, in _print_component_error_log', '    raise RuntimeError(f"CANN execute error, Exception: {e}") from e'];
    expect(category(...frames, inner)).toBe('unknown');
    expect(category('RuntimeError: NPU out of memory. Tried to allocate 2.00 GiB (NPU 0; 60.96 GiB total capacity; 58.10 GiB already allocated)', ...frames, inner)).toBe('oom');
  });

  it("reads vLLM's with_retry attempt (\"…, retrying 1 of 2\") as what it went on from; the failure after it decides", () => {
    // Yuran-7/vllm-0.11 2665d491:vllm/transformers_utils/config.py:265-283: ERROR per failed attempt but the last, then again
    const retried = '(APIServer pid=1) ERROR 04-22 21:14:59 [repo_utils.py:47] Error retrieving file list: [Errno -3] Temporary failure in name resolution, retrying 1 of 2';
    const freeMemory = '(EngineCore pid=80) ValueError: Free memory on device cuda:0 (3.22/4.0 GiB) on startup is less than desired GPU memory utilization (0.9, 3.6 GiB). Decrease GPU memory utilization or reduce GPU memory used by other processes.';
    expect(category(retried, freeMemory)).toBe('oom');
    // … the last attempt, logged without "retrying", raises
    expect(category('(APIServer pid=1) ERROR 04-22 21:15:03 [repo_utils.py:47] Error retrieving file list: [Errno -3] Temporary failure in name resolution')).not.toBe('unknown');
  });

  it("ends an error's message at the shell's trace of its next command (set -x)", () => {
    // GNU Bash 5.2 manual, PS4: "+ " once per level of indirection
    const argparse = 'inference.py: error: unrecognized arguments: --tensor_parallel_size 8';
    const traced = "+ OUTPUT='WARNING 04-08 15:19:07 ray_utils.py:44] Failed to import Ray with ModuleNotFoundError(\"No module named ray\"). For distributed inference, please install Ray with `pip install ray`.'";
    expect(category('usage: inference.py [-h] [--data_name DATA_NAME]', argparse, traced)).toBe('other');
  });

  it("reads vLLM V0's \"Cannot use FlashAttention-2 backend for …\" as the selector going on to another backend, also without its header", () => {
    // Yuran-7/vllm-0.11 fa9ee081:vllm/platforms/cuda.py:170-218: logger.info, then target_backend = _Backend.XFORMERS
    const engine = ['Using XFormers backend.', 'Loading model weights took 5.3541 GB', '# CUDA blocks: 1353, # CPU blocks: 1024', 'init engine (profile, create kv cache, warmup model) took 47.42 seconds'];
    expect(category('Cannot use FlashAttention-2 backend for Volta and Turing GPUs.', ...engine)).toBe('healthy');
    expect(category('Cannot use FlashAttention-2 backend because the vllm.vllm_flash_attn package is not found. Make sure that vllm_flash_attn was built and installed (on by default).', ...engine)).toBe('healthy');
  });

  it("reads transformers' quantizers finding no GPU as the CUDA runtime seeing none", () => {
    // mklasby/transformers 40a493c7ed4f:src/transformers/quantizers/quantizer_hqq.py:75 (validate_environment: torch.cuda.is_available() false)
    const frames = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.10/dist-packages/transformers/quantizers/quantizer_bnb_4bit.py", line 62, in validate_environment', '    raise RuntimeError("No GPU found. A GPU is needed for quantization.")'];
    expect(category(...frames, 'RuntimeError: No GPU found. A GPU is needed for quantization.')).toBe('driver-mismatch');
  });
});
