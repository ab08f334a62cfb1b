// SGLang's startup (python3 -m sglang.launch_server), in its own format: server_args, TP0 scheduler
// lines (weights, KV cache pool, CUDA graph capture), uvicorn, the warm-up request and
// "The server is fired up and ready to roll!". Failures: "Scheduler hit an exception" then
// "Received sigquit from a child process". The HTTP server listens only once the scheduler is up
// (launch_server waits for it before uvicorn.run); GET /health answers 200 from then on before 0.5.0,
// and only after the warm-up from 0.5.0 (facts/sglang/readiness.ts). Which log lines a release prints
// and which backend it picks by default come from the facts.
import { isOlder } from '../../engines/version.ts';
import { sglangLogLine, sglangRelease } from '../../engines/sglang-facts.ts';
import { SglangLog, progressBar } from './log.ts';
import { uvicornStartup } from './uvicorn-lines.ts';
import { effectiveGraphMode, DEFAULT_MODEL_GIB, type Failure } from './failures.ts';
import { sglangBackendName } from '../argv/backend-names.ts';
import { sglangAutoBackend, sglangMmFa3Refused } from './sglang-backends.ts';
import { engineCoreTraceback, modelTypeOf } from './tracebacks-vllm.ts';
import { maxModelLenOf, memoryPlan, type StartupContext, type StartupResult } from './startup-context.ts';

const SRT = '/sgl-workspace/sglang/python/sglang/srt';

function exceptionOf(f: Failure, ctx: StartupContext): string[] {
  switch (f.kind) {
    case 'unknown-architecture':
      return [`ValueError: The checkpoint you are trying to load has model type \`${modelTypeOf(f.architecture)}\` but Transformers does not recognize this architecture. This could be because of an issue with the checkpoint, or because your version of Transformers is out of date.`];
    case 'tp-exceeds-gpus':
      return [`RuntimeError: CUDA error: invalid device ordinal`, 'Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.'];
    case 'backend-unsupported':
      if (f.where === 'mm' && sglangMmFa3Refused(ctx.config, f.backend)) return ["ValueError: The 'fa3' backend is not supported on Blackwell GPUs"];
      return [`ValueError: Invalid attention backend: ${sglangBackendName(f.backend)}`];
    case 'mtp-capture':
      return ['RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing'];
    default: {
      const tb = engineCoreTraceback(f, ctx.config.model.architecture, ctx.config.gpu.memoryGiB, null);
      const i = tb.findIndex((l) => /^(torch\.|RuntimeError|ValueError)/.test(l));
      return tb.slice(Math.max(0, i)).filter((l) => l !== '');
    }
  }
}

function schedulerDied(log: SglangLog, f: Failure, ctx: StartupContext): StartupResult {
  const where = f.phase === 'capture' || f.kind === 'kernel-load'
    ? [`  File "${SRT}/model_executor/model_runner.py", line 2048, in init_device_graphs`, '    self.graph_runner = graph_runners[self.device](self)',
       `  File "${SRT}/model_executor/cuda_graph_runner.py", line 378, in __init__`, '    self.capture()',
       `  File "${SRT}/model_executor/cuda_graph_runner.py", line 497, in capture`, '    ) = self.capture_one_batch_size(bs, forward)']
    : [`  File "${SRT}/model_executor/model_runner.py", line 720, in load_model`, '    self.model = get_model(',
       `  File "${SRT}/model_loader/__init__.py", line 28, in get_model`, '    return loader.load_model(model_config=model_config, device_config=device_config)'];
  log.line(0, [
    'Scheduler hit an exception: Traceback (most recent call last):',
    `  File "${SRT}/managers/scheduler.py", line 2928, in run_scheduler_process`, '    scheduler = Scheduler(',
    `  File "${SRT}/managers/scheduler.py", line 331, in __init__`, '    self.tp_worker = TpModelWorker(',
    `  File "${SRT}/managers/tp_worker.py", line 237, in __init__`, '    self._model_runner = ModelRunner(',
    `  File "${SRT}/model_executor/model_runner.py", line 323, in __init__`, '    self.initialize(min_per_gpu_memory)',
    ...where,
    ...exceptionOf(f, ctx),
    '',
  ].join('\n'), 'stderr');
  log.line(null, 'Received sigquit from a child process. It usually means the child failed.', 'stderr');
  return { ready: false, exitCode: 1 };
}

/**
 * SGLang runs no vision-encoder profiling pass at startup: a vision kernel that cannot load kills
 * the scheduler at the first image request, while serving.
 */
