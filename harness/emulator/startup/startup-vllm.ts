// vLLM's startup, line by line in the real order and format (V1 engine, 0.1x): API server banner
// and config, engine core init, backend selection, weight loading, torch.compile, profiling,
// KV cache, CUDA graph capture, routes, uvicorn. Fails where the real engine fails.
import { API_SERVER, VllmLog, progressBar, type VllmProcess } from './log.ts';
import { effectiveGraphMode, resolveBackends, usesMtp, DEFAULT_MODEL_GIB, type Failure } from './failures.ts';
import { vllmBackendName } from '../argv/backend-names.ts';
import { vllmGraphDowngrade } from './cudagraph-downgrade-vllm.ts';
import { conversions, printf, vllmBackendLine, vllmHasLogLine, vllmLogFormat, vllmLogLine, vllmTag } from './log-lines-vllm.ts';
import type { AttentionBackend } from '../../matrix/types.ts';
import { uvicornStartup } from './uvicorn-lines.ts';
import { apiServerConfigTraceback, apiServerTraceback, engineCoreTraceback } from './tracebacks-vllm.ts';
import { maxModelLenOf, memoryPlan, type StartupContext, type StartupResult } from './startup-context.ts';

const ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['/openapi.json', 'GET, HEAD'], ['/docs', 'GET, HEAD'], ['/redoc', 'GET, HEAD'], ['/tokenize', 'POST'], ['/detokenize', 'POST'],
  ['/version', 'GET'], ['/health', 'GET'], ['/metrics', 'GET'], ['/v1/models', 'GET'], ['/ping', 'GET'], ['/ping', 'POST'],
  ['/v1/chat/completions', 'POST'], ['/v1/completions', 'POST'], ['/v1/responses', 'POST'],
];

function pyRepr(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as object).map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

function nonDefaultArgs(ctx: StartupContext): Record<string, unknown> {
  const a = ctx.args;
  const d: Record<string, unknown> = { model_tag: a.model, host: a.host, model: a.model };
  if (a.port !== 8000) d.port = a.port;
  if (a.trustRemoteCode) d.trust_remote_code = true;
  if (a.maxModelLen !== null) d.max_model_len = a.maxModelLen;
  if (a.enforceEager) d.enforce_eager = true;
  if (a.servedModelName !== a.model) d.served_model_name = [a.servedModelName];
  if (a.attentionName) d.attention_backend = a.attentionName;
  if (a.mmAttentionName) d.mm_encoder_attn_backend = a.mmAttentionName;
  if (a.tensorParallelSize !== 1) d.tensor_parallel_size = a.tensorParallelSize;
  if (a.gpuMemoryUtilization !== null) d.gpu_memory_utilization = a.gpuMemoryUtilization;
  if (a.limitMmPerPrompt) d.limit_mm_per_prompt = a.limitMmPerPrompt;
  if (a.languageModelOnly) d.language_model_only = true;
  if (a.speculative) d.speculative_config = { method: a.speculative.method, num_speculative_tokens: a.speculative.numSpeculativeTokens };
  return d;
}

function graphModeRepr(mode: string): string {
  const v: Record<string, string> = { NONE: '0', PIECEWISE: '1', FULL: '2', FULL_AND_PIECEWISE: '(2, 1)' };
  return `<CUDAGraphMode.${mode}: ${v[mode]}>`;
}

