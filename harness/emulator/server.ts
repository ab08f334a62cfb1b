// The in-process emulator: parse the engine command, run the engine's startup (failing where the
// real one fails), then serve. Used by main.ts in the container and directly by tests.
// In-process it never calls process.exit: the exit code arrives on `exited`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseNimCommand, parseNimEnv, parseServeArgv, type ParseResult, type ServeArgs } from './argv/serve-args.ts';
import { NIM_DEFAULT_MODEL } from './argv/serve-args-nim.ts';
import { bakedModelOf, bannerOf, NGC_ENTRYPOINT, personalityOf, resolveLaunch } from './argv/personality.ts';
import { nimStartup, selectProfile } from './startup/startup-nim.ts';
import { EmulatorTraits, type EmulatorConfig } from '../core/emulator-traits.ts';
import { decideFailures, graphModeInEffect, hasVisionEncoder, isServingFailure, type Failure } from './startup/failures.ts';
import { AbortedError, maxModelLenOf, type StartupContext, type StartupResult } from './startup/startup-context.ts';
import { vllmStartup } from './startup/startup-vllm.ts';
import { printSglangImageCrash, sglangStartup } from './startup/startup-sglang.ts';
import { countStart, floodLog, printServingCrash, STATE_DIR_ENV } from './startup/faults.ts';
import { hangsAfterCrash, withStall, type Hang } from './startup/startup-faults.ts';
import { ServerMetrics, sglangDecodeLogInterval } from './serve/metrics.ts';
import { handle, type RouteState } from './serve/routes.ts';
import type { Out, Stream } from './startup/log.ts';
import { Lifecycle } from './serve/lifecycle.ts';

export interface StartOptions {
  /** The container command, e.g. ['vllm', 'serve', 'Qwen/Qwen3-0.6B', '--port', '8000']. */
  argv: string[];
  config: EmulatorConfig;
  /** Where log lines go; default: nowhere. A call may carry several lines joined by newlines (the log flood's batches). */
  out?: (line: string, stream: Stream) => void;
  /** Resolves once what `out` was given has gone out (the pipe drained); the log flood waits for it. Default: at once. */
  drained?: () => Promise<void>;
  /** Open the HTTP port at all (default true). */
  listen?: boolean;
  /** Override the port from argv (0 = any free port; tests). */
  port?: number;
  /** Override the host from argv. */
  host?: string;
  /** Environment (NIM configuration, MATRIX_EMULATOR_STATE_DIR); default process.env. */
  env?: Record<string, string | undefined>;
}

export interface EmulatorHandle {
  /** The listening port (0 when not listening). */
  port: number;
  url: string;
  args: ServeArgs | null;
  /** Resolves true when the server is ready to serve, false when startup failed. */
  ready: Promise<boolean>;
  /** Resolves with the process exit code: startup failure, injected crash, or 0 after close(). */
  exited: Promise<number>;
  close(): Promise<void>;
}

/** Fill in the traits' defaults (a config may come from JSON written by anyone). */
export function normaliseConfig(config: EmulatorConfig): EmulatorConfig {
  const traits = EmulatorTraits.parse(config.traits ?? {});
  // The image's traits may pin the driver a GPU runs with (matrix `emulate.driver_cuda`).
  const driverCuda = traits.driver_cuda[config.gpu.name] ?? config.gpu.driverCuda;
  return { ...config, traits, gpu: { ...config.gpu, driverCuda } };
}

/** A NIM image serves its own model: a NIM command that names none serves the baked-in one. */
function withBakedModel(parsed: ParseResult, config: EmulatorConfig): ParseResult {
  if (!parsed.ok || parsed.args.engine !== 'nim' || personalityOf(config) !== 'nim' || parsed.args.model !== NIM_DEFAULT_MODEL) return parsed;
  const model = bakedModelOf(config);
  return { ok: true, args: { ...parsed.args, model, servedModelName: parsed.args.servedModelName === NIM_DEFAULT_MODEL ? model : parsed.args.servedModelName } };
}

