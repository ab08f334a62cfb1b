// Readings made this session from tuning logs and upstream sources (rounds 32 onward), each general and with its source in the
// signature or reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 32 readings', () => {
  it("reads vLLM refusing a quantization method its release does not implement, or its platform has no kernels for, as backend-unsupported", () => {
    const tb = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.10/site-packages/vllm/config.py", line 177, in _verify_quantization', '    raise ValueError('];
    expect(category(...tb, "ValueError: Unknown quantization method: gptq. Must be one of ['awq', 'squeezellm'].")).toBe('backend-unsupported');
    expect(category(...tb, 'ValueError: bitsandbytes quantization is currently not supported in ROCm.')).toBe('backend-unsupported');
  });

  it('leaves a quantization method the checkpoint and the flag disagree on as a configuration error', () => {
    const log = 'ValueError: Quantization method specified in the model config (gptq) does not match the quantization method specified in the `quantization` argument (awq).';
    expect(category(log)).toBe('other');
  });

  it("reads SGLang refusing to start because some GPUs have much less free memory (another process holds it) as out of memory", () => {
    const tp4 = '[2025-11-10 06:12:41 TP4] Scheduler hit an exception: Traceback (most recent call last):';
    const raised = '[2025-11-10 06:12:41 TP4] ValueError: The memory capacity is unbalanced. Some GPUs may be occupied by other processes. min_per_gpu_memory=13.0546875, local_gpu_memory=188.33984375, local_gpu_memory * 0.9=169.505859375';
    expect(category(tp4, raised)).toBe('oom');
    expect(category('RuntimeError: The memory capacity is unbalanced. Some GPUs may be occupied by other processes. pre_model_load_memory=13.5, local_gpu_memory=120.1, local_gpu_memory * 0.9=108.1')).toBe('oom');
  });

  it("leaves Ray finding no free GPU on a node (its own accounting, not the driver) as other", () => {
    expect(category("ValueError: Current node has no GPU available. current_node_resource={'node:10.233.87.77': 1.0, 'CPU': 3.0}. vLLM engine cannot start without GPU.")).toBe('other');
  });

  it("reads PyTorch's out-of-memory report failing its NVML assert as out of memory, in any step, and NVML's other asserts not", () => {
    const assert = (line: number): string => `RuntimeError: NVML_SUCCESS == r INTERNAL ASSERT FAILED at "/pytorch/c10/cuda/CUDACachingAllocator.cpp":${line}, please report a bug to PyTorch. `;
    expect(category('Traceback (most recent call last):', '  File "<string>", line 1, in <module>', assert(1165))).toBe('oom');
    const capture = ['Capturing CUDA graphs (mixed prefill-decode, PIECEWISE):  20%|██        | 10/51', '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/worker/gpu_model_runner.py", line 3450, in capture_model'];
    expect(category(...capture, assert(995))).toBe('oom');
    const p2p = 'RuntimeError: NVML_SUCCESS == DriverAPI::get()->nvmlInit_v2_() INTERNAL ASSERT FAILED at "/pytorch/c10/cuda/PeerToPeerAccess.cpp":78, please report a bug to PyTorch. ';
    expect(category(p2p)).not.toBe('oom');
  });

  it("reads llama.cpp's finished tasks as serving, so an error logged before them was survived", () => {
    const log = ['0.00.289.588 E llama_init_from_model: failed to initialize the context: dflash requires ctx_other to be set (this warning is normal during memory fitting)', '0.06.502.187 I srv  llama_server: model loaded', '0.10.029.477 I slot launch_slot_: id  0 | task 0 | processing task, is_child = 0'];
    expect(category(...log)).not.toBe('healthy');
    expect(category(...log, '1.24.903.132 I slot print_timing: id  0 | task 0 |        eval time =     283.69 ms /     4 tokens (   94.56 ms per token,    10.57 tokens per second)')).toBe('healthy');
  });

  it("does not read torch.distributed's process group without a backend for a tensor's device as a kernel backend refused", () => {
    const log = ['[rank0]:   File "/opt/torch/lib/python3.12/site-packages/torch/distributed/distributed_c10d.py", line 2968, in broadcast', '[rank0]:     work = group.broadcast([tensor], opts)', '[rank0]: RuntimeError: No backend type associated with device type cpu'];
    expect(category(...log)).toBe('other');
    expect(category('ValueError: No valid attention backend found for cuda with head_size 72.')).toBe('backend-unsupported');
  });

  it('reads wrappers whose cause is elsewhere as no cause: a launcher that gave up waiting, an engine loop that logged its failure above its traceback', () => {
    expect(category('Timeout: Not all nodes are ready after 3600 seconds', 'RuntimeError: Failed to wait for all nodes to be ready', 'RuntimeError: Server http://127.0.0.1:6688/health failed to start in 3600s', 'Exception: retry() exceed maximum number of retries.')).toBe('unknown');
    const head = 'ERROR 05-02 11:25:26 async_llm_engine.py:43] ';
    const cut = [`${head}Engine background task failed`, `${head}Traceback (most recent call last):`, `${head}  File "/venv/lib/python3.10/site-packages/vllm/engine/async_llm_engine.py", line 38, in _raise_exception_on_finish`, `${head}    task.result()`];
    expect(category(...cut)).toBe('unknown');
    expect(category(...cut, `${head}torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.`)).toBe('oom');
  });

  it("reads Ray's task header and TVM's traceback-first message as the start of a traceback: cut before its last line, no cause", () => {
    const ray = ['RayTaskError(ValueError): \x1b[36mray::run_inference_one_model()\x1b[39m (pid=51424, ip=10.141.17.198)', '  File "/opt/conda/lib/python3.10/site-packages/vllm/entrypoints/llm.py", line 210, in __init__', '    self.llm_engine = self.engine_class.from_engine_args('];
    expect(category(...ray)).toBe('unknown');
    expect(category(...ray, 'ValueError: Bfloat16 is only supported on GPUs with compute capability of at least 8.0. Your Tesla T4 GPU has compute capability 7.5.')).toBe('backend-unsupported');
    const tvm = ['  File "/opt/conda/lib/python3.10/site-packages/tvm/_ffi/base.py", line 481, in raise_last_ffi_error', '    raise py_err', 'tvm._ffi.base.TVMError: Traceback (most recent call last):', '  3: tvm::runtime::PackedFuncObj::Extractor<tv'];
    expect(category(...tvm)).toBe('unknown');
  });

  it("reads Slurm ending a job it was told to end as a stop: after the server came up, no failure; before, no cause shown", () => {
    const up = ['(APIServer pid=248518) INFO:     Application startup complete.', '(APIServer pid=248518) INFO:     127.0.0.1:40526 - "POST /v1/chat/completions HTTP/1.1" 200 OK'];
    const cancel = 'slurmstepd: error: *** JOB 5858 ON gpuh05 CANCELLED AT 2025-12-21T02:31:17 DUE TO TIME LIMIT ***';
    expect(category(...up, cancel)).toBe('healthy');
    expect(category(...up, 'slurmstepd: error: *** STEP 5858.0 ON gpuh05 CANCELLED AT 2025-12-21T02:31:17 ***')).toBe('healthy');
    expect(category('INFO 12-20 22:20:12 [gpu_model_runner.py:1] Loading model weights took 56.0 GiB', cancel)).toBe('unknown');
    expect(category(...up, 'slurmstepd: error: *** JOB 5858 ON gpuh05 CANCELLED AT 2025-12-21T02:31:17 DUE TO NODE FAILURE, SEE SLURMCTLD LOG FOR DETAILS ***')).not.toBe('healthy');
  });

  it("reads ROCm's GPU memory access fault as the kernel's crash, before the collective timeouts it leaves behind", () => {
    const log = ['[2025-12-07 16:20:57] The server is fired up and ready to roll!', 'Memory access fault by GPU node-6 (Agent handle: 0x56550447d000) on address 0x7fb4813bf000. Reason: Unknown.', '[rank3]:[E1207 16:31:56.195615797 ProcessGroupNCCL.cpp:674] [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=82, OpType=_ALLGATHER_BASE, NumelIn=32320, NumelOut=129280, Timeout(ms)=600000) ran for 600000 milliseconds before timing out.'];
    expect(category(...log)).toBe('other');
  });

  it("reads NVRTC's 'Compilation failure' (TensorRT's Myelin) as the JIT's CUDA compiler failing", () => {
    expect(category('Error[9]: Skipping tactic 0x0 due to exception [myelin_graph.h:1182] MyelinCheckException:', 'MyelinCheckException: nvrtc_compile.cpp:1122: CHECK(success) failed. NVRTC Compilation failure')).toBe('ptx-toolchain');
  });

  it("reads a traceback cut inside vLLM V0's CUDAGraphRunner.capture as the capture step", () => {
    const log = ['Traceback (most recent call last):', '  File "/usr/local/lib/python3.12/dist-packages/vllm/worker/model_runner.py", line 1724, in capture', '    output_hidden_or_intermediate_states = self.model(', '  File "/usr/local/lib/python3.12/dist-packages/torch/nn/modules/module.py", line 1553, in _wrapped_call_impl'];
    expect(category(...log)).toBe('graph-capture');
  });

  it("reads TurboMind's block manager counting the KV blocks the free memory holds as the KV cache sized", () => {
    const log = ['[TM][INFO] [BlockManager] block_size = 12 MB', '[TM][INFO] [BlockManager] max_block_count = 3424', '[TM][INFO] [BlockManager] chunk_size = 3424', '[TM][INFO] LlamaBatch<T>::Start()'];
    expect(category(...log)).toBe('healthy');
    expect(category('[TM][INFO] [BlockManager] max_block_count = 0')).not.toBe('healthy');
  });

  it("reads a llama.cpp task's timings as serving also when a terminal cut the line", () => {
    const err = '0.00.289.588 E llama_init_from_model: failed to initialize the context: dflash requires ctx_other to be set (this warning is normal during memory fitting)';
    const timing = '1.24.903.132 I slot print_timing: id  0 | task 0 |        eval time =     283.69 ms /     4 tokens (   94.56 ms per token,    10.57 tokens per second)';
    expect(category(err, timing.slice(0, 80), timing.slice(80))).toBe('healthy');
  });

  it("reads llama-server answering a generating request after a refused one as the server serving on past the refusal", () => {
    const log = ['main: server is listening on http://127.0.0.1:8080 - starting the main loop', 'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200', 'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 400'];
    expect(category(...log)).toBe('other');
    expect(category(...log, 'srv  log_server_r: request: POST /v1/chat/completions 127.0.0.1 200')).toBe('healthy');
  });

  it("reads llama.cpp's GGUF reader that could not open the model file as the failure, and llama-server's exit after it as a wrapper", () => {
    const log = ['srv    load_model: loading model \'/models/m.gguf\'', "gguf_init_from_file: failed to open GGUF file '/models/m.gguf' (No such file or directory)", 'llama_params_fit: fitting params to free memory took 0.01 seconds', 'srv    load_model: failed to load model, \'/models/m.gguf\'', 'main: exiting due to model loading error'];
    expect(category(...log)).toBe('other');
    expect(category('main: loading model', 'main: exiting due to model loading error')).toBe('unknown');
  });

  it("reads Python's warnings as warnings: a program that reported its results past a driver warning is healthy, not a checklist's 'ok'", () => {
    const warned = ['/venv/lib/python3.10/site-packages/torch/cuda/__init__.py:180: UserWarning: CUDA initialization: The NVIDIA driver on your system is too old (found version 12040). Please update', '  return torch._C._cuda_getDeviceCount() > 0'];
    expect(category(...warned, 'Full results saved to: ./result/eval/qwen2-seed0.json')).toBe('healthy');
    expect(category(...warned)).toBe('driver-mismatch');
    expect(category('- nvidia-smi ok', '- import torch; print(torch.cuda.is_available())', ...warned, 'False')).toBe('driver-mismatch');
  });

  it("reads a launcher's own timeout waiting for a server's ready line as no cause", () => {
    expect(category("TimeoutError: timed out waiting for '[pflash-daemon] ready'; tail=['ggml_cuda_init: found 1 CUDA devices']")).toBe('unknown');
  });
});
