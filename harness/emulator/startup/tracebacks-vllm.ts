// The Python tracebacks real vLLM (V1 engine) prints for each failure, frame by frame, as text.
// Paths are those of the vllm/vllm-openai image (python3.12 dist-packages). A vLLM frame's line number
// is the release's own where the facts cite that code line (facts/vllm/traceback-frames.ts), else
// the nearest release's that does; the numbers in the tables below stand only for frames without a
// fact (torch, pydantic, python, and code no release read has in that function).
import { releaseFor, VLLM_FACTS } from '../../engines/facts/index.ts';
import { LOAD_ERROR_MESSAGES, type LoadError } from '../../gpu/cuda-rules.ts';
import type { Failure } from './failures.ts';
import { vllmBackendName } from '../argv/backend-names.ts';

const PY = '/usr/local/lib/python3.12/dist-packages';

type Frame = readonly [file: string, line: number, fn: string, code: string];

/**
 * The line of a frame at the release standing for `version` (null: the newest read): the cited line
 * of that release; where none is cited there, the cited line of the nearest older release, else of
 * the oldest newer one; `fallback` when no release cites the frame.
 */
export function vllmFrameLine(path: string, fn: string, code: string, fallback: number, version: string | null): number {
  const order = VLLM_FACTS.releases.map((r) => r.version);
  const release = releaseFor(VLLM_FACTS, version)?.version ?? order[0]!;
  const cited = (VLLM_FACTS.frames ?? [])
    .filter((f) => f.path === path && f.fn === fn && code.startsWith(f.code))
    .flatMap((f) => f.sources)
    .sort((a, b) => order.indexOf(a.release) - order.indexOf(b.release));
  const at = cited.find((s) => s.release === release);
  if (at !== undefined) return at.line;
  const older = cited.filter((s) => order.indexOf(s.release) < order.indexOf(release)).at(-1);
  return (older ?? cited[0])?.line ?? fallback;
}

function frames(list: readonly Frame[], version: string | null): string[] {
  return list.flatMap(([file, line, fn, code]) => {
    const path = file.startsWith('/') ? file : `${PY}/${file}`;
    const at = file.startsWith('vllm/') ? vllmFrameLine(file, fn, code, line, version) : line;
    return [`  File "${path}", line ${at}, in ${fn}`, `    ${code}`];
  });
}

/** One vLLM frame as the release prints it (file under vllm/, as in the tables below). */
export function vllmFrame(frame: Frame, version: string | null): string[] {
  return frames([frame], version);
}

const MODULE_CALL: readonly Frame[] = [
  ['torch/nn/modules/module.py', 1775, '_wrapped_call_impl', 'return self._call_impl(*args, **kwargs)'],
  ['torch/nn/modules/module.py', 1786, '_call_impl', 'return forward_call(*args, **kwargs)'],
];

const ENGINE_CORE_INIT: readonly Frame[] = [
  ['vllm/v1/engine/core.py', 1011, 'run_engine_core', 'engine_core = EngineCoreProc(*args, engine_index=dp_rank, **kwargs)'],
  ['vllm/v1/engine/core.py', 766, '__init__', 'super().__init__('],
];

const DETERMINE_MEMORY: readonly Frame[] = [
  ['vllm/v1/engine/core.py', 114, '__init__', 'num_gpu_blocks, num_cpu_blocks, kv_cache_config = self._initialize_kv_caches('],
  ['vllm/v1/engine/core.py', 240, '_initialize_kv_caches', 'available_gpu_memory = self.model_executor.determine_available_memory()'],
  ['vllm/v1/executor/abstract.py', 126, 'determine_available_memory', 'return self.collective_rpc("determine_available_memory")'],
  ['vllm/v1/executor/uniproc_executor.py', 75, 'collective_rpc', 'result = run_method(self.driver_worker, method, args, kwargs)'],
  ['vllm/v1/serial_utils.py', 479, 'run_method', 'return func(*args, **kwargs)'],
  ['torch/utils/_contextlib.py', 120, 'decorate_context', 'return func(*args, **kwargs)'],
  ['vllm/v1/worker/gpu_worker.py', 324, 'determine_available_memory', 'self.model_runner.profile_run()'],
];

