import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../../harness/engines/index.ts';
import { parseNimCommand, parseNimEnv, parseServeArgv, type ParseResult, type ServeArgs } from '../../../../harness/emulator/argv/serve-args.ts';
import type { SemanticOptions } from '../../../../harness/core/cell.ts';

function ok(r: ParseResult): ServeArgs {
  if (!r.ok) throw new Error(`parse failed (${r.exitCode}): ${r.stderr}`);
  return r.args;
}

function err(r: ParseResult): { exitCode: number; stderr: string } {
  if (r.ok) throw new Error('parse unexpectedly succeeded');
  return r;
}

const VLLM = ['vllm', 'serve'];
const SGL = ['python3', '-m', 'sglang.launch_server'];

describe('parseServeArgv: vllm', () => {
  it('reads the model tag, host, port and defaults', () => {
    expect(ok(parseServeArgv([...VLLM, 'Qwen/Qwen3-VL-8B-Instruct', '--port', '8001']))).toEqual({
      engine: 'vllm', model: 'Qwen/Qwen3-VL-8B-Instruct', servedModelName: 'Qwen/Qwen3-VL-8B-Instruct',
      host: '0.0.0.0', port: 8001, attention: null, mmAttention: null, speculative: null, cudagraphMode: null,
      enforceEager: false, limitMmPerPrompt: null, languageModelOnly: false, tensorParallelSize: 1,
      maxModelLen: null, gpuMemoryUtilization: null, trustRemoteCode: false, attentionName: null, mmAttentionName: null,
    });
  });

  it('accepts `vllm serve --model X` and the NGC-style api_server module', () => {
    expect(ok(parseServeArgv([...VLLM, '--model', 'm/a'])).model).toBe('m/a');
    const ngc = ok(parseServeArgv(['python3', '-m', 'vllm.entrypoints.openai.api_server', '--model', 'm/b', '--served-model-name', 'b', 'b2']));
    expect([ngc.engine, ngc.model, ngc.servedModelName, ngc.port]).toEqual(['vllm', 'm/b', 'b', 8000]);
    expect(ok(parseServeArgv(['/usr/local/bin/vllm', 'serve', 'm/c'])).model).toBe('m/c');
  });

  it('accepts --flag=value, underscores for dashes, -tp, human-readable lengths and JSON values', () => {
    const a = ok(parseServeArgv([
      ...VLLM, 'm', '--max_model_len=32k', '-tp', '2', '--gpu-memory-utilization=0.8',
      '--attention-backend=TRITON_ATTN', '--mm_encoder_attn_backend', 'TORCH_SDPA',
      '--speculative-config', '{"method":"qwen3_next_mtp","num_speculative_tokens":3}',
      '--limit-mm-per-prompt={"image":4,"video":0}', '--trust-remote-code', '--dtype', 'bfloat16',
    ]));
    expect(a).toMatchObject({
      maxModelLen: 32000, tensorParallelSize: 2, gpuMemoryUtilization: 0.8, attention: 'triton', attentionName: 'TRITON_ATTN',
      mmAttention: 'sdpa', mmAttentionName: 'TORCH_SDPA', speculative: { method: 'mtp', numSpeculativeTokens: 3 },
      limitMmPerPrompt: { image: 4, video: 0 }, trustRemoteCode: true,
    });
  });

  it('reads cudagraph_mode from JSON, the dotted -O form and --no- booleans', () => {
    expect(ok(parseServeArgv([...VLLM, 'm', '-O', '{"cudagraph_mode":"FULL_AND_PIECEWISE"}'])).cudagraphMode).toBe('FULL_AND_PIECEWISE');
    expect(ok(parseServeArgv([...VLLM, 'm', '-O.cudagraph_mode=PIECEWISE'])).cudagraphMode).toBe('PIECEWISE');
    expect(ok(parseServeArgv([...VLLM, 'm', '--compilation-config.cudagraph_mode', 'NONE'])).cudagraphMode).toBe('NONE');
    expect(ok(parseServeArgv([...VLLM, 'm', '-O3'])).cudagraphMode).toBeNull();
    expect(ok(parseServeArgv([...VLLM, 'm', '-O', '{"full_cuda_graph":true}'])).cudagraphMode).toBe('FULL');
    expect(ok(parseServeArgv([...VLLM, 'm', '--enforce-eager', '--no-enforce-eager'])).enforceEager).toBe(false);
    expect(ok(parseServeArgv([...VLLM, 'm', '--limit-mm-per-prompt', 'image=2,video=1'])).limitMmPerPrompt).toEqual({ image: 2, video: 1 });
  });

  it('reads the backend from --attention-config JSON and -ac.backend, exclusive with --attention-backend', () => {
    expect(ok(parseServeArgv([...VLLM, 'm', '--attention-config', '{"backend":"FLASHINFER"}'])).attention).toBe('flashinfer');
    expect(ok(parseServeArgv([...VLLM, 'm', '-ac.backend', 'FLEX_ATTENTION'])).attentionName).toBe('FLEX_ATTENTION');
    expect(err(parseServeArgv([...VLLM, 'm', '-ac.backend=FLASH_ATTN', '--attention-backend', 'TRITON_ATTN'])).stderr).toMatch(/mutually exclusive/);
    expect(err(parseServeArgv([...VLLM, 'm', '-ac.backend=FA'])).stderr).toMatch(/Unknown attention backend: 'FA'. Valid options are: FLASH_ATTN, /);
  });

  it('fails on an unknown flag the way argparse does (exit 2, usage, unrecognized arguments)', () => {
    const e = err(parseServeArgv([...VLLM, 'm', '--foo', '--bar=1']));
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toBe('usage: vllm serve [model_tag] [options]\nvllm serve: error: unrecognized arguments: --foo --bar=1\n');
  });

  it('lists the valid choices for an invalid backend name', () => {
    const e = err(parseServeArgv([...VLLM, 'm', '--attention-backend', 'TRITON']));
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toMatch(/vllm serve: error: argument --attention-backend: invalid choice: 'TRITON' \(choose from 'FLASH_ATTN', .*'TRITON_ATTN'/);
  });

  it.each<[string, string[], RegExp]>([
    ['a missing value', ['--port'], /argument --port: expected one argument/],
    ['a bad int', ['--port', 'eighty'], /argument --port: invalid int value: 'eighty'/],
    ['bad JSON', ['--speculative-config', '{method:mtp}'], /argument --speculative-config: invalid loads value/],
    ['a bad cudagraph_mode', ['-O.cudagraph_mode=SOMETIMES'], /invalid cudagraph_mode 'SOMETIMES' \(choose from 'NONE', 'PIECEWISE'/],
    ['a value on a switch', ['--enforce-eager=yes'], /argument --enforce-eager: ignored explicit argument 'yes'/],
    ['a second positional', ['extra'], /unrecognized arguments: extra/],
  ])('fails on %s', (_name, flags, message) => {
    const e = err(parseServeArgv([...VLLM, 'm', ...flags]));
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toMatch(message);
  });

  it('fails like the shell and python on unknown launchers', () => {
    expect(err(parseServeArgv(['vllm', 'server', 'm'])).stderr).toMatch(/vllm: error: argument subparser: invalid choice: 'server'/);
    expect(err(parseServeArgv(['python3', '-m', 'vllm.serve'])).exitCode).toBe(1);
    expect(err(parseServeArgv(['serve-it', 'm'])).exitCode).toBe(127);
  });
});

describe('parseServeArgv: sglang', () => {
  it('reads --model-path, --tp, --context-length and SGLang spellings', () => {
    const a = ok(parseServeArgv([
      ...SGL, '--model-path', 'Qwen/Qwen3.5-0.8B', '--port=30001', '--tp', '2', '--context-length', '8192',
      '--attention-backend', 'fa3', '--mm-attention-backend', 'triton_attn', '--speculative-algorithm', 'EAGLE3',
      '--speculative-draft-model-path', 'd', '--speculative-num-steps', '3', '--disable-cuda-graph',
    ]));
    expect(a).toMatchObject({
      engine: 'sglang', model: 'Qwen/Qwen3.5-0.8B', host: '127.0.0.1', port: 30001, tensorParallelSize: 2, maxModelLen: 8192,
      attention: 'flash', attentionName: 'fa3', mmAttention: 'triton', speculative: { method: 'eagle', numSpeculativeTokens: 3 },
      cudagraphMode: 'NONE', enforceEager: true,
    });
  });

  it('requires --model-path and refuses unknown flags and underscores', () => {
    expect(err(parseServeArgv([...SGL, '--port', '1'])).stderr).toBe(
      'usage: launch_server.py [-h] --model-path MODEL_PATH [options]\nlaunch_server.py: error: the following arguments are required: --model-path/--model\n',
    );
    expect(err(parseServeArgv([...SGL, '--model-path', 'm', '--context_length', '5'])).stderr).toMatch(/unrecognized arguments: --context_length 5/);
    expect(err(parseServeArgv([...SGL, '--model-path', 'm', '--attention-backend', 'TRITON_ATTN'])).stderr).toMatch(
      /argument --attention-backend: invalid choice: 'TRITON_ATTN' \(choose from 'triton', 'torch_native'/,
    );
  });
});

/** What parsing should give back for each semantic option (SGLang's full graph is its default). */
function expected(engine: 'vllm' | 'sglang', o: SemanticOptions): Partial<ServeArgs> {
  const auto = (a: string | undefined) => (a === undefined || a === 'auto' ? null : a);
  const graph = { full: 'FULL', piecewise: engine === 'vllm' ? 'PIECEWISE' : 'FULL_AND_PIECEWISE', off: null } as const;
  return {
    attention: auto(o.attention) as ServeArgs['attention'],
    mmAttention: auto(o.mm_attention) as ServeArgs['mmAttention'],
    speculative: o.speculative ? { method: o.speculative.method, numSpeculativeTokens: o.speculative.tokens } : null,
    cudagraphMode: o.cuda_graphs === undefined ? null : engine === 'sglang' && o.cuda_graphs === 'full' ? null
      : o.cuda_graphs === 'off' ? (engine === 'vllm' ? null : 'NONE') : graph[o.cuda_graphs],
    enforceEager: o.cuda_graphs === 'off',
    tensorParallelSize: o.tensor_parallel ?? 1,
    maxModelLen: o.max_model_len ?? null,
    gpuMemoryUtilization: o.gpu_memory_utilization ?? null,
    languageModelOnly: o.language_model_only ?? false,
    trustRemoteCode: o.trust_remote_code ?? false,
    limitMmPerPrompt: o.limit_mm_per_prompt ?? null,
  };
}

const ROUND_TRIP: SemanticOptions[] = [
  {}, { attention: 'auto' }, { attention: 'flash' }, { attention: 'flashinfer' }, { attention: 'triton' }, { attention: 'flex' },
  { attention: 'sdpa' }, { mm_attention: 'sdpa' }, { mm_attention: 'flash' }, { mm_attention: 'triton' }, { mm_attention: 'flashinfer' },
  { speculative: { method: 'mtp', tokens: 2 } }, { speculative: { method: 'ngram', tokens: 4 } },
  { cuda_graphs: 'full' }, { cuda_graphs: 'piecewise' }, { cuda_graphs: 'off' },
  { tensor_parallel: 4 }, { max_model_len: 8192 }, { gpu_memory_utilization: 0.75 }, { language_model_only: true },
  { trust_remote_code: true }, { limit_mm_per_prompt: { image: 4, video: 1 } },
  { attention: 'triton', mm_attention: 'sdpa', speculative: { method: 'mtp', tokens: 3 }, cuda_graphs: 'piecewise', tensor_parallel: 2 },
];

describe('round trip: engine.command → parseServeArgv recovers every semantic option', () => {
  for (const id of ['vllm', 'sglang'] as const) {
    const engine = getEngine(id);
    it.each(ROUND_TRIP.map((o) => [JSON.stringify(o), o] as const))(`${id} %s`, (_name, options) => {
      const r = engine.command({ model: 'org/model', options, port: 9000, extraArgs: [] });
      if ('unsupported' in r) {
        // Only what the engine module itself declares unsupported may be skipped.
        expect(r.unsupported).toMatch(new RegExp(`^${id}`));
        return;
      }
      const args = ok(parseServeArgv([...(engine.entrypoint ?? []), ...r.argv]));
      expect(args).toMatchObject({ engine: id, model: 'org/model', port: 9000, host: '0.0.0.0', ...expected(id, options) });
    });
  }
});

describe('round trip over every combination of backends, graphs and speculation', () => {
  const attn = [undefined, 'auto', 'flash', 'flashinfer', 'triton', 'flex', 'sdpa'] as const;
  const graphs = [undefined, 'full', 'piecewise', 'off'] as const;
  const specs = [undefined, { method: 'mtp', tokens: 1 }, { method: 'ngram', tokens: 5 }] as const;
  for (const id of ['vllm', 'sglang'] as const) {
    it(`${id}: every expressible combination parses back to itself`, () => {
      const engine = getEngine(id);
      let expressed = 0;
      for (const attention of attn) for (const mm_attention of attn) for (const cuda_graphs of graphs) for (const speculative of specs) {
        const options: SemanticOptions = { attention, mm_attention, cuda_graphs, speculative: speculative && { ...speculative }, tensor_parallel: 2 };
        const raw = id === 'vllm' ? ['--seed', '7'] : ['--random-seed', '7'];
        const r = engine.command({ model: 'org/model', options, port: 9000, extraArgs: raw });
        if ('unsupported' in r) continue;
        expressed++;
        expect(ok(parseServeArgv([...(engine.entrypoint ?? []), ...r.argv]))).toMatchObject(expected(id, options));
      }
      expect(expressed).toBeGreaterThan(100);
    });
  }
});

describe('parseNimEnv', () => {
  it('reads the NIM variables and defaults', () => {
    expect(parseNimEnv({ NGC_API_KEY: 'secret' })).toMatchObject({ engine: 'nim', port: 8000, maxModelLen: null, tensorParallelSize: 1 });
    expect(parseNimEnv({ NIM_SERVED_MODEL_NAME: 'llama', NIM_MAX_MODEL_LEN: '4096', NIM_SERVER_PORT: '8080' })).toMatchObject({
      servedModelName: 'llama', maxModelLen: 4096, port: 8080,
    });
  });

  it('applies vLLM flags from NIM_PASSTHROUGH_ARGS over NIM_* variables', () => {
    const a = parseNimEnv({ NIM_MAX_MODEL_LEN: '4096', NIM_PASSTHROUGH_ARGS: '--max-model-len 2048 --enforce-eager --tensor-parallel-size 2' });
    expect(a).toMatchObject({ engine: 'nim', maxModelLen: 2048, enforceEager: true, tensorParallelSize: 2 });
  });

  it('round-trips the nim engine env', () => {
    const env = getEngine('nim').env?.({ max_model_len: 16384 }) ?? {};
    expect(parseNimEnv(env).maxModelLen).toBe(16384);
  });
});

describe('VLLM_ATTENTION_BACKEND (vLLM before --attention-backend)', () => {
  it('takes the backend from the environment when no flag names one', () => {
    expect(ok(parseServeArgv([...VLLM, 'm'], { VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' }))).toMatchObject({ attention: 'triton', attentionName: 'TRITON_ATTN' });
    expect(ok(parseServeArgv([...VLLM, 'm', '--attention-backend', 'FLASHINFER'], { VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' })).attention).toBe('flashinfer');
    expect(err(parseServeArgv([...VLLM, 'm'], { VLLM_ATTENTION_BACKEND: 'XFORMERS' }))).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/Invalid attention backend: 'XFORMERS'/) });
  });

  it('round-trips an old image: vllm 0.11 carries attention in env, the parser reads it back', () => {
    const engine = getEngine('vllm');
    const options: SemanticOptions = { attention: 'triton' };
    const r = engine.command({ model: 'm', options, port: 8000, extraArgs: [], version: '0.11.0' });
    if (!('argv' in r)) throw new Error(r.unsupported);
    expect(r.argv).not.toContain('--attention-backend');
    const args = ok(parseServeArgv([...(engine.entrypoint ?? []), ...r.argv], engine.env?.(options, '0.11.0')));
    expect(args.attention).toBe('triton');
  });
});

describe('parseServeArgv: nim-serve', () => {
  it('parses vLLM flags after nim-serve as a NIM with its own model', () => {
    const a = ok(parseServeArgv(['nim-serve', '--max-model-len', '4096', '--dry-run']));
    expect(a).toMatchObject({ engine: 'nim', model: 'nim-model', port: 8000, maxModelLen: 4096 });
    expect(ok(parseServeArgv(['nim-serve', 'hf://meta-llama/Llama-3.1-8B-Instruct'])).model).toBe('hf://meta-llama/Llama-3.1-8B-Instruct');
    expect(err(parseServeArgv(['nim-serve', '--foo'])).stderr).toBe(
      'usage: nim-serve [-h] [--dry-run] [model] [options]\nnim-serve: error: unrecognized arguments: --foo\n',
    );
  });
});

describe('parseNimCommand', () => {
  it('lays command-line flags over passthrough args over NIM_* variables', () => {
    const env = { NIM_MAX_MODEL_LEN: '4096', NIM_SERVED_MODEL_NAME: 'llama', NIM_PASSTHROUGH_ARGS: '--tensor-parallel-size 2 --max-model-len 2048' };
    expect(ok(parseNimCommand([], env))).toMatchObject({ engine: 'nim', servedModelName: 'llama', maxModelLen: 2048, tensorParallelSize: 2 });
    expect(ok(parseNimCommand(['--max-model-len', '1024'], env))).toMatchObject({ maxModelLen: 1024, tensorParallelSize: 2, servedModelName: 'llama' });
    expect(ok(parseNimCommand(['nim-serve', '--enforce-eager'], {}))).toMatchObject({ enforceEager: true, maxModelLen: null, model: 'nim-model' });
  });

  it('takes a model given on the command line (model-free NIM)', () => {
    expect(ok(parseNimCommand(['hf://org/m'], { NIM_MODEL_PATH: 'hf://org/other' }))).toMatchObject({ model: 'hf://org/m', servedModelName: 'hf://org/m' });
  });

  it('fails like nim-serve on a flag it does not know', () => {
    expect(err(parseNimCommand(['--bogus'], {}))).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/nim-serve: error: unrecognized arguments: --bogus/) });
  });
});
