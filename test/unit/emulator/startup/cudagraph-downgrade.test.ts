// vLLM's spec-decode downgrade of FULL decode graphs, read from the facts (facts/vllm/cudagraph-support.ts):
// FlashInfer (UNIFORM_SINGLE_TOKEN_DECODE) makes MTP capture PIECEWISE graphs only, so the MTP
// FULL-graph capture fault cannot strike; FlashAttention 2 (UNIFORM_BATCH) keeps FULL graphs.
import { describe, expect, it } from 'vitest';
import { decideFailure } from '../../../../harness/emulator/startup/failures.ts';
import { startEmulator } from '../../../../harness/emulator/server.ts';
import { parseServeArgv } from '../../../../harness/emulator/argv/serve-args.ts';
import type { EmulatorConfig } from '../../../../harness/core/emulator-traits.ts';
import { config } from '../fixtures.ts';

const KERNELS = {
  flash: { sass: ['sm_80', 'sm_90', 'sm_100'], ptx: [], toolkit: '12.8' },
  flashinfer: { sass: ['sm_80', 'sm_90', 'sm_100'], ptx: [], toolkit: '12.8' },
};
const MTP = ['--speculative-config', '{"method":"mtp","num_speculative_tokens":2}'];

function mtpImage(version: string, computeCapability = '9.0'): EmulatorConfig {
  return config({ traits: { version, kernels: KERNELS, mtp_full_graph_capture_bug: true }, gpu: { computeCapability }, model: { architecture: 'Qwen3ForCausalLM', mtp: true } });
}

/** 0.11.0 has no --attention-backend: the backend is VLLM_ATTENTION_BACKEND there. */
function backendChoice(version: string, backend: string): { flags: string[]; env: Record<string, string> } {
  return version === '0.11.0' ? { flags: [], env: { VLLM_ATTENTION_BACKEND: backend } } : { flags: ['--attention-backend', backend], env: {} };
}

function failure(cfg: EmulatorConfig, backend: string): string | null {
  const choice = backendChoice(cfg.traits.version, backend);
  const r = parseServeArgv(['vllm', 'serve', 'Qwen/Qwen3-8B', ...MTP, ...choice.flags], choice.env);
  if (!r.ok) throw new Error(r.stderr);
  return decideFailure(r.args, cfg)?.kind ?? null;
}

async function startLog(cfg: EmulatorConfig, backend: string, extra = MTP): Promise<{ code: number; lines: string[] }> {
  const choice = backendChoice(cfg.traits.version, backend);
  const lines: string[] = [];
  const h = await startEmulator({ argv: ['vllm', 'serve', 'Qwen/Qwen3-8B', ...extra, ...choice.flags], config: cfg, listen: false, out: (l) => lines.push(l), env: choice.env });
  const code = await Promise.race([h.exited, h.ready.then((ok) => (ok ? -1 : h.exited))]);
  await h.close();
  return { code, lines };
}

describe.each<[string, string]>([
  ['0.11.0', 'FlashInferMetadataBuilder'],
  ['0.17.0', 'FlashInferBackend'],
])('vLLM %s: MTP with FULL_AND_PIECEWISE graphs', (version, name) => {
  it('FlashInfer downgrades to PIECEWISE, so the FULL-graph capture fault does not fire; FlashAttention 2 keeps it', () => {
    expect(failure(mtpImage(version), 'FLASHINFER')).toBeNull();
    expect(failure(mtpImage(version), 'FLASH_ATTN')).toBe('mtp-capture');
  });

  it('logs the model runner warning and captures piecewise graphs only', async () => {
    const r = await startLog(mtpImage(version), 'FLASHINFER');
    expect(r.code).toBe(-1);
    const warning = r.lines.find((l) => l.includes('is not supported with spec-decode'));
    expect(warning).toMatch(/WARNING .*\[gpu_model_runner\.py:\d+\] /);
    expect(warning).toContain(`CUDAGraphMode.FULL_AND_PIECEWISE is not supported with spec-decode for attention backend ${name} (support: AttentionCGSupport.UNIFORM_SINGLE_TOKEN_DECODE); setting cudagraph_mode=PIECEWISE`);
    expect(r.lines.some((l) => l.startsWith('Capturing CUDA graphs (mixed prefill-decode, PIECEWISE)'))).toBe(true);
    expect(r.lines.some((l) => l.includes('FULL):'))).toBe(false);
  });
});

describe.each<[string, string]>([
  ['0.11.0', 'FlashAttentionMetadataBuilder'],
  ['0.17.0', 'FlashAttentionBackend'],
])('vLLM %s: FULL asked with FlashAttention 2 (UNIFORM_BATCH)', (version, name) => {
  it('becomes FULL_AND_PIECEWISE with the model runner warning', async () => {
    const r = await startLog(mtpImage(version), 'FLASH_ATTN', ['--compilation-config', '{"cudagraph_mode":"FULL"}']);
    expect(r.code).toBe(-1);
    expect(r.lines.find((l) => l.includes('is not supported with'))).toContain(`CUDAGraphMode.FULL is not supported with ${name} backend (support: AttentionCGSupport.UNIFORM_BATCH); setting cudagraph_mode=FULL_AND_PIECEWISE`);
    expect(r.lines.some((l) => l.startsWith('Capturing CUDA graphs (decode, FULL)'))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('Capturing CUDA graphs (mixed prefill-decode, FULL)'))).toBe(false);
  });
});

describe('vLLM 0.17.0 FlashInfer on Blackwell (TRTLLM decode: UNIFORM_BATCH)', () => {
  it('keeps FULL decode graphs, so the capture fault fires', () => {
    expect(failure(mtpImage('0.17.0', '10.0'), 'FLASHINFER')).toBe('mtp-capture');
  });

  it('TRTLLM needs exactly 10.0 through 0.13.0 and the 10.x family from 0.14.0 (facts: trtllm-attention-usable)', () => {
    expect(failure(mtpImage('0.13.0', '10.0'), 'FLASHINFER')).toBe('mtp-capture');
    expect(failure(mtpImage('0.13.0', '10.3'), 'FLASHINFER')).toBeNull();
    expect(failure(mtpImage('0.14.0', '10.3'), 'FLASHINFER')).toBe('mtp-capture');
    expect(failure(mtpImage('0.12.0', '10.3'), 'FLASHINFER')).toBeNull();
  });

  it('0.11.0 has no TRTLLM rule: FlashInfer downgrades on Blackwell too', () => {
    expect(failure(mtpImage('0.11.0', '10.0'), 'FLASHINFER')).toBeNull();
  });
});