function parseCommand(opts: StartOptions, config: EmulatorConfig, env: Record<string, string>): { wrapped: boolean; parsed: ParseResult } {
  const { wrapped, command } = resolveLaunch(config, opts.argv);
  const personality = personalityOf(config);
  // NIM's wrapper runs the image's default action (nim-serve) with the Cmd as its arguments.
  if (personality === 'nim' && wrapped) return { wrapped, parsed: withBakedModel(parseNimCommand(command, env), config) };
  if (personality === null && config.engine === 'nim' && command.length === 0) return { wrapped, parsed: { ok: true, args: parseNimEnv(env) } };
  // An image whose command is empty runs bash with no terminal, which exits at once.
  if (personality !== null && command.length === 0) return { wrapped, parsed: { ok: false, exitCode: 0, stderr: '' } };
  // vLLM and SGLang parse as the emulated release does (their facts); NIM's nim-serve takes no release.
  const parsed = parseServeArgv(command, env, config.engine === 'nim' ? null : config.traits.version);
  if (!parsed.ok && wrapped && parsed.exitCode === 127) {
    return { wrapped, parsed: { ok: false, exitCode: 127, stderr: `${NGC_ENTRYPOINT}: exec: ${command[0]}: not found\n` } };
  }
  return { wrapped, parsed: withBakedModel(parsed, config) };
}

/** What the HTTP routes serve from: the parsed command, limits, the responder and how a crash ends the process. */
function routeState(args: ServeArgs, config: EmulatorConfig, life: Lifecycle, out: Out, enginePid: number): RouteState {
  const spec = args.speculative;
  const metrics = new ServerMetrics(spec?.numSpeculativeTokens ?? 0, args.decodeLogInterval ?? sglangDecodeLogInterval(config.traits.version));
  return {
    args,
    config,
    limits: {
      servedModelName: args.servedModelName,
      maxModelLen: maxModelLenOf(args),
      maxImages: hasVisionEncoder(args, config) ? (args.limitMmPerPrompt?.image ?? 999) : 0,
      modelTakesImages: config.model.modalities.includes('image'),
    },
    responder: {
      traits: config.traits,
      modelName: args.servedModelName,
      spec: spec ? { numSpeculativeTokens: spec.numSpeculativeTokens, acceptance: config.traits.mtp_acceptance, lossy: config.traits.faults.lossy_speculation === true } : null,
      acceptance: { steps: 0, accepted: 0 },
      metrics,
      at: (t) => life.wait(t - performance.now()),
      hung: life.hung,
      graphs: semanticGraphs(graphModeInEffect(args, config)),
    },
    ready: false,
    chatRequests: 0,
    onChatDone: (k) => {
      const n = config.traits.faults.crash_after_requests;
      if (n !== undefined && k >= n && life.exitCode === null) {
        printServingCrash(out, args.engine, enginePid, config.traits.version);
        void life.shutdown(1);
      }
    },
    log: (l) => out(l, 'stdout'),
    imageCrash: null,
    nimProfile: null,
    crash: (f) => {
      printSglangImageCrash(out, f, { config });
      void life.shutdown(1);
    },
  };
}

/** Opens the HTTP port (unless listen is false); resolves `listening` either way. */
function listener(state: RouteState, life: Lifecycle, opts: StartOptions, bind: { port: number; host: string }) {
  let resolveListening!: () => void;
  const listening = new Promise<void>((r) => (resolveListening = r));
  let port = 0;
  const listen = async () => {
    if (opts.listen === false) return resolveListening();
    const server = createServer((req, res) => {
      handle(state, req, res).catch((e: unknown) => {
        if (!(e instanceof AbortedError) && !res.headersSent) {
          res.writeHead(500);
          res.end();
        }
      });
    });
    life.server = server;
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? bind.port, bind.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    resolveListening();
  };
  return { listen, listening, release: () => resolveListening(), port: () => port };
}