export function printSglangImageCrash(out: StartupContext['out'], f: Failure, ctx: Pick<StartupContext, 'config'>): void {
  const log = new SglangLog(out);
  const error = exceptionOf(f, ctx as StartupContext);
  log.line(0, [
    'Scheduler hit an exception: Traceback (most recent call last):',
    `  File "${SRT}/managers/scheduler.py", line 2935, in run_scheduler_process`, '    scheduler.event_loop_overlap()',
    `  File "${SRT}/managers/scheduler.py", line 1012, in event_loop_overlap`, '    batch_result = self.run_batch(batch)',
    `  File "${SRT}/model_executor/model_runner.py", line 2201, in forward_extend`, '    return self.model.forward(',
    `  File "${SRT}/managers/mm_utils.py", line 688, in general_mm_embed_routine`, '    inputs_embeds = embed_mm_inputs(',
    `  File "${SRT}/layers/attention/vision.py", line 412, in forward`, '    output = flash_attn_varlen_func(',
    ...error,
    '',
  ].join('\n'), 'stderr');
  log.line(null, 'Received sigquit from a child process. It usually means the child failed.', 'stderr');
}

/** "Attention backend not (explicitly) specified. Use X backend by default." where the release prints it. */
function attentionDefaultLine(log: SglangLog, ctx: StartupContext): void {
  if (ctx.args.attentionName) return;
  const v = ctx.config.traits.version;
  const fact = sglangLogLine('Attention backend not explicitly specified. Use ', v) ?? sglangLogLine('Attention backend not specified. Use ', v);
  if (fact === undefined) return;
  // model_runner.py logs from the TP0 scheduler; server_args.py (0.5.5 on) from the launcher.
  const at = fact.sources.find((x) => x.release === sglangRelease(v)) ?? fact.sources.at(-1);
  const tp = at?.path.endsWith('server_args.py') ? null : 0;
  log.line(tp, `${fact.text}${sglangAutoBackend(ctx.config).name} backend by default.`);
}

function serverArgsLine(ctx: StartupContext): string {
  const { args } = ctx;
  return `server_args=ServerArgs(model_path='${args.model}', tokenizer_path='${args.model}', trust_remote_code=${args.trustRemoteCode ? 'True' : 'False'}, context_length=${args.maxModelLen ?? 'None'}, served_model_name='${args.servedModelName}', host='${args.host}', port=${args.port}, mem_fraction_static=${args.gpuMemoryUtilization ?? 0.88}, tp_size=${args.tensorParallelSize}, attention_backend=${args.attentionName ? `'${args.attentionName}'` : 'None'}, mm_attention_backend=${args.mmAttentionName ? `'${args.mmAttentionName}'` : 'None'}, speculative_algorithm=${args.speculative ? `'${args.speculative.method.toUpperCase()}'` : 'None'}, disable_cuda_graph=${effectiveGraphMode(args) === 'NONE' ? 'True' : 'False'}, enable_metrics=${args.metricsEnabled ? 'True' : 'False'})`;
}

/** Decode graphs, then (with --enable-piecewise-cuda-graph, where the release logs it) piecewise ones. */
async function captureGraphs(log: SglangLog, ctx: StartupContext, availGiB: number, graphsGiB: number): Promise<StartupResult | null> {
  const { config } = ctx;
  const s = config.traits.startup.graphs_s;
  log.line(0, `Capture cuda graph begin. This can take up to several minutes. avail mem=${availGiB.toFixed(2)} GB`);
  const n = 36;
  for (const done of [0, 18, 33, n]) {
    if (done === n && ctx.failure) return schedulerDied(log, ctx.failure, ctx);
    log.raw(progressBar(`Capturing batches (bs=${n - done || 1} avail_mem=${availGiB.toFixed(2)} GB)`, done, n, s * (done / n)));
    if (done < n) await ctx.sleep(s / 3);
  }
  log.line(0, `Capture cuda graph end. Time elapsed: ${s.toFixed(2)} s. mem usage=${graphsGiB.toFixed(2)} GB. avail mem=${(availGiB - graphsGiB).toFixed(2)} GB.`);
  if (ctx.args.cudagraphMode === 'FULL_AND_PIECEWISE' && sglangLogLine('Capture piecewise CUDA graph end. Time elapsed: ', config.traits.version)) {
    log.line(0, `Capture piecewise CUDA graph begin. avail mem=${(availGiB - graphsGiB).toFixed(2)} GB`);
    await ctx.sleep(s / 3);
    log.line(0, `Capture piecewise CUDA graph end. Time elapsed: ${(s / 3).toFixed(2)} s. mem usage=0.10 GB. avail mem=${(availGiB - graphsGiB - 0.1).toFixed(2)} GB.`);
  }
  return null;
}

/**
 * The warm-up request's prefill line as the release logs it (facts/sglang/log-lines.ts): its opening
 * ("Prefill batch. " through 0.5.2, "Prefill batch [N], " in 0.5.4, "Prefill batch, " from 0.5.5),
 * 0.4.0's cache hit rate, the last field without its comma up to 0.4.6, and from 0.5.9 the input
 * throughput (0.00: no prefill before it) and whether the batch ran on a (piecewise) CUDA graph.
 */
