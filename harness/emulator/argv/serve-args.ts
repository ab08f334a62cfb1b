// The container command as the real engines parse it: the emulator reads its own argv with this,
// so a flag the real server would refuse is refused here, with the same exit code and words.
//
// Accepted launchers (the images in the wild, issue 12):
//   vllm serve MODEL [flags]                                  vllm/vllm-openai (ENTRYPOINT vllm serve)
//   vllm serve --model MODEL [flags]
//   python3 -m vllm.entrypoints.openai.api_server --model M   NGC and jetson-containers images
//   python3 -m sglang.launch_server --model-path M [flags]    lmsysorg/sglang
//   nim-serve [vLLM flags]                                    NVIDIA NIM 2.x, raw args as command
// A NIM needs no command; its configuration is the environment (parseNimEnv).
import type { AttentionBackend } from '../../core/cell.ts';
import { NIM_DEFAULT_MODEL, NIM_PASSTHROUGH_ENV, nimServeArgs, overlayNim } from './serve-args-nim.ts';
import { parseArgs, type ArgValues, type ParserSpec } from './serve-argparse.ts';
import { sglangParserSpec, sglangServeArgs } from './serve-args-sglang.ts';
import { vllmAttentionFromEnv, vllmParserSpec, vllmServeArgs } from './serve-args-vllm.ts';
import { apiServerIgnoresModelTag } from './serve-args-vllm-release.ts';

export interface ServeArgs {
  engine: 'vllm' | 'sglang' | 'nim';
  model: string;
  /** --served-model-name or the model. */
  servedModelName: string;
  host: string;
  /** Default 8000 vllm / 30000 sglang / 8000 nim. */
  port: number;
  /** Semantic id recovered from the engine's own value (TRITON_ATTN → 'triton'); null = engine default or no semantic id. */
  attention: AttentionBackend | null;
  mmAttention: AttentionBackend | null;
  speculative: { method: string; numSpeculativeTokens: number } | null;
  /** null = engine default. */
  cudagraphMode: 'FULL' | 'PIECEWISE' | 'FULL_AND_PIECEWISE' | 'NONE' | null;
  enforceEager: boolean;
  limitMmPerPrompt: Record<string, number> | null;
  languageModelOnly: boolean;
  tensorParallelSize: number;
  maxModelLen: number | null;
  gpuMemoryUtilization: number | null;
  trustRemoteCode: boolean;
  /** The engine's own attention backend name as given (e.g. "TRITON_ATTN", "fa3"), for log lines. */
  attentionName?: string | null;
  /** The engine's own vision-encoder attention backend name as given. */
  mmAttentionName?: string | null;
  /** The language model's backend came from VLLM_ATTENTION_BACKEND, not a flag. */
  attentionFromEnv?: boolean;
  /** SGLang --enable-metrics: /metrics is mounted only with it. Unset: the engine always serves /metrics. */
  metricsEnabled?: boolean;
  /** SGLang --decode-log-interval (null: the release's default): the speculative gauges' window. */
  decodeLogInterval?: number | null;
}

export type ParseResult = { ok: true; args: ServeArgs } | { ok: false; exitCode: number; stderr: string };

type Converter = (v: ArgValues, fail: (msg: string) => { error: string }) => { args: ServeArgs } | { error: string };

interface Launcher {
  spec: ParserSpec;
  rest: string[];
  convert: Converter;
}

const VLLM_SUBCOMMANDS = ['chat', 'complete', 'serve', 'bench', 'collect-env', 'run-batch'];

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** api_server parses a positional model_tag but never uses it (facts: api-server-model-tag-ignored). */
const ignoreModelTag: Converter = (v, fail) => {
  const { model_tag: _ignored, ...rest } = v;
  return vllmServeArgs(rest, fail);
};