const LOAD_MODEL: readonly Frame[] = [
  ['vllm/v1/engine/core.py', 105, '__init__', 'self.model_executor = executor_class(vllm_config)'],
  ['vllm/v1/executor/abstract.py', 101, '__init__', 'self._init_executor()'],
  ['vllm/v1/executor/uniproc_executor.py', 48, '_init_executor', 'self.driver_worker.load_model()'],
  ['vllm/v1/worker/gpu_worker.py', 275, 'load_model', 'self.model_runner.load_model(eep_scale_up=eep_scale_up)'],
  ['vllm/v1/worker/gpu_model_runner.py', 3520, 'load_model', 'self.model = model_loader.load_model('],
];

function cudaErrorLines(error: LoadError | 'unspecified launch failure'): string[] {
  const [name, message] = error === 'unspecified launch failure' ? ['cudaErrorLaunchFailure', error] : [error, LOAD_ERROR_MESSAGES[error]];
  return [
    `torch.AcceleratorError: CUDA error: ${message}`,
    `Search for \`${name}' in https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html for more information.`,
    'CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.',
    'For debugging consider passing CUDA_LAUNCH_BLOCKING=1',
    'Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.',
    '',
  ];
}

function flashFrames(library: string): Frame[] {
  return [
    ['vllm/vllm_flash_attn/flash_attn_interface.py', 300, 'flash_attn_varlen_func', `out, softmax_lse = torch.ops.${library}.varlen_fwd(`],
    ['torch/_ops.py', 1255, '__call__', 'return self._op(*args, **kwargs)'],
  ];
}

function visionFrames(f: Extract<Failure, { kind: 'kernel-load' }>, modelFile: string): Frame[] {
  const head: Frame[] = [
    ['vllm/v1/worker/gpu_model_runner.py', 4337, 'profile_run', 'dummy_encoder_outputs = self.model.embed_multimodal('],
    [`vllm/model_executor/models/${modelFile}`, 1488, 'embed_multimodal', 'image_embeddings = self._process_image_input(multimodal_input)'],
    [`vllm/model_executor/models/${modelFile}`, 1392, '_process_image_input', 'image_embeds = self.visual(pixel_values, grid_thw=grid_thw)'],
    ...MODULE_CALL,
    [`vllm/model_executor/models/${modelFile}`, 562, 'forward', 'hidden_states = blk('],
    ...MODULE_CALL,
    [`vllm/model_executor/models/${modelFile}`, 238, 'forward', 'x = x + self.attn('],
    ...MODULE_CALL,
    [`vllm/model_executor/models/${modelFile}`, 196, 'forward', 'output = self.attn('],
    ['vllm/model_executor/custom_op.py', 46, 'forward', 'return self._forward_method(*args, **kwargs)'],
  ];
  if (f.backend !== 'flash') {
    return [...head, ['vllm/model_executor/layers/attention/mm_encoder_attention.py', 402, 'forward_cuda', `return torch.ops.${f.library}.run(query, key, value, cu_seqlens, max_seqlen)`], ['torch/_ops.py', 1255, '__call__', 'return self._op(*args, **kwargs)']];
  }
  return [
    ...head,
    ['vllm/model_executor/layers/attention/mm_encoder_attention.py', 402, 'forward_cuda', 'return self._forward_fa(query, key, value, cu_seqlens, max_seqlen)'],
    ['vllm/model_executor/layers/attention/mm_encoder_attention.py', 306, '_forward_fa', 'output = vit_flash_attn_wrapper('],
    ['vllm/v1/attention/ops/vit_attn_wrappers.py', 118, 'vit_flash_attn_wrapper', 'return torch.ops.vllm.flash_attn_maxseqlen_wrapper('],
    ['torch/_ops.py', 1255, '__call__', 'return self._op(*args, **kwargs)'],
    ['vllm/v1/attention/ops/vit_attn_wrappers.py', 51, 'flash_attn_maxseqlen_wrapper', 'output = flash_attn_varlen_func('],
    ...flashFrames(f.library),
  ];
}

