import { describe, expect, it } from 'vitest';
import { decideFailure, resolveBackends, effectiveGraphMode } from '../../../../harness/emulator/startup/failures.ts';
import { parseServeArgv, type ServeArgs } from '../../../../harness/emulator/argv/serve-args.ts';
import type { EmulatorConfig } from '../../../../harness/core/emulator-traits.ts';
import { config, SEED_000, SEED_001, SEED_002 } from '../fixtures.ts';

function args(flags: string, model = 'Qwen/Qwen3-VL-8B-Instruct', env: Record<string, string> = {}): ServeArgs {
  const r = parseServeArgv(['vllm', 'serve', model, ...flags.split(' ').filter(Boolean)], env);
  if (!r.ok) throw new Error(r.stderr);
  return r.args;
}

const rows: Array<[string, EmulatorConfig, string, string | null]> = [
  // seed 000: the language model's flash-attention PTX from CUDA 12.9 cannot load on driver 12.8
  ['seed 000 default flash (text model)', { ...SEED_000, model: { ...SEED_000.model, modalities: ['text'] } }, '', 'kernel-load:lm:cudaErrorUnsupportedPtxVersion'],
  // vLLM 0.11.0 forces TORCH_SDPA on the encoder on capability >= 10.0: the language model fails.
  ['seed 000 default flash (VL model: the encoder runs SDPA on sm_120)', SEED_000, '', 'kernel-load:lm:cudaErrorUnsupportedPtxVersion'],
  ['seed 000 default flash on H100 (VL model: encoder first)', { ...SEED_000, gpu: { ...SEED_000.gpu, name: 'h100', computeCapability: '9.0', driverCuda: '12.8' } }, '', null],
  // seed 001: Thor; the vision encoder ignores --attention-backend
  ['seed 001 TRITON_ATTN alone', SEED_001, '--attention-backend TRITON_ATTN', 'kernel-load:mm:cudaErrorUnsupportedPtxVersion'],
  ['seed 001 fixed by TORCH_SDPA encoder', SEED_001, '--attention-backend TRITON_ATTN --mm-encoder-attn-backend TORCH_SDPA', null],
  ['seed 001 fixed by --language-model-only', SEED_001, '--attention-backend TRITON_ATTN --language-model-only', null],
  ['seed 001 default flash: encoder fails first', SEED_001, '', 'kernel-load:mm:cudaErrorUnsupportedPtxVersion'],
  // seed 002: MTP capture bug with FULL graphs
  ['seed 002 MTP default graphs (FULL_AND_PIECEWISE)', SEED_002, `--speculative-config {"method":"mtp","num_speculative_tokens":2}`, 'mtp-capture'],
  ['seed 002 MTP FULL', SEED_002, `--speculative-config {"method":"mtp","num_speculative_tokens":2} --compilation-config {"cudagraph_mode":"FULL"}`, 'mtp-capture'],
  ['seed 002 MTP PIECEWISE', SEED_002, `--speculative-config {"method":"mtp","num_speculative_tokens":2} --compilation-config {"cudagraph_mode":"PIECEWISE"}`, null],
  ['seed 002 MTP eager', SEED_002, `--speculative-config {"method":"mtp","num_speculative_tokens":2} --enforce-eager`, null],
  ['seed 002 without MTP', SEED_002, '', null],
  // no kernel image: SASS only for another major, no PTX
  ['no kernel image', config({ traits: { kernels: { flash: { sass: ['sm_80'], ptx: [], toolkit: '12.4' } } } }), '', 'kernel-load:lm:cudaErrorNoKernelImageForDevice'],
  ['native SASS runs', config({ traits: { kernels: { flash: { sass: ['sm_90'], ptx: [], toolkit: '12.8' } } } }), '', null],
  ['backend not in the image', config({ traits: { kernels: { flash: { sass: ['sm_90'], ptx: [], toolkit: '12.8' } } } }), '--attention-backend FLASHINFER', 'backend-unsupported:lm'],
  ['triton runs anywhere', config({ traits: { kernels: {} }, gpu: { computeCapability: '12.1', driverCuda: '12.0' } }), '--attention-backend TRITON_ATTN', null],
  ['out of memory', config({ model: { sizeGiB: 140 } }), '', 'oom'],
  ['fits with tensor parallel 2 on 2 GPUs', config({ model: { sizeGiB: 140 }, gpu: { count: 2 } }), '-tp 2', null],
  ['tensor parallel beyond the GPUs', config(), '-tp 2', 'tp-exceeds-gpus'],
  ['lower memory utilisation makes it not fit', config({ model: { sizeGiB: 60 } }), '--gpu-memory-utilization 0.5', 'oom'],
  ['unknown architecture', config({ traits: { unknown_architectures: ['Qwen3_5MoeForConditionalGeneration'] }, model: { architecture: 'Qwen3_5MoeForConditionalGeneration' } }), '', 'unknown-architecture'],
  // The architecture facts: Qwen3.5 is registered from vLLM 0.17.0; an architecture the facts do not know loads.
  ['Qwen3.5 on vLLM 0.16.0', config({ traits: { version: '0.16.0' }, model: { architecture: 'Qwen3_5ForConditionalGeneration' } }), '', 'unknown-architecture'],
  ['Qwen3.5 on vLLM 0.17.0', config({ traits: { version: '0.17.0' }, model: { architecture: 'Qwen3_5ForConditionalGeneration' } }), '', null],
  ['Qwen3-VL on vLLM 0.10.2', config({ traits: { version: '0.10.2' }, model: { architecture: 'Qwen3VLForConditionalGeneration' } }), '', 'unknown-architecture'],
  ['an architecture the facts do not know', config({ traits: { version: '0.10.2' }, model: { architecture: 'LlamaForCausalLM' } }), '', null],
];

