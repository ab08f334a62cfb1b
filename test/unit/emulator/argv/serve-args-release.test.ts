// The emulator's vLLM command line per release, against the facts read from each release's source:
// a flag is accepted exactly by the releases that define it, api_server ignores a positional model,
// VLLM_ATTENTION_BACKEND is read (with the release's own names) only while the release has it.
import { describe, expect, it } from 'vitest';
import { flagAt, VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import { parseServeArgv, type ParseResult } from '../../../../harness/emulator/argv/serve-args.ts';

const SERVE = ['vllm', 'serve', 'org/m'];
const API = ['python3', '-m', 'vllm.entrypoints.openai.api_server'];
const VALUE: Record<string, string[]> = {
  '--attention-backend': ['FLASH_ATTN'],
  '--mm-encoder-attn-backend': ['TORCH_SDPA'],
  '--language-model-only': [],
};

function args(r: ParseResult) {
  if (!r.ok) throw new Error(r.stderr);
  return r.args;
}

describe('emulated vLLM flags by release', () => {
  const rows = VLLM_FACTS.releases.flatMap((r) => Object.keys(VALUE).map((flag) => [r.version, flag] as const));
  it.each(rows)('%s %s: accepted exactly where the release defines it', (version, flag) => {
    const r = parseServeArgv([...SERVE, flag, ...VALUE[flag]!], {}, version);
    const defined = flagAt(VLLM_FACTS, flag, version) !== undefined;
    expect(r.ok).toBe(defined);
    if (!r.ok) expect(r).toMatchObject({ exitCode: 2, stderr: expect.stringContaining(`vllm serve: error: unrecognized arguments: ${[flag, ...VALUE[flag]!].join(' ')}`) });
  });

  it('accepts every flag for an image of unknown release', () => {
    expect(args(parseServeArgv([...SERVE, '--attention-backend', 'TRITON_ATTN'])).attention).toBe('triton');
  });
});

describe('emulated api_server', () => {
  it.each(['0.11.0', '0.19.0'])('%s: a positional model is parsed and ignored; the default model is served', (version) => {
    expect(args(parseServeArgv([...API, 'org/m'], {}, version)).model).toBe('Qwen/Qwen3-0.6B');
    expect(args(parseServeArgv([...API, '--model', 'org/m'], {}, version)).model).toBe('org/m');
  });
});

describe('emulated VLLM_ATTENTION_BACKEND by release', () => {
  const withEnv = (name: string, version: string) => parseServeArgv(SERVE, { VLLM_ATTENTION_BACKEND: name }, version);

  it('0.10.2 names Triton TRITON_ATTN_VLLM_V1; TRITON_ATTN fails at start-up', () => {
    expect(args(withEnv('TRITON_ATTN_VLLM_V1', '0.10.2')).attention).toBe('triton');
    expect(withEnv('TRITON_ATTN', '0.10.2')).toMatchObject({ ok: false, exitCode: 1, stderr: expect.stringContaining("Invalid attention backend: 'TRITON_ATTN'") });
  });

  it('0.11.0 to 0.14.0 read TRITON_ATTN; 0.15.0 no longer reads the variable', () => {
    for (const v of ['0.11.0', '0.12.0', '0.14.0']) expect(args(withEnv('TRITON_ATTN', v))).toMatchObject({ attention: 'triton', attentionFromEnv: true });
    expect(args(withEnv('TRITON_ATTN', '0.15.0')).attention).toBeNull();
  });
});