/** Engine-core failure: the ERROR block, the multiprocessing traceback, then the API server's. */
function engineCoreDied(log: VllmLog, core: VllmProcess, f: Failure, ctx: StartupContext): StartupResult {
  const tb = engineCoreTraceback(f, ctx.config.model.architecture, ctx.config.gpu.memoryGiB);
  log.errorBlock(core, 'core.py:1020', ['EngineCore failed to start.', 'Traceback (most recent call last):', ...tb].join('\n'));
  log.raw(core, ['Process EngineCore_DP0:', 'Traceback (most recent call last):',
    '  File "/usr/lib/python3.12/multiprocessing/process.py", line 314, in _bootstrap', '    self.run()',
    '  File "/usr/lib/python3.12/multiprocessing/process.py", line 108, in run', '    self._target(*self._args, **self._kwargs)',
    '  File "/usr/local/lib/python3.12/dist-packages/vllm/v1/engine/core.py", line 1024, in run_engine_core', '    raise e',
    ...tb.slice(2)].join('\n'));
  log.raw(API_SERVER, apiServerTraceback().join('\n'));
  return { ready: false, exitCode: 1 };
}

export async function vllmStartup(ctx: StartupContext): Promise<StartupResult> {
  const { args, config } = ctx;
  const log = new VllmLog(ctx.out);
  const core: VllmProcess = { name: 'EngineCore_DP0', pid: ctx.enginePid };
  const version = config.traits.version;
  const arch = config.model.architecture ?? 'Qwen3ForCausalLM';
  const fail = ctx.failure;
  const api = (where: string, m: string) => log.info(API_SERVER, where, m);
  const eng = (where: string, m: string) => log.info(core, where, m);
  // A line not every release prints, only where the log-line facts hold it (facts/vllm/log-lines-startup.ts).
  const has = (literal: string) => vllmHasLogLine(literal, version);
  // The `file.py:line` the release prints on a line, from the line the facts cite there.
  const tag = (literal: string) => vllmTag(literal, version);

  // 0.15.0 replaced the version line with a logo naming the version and the model (one logger call).
  if (has('█     █     █▄   ▄█')) {
    const logo = tag('█     █     █▄   ▄█');
    for (const line of ['', '       █     █     █▄   ▄█', ` ▄▄ ▄█ █     █     █ ▀▄▀ █  version ${version}`, `  █▄█▀ █     █     █     █  model   ${args.model}`, '   ▀▀  ▀▀▀▀▀ ▀▀▀▀▀ ▀     ▀', '']) api(logo, line);
  } else if (has('vLLM API server version')) {
    api(tag('vLLM API server version'), `vLLM API server version ${version}`);
  }
  api(tag('non-default args: %s'), `non-default args: ${pyRepr(nonDefaultArgs(ctx))}`);
  if (fail?.phase === 'config') {
    log.raw(API_SERVER, apiServerConfigTraceback(fail).join('\n'));
    return { ready: false, exitCode: 1 };
  }
  api(tag('Resolved architecture: %s'), `Resolved architecture: ${arch}`);
  api(tag('Using max model len %s'), `Using max model len ${maxModelLenOf(args)}`);
  api(tag('Chunked prefill is enabled'), 'Chunked prefill is enabled with max_num_batched_tokens=8192.');
  if (args.enforceEager && has('Enforce eager set')) log.warn(API_SERVER, tag('Enforce eager set'), 'Enforce eager set, disabling torch.compile and CUDAGraphs. This is equivalent to setting -cc.mode=none -cc.cudagraph_mode=none');
  await ctx.sleep(0.05);

  const mode = effectiveGraphMode(args, version);
  const spec = args.speculative ? `SpeculativeConfig(method='${args.speculative.method}', model='${args.model}', num_spec_tokens=${args.speculative.numSpeculativeTokens})` : 'None';
  eng(tag('Initializing a V1 LLM engine'), `Initializing a V1 LLM engine (v${version}) with config: model='${args.model}', speculative_config=${spec}, tokenizer='${args.model}', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, trust_remote_code=${args.trustRemoteCode ? 'True' : 'False'}, dtype=torch.bfloat16, max_seq_len=${maxModelLenOf(args)}, download_dir=None, load_format=auto, tensor_parallel_size=${args.tensorParallelSize}, pipeline_parallel_size=1, data_parallel_size=1, quantization=None, enforce_eager=${args.enforceEager ? 'True' : 'False'}, kv_cache_dtype=auto, device_config=cuda, seed=0, served_model_name=${args.servedModelName}, enable_prefix_caching=True, enable_chunked_prefill=True, compilation_config={'mode': <CompilationMode.${args.enforceEager ? 'NONE: 0' : 'VLLM_COMPILE: 3'}>, 'cudagraph_mode': ${graphModeRepr(mode)}}`);
  eng(tag('world_size=%d rank=%d local_rank=%d'), `world_size=${args.tensorParallelSize} rank=0 local_rank=0 distributed_init_method=tcp://127.0.0.1:51751 backend=nccl`);
  eng(tag('Starting to load model %s...'), `Starting to load model ${args.model}...`);
  const b = resolveBackends(args, config);
  if (b.mm && has('for MMEncoderAttention')) eng(tag('for MMEncoderAttention'), `Using AttentionBackendEnum.${vllmBackendName(b.mm)} for MMEncoderAttention.`);
  if (fail?.kind === 'backend-unsupported') return engineCoreDied(log, core, fail, ctx);
  const potential = ['flash', 'flashinfer', 'triton', 'flex'].filter((x) => x === 'triton' || x === 'flex' || config.traits.kernels[x]);
  const name = (x: string) => vllmBackendName(x as AttentionBackend, version);
  const chose = vllmBackendLine(version, { backend: b.lm, explicit: b.lmExplicit, name: name(b.lm), potential: potential.map(name) });
  if (chose !== null) eng(chose.where, chose.text);
  if (b.lm === 'flash' && has('Using FlashAttention version')) {
    const lib = config.traits.kernels.flash?.library ?? '_vllm_fa2_C';
    eng(tag('Using FlashAttention version'), `Using FlashAttention version ${lib.includes('fa3') ? 3 : 2}`);
  }

  const modelGiB = config.model.sizeGiB ?? DEFAULT_MODEL_GIB;
  const t0 = Date.now();
  const mainWeights = config.traits.startup.weights_s * (args.speculative ? 0.75 : 1);
  await ctx.sleep(mainWeights);
  log.raw(null, 'Loading safetensors checkpoint shards: 100% Completed | 1/1 [00:00<00:00,  2.83it/s]');
  if (fail?.kind === 'oom') return engineCoreDied(log, core, fail, ctx);
  eng(tag('Loading weights took'), vllmLogLine('Loading weights took', version, mainWeights));
  if (args.speculative) {
    eng(tag('Loading drafter model...'), 'Loading drafter model...');
    await ctx.sleep(config.traits.startup.weights_s * 0.25);
    eng(tag('Loading weights took'), vllmLogLine('Loading weights took', version, config.traits.startup.weights_s * 0.25));
    if (usesMtp(args) && has('Detected MTP model. ')) eng(tag('Detected MTP model. '), 'Detected MTP model. Sharing target model embedding weights with the draft model.');
  }
  const mem = memoryPlan(args, config, modelGiB);
  eng(tag('Model loading took'), vllmLogLine('Model loading took', version, mem.weights.toFixed(2), (Date.now() - t0) / 1000));
  if (b.mm) eng(tag('Encoder cache will be initialized with a'), 'Encoder cache will be initialized with a budget of 16384 tokens, and profiled with 1 image items of the maximum feature size.');
  if (fail?.kind === 'kernel-load' && fail.where === 'mm') return engineCoreDied(log, core, fail, ctx);

  if (!args.enforceEager) {
    eng(tag("for vLLM's torch.compile"), `Using cache directory: /root/.cache/vllm/torch_compile_cache/9093e5f81b/rank_0_0/backbone for vLLM's torch.compile`);
    await ctx.sleep(config.traits.startup.compile_s / 2);
    eng(tag('Dynamo bytecode transform time'), `Dynamo bytecode transform time: ${(config.traits.startup.compile_s / 2).toFixed(2)} s`);
    await ctx.sleep(config.traits.startup.compile_s / 2);
    eng(tag('Compiling a graph for'), `Compiling a graph for compile range (1, 8192) takes ${(config.traits.startup.compile_s / 2).toFixed(2)} s`);
    eng(tag('torch.compile t'), vllmLogLine('torch.compile t', version, config.traits.startup.compile_s));
  }
  if (fail?.kind === 'kernel-load' || fail?.kind === 'transient') return engineCoreDied(log, core, fail, ctx);
  if (has('Initial profiling/warmup run took')) eng(tag('Initial profiling/warmup run took'), 'Initial profiling/warmup run took 0.01 s');
  eng(tag('Available KV cache memory: '), `Available KV cache memory: ${mem.kv.toFixed(2)} GiB`);
  eng(tag('GPU KV cache size'), vllmLogLine('GPU KV cache size', version, mem.kvTokens.toLocaleString('en-US')));
  eng(tag('Maximum concurrency for'), `Maximum concurrency for ${maxModelLenOf(args).toLocaleString('en-US')} tokens per request: ${mem.concurrency.toFixed(2)}x`);

  const captured = vllmGraphDowngrade(mode, b.lm, args, config);
  for (const w of captured.warnings) log.warn(core, w.where, w.text);
  if (captured.mode !== 'NONE') {
    const mode = captured.mode;
    const n = args.speculative ? 49 : 51;
    const passes: Array<[string, 'PIECEWISE' | 'FULL']> = [];
    if (mode === 'PIECEWISE' || mode === 'FULL_AND_PIECEWISE') passes.push(['mixed prefill-decode, PIECEWISE', 'PIECEWISE']);
    if (mode === 'FULL' || mode === 'FULL_AND_PIECEWISE') passes.push([mode === 'FULL' ? 'mixed prefill-decode, FULL' : 'decode, FULL', 'FULL']);
    const per = config.traits.startup.graphs_s / passes.length;
    for (const [label, kind] of passes) {
      const steps = [0, Math.floor(n / 2), n - 3, n];
      for (let i = 0; i < steps.length; i++) {
        const done = steps[i]!;
        if (kind === 'FULL' && fail?.kind === 'mtp-capture' && done === n) return engineCoreDied(log, core, fail, ctx);
        log.raw(null, progressBar(`Capturing CUDA graphs (${label})`, done, n, (per * done) / n));
        if (i < steps.length - 1) await ctx.sleep(per / 3);
      }
    }
    eng(tag('Graph capturing finished'), vllmLogLine('Graph capturing finished', version, Math.max(1, Math.round(config.traits.startup.graphs_s)), mem.graphs));
  }
  const total = config.traits.startup.weights_s + config.traits.startup.compile_s + config.traits.startup.graphs_s;
  if (has('init engine (profile, create kv cache, warmup model) took')) eng(tag('init engine (profile, create kv cache, warmup model) took'), `init engine (profile, create kv cache, warmup model) took ${total.toFixed(2)} seconds`);
  if (has('Supported tasks: %s')) api(tag('Supported tasks: %s'), "Supported tasks: ['generate']");
  // The release's own words (0.18 renamed the line; the phase parser reads either).
  const serving = vllmLogFormat('Starting vLLM', version);
  const url = `http://${args.host}:${args.port}`;
  api(tag('Starting vLLM'), printf(serving, conversions(serving) === 2 ? [0, url] : [url]));
  api(tag('Available routes are:'), 'Available routes are:');
  for (const [route, methods] of ROUTES) api(tag('Route: %s, Methods: %s'), `Route: ${route}, Methods: ${methods}`);
  await ctx.listen();
  // vLLM hands uvicorn its socket, so uvicorn does not log "Uvicorn running on".
  for (const line of uvicornStartup(null)) log.raw(API_SERVER, line, 'stdout');
  return { ready: true };
}