function languageModelFrames(f: Extract<Failure, { kind: 'kernel-load' }>, modelFile: string): Frame[] {
  const head: Frame[] = [
    ['vllm/v1/worker/gpu_model_runner.py', 4367, 'profile_run', 'hidden_states, last_hidden_states = self._dummy_run('],
    ['torch/utils/_contextlib.py', 120, 'decorate_context', 'return func(*args, **kwargs)'],
    ['vllm/v1/worker/gpu_model_runner.py', 4081, '_dummy_run', 'outputs = self.model('],
    ['vllm/compilation/cuda_graph.py', 126, '__call__', 'return self.runnable(*args, **kwargs)'],
    ...MODULE_CALL,
    [`vllm/model_executor/models/${modelFile}`, 1540, 'forward', 'hidden_states = self.language_model.model('],
    ['vllm/compilation/decorators.py', 439, '__call__', 'output = self.compiled_callable(*args, **kwargs)'],
    ['vllm/attention/layer.py', 565, 'unified_attention_with_output', 'self.impl.forward('],
  ];
  if (f.backend === 'flash') {
    return [...head, ['vllm/v1/attention/backends/flash_attn.py', 706, 'forward', 'flash_attn_varlen_func('], ...flashFrames(f.library)];
  }
  return [
    ...head,
    [`vllm/v1/attention/backends/${f.backend}.py`, 1004, 'forward', `${f.backend}_wrapper.run(`],
    ['torch/_ops.py', 1255, '__call__', 'return self._op(*args, **kwargs)'],
  ];
}

const MTP_CAPTURE: readonly Frame[] = [
  ['vllm/v1/engine/core.py', 114, '__init__', 'num_gpu_blocks, num_cpu_blocks, kv_cache_config = self._initialize_kv_caches('],
  ['vllm/v1/engine/core.py', 262, '_initialize_kv_caches', 'self.model_executor.initialize_from_config(kv_cache_configs)'],
  ['vllm/v1/executor/abstract.py', 116, 'initialize_from_config', 'self.collective_rpc("compile_or_warm_up_model")'],
  ['vllm/v1/executor/uniproc_executor.py', 75, 'collective_rpc', 'result = run_method(self.driver_worker, method, args, kwargs)'],
  ['vllm/v1/serial_utils.py', 479, 'run_method', 'return func(*args, **kwargs)'],
  ['vllm/v1/worker/gpu_worker.py', 455, 'compile_or_warm_up_model', 'cuda_graph_memory_bytes = self.model_runner.capture_model()'],
  ['vllm/v1/worker/gpu_model_runner.py', 4620, 'capture_model', 'self._capture_cudagraphs('],
  ['vllm/v1/worker/gpu_model_runner.py', 4708, '_capture_cudagraphs', 'self._dummy_run('],
  ['torch/utils/_contextlib.py', 120, 'decorate_context', 'return func(*args, **kwargs)'],
  ['vllm/v1/worker/gpu_model_runner.py', 4081, '_dummy_run', 'outputs = self.model('],
  ['vllm/compilation/cuda_graph.py', 198, '__call__', 'output = self.runnable(*args, **kwargs)'],
  ...MODULE_CALL,
  ['vllm/model_executor/models/qwen3_next.py', 1215, 'forward', 'hidden_states = self.model('],
  ['vllm/compilation/decorators.py', 439, '__call__', 'output = self.compiled_callable(*args, **kwargs)'],
  ['vllm/model_executor/models/qwen3_next.py', 596, 'gdn_attention_core', 'self._forward_core('],
  ['vllm/model_executor/models/qwen3_next.py', 681, '_forward_core', 'mixed_qkv_spec = causal_conv1d_update('],
  ['vllm/model_executor/layers/mamba/ops/causal_conv1d.py', 1128, 'causal_conv1d_update', '_causal_conv1d_update_kernel[grid]('],
  ['triton/runtime/jit.py', 419, '<lambda>', 'return lambda *args, **kwargs: self.run(grid=grid, warmup=False, *args, **kwargs)'],
  ['triton/runtime/jit.py', 756, 'run', 'launch_metadata = kernel.launch_metadata(grid, stream, *non_constexpr_vals)'],
  ['triton/compiler/compiler.py', 490, 'launch_metadata', 'self._init_handles()'],
  ['triton/compiler/compiler.py', 473, '_init_handles', 'self.module, self.function, self.n_regs, self.n_spills, self.n_max_threads = driver.active.utils.load_binary('],
];

/** The file of the model's implementation, from its architecture ("Qwen3VLForConditionalGeneration" → "qwen3_vl.py"). */
export function modelFileOf(architecture: string | null): string {
  const base = (architecture ?? 'Qwen3VLForConditionalGeneration').replace(/For(CausalLM|ConditionalGeneration)$|Model$/, '');
  return `${base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/_?VL$/i, '_vl').toLowerCase()}.py`;
}