function label(f: ReturnType<typeof decideFailure>): string | null {
  if (!f) return null;
  if (f.kind === 'kernel-load') return `${f.kind}:${f.where}:${f.error}`;
  if (f.kind === 'backend-unsupported') return `${f.kind}:${f.where}`;
  return f.kind;
}

describe('decideFailure', () => {
  it.each(rows)('%s', (_name, cfg, flags, expected) => {
    expect(label(decideFailure(args(flags), cfg))).toBe(expected);
  });

  it('seed 000 on 0.11.0: VLLM_ATTENTION_BACKEND=TRITON_ATTN reaches Qwen3-VL\'s encoder, which refuses it on any GPU', () => {
    const triton = args('', 'Qwen/Qwen3-VL-8B-Instruct', { VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' });
    for (const gpu of [SEED_000.gpu, { ...SEED_000.gpu, name: 'h100', computeCapability: '9.0' }]) {
      expect(decideFailure(triton, { ...SEED_000, gpu })).toMatchObject({ kind: 'backend-unsupported', where: 'mm', refusedBy: { architecture: 'Qwen3VLForConditionalGeneration', name: 'TRITON_ATTN' } });
    }
    // A text model has no encoder to refuse it: Triton saves the language model.
    expect(decideFailure(triton, { ...SEED_000, model: { ...SEED_000.model, architecture: 'Qwen3ForCausalLM', modalities: ['text'] } })).toBeNull();
  });

  it('seed 000 on 0.11.1: the encoder keeps its own backend (--mm-encoder-attn-backend) and Triton serves', () => {
    const both = args('--mm-encoder-attn-backend TORCH_SDPA', 'Qwen/Qwen3-VL-8B-Instruct', { VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' });
    const v0111 = { ...SEED_000, traits: { ...SEED_000.traits, version: '0.11.1' } };
    expect(decideFailure(both, v0111)).toBeNull();
  });

  it('names the library the traits give for the traceback', () => {
    const f = decideFailure(args(''), { ...SEED_000, model: { ...SEED_000.model, modalities: ['text'] } });
    expect(f).toMatchObject({ kind: 'kernel-load', library: '_vllm_fa2_C', phase: 'profile' });
  });
});

describe('resolveBackends', () => {
  it('picks the first backend the image ships when none is chosen, Triton when none', () => {
    expect(resolveBackends(args(''), config({ traits: { kernels: {} } })).lm).toBe('triton');
    expect(resolveBackends(args(''), config({ traits: { kernels: { flashinfer: { sass: ['sm_90'] } } } })).lm).toBe('flashinfer');
  });

  it('runs no vision encoder for a text model or with --language-model-only', () => {
    expect(resolveBackends(args(''), config()).mm).toBeNull();
    expect(resolveBackends(args('--language-model-only'), SEED_001).mm).toBeNull();
    expect(resolveBackends(args('--mm-encoder-attn-backend TORCH_SDPA'), SEED_001).mm).toBe('sdpa');
  });

  it('knows the graph mode in effect', () => {
    expect(effectiveGraphMode(args(''))).toBe('FULL_AND_PIECEWISE');
    expect(effectiveGraphMode(args('--enforce-eager'))).toBe('NONE');
    // The release's default (facts: cudagraph-mode-default): PIECEWISE in 0.10.2, FULL_AND_PIECEWISE from 0.11.0.
    expect(effectiveGraphMode(args(''), '0.10.2')).toBe('PIECEWISE');
    expect(effectiveGraphMode(args(''), '0.11.0')).toBe('FULL_AND_PIECEWISE');
  });
});
