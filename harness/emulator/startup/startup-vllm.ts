// vLLM's startup, line by line in the real order and format (V1 engine, 0.1x): API server banner
// and config, engine core init, backend selection, weight loading, torch.compile, profiling,
// KV cache, CUDA graph capture, routes, uvicorn. Fails where the real engine fails.
import { API_SERVER, VllmLog, progressBar, type VllmProcess } from './log.ts';
import { effectiveGraphMode, resolveBackends, usesMtp, DEFAULT_MODEL_GIB, type Backends, type Failure } from './failures.ts';
import { vllmBackendName } from '../argv/backend-names.ts';
import { vllmGraphDowngrade, type GraphMode } from './cudagraph-downgrade-vllm.ts';
import { conversions, printf, vllmBackendLine, vllmHasLogLine, vllmLogFormat, vllmLogLine, vllmTag } from './log-lines-vllm.ts';
import type { AttentionBackend } from '../../core/cell.ts';
import { uvicornStartup } from './uvicorn-lines.ts';
import { apiServerConfigTraceback, apiServerTraceback, engineCoreTraceback, vllmFrame } from './tracebacks-vllm.ts';
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
  const version = ctx.config.traits.version;
  const tb = engineCoreTraceback(f, ctx.config.model.architecture, ctx.config.gpu.memoryGiB, version);
  log.errorBlock(core, vllmTag('EngineCore failed to start.', ctx.config.traits.version), ['EngineCore failed to start.', 'Traceback (most recent call last):', ...tb].join('\n'));
  log.raw(core, ['Process EngineCore_DP0:', 'Traceback (most recent call last):',
    '  File "/usr/lib/python3.12/multiprocessing/process.py", line 314, in _bootstrap', '    self.run()',
    '  File "/usr/lib/python3.12/multiprocessing/process.py", line 108, in run', '    self._target(*self._args, **self._kwargs)',
    ...vllmFrame(['vllm/v1/engine/core.py', 1024, 'run_engine_core', 'raise e'], version),
    ...tb.slice(2)].join('\n'));
  log.raw(API_SERVER, apiServerTraceback(version).join('\n'));
  return { ready: false, exitCode: 1 };
}

type Died = StartupResult | null;

/** One vLLM start, phase by phase; each phase returns the result of a death (null: carry on). */
class VllmStart {
  readonly log: VllmLog;
  readonly core: VllmProcess;
  readonly version: string;
  constructor(readonly ctx: StartupContext) {
    this.log = new VllmLog(ctx.out);
    this.core = { name: 'EngineCore_DP0', pid: ctx.enginePid };
    this.version = ctx.config.traits.version;
  }

  api(literal: string, m: string): void {
    this.log.info(API_SERVER, this.tag(literal), m);
  }
  eng(literal: string, m: string): void {
    this.log.info(this.core, this.tag(literal), m);
  }
  /** A line not every release prints, only where the log-line facts hold it (facts/vllm/log-lines-startup.ts). */
  has(literal: string): boolean {
    return vllmHasLogLine(literal, this.version);
  }
  /** The `file.py:line` the release prints on a line, from the line the facts cite there. */
  tag(literal: string): string {
    return vllmTag(literal, this.version);
  }
  died(): StartupResult {
    return engineCoreDied(this.log, this.core, this.ctx.failure!, this.ctx);
  }

  /** The API server: its banner (0.15.0 replaced the version line with a logo), its arguments and config. */
  async apiServer(): Promise<Died> {
    const { args, config, failure } = this.ctx;
    if (this.has('█     █     █▄   ▄█')) {
      const logo = ['', '       █     █     █▄   ▄█', ` ▄▄ ▄█ █     █     █ ▀▄▀ █  version ${this.version}`, `  █▄█▀ █     █     █     █  model   ${args.model}`, '   ▀▀  ▀▀▀▀▀ ▀▀▀▀▀ ▀     ▀', ''];
      for (const line of logo) this.api('█     █     █▄   ▄█', line);
    } else if (this.has('vLLM API server version')) this.api('vLLM API server version', `vLLM API server version ${this.version}`);
    this.api('non-default args: %s', `non-default args: ${pyRepr(nonDefaultArgs(this.ctx))}`);
    if (failure?.phase === 'config') {
      this.log.raw(API_SERVER, apiServerConfigTraceback(failure, this.version).join('\n'));
      return { ready: false, exitCode: 1 };
    }
    this.api('Resolved architecture: %s', `Resolved architecture: ${config.model.architecture ?? 'Qwen3ForCausalLM'}`);
    this.api('Using max model len %s', `Using max model len ${maxModelLenOf(args)}`);
    this.api('Chunked prefill is enabled', 'Chunked prefill is enabled with max_num_batched_tokens=8192.');
    if (args.enforceEager && this.has('Enforce eager set')) this.log.warn(API_SERVER, this.tag('Enforce eager set'), 'Enforce eager set, disabling torch.compile and CUDAGraphs. This is equivalent to setting -cc.mode=none -cc.cudagraph_mode=none');
    await this.ctx.sleep(0.05);
    return null;
  }