/** The failure this start meets (decided from the config and command, or a transient one for the first starts) and the one serving meets. */
function failuresOf(args: ServeArgs, config: EmulatorConfig, env: Record<string, string>): { startup: Failure | null; serving: Failure | null } {
  const failures = decideFailures(args, config);
  let startup: Failure | null = failures.find((f) => !isServingFailure(args.engine, f)) ?? null;
  const starts = countStart(env[STATE_DIR_ENV]);
  const failFirst = config.traits.faults.fail_first_starts ?? 0;
  if (starts !== null && starts < failFirst && startup === null) startup = { kind: 'transient', phase: 'profile' };
  return { startup, serving: failures.find((f) => isServingFailure(args.engine, f)) ?? null };
}

/**
 * The engine's startup with the faults around it: a log flood and a slow start before it, and the
 * hangs (startup/startup-faults.ts): `stall_at` goes silent at a phase, `hang_after_crash` keeps a
 * failed start running after its traceback.
 */
async function runStartup(plain: StartupContext, opts: StartOptions, env: Record<string, string>, nim: ReturnType<typeof selectProfile> | null, hang: Hang): Promise<StartupResult> {
  const faults = plain.config.traits.faults;
  const { ctx, stalled } = withStall(plain, faults, hang);
  if (faults.log_flood_mb) await floodLog(plain.out, faults.log_flood_mb, ctx.enginePid, opts.drained ?? (() => Promise.resolve()));
  if (faults.slow_start_s) await ctx.sleep(faults.slow_start_s);
  const r = nim ? await nimStartup(ctx, env, nim) : ctx.args.engine === 'sglang' ? await sglangStartup(ctx) : await vllmStartup(ctx);
  if (stalled() || (!r.ready && hangsAfterCrash(faults, r.exitCode))) await hang();
  return r;
}

export async function startEmulator(opts: StartOptions): Promise<EmulatorHandle> {
  const config = normaliseConfig(opts.config);
  const out: Out = opts.out ?? (() => {});
  const env = Object.fromEntries(Object.entries(opts.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const life = new Lifecycle();
  const { ready, exited } = life;

  const { wrapped, parsed } = parseCommand(opts, config, env);
  if (wrapped) for (const l of bannerOf(config)) out(l, 'stdout');
  if (!parsed.ok) {
    if (parsed.stderr !== '') for (const l of parsed.stderr.replace(/\n$/, '').split('\n')) out(l, 'stderr');
    await life.shutdown(parsed.exitCode);
    return { port: 0, url: '', args: null, ready, exited, close: async () => {} };
  }
  const args = parsed.args;
  const enginePid = 100 + (Math.abs(args.port) % 400);
  const state = routeState(args, config, life, out, enginePid);
  const nim = personalityOf(config) === 'nim' && args.engine === 'nim' ? selectProfile(config, env) : null;
  if (nim?.ok) state.nimProfile = nim.profile;
  const http = listener(state, life, opts, { port: args.port, host: opts.host ?? args.host });
  const failure = failuresOf(args, config, env);
  state.imageCrash = failure.serving;
  const becomeReady = () => {
    state.ready = true;
    life.markReady();
  };
  const ctx: StartupContext = { args, config, failure: failure.startup, out, sleep: (s) => life.wait(s * 1000), enginePid, listen: http.listen, markReady: becomeReady };
  // A hung start: alive, silent, never ready; the handle is given out so that it can be closed.
  const hang: Hang = () => {
    http.release();
    return life.hang();
  };
  runStartup(ctx, opts, env, nim, hang).then(
    (r) => (r.ready ? becomeReady() : void life.shutdown(r.exitCode)),
    (e: unknown) => {
      if (!(e instanceof AbortedError)) {
        out(`emulator internal error: ${(e as Error)?.stack ?? String(e)}`, 'stderr');
        void life.shutdown(1);
      }
    },
  );
  await Promise.race([http.listening, exited]);
  const port = http.port();
  return { port, url: port ? `http://127.0.0.1:${port}` : '', args, ready, exited, close: () => life.shutdown(0) };
}

/** The matrix's name for the mode decoding runs under: FULL_AND_PIECEWISE decodes with FULL graphs. */
function semanticGraphs(mode: ReturnType<typeof graphModeInEffect>): 'full' | 'piecewise' | 'off' {
  return mode === 'NONE' ? 'off' : mode === 'PIECEWISE' ? 'piecewise' : 'full';
}