export function sglangPrefillLine(version: string, piecewiseGraphs: boolean): string {
  const has = (text: string) => sglangLogLine(text, version) !== undefined;
  const fields = ['#new-seq: 1', '#new-token: 6', '#cached-token: 0', ...(has('cache hit rate: ') ? ['cache hit rate: 0.00%'] : []), 'token usage: 0.00', '#running-req: 0', '#queue-req: 0'];
  const open = has('Prefill batch [%d], ') ? 'Prefill batch [1], ' : has('Prefill batch, ') ? 'Prefill batch, ' : 'Prefill batch. ';
  if (has('#queue-req: %d')) return `${open}${fields.join(', ')}`;
  const tail = [...(has('input throughput (token/s): ') ? ['input throughput (token/s): 0.00, '] : []), ...(has('cuda graph: ') ? [`cuda graph: ${piecewiseGraphs ? 'True' : 'False'}`] : [])];
  return `${open}${fields.map((f) => `${f}, `).join('')}${tail.join('')}`;
}

/** uvicorn starts once the scheduler is up; before 0.5.0 /health is 200 from that moment. */
async function serve(log: SglangLog, ctx: StartupContext): Promise<void> {
  await ctx.listen();
  if (isOlder(ctx.config.traits.version, '0.5.0')) ctx.markReady?.();
  for (const line of uvicornStartup({ host: ctx.args.host, port: ctx.args.port })) log.line(null, line);
  log.line(null, 'INFO:     127.0.0.1:40118 - "GET /get_model_info HTTP/1.1" 200 OK');
  await ctx.sleep(0.05); // the warm-up request's round trip
  log.line(0, sglangPrefillLine(ctx.config.traits.version, ctx.args.cudagraphMode === 'FULL_AND_PIECEWISE'));
  log.line(null, 'INFO:     127.0.0.1:40124 - "POST /generate HTTP/1.1" 200 OK');
  log.line(null, 'The server is fired up and ready to roll!');
}

export async function sglangStartup(ctx: StartupContext): Promise<StartupResult> {
  const { args, config } = ctx;
  const log = new SglangLog(ctx.out);
  const fail = ctx.failure;
  const arch = config.model.architecture ?? 'Qwen3ForCausalLM';
  log.line(null, serverArgsLine(ctx));
  await ctx.sleep(0.05);
  if (fail?.kind === 'unknown-architecture') return schedulerDied(log, fail, ctx);
  attentionDefaultLine(log, ctx);
  log.line(0, 'Init torch distributed begin.');
  if (fail?.kind === 'tp-exceeds-gpus') return schedulerDied(log, fail, ctx);
  // 0.4.0 and 0.5.9 log no 'ends' line (facts/sglang/log-lines.ts).
  if (sglangLogLine('Init torch distributed ends. mem usage=', config.traits.version)) log.line(0, 'Init torch distributed ends. mem usage=0.00 GB');
  if (fail?.kind === 'backend-unsupported') return schedulerDied(log, fail, ctx);
  const total = config.gpu.memoryGiB;
  const mem = memoryPlan(args, config, config.model.sizeGiB ?? DEFAULT_MODEL_GIB);
  log.line(0, `Load weight begin. avail mem=${(total - 1.3).toFixed(2)} GB`);
  log.line(0, "Using model weights format ['*.safetensors']");
  await ctx.sleep(config.traits.startup.weights_s);
  log.raw('Loading safetensors checkpoint shards: 100% Completed | 1/1 [00:00<00:00,  2.83it/s]');
  if (fail?.kind === 'oom') return schedulerDied(log, fail, ctx);
  log.line(0, `Load weight end. type=${arch}, dtype=torch.bfloat16, avail mem=${(total - 1.3 - mem.weights).toFixed(2)} GB, mem usage=${mem.weights.toFixed(2)} GB.`);
  log.line(0, `KV Cache is allocated. #tokens: ${mem.kvTokens}, K size: ${(mem.kv / 2).toFixed(2)} GB, V size: ${(mem.kv / 2).toFixed(2)} GB`);
  const avail = total * (1 - mem.util);
  log.line(0, `${sglangLogLine('Memory pool end. avail mem=', config.traits.version)?.text ?? 'Memory pool end. avail mem='}${avail.toFixed(2)} GB`);
  await ctx.sleep(config.traits.startup.compile_s);
  if (effectiveGraphMode(args) !== 'NONE') {
    const died = await captureGraphs(log, ctx, avail, mem.graphs);
    if (died) return died;
  } else if (fail) {
    return schedulerDied(log, fail, ctx);
  }
  log.line(0, `max_total_num_tokens=${mem.kvTokens}, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=4096, context_len=${maxModelLenOf(args)}, available_gpu_mem=${avail.toFixed(2)} GB`);
  await serve(log, ctx);
  return { ready: true };
}