/** The model type transformers would read from config.json ("Qwen3_5MoeForConditionalGeneration" → "qwen3_5_moe"). */
export function modelTypeOf(architecture: string): string {
  return modelFileOf(architecture).replace(/\.py$/, '');
}

/**
 * vLLM 0.11's Qwen3-VL building its vision encoder on a backend it does not list: the RuntimeError of
 * b8b302cde434:vllm/model_executor/models/qwen3_vl.py:337 (the _Backend enum prints as `_Backend.X`).
 */
function encoderRefusalTraceback(refused: { architecture: string; name: string }, file: string, version: string | null): string[] {
  const fr = (list: readonly Frame[]) => frames(list, version);
  const model = refused.architecture.replace(/VL(Moe)?For\w+$/, '-VL');
  return [
    ...fr([...ENGINE_CORE_INIT, ...LOAD_MODEL,
      ['vllm/model_executor/model_loader/base_loader.py', 45, 'load_model', 'model = initialize_model(vllm_config=vllm_config,'],
      [`vllm/model_executor/models/${file}`, 1133, '__init__', 'self.visual = Qwen3_VisionTransformer('],
      [`vllm/model_executor/models/${file}`, 336, '__init__', 'raise RuntimeError(']]),
    `RuntimeError: ${model} does not support _Backend.${refused.name} backend now.`,
  ];
}

/** The traceback body (after "Traceback (most recent call last):") and the exception, for an engine-core failure. */
export function engineCoreTraceback(f: Failure, architecture: string | null, gpuMemoryGiB: number, version: string | null): string[] {
  const fr = (list: readonly Frame[]) => frames(list, version);
  const file = modelFileOf(architecture);
  switch (f.kind) {
    case 'kernel-load':
      return [
        ...fr([...ENGINE_CORE_INIT, ...DETERMINE_MEMORY, ...(f.where === 'mm' ? visionFrames(f, file) : languageModelFrames(f, file))]),
        ...cudaErrorLines(f.error),
      ];
    case 'mtp-capture':
      return [...fr([...ENGINE_CORE_INIT, ...MTP_CAPTURE]), 'RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing'];
    case 'oom': {
      const free = Math.max(0.1, f.totalGiB - f.budgetGiB) * 1024;
      return [
        ...fr([...ENGINE_CORE_INIT, ...LOAD_MODEL,
          ['vllm/model_executor/model_loader/base_loader.py', 56, 'load_model', 'self.load_weights(model, model_config)'],
          ['vllm/model_executor/model_loader/default_loader.py', 305, 'load_weights', 'loaded_weights = model.load_weights(self.get_all_weights(model_config, model))'],
          ['torch/utils/_device.py', 104, '__torch_function__', 'return func(*args, **kwargs)']]),
        `torch.OutOfMemoryError: CUDA out of memory. Tried to allocate ${Math.min(f.needGiB, 2.5).toFixed(2)} GiB. GPU 0 has a total capacity of ${gpuMemoryGiB.toFixed(2)} GiB of which ${free.toFixed(2)} MiB is free. Including non-PyTorch memory, this process has ${f.budgetGiB.toFixed(2)} GiB memory in use. Of the allocated memory ${(f.budgetGiB - 0.4).toFixed(2)} GiB is allocated by PyTorch, and 101.36 MiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)`,
      ];
    }
    case 'backend-unsupported':
      if (f.refusedBy) return encoderRefusalTraceback(f.refusedBy, file, version);
      return [
        ...fr([...ENGINE_CORE_INIT, ...LOAD_MODEL,
          ['vllm/attention/selector.py', 88, 'get_attn_backend', 'return _cached_get_attn_backend('],
          ['vllm/attention/selector.py', 137, '_cached_get_attn_backend', 'attention_cls = current_platform.get_attn_backend_cls('],
          ['vllm/platforms/cuda.py', 342, 'get_attn_backend_cls', 'raise ValueError(']]),
        `ValueError: Selected backend AttentionBackendEnum.${vllmBackendName(f.backend)} is not valid for this configuration. Reason: ['ImportError']`,
      ];
    case 'transient':
      return [...fr([...ENGINE_CORE_INIT, ...DETERMINE_MEMORY]), ...cudaErrorLines('unspecified launch failure')];
    default:
      return [`RuntimeError: ${f.kind}`];
  }
}

