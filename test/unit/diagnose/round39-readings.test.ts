// Readings made in the twelfth session from tuning logs and upstream sources (rounds 39-42), each general and with its source
// in the signature or reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('rounds 39-42 readings', () => {
  it("reads Ollama's MLX runner answering its ping as the model loaded: the runner serves only once its tensors are in", () => {
    const runner = [
      'time=2026-08-19T19:37:08.325+02:00 level=INFO source=runner.go:217 msg="Loaded tensors from manifest" count=2017',
      'time=2026-08-19T19:37:11.238+02:00 level=INFO source=runner.go:252 msg="Starting HTTP server" host=127.0.0.1 port=62273',
    ];
    expect(category(...runner, 'time=2026-08-19T19:37:11.272+02:00 level=INFO source=client.go:106 msg="mlx runner is ready" port=62273')).toBe('healthy');
    expect(category(...runner)).toBe('unknown');
  });

  it("reads vLLM's TPU and HPU executors sizing the KV cache as the GPU's does", () => {
    const shapes = 'INFO 12-12 11:19:10 tpu_model_runner.py:274] Compiling the model with different input shapes...';
    expect(category('INFO 12-12 11:19:09 ray_tpu_executor.py:270] # TPU blocks: 18736, # CPU blocks: 11912', shapes)).toBe('healthy');
    expect(category('INFO 01-02 03:04:05 hpu_executor.py:76] # HPU blocks: 3021, # CPU blocks: 512')).toBe('healthy');
    expect(category(shapes)).toBe('unknown');
  });

  it("reads verl's validation generated and lighteval's metrics computed as the model having answered", () => {
    const verl = ['(TaskRunner pid=221183) test_gen_batch meta info: {\'eos_token_id\': 151645}'];
    expect(category(...verl, '(TaskRunner pid=221183) validation generation end')).toBe('healthy');
    expect(category(...verl)).toBe('unknown');
    const lighteval = '[2025-10-05 14:27:24,023] [    INFO]: Cache: Starting to process 1319/1319 samples (not found in cache) for tasks leaderboard|gsm8k|0 (cache_management.py:399)';
    expect(category(lighteval, '[2025-10-05 14:34:11,064] [    INFO]: --- COMPUTING METRICS --- (pipeline.py:371)')).toBe('healthy');
    expect(category(lighteval)).toBe('unknown');
  });

  it("does not read Inductor's autotuner timing candidate kernels as a step that ran the model: it is compiling", () => {
    const autotune = ['AUTOTUNE mm(4x4096, 4096x8)', '  mm 0.0134 ms 100.0%', 'SingleProcess AUTOTUNE benchmarking takes 1.3427 seconds and 8.8429 seconds precompiling'];
    expect(category(...autotune)).toBe('unknown');
  });

  it("reads a traceback under a CI console's bracketed ISO time, cut inside torch.cuda.graph's capture_end, as a failure in capture", () => {
    const at = '[2025-12-13T19:54:35Z] (Worker_TP0 pid=9260) ERROR 12-13 11:54:35 [multiproc_executor.py:826] ';
    const frames = [
      `${at}  File "/usr/local/lib/python3.12/dist-packages/vllm/compilation/cuda_graph.py", line 266, in __call__`,
      `${at}    with torch.cuda.graph(cudagraph, pool=self.graph_pool):`,
      `${at}  File "/usr/local/lib/python3.12/dist-packages/torch/cuda/graphs.py", line 130, in capture_end`,
      `${at}    super().capture_end()`,
    ];
    expect(category(...frames)).toBe('graph-capture');
  });

  it("reads HCCL's own error records, and torch_npu's HCCL error code, as the collective library failing; its other records are no failure", () => {
    const record = (level: string, text: string): string => `[${level}] HCCL(80812,python):2026-06-17-02:21:43.853.333 [transport_manager.cc:954] [86231]${text}`;
    expect(category(record('ERROR', '[InitChannelStage][RunFailed]Transport init error! createLink para:rank[7]-localUserrank[7]'))).toBe('nccl');
    expect(category(record('INFO', 'init channel ok'), record('WARNING', 'link slow'))).not.toBe('nccl');
    expect(category('RuntimeError: HcclAllreduce failed', '[ERROR] 2025-07-30-10:15:05 (PID:5568, Device:3, RankID:3) ERR02200 DIST call hccl api failed')).toBe('nccl');
  });

  it("reads Ray's header of an actor's method, with its actor id and repr, as the header of a traceback: cut before its message, it quotes no cause", () => {
    const header = "ray.exceptions.RayTaskError(RuntimeError): ray::vLLMHttpServer.launch_server() (pid=399090, ip=29.191.208.106, actor_id=fabc346f346ceec4b5faab8801000000, repr=<verl.workers.rollout.vllm_rollout.vllm_async_server.vLLMHttpServer object at 0x7fafaf36f910>)";
    const frames = ['  File "/root/verl/verl/workers/rollout/vllm_rollout/vllm_async_server.py", line 397, in launch_server', '    await self.run_server(server_args)'];
    expect(category(header, ...frames)).toBe('unknown');
    expect(category(header, ...frames, 'RuntimeError: Engine core initialization failed. See root cause above.', 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB')).toBe('oom');
  });

  it("reads SGLang-JAX's token budget, past its check that raises when none fits, as the KV cache sized", () => {
    const profiled = '[2025-09-15 15:35:31] TPU Memory profiling: available_device_memory=16.6GB, available_kv_cache=10.4GB, max_tokens=21227, cell_size=524288bytes';
    expect(category(profiled, '[2025-09-15 15:35:31] ModelRunner max_total_num_tokens: 21120')).toBe('healthy');
    expect(category(profiled, '[2026-08-21 05:56:59] ModelRunner final max_total_num_tokens: 21120')).toBe('healthy');
    expect(category(profiled)).toBe('unknown');
  });

  it("reads Python's line before a thread's traceback, cut, as a traceback begun: after requests served, it is the cause, not shown", () => {
    const served = '(APIServer pid=1) INFO:     172.17.0.1:44220 - "POST /v1/chat/completions HTTP/1.1" 200 OK';
    expect(category(served, '(EngineCore_DP0 pid=245) Exception in thread Thread-3 (proce')).toBe('unknown');
    expect(category(served)).toBe('healthy');
  });

  it('reads a logger header cut inside its level word as a header with no message, not as a failure of its own', () => {
    const fatal = [
      '(EngineCore pid=196) ERROR 05-13 10:46:44 [core.py:1138] EngineCore encountered a fatal error.',
      '(EngineCore pid=196) ERROR 05-13 10:46:44 [core.py:1138] Traceback (most recent call last):',
      '(EngineCore pid=196) ERROR 05-13 10:46:44 [core.py:1138]   File "/usr/local/lib/python3.12/site-packages/vllm/v1/engine/core.py", line 1170, in run_busy_loop',
      '(EngineCore pid=196) ERROR 05-13 10:46:44 [core.py:1138]     self._process_engine_step()',
    ];
    expect(category(...fatal, '(EngineCore pid=196) ERR')).toBe('unknown');
  });

  it("reads Xinference's 'Failed to load model <uid>' as the heading of the traceback after it: cut, it names no cause", () => {
    const failed = '2025-08-20 19:43:04,512 xinference.core.worker 1204 ERROR    Failed to load model qwen3-0';
    const frames = ['Traceback (most recent call last):', '  File "D:\\x\\xinference\\model\\llm\\vllm\\core.py", line 360, in load', '    from vllm.engine.arg_utils import AsyncEngineArgs'];
    expect(category(failed, ...frames)).toBe('unknown');
    expect(category(failed, ...frames, "ModuleNotFoundError: No module named 'vllm'")).toBe('import-error');
  });

  it("reads Ollama's MLX runner failing to load its library's functions as a library that will not load; the probe's own line is no failure", () => {
    const probe = 'time=2026-02-11T14:33:44.471+05:30 level=WARN source=server.go:140 msg=mlx-runner msg="MLX: Failed to load symbol: mlx_metal_device_info"';
    const failed = 'time=2026-02-11T14:33:44.473+05:30 level=WARN source=server.go:140 msg=mlx-runner msg="Error: failed to load MLX function symbols"';
    expect(category(probe, failed)).toBe('import-error');
    const started = 'time=2026-02-07T21:06:00.601+05:30 level=INFO source=server.go:1387 msg="llama runner started in 12.24 seconds"';
    expect(category('MLX: Failed to load symbol: mlx_metal_device_info', started)).toBe('healthy');
  });

  it("reads Ollama's model runner listening as a server that listened", () => {
    expect(category('time=2025-11-16T20:32:25.033Z level=INFO source=runner.go:1433 msg="Server listening on 127.0.0.1:34915"')).toBe('healthy');
  });

  it('reads a Vulkan device lost, as RADV and ggml-vulkan report it, as a fault of the GPU (`other`)', () => {
    const lost = ['radv/amdgpu: The CS has been cancelled because the context is lost. This context is innocent.', '3.45.098.561 E srv  update_slots: decode() failed: vk::Queue::submit: ErrorDeviceLost'];
    expect(category('3.38.895.148 D set_embeddings: value = 0', ...lost)).toBe('other');
  });

  it("reads ggml's failed assertion in its 2023-2024 form ('GGML_ASSERT: <file>:<line>: <cond>', then abort) as a failure", () => {
    const loaded = 'llm_load_tensors: ggml ctx size =    1.43 MiB';
    expect(category(loaded, 'GGML_ASSERT: D:\\a\\w\\vendor\\llama.cpp\\ggml-cuda.cu:727: tensor->view_src == nullptr')).toBe('other');
    expect(category(loaded)).toBe('unknown');
  });

  it("reads llama.cpp's unknown model architecture also when the GGUF names none", () => {
    expect(category("0.00.148.150 E llama_model_load: error loading model: unknown model architecture: ''", '0.00.148.906 E srv  llama_server: exiting due to model loading error')).toBe('unsupported-model');
  });
});