  /** The engine core's config line, then the attention backends it selects (the release's own selection line). */
  engineCore(mode: string, b: Backends): Died {
    const { args, config } = this.ctx;
    const spec = args.speculative ? `SpeculativeConfig(method='${args.speculative.method}', model='${args.model}', num_spec_tokens=${args.speculative.numSpeculativeTokens})` : 'None';
    this.eng('Initializing a V1 LLM engine', `Initializing a V1 LLM engine (v${this.version}) with config: model='${args.model}', speculative_config=${spec}, tokenizer='${args.model}', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, trust_remote_code=${args.trustRemoteCode ? 'True' : 'False'}, dtype=torch.bfloat16, max_seq_len=${maxModelLenOf(args)}, download_dir=None, load_format=auto, tensor_parallel_size=${args.tensorParallelSize}, pipeline_parallel_size=1, data_parallel_size=1, quantization=None, enforce_eager=${args.enforceEager ? 'True' : 'False'}, kv_cache_dtype=auto, device_config=cuda, seed=0, served_model_name=${args.servedModelName}, enable_prefix_caching=True, enable_chunked_prefill=True, compilation_config={'mode': <CompilationMode.${args.enforceEager ? 'NONE: 0' : 'VLLM_COMPILE: 3'}>, 'cudagraph_mode': ${graphModeRepr(mode)}}`);
    this.eng('world_size=%d rank=%d local_rank=%d', `world_size=${args.tensorParallelSize} rank=0 local_rank=0 distributed_init_method=tcp://127.0.0.1:51751 backend=nccl`);
    this.eng('Starting to load model %s...', `Starting to load model ${args.model}...`);
    const name = (x: string) => vllmBackendName(x as AttentionBackend, this.version);
    if (b.mm && this.has('for MMEncoderAttention')) this.eng('for MMEncoderAttention', `Using AttentionBackendEnum.${name(b.mm)} for MMEncoderAttention.`);
    if (this.ctx.failure?.kind === 'backend-unsupported') return this.died();
    const potential = ['flash', 'flashinfer', 'triton', 'flex'].filter((x) => x === 'triton' || x === 'flex' || config.traits.kernels[x]);
    const chose = vllmBackendLine(this.version, { backend: b.lm, explicit: b.lmExplicit, name: name(b.lm), potential: potential.map(name) });
    if (chose !== null) this.log.info(this.core, chose.where, chose.text);
    if (b.lm === 'flash' && this.has('Using FlashAttention version')) {
      const lib = config.traits.kernels.flash?.library ?? '_vllm_fa2_C';
      this.eng('Using FlashAttention version', `Using FlashAttention version ${lib.includes('fa3') ? 3 : 2}`);
    }
    return null;
  }

  /** Weights (and the drafter's), the model's memory, the encoder cache. */
  async loadModel(b: Backends): Promise<{ died: Died; mem: ReturnType<typeof memoryPlan> }> {
    const { args, config, failure } = this.ctx;
    const t0 = Date.now();
    const mainWeights = config.traits.startup.weights_s * (args.speculative ? 0.75 : 1);
    await this.ctx.sleep(mainWeights);
    this.log.raw(null, 'Loading safetensors checkpoint shards: 100% Completed | 1/1 [00:00<00:00,  2.83it/s]');
    const mem = memoryPlan(args, config, config.model.sizeGiB ?? DEFAULT_MODEL_GIB);
    if (failure?.kind === 'oom') return { died: this.died(), mem };
    this.eng('Loading weights took', vllmLogLine('Loading weights took', this.version, mainWeights));
    if (args.speculative) {
      this.eng('Loading drafter model...', 'Loading drafter model...');
      await this.ctx.sleep(config.traits.startup.weights_s * 0.25);
      this.eng('Loading weights took', vllmLogLine('Loading weights took', this.version, config.traits.startup.weights_s * 0.25));
      if (usesMtp(args) && this.has('Detected MTP model. ')) this.eng('Detected MTP model. ', 'Detected MTP model. Sharing target model embedding weights with the draft model.');
    }
    this.eng('Model loading took', vllmLogLine('Model loading took', this.version, mem.weights.toFixed(2), (Date.now() - t0) / 1000));
    if (b.mm) this.eng('Encoder cache will be initialized with a', 'Encoder cache will be initialized with a budget of 16384 tokens, and profiled with 1 image items of the maximum feature size.');
    if (failure?.kind === 'kernel-load' && failure.where === 'mm') return { died: this.died(), mem };
    return { died: null, mem };
  }