/** The API server's own traceback when the engine core died: ends with "Engine core initialization failed". */
export function apiServerTraceback(version: string | null): string[] {
  const fr = (list: readonly Frame[]) => frames(list, version);
  return [
    'Traceback (most recent call last):',
    ...fr([
      ['/usr/local/bin/vllm', 10, '<module>', 'sys.exit(main())'],
      ['vllm/entrypoints/cli/main.py', 73, 'main', 'args.dispatch_function(args)'],
      ['vllm/entrypoints/cli/serve.py', 60, 'cmd', 'uvloop.run(run_server(args))'],
      ['vllm/entrypoints/openai/api_server.py', 1944, 'run_server', 'await run_server_worker(listen_address, sock, args, **uvicorn_kwargs)'],
      ['vllm/entrypoints/openai/api_server.py', 1963, 'run_server_worker', 'async with build_async_engine_client('],
      ['vllm/entrypoints/openai/api_server.py', 180, 'build_async_engine_client_from_engine_args', 'async_llm = AsyncLLM.from_vllm_config('],
      ['vllm/v1/engine/async_llm.py', 134, '__init__', 'self.engine_core = EngineCoreClient.make_async_mp_client('],
      ['vllm/v1/engine/core_client.py', 446, '__init__', 'with launch_core_engines(vllm_config, executor_class,'],
      ['vllm/v1/engine/utils.py', 759, 'wait_for_engine_startup', 'raise RuntimeError("Engine core initialization failed. "'],
    ]),
    'RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
  ];
}

/** Failures the API server meets itself, before any engine core starts (config validation, placement). */
export function apiServerConfigTraceback(f: Failure, version: string | null): string[] {
  const fr = (list: readonly Frame[]) => frames(list, version);
  const head = [
    'Traceback (most recent call last):',
    ...fr([
      ['/usr/local/bin/vllm', 10, '<module>', 'sys.exit(main())'],
      ['vllm/entrypoints/cli/main.py', 73, 'main', 'args.dispatch_function(args)'],
      ['vllm/entrypoints/cli/serve.py', 60, 'cmd', 'uvloop.run(run_server(args))'],
      ['vllm/entrypoints/openai/api_server.py', 1944, 'run_server', 'await run_server_worker(listen_address, sock, args, **uvicorn_kwargs)'],
      ['vllm/entrypoints/openai/api_server.py', 160, 'build_async_engine_client_from_engine_args', 'vllm_config = engine_args.create_engine_config(usage_context=usage_context)'],
    ]),
  ];
  if (f.kind === 'unknown-architecture') {
    return [
      ...head,
      ...fr([
        ['vllm/engine/arg_utils.py', 1180, 'create_model_config', 'return ModelConfig('],
        ['pydantic/_internal/_dataclasses.py', 121, '__init__', 's.__pydantic_validator__.validate_python(ArgsKwargs(args, kwargs), self_instance=s)'],
      ]),
      'pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig',
      `  Value error, The checkpoint you are trying to load has model type \`${modelTypeOf(f.architecture)}\` but Transformers does not recognize this architecture. This could be because of an issue with the checkpoint, or because your version of Transformers is out of date.`,
      '',
      'You can update Transformers with the command `pip install --upgrade transformers`. If this does not work, and the checkpoint is very new, then there may not be a release version that supports this model yet. In this case, you can get the most up-to-date code by installing Transformers from source with the command `pip install git+https://github.com/huggingface/transformers.git` [type=value_error, input_value=ArgsKwargs((), {\'model\': ...}), input_type=ArgsKwargs]',
      '    For further information visit https://errors.pydantic.dev/2.12/v/value_error',
    ];
  }
  if (f.kind === 'tp-exceeds-gpus') {
    return [
      ...head,
      ...fr([
        ['vllm/engine/arg_utils.py', 1630, 'create_engine_config', 'parallel_config = ParallelConfig('],
        ['vllm/v1/executor/ray_utils.py', 406, 'initialize_ray_cluster', 'raise ValueError('],
      ]),
      'ValueError: The number of required GPUs exceeds the total number of available GPUs in the placement group.',
    ];
  }
  return [...head, `RuntimeError: ${f.kind}`];
}