function launcher(argv: readonly string[], version: string | null): Launcher | { exitCode: number; stderr: string } {
  const [exe = '', first, second] = argv;
  const bin = basename(exe);
  if (bin === 'vllm') {
    if (first !== 'serve') {
      const choice = first === undefined ? '' : `invalid choice: '${first}' (choose from ${VLLM_SUBCOMMANDS.map((c) => `'${c}'`).join(', ')})`;
      const usage = 'usage: vllm [-h] [-v] {chat,complete,serve,bench,collect-env,run-batch} ...';
      return { exitCode: 2, stderr: `${usage}\nvllm: error: ${first === undefined ? 'the following arguments are required: subparser' : `argument subparser: ${choice}`}\n` };
    }
    return { spec: vllmParserSpec('vllm serve', 'usage: vllm serve [model_tag] [options]', version), rest: argv.slice(2), convert: vllmServeArgs };
  }
  if (/^python(3(\.\d+)?)?$/.test(bin) && first === '-m' && second !== undefined) {
    const rest = argv.slice(3);
    if (second === 'vllm.entrypoints.openai.api_server') {
      const spec = vllmParserSpec('api_server.py', 'usage: api_server.py [-h] [options]', version);
      if (apiServerIgnoresModelTag(version)) return { spec, rest, convert: ignoreModelTag };
      return { spec: { ...spec, positional: undefined }, rest, convert: vllmServeArgs };
    }
    if (second === 'sglang.launch_server') {
      return { spec: sglangParserSpec('launch_server.py', 'usage: launch_server.py [-h] --model-path MODEL_PATH [options]', version), rest, convert: sglangServeArgs };
    }
    return { exitCode: 1, stderr: `${exe}: No module named ${second}\n` };
  }
  if (bin === 'nim-serve') {
    // NIM 2.x: `nim-serve [model] [vLLM flags]`; without a model it serves the image's own
    // (docs: reference/cli-reference, deployment/model-free-nim).
    const spec = vllmParserSpec('nim-serve', 'usage: nim-serve [-h] [--dry-run] [model] [options]');
    const convert: Converter = (v, fail) => {
      const out = vllmServeArgs({ model: NIM_DEFAULT_MODEL, ...v }, fail);
      return 'error' in out ? out : { args: { ...out.args, engine: 'nim' } };
    };
    return { spec, rest: argv.slice(1), convert };
  }
  if (exe === '') return { exitCode: 127, stderr: 'no command given: the image has no entrypoint and the cell no command\n' };
  return { exitCode: 127, stderr: `exec: "${exe}": executable file not found in $PATH\n` };
}

/**
 * Parses the full container command (entrypoint + command) as the real engine would. `env` is the
 * container's environment: vLLM releases before --attention-backend read VLLM_ATTENTION_BACKEND.
 * `version` is the emulated engine release: a vLLM release refuses flags it does not define yet
 * (harness/engines/facts/vllm/flags.ts), SGLang parses with that release's flags and choices
 * (harness/engines/facts/sglang/flags.ts); null accepts every flag.
 */
export function parseServeArgv(argv: string[], env: Record<string, string> = {}, version: string | null = null): ParseResult {
  const l = launcher(argv, version);
  if (!('spec' in l)) return { ok: false, ...l };
  const parsed = parseArgs(l.rest, l.spec);
  if (!parsed.ok) return parsed;
  const fail = (msg: string) => ({ error: `${l.spec.usage}\n${l.spec.prog}: error: ${msg}\n` });
  const out = l.convert(parsed.values, fail);
  if ('error' in out) return { ok: false, exitCode: 2, stderr: out.error };
  return out.args.engine === 'vllm' ? vllmAttentionFromEnv(out.args, env, version) : { ok: true, args: out.args };
}

/**
 * A NIM container's configuration from its environment (NIM_SERVED_MODEL_NAME, NIM_MODEL_PATH,
 * NIM_SERVER_PORT, NIM_MAX_MODEL_LEN, and vLLM flags in NIM_PASSTHROUGH_ARGS).
 */
export function parseNimEnv(env: Record<string, string>): ServeArgs {
  const passthrough = env[NIM_PASSTHROUGH_ENV];
  const base = nimServeArgs(env);
  if (passthrough === undefined || passthrough.trim() === '') return base;
  const parsed = parseServeArgv(['nim-serve', ...passthrough.trim().split(/\s+/)]);
  return parsed.ok ? overlayNim(base, parsed.args, nimDefaults()) : base;
}

/**
 * A NIM container's command (what follows the image's entrypoint: `nim-serve` is the default
 * action, so `[--max-model-len, 4096]`, `[hf://org/model]` and `[nim-serve, …]` all work) on top
 * of its environment. Command-line flags win over NIM_PASSTHROUGH_ARGS and NIM_* variables.
 */
export function parseNimCommand(argv: string[], env: Record<string, string> = {}): ParseResult {
  const base = parseNimEnv(env);
  const rest = argv[0] === 'nim-serve' ? argv.slice(1) : argv;
  if (rest.length === 0) return { ok: true, args: base };
  const parsed = parseServeArgv(['nim-serve', ...rest]);
  return parsed.ok ? { ok: true, args: overlayNim(base, parsed.args, nimDefaults()) } : parsed;
}

function nimDefaults(): ServeArgs {
  const empty = parseServeArgv(['nim-serve']);
  if (!empty.ok) throw new Error(empty.stderr);
  return empty.args;
}