  /** torch.compile (unless eager), profiling, the KV cache. */
  async compileAndProfile(mem: ReturnType<typeof memoryPlan>): Promise<Died> {
    const { args, config, failure } = this.ctx;
    const compile = config.traits.startup.compile_s;
    if (!args.enforceEager) {
      this.eng("for vLLM's torch.compile", `Using cache directory: /root/.cache/vllm/torch_compile_cache/9093e5f81b/rank_0_0/backbone for vLLM's torch.compile`);
      await this.ctx.sleep(compile / 2);
      this.eng('Dynamo bytecode transform time', `Dynamo bytecode transform time: ${(compile / 2).toFixed(2)} s`);
      await this.ctx.sleep(compile / 2);
      this.eng('Compiling a graph for', `Compiling a graph for compile range (1, 8192) takes ${(compile / 2).toFixed(2)} s`);
      this.eng('torch.compile t', vllmLogLine('torch.compile t', this.version, compile));
    }
    if (failure?.kind === 'kernel-load' || failure?.kind === 'transient') return this.died();
    if (this.has('Initial profiling/warmup run took')) this.eng('Initial profiling/warmup run took', 'Initial profiling/warmup run took 0.01 s');
    this.eng('Available KV cache memory: ', `Available KV cache memory: ${mem.kv.toFixed(2)} GiB`);
    this.eng('GPU KV cache size', vllmLogLine('GPU KV cache size', this.version, mem.kvTokens.toLocaleString('en-US')));
    this.eng('Maximum concurrency for', `Maximum concurrency for ${maxModelLenOf(args).toLocaleString('en-US')} tokens per request: ${mem.concurrency.toFixed(2)}x`);
    return null;
  }

  /** CUDA graph capture in the mode the release really captures (after its silent downgrades). */
  async captureGraphs(asked: GraphMode, b: Backends, mem: ReturnType<typeof memoryPlan>): Promise<Died> {
    const { args, config, failure } = this.ctx;
    const captured = vllmGraphDowngrade(asked, b.lm, args, config);
    for (const w of captured.warnings) this.log.warn(this.core, w.where, w.text);
    const mode = captured.mode;
    if (mode === 'NONE') return null;
    const n = args.speculative ? 49 : 51;
    const passes: Array<[string, 'PIECEWISE' | 'FULL']> = [];
    if (mode === 'PIECEWISE' || mode === 'FULL_AND_PIECEWISE') passes.push(['mixed prefill-decode, PIECEWISE', 'PIECEWISE']);
    if (mode === 'FULL' || mode === 'FULL_AND_PIECEWISE') passes.push([mode === 'FULL' ? 'mixed prefill-decode, FULL' : 'decode, FULL', 'FULL']);
    const per = config.traits.startup.graphs_s / passes.length;
    for (const [label, kind] of passes) {
      const steps = [0, Math.floor(n / 2), n - 3, n];
      for (let i = 0; i < steps.length; i++) {
        const done = steps[i]!;
        if (kind === 'FULL' && failure?.kind === 'mtp-capture' && done === n) return this.died();
        this.log.raw(null, progressBar(`Capturing CUDA graphs (${label})`, done, n, (per * done) / n));
        if (i < steps.length - 1) await this.ctx.sleep(per / 3);
      }
    }
    this.eng('Graph capturing finished', vllmLogLine('Graph capturing finished', this.version, Math.max(1, Math.round(config.traits.startup.graphs_s)), mem.graphs));
    return null;
  }

  /** The engine is up: the API server says where it serves, its routes, and uvicorn starts. */
  async serve(): Promise<StartupResult> {
    const { args, config } = this.ctx;
    const total = config.traits.startup.weights_s + config.traits.startup.compile_s + config.traits.startup.graphs_s;
    if (this.has('init engine (profile, create kv cache, warmup model) took')) this.eng('init engine (profile, create kv cache, warmup model) took', `init engine (profile, create kv cache, warmup model) took ${total.toFixed(2)} seconds`);
    if (this.has('Supported tasks: %s')) this.api('Supported tasks: %s', "Supported tasks: ['generate']");
    // The release's own words (0.18 renamed the line; the phase parser reads either).
    const serving = vllmLogFormat('Starting vLLM', this.version);
    const url = `http://${args.host}:${args.port}`;
    this.api('Starting vLLM', printf(serving, conversions(serving) === 2 ? [0, url] : [url]));
    this.api('Available routes are:', 'Available routes are:');
    for (const [route, methods] of ROUTES) this.api('Route: %s, Methods: %s', `Route: ${route}, Methods: ${methods}`);
    await this.ctx.listen();
    // vLLM hands uvicorn its socket, so uvicorn does not log "Uvicorn running on".
    for (const line of uvicornStartup(null)) this.log.raw(API_SERVER, line, 'stdout');
    return { ready: true };
  }
}

export async function vllmStartup(ctx: StartupContext): Promise<StartupResult> {
  const start = new VllmStart(ctx);
  const early = await start.apiServer();
  if (early) return early;
  const mode = effectiveGraphMode(ctx.args, start.version);
  const b = resolveBackends(ctx.args, ctx.config);
  const died = start.engineCore(mode, b);
  if (died) return died;
  const loaded = await start.loadModel(b);
  if (loaded.died) return loaded.died;
  return (await start.compileAndProfile(loaded.mem)) ?? (await start.captureGraphs(mode, b, loaded.mem)) ?? start.serve();
}
