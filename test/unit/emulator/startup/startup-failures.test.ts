// Startup failures in the real engines' words, at the real phase, with exit code 1.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../../harness/emulator/server.ts';
import { factsAt, VLLM_FACTS } from '../../../../harness/engines/facts/index.ts';
import type { EmulatorConfig } from '../../../../harness/core/emulator-traits.ts';
import { config, SEED_000, SEED_001, SEED_002, solidPng } from '../fixtures.ts';

async function run(cfg: EmulatorConfig, argv: string[], env: Record<string, string> = {}): Promise<{ code: number; log: string; lines: string[] }> {
  const lines: string[] = [];
  const h = await startEmulator({ argv, config: cfg, listen: false, out: (l) => lines.push(l), env });
  const code = await Promise.race([h.exited, h.ready.then((ok) => (ok ? -1 : h.exited))]);
  await h.close();
  return { code, log: lines.join('\n'), lines };
}

const MTP = ['--speculative-config', '{"method":"mtp","num_speculative_tokens":2}'];

describe('vLLM startup failures', () => {
  it('seed 001: the vision encoder crashes in profile_run with TRITON_ATTN alone', async () => {
    const r = await run(SEED_001, ['vllm', 'serve', 'Qwen/Qwen3.5-35B-A3B', '--attention-backend', 'TRITON_ATTN', '--trust-remote-code']);
    expect(r.code).toBe(1);
    expect(r.log).toContain('Using AttentionBackendEnum.TRITON_ATTN backend.');
    expect(r.log).toContain('in profile_run');
    expect(r.log).toContain('self.model.embed_multimodal(');
    expect(r.log).toMatch(/mm_encoder_attention\.py", line \d+, in forward_cuda/);
    expect(r.log).toMatch(/vit_attn_wrappers\.py", line \d+, in flash_attn_maxseqlen_wrapper/);
    expect(r.log).toContain('out, softmax_lse = torch.ops._vllm_fa2_C.varlen_fwd(');
    expect(r.log).toContain('torch.AcceleratorError: CUDA error: the provided PTX was compiled with an unsupported toolchain.');
    expect(r.log).toContain('cudaErrorUnsupportedPtxVersion');
    expect(r.log).toContain('EngineCore failed to start.');
    expect(r.lines.at(-1)).toBe('(APIServer pid=1) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}');
    expect(r.log).not.toContain('Starting vLLM server');
  });

  it('seed 001 fixed with --mm-encoder-attn-backend TORCH_SDPA', async () => {
    const r = await run(SEED_001, ['vllm', 'serve', 'Qwen/Qwen3.5-35B-A3B', '--attention-backend', 'TRITON_ATTN', '--mm-encoder-attn-backend', 'TORCH_SDPA']);
    expect(r.code).toBe(-1);
    expect(r.log).toContain('Using AttentionBackendEnum.TORCH_SDPA for MMEncoderAttention.');
  });

  it('seed 000: the language model path crashes with default flash on the RTX PRO 6000', async () => {
    const text = { ...SEED_000, model: { ...SEED_000.model, architecture: 'Qwen3ForCausalLM', modalities: ['text' as const] } };
    const r = await run(text, ['vllm', 'serve', 'Qwen/Qwen3-8B']);
    expect(r.code).toBe(1);
    // The release's own selection line (0.11.0: one literal per backend, facts/vllm/log-lines-backend.ts).
    const chose = factsAt(VLLM_FACTS, VLLM_FACTS.logLines, text.traits.version).filter((l) => l.when?.backend === 'flash');
    expect(chose.map((l) => l.text)).toEqual(['Using Flash Attention backend on V1 engine.']);
    expect(r.log).toContain('[cuda.py:366] Using Flash Attention backend on V1 engine.');
    expect(r.log).not.toContain('out of potential backends');
    expect(r.log).toMatch(/backends\/flash_attn\.py", line \d+, in forward/);
    expect(r.log).toContain('torch.ops._vllm_fa2_C.varlen_fwd');
    expect(r.log).toContain('the provided PTX was compiled with an unsupported toolchain.');
    // 0.11.0 has no --attention-backend (it came in 0.13.0): Triton is VLLM_ATTENTION_BACKEND there.
    const flag = await run(text, ['vllm', 'serve', 'Qwen/Qwen3-8B', '--attention-backend', 'TRITON_ATTN']);
    expect([flag.code, flag.log]).toEqual([2, expect.stringContaining('vllm serve: error: unrecognized arguments: --attention-backend TRITON_ATTN')]);
    expect((await run(text, ['vllm', 'serve', 'Qwen/Qwen3-8B'], { VLLM_ATTENTION_BACKEND: 'TRITON_ATTN' })).code).toBe(-1);
  });

  it('seed 002: MTP crashes while capturing FULL decode graphs; PIECEWISE and eager come up', async () => {
    const r = await run(SEED_002, ['vllm', 'serve', 'Qwen/Qwen3.5-0.8B', ...MTP]);
    expect(r.code).toBe(1);
    const capture = r.lines.findIndex((l) => l.startsWith('Capturing CUDA graphs (decode, FULL):'));
    const error = r.lines.findIndex((l) => l.includes('RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing'));
    expect(capture).toBeGreaterThan(0);
    expect(error).toBeGreaterThan(capture);
    expect(r.lines.some((l) => l.startsWith('Capturing CUDA graphs (mixed prefill-decode, PIECEWISE): 100%'))).toBe(true);
    expect(r.log).toMatch(/qwen3_next\.py", line \d+, in _forward_core/);
    expect(r.log).toContain('causal_conv1d_update');
    expect((await run(SEED_002, ['vllm', 'serve', 'Qwen/Qwen3.5-0.8B', ...MTP, '--compilation-config', '{"cudagraph_mode":"PIECEWISE"}'])).code).toBe(-1);
    expect((await run(SEED_002, ['vllm', 'serve', 'Qwen/Qwen3.5-0.8B', ...MTP, '--enforce-eager'])).code).toBe(-1);
  });

  it('no kernel image, out of memory, unknown architecture, too few GPUs', async () => {
    const noImage = await run(config({ traits: { kernels: { flash: { sass: ['sm_80'], ptx: [], toolkit: '12.4' } } } }), ['vllm', 'serve', 'm']);
    expect(noImage.log).toContain('torch.AcceleratorError: CUDA error: no kernel image is available for execution on the device');
    const oom = await run(config({ model: { sizeGiB: 200 } }), ['vllm', 'serve', 'm']);
    expect(oom.code).toBe(1);
    expect(oom.log).toMatch(/torch\.OutOfMemoryError: CUDA out of memory\. Tried to allocate [\d.]+ GiB/);
    const arch = await run(config({ traits: { unknown_architectures: ['Qwen3_5MoeForConditionalGeneration'] }, model: { architecture: 'Qwen3_5MoeForConditionalGeneration' } }), ['vllm', 'serve', 'm']);
    expect(arch.code).toBe(1);
    expect(arch.log).toContain('has model type `qwen3_5_moe` but Transformers does not recognize this architecture');
    expect(arch.log).not.toContain('EngineCore_DP0');
    const tp = await run(config(), ['vllm', 'serve', 'm', '-tp', '4']);
    expect(tp.code).toBe(1);
    expect(tp.log).toContain('The number of required GPUs exceeds the total number of available GPUs in the placement group.');
  });
});

describe('SGLang startup failures', () => {
  it('dies with the scheduler exception and the sigquit line', async () => {
    const cfg = { ...SEED_002, engine: 'sglang' as const };
    const r = await run({ ...cfg, traits: { ...cfg.traits, kernels: { flash: { sass: ['sm_80'], ptx: [], toolkit: '12.4' } } } }, ['python3', '-m', 'sglang.launch_server', '--model-path', 'm']);
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d TP0\] Scheduler hit an exception: Traceback/);
    expect(r.log).toContain('no kernel image is available for execution on the device');
    expect(r.lines.at(-1)).toMatch(/\] Received sigquit from a child process\. It usually means the child failed\.$/);
  });
});

describe('SGLang vision-encoder crash while serving', () => {
  // 0.5.5 on Thor (compute capability 11): is_blackwell() counts only majors 10 and 12, so fa3 asked
  // for the encoder is accepted, and its sm_80 kernels fail at the first image (facts/sglang/defaults.ts).
  it('comes up, answers text, and dies at the first image request', async () => {
    const lines: string[] = [];
    // Qwen3-VL: 0.5.5 registers it (Qwen3.5, SEED_001's model, only from 0.5.9).
    const cfg = { ...SEED_001, engine: 'sglang' as const, traits: { ...SEED_001.traits, version: '0.5.5' }, model: { ...SEED_001.model, architecture: 'Qwen3VLForConditionalGeneration' } };
    const argv = ['python3', '-m', 'sglang.launch_server', '--model-path', 'm', '--attention-backend', 'triton', '--mm-attention-backend', 'fa3'];
    const h = await startEmulator({ argv, config: cfg, port: 0, host: '127.0.0.1', out: (l) => lines.push(l), env: {} });
    try {
      expect(await h.ready).toBe(true);
      const ask = (content: unknown) => fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] }) });
      expect((await ask('What is 1 + 1?')).status).toBe(200);
      await expect(ask([{ type: 'image_url', image_url: { url: solidPng(255, 0, 0) } }]).then((r) => r.text())).rejects.toThrow();
      expect(await h.exited).toBe(1);
      const log = lines.join('\n');
      expect(log).toContain('Scheduler hit an exception');
      expect(log).toContain('the provided PTX was compiled with an unsupported toolchain.');
      expect(lines.at(-1)).toMatch(/Received sigquit from a child process/);
    } finally {
      await h.close();
    }
  });
});

describe('vLLM log lines by version', () => {
  it('before 0.15: "vLLM API server version" and "Starting vLLM API server 0 on"; from 0.15: the logo, from 0.18 "Starting vLLM server on"', async () => {
    const old = await run(config({ traits: { version: '0.11.0' } }), ['vllm', 'serve', 'm']);
    expect(old.log).toMatch(/^\(APIServer pid=1\) INFO \d\d-\d\d \d\d:\d\d:\d\d \[api_server\.py:1839\] vLLM API server version 0\.11\.0$/m);
    expect(old.log).toContain('Starting vLLM API server 0 on http://0.0.0.0:8000');
    expect(old.log).not.toContain('Supported tasks');
    const v015 = await run(config({ traits: { version: '0.15.0' } }), ['vllm', 'serve', 'm']);
    expect(v015.log).toContain('[utils.py:325]  ▄▄ ▄█ █     █     █ ▀▄▀ █  version 0.15.0');
    expect(v015.log).toContain("[api_server.py:664] Supported tasks: ['generate']");
    expect(v015.log).not.toContain('vLLM API server version');
    const modern = await run(config({ traits: { version: '0.19.0' } }), ['vllm', 'serve', 'm']);
    expect(modern.log).toContain('[utils.py:299]  ▄▄ ▄█ █     █     █ ▀▄▀ █  version 0.19.0');
    expect(modern.log).toContain('Starting vLLM server on http://0.0.0.0:8000');
    expect(modern.log).not.toContain('vLLM API server version');
  });

  it('tags each line with the file and line the release logs it from (facts/vllm/log-lines-startup.ts)', async () => {
    const at = async (version: string) => (await run(config({ traits: { version } }), ['vllm', 'serve', 'm'])).log;
    expect(await at('0.10.2')).toContain('[__init__.py:743] Resolved architecture: ');
    expect(await at('0.19.0')).toContain('[model.py:549] Resolved architecture: ');
  });

  it('the attention backend selection line is the release\'s own (facts/vllm/log-lines-backend.ts)', async () => {
    const flash = { sass: ['sm_80', 'sm_90'], ptx: [], toolkit: '12.8', library: '_vllm_fa2_C' };
    const h100 = (version: string) => config({ traits: { version, kernels: { flash, flashinfer: flash } } });
    const lineOf = async (version: string, argv: string[] = [], env: Record<string, string> = {}) => {
      const r = await run(h100(version), ['vllm', 'serve', 'm', ...argv], env);
      return r.lines.filter((l) => /\[cuda\.py:\d+\] Using /.test(l)).map((l) => l.replace(/^.*\[cuda/, '[cuda'));
    };
    expect(await lineOf('0.10.2')).toEqual(['[cuda.py:340] Using Flash Attention backend on V1 engine.']);
    expect(await lineOf('0.10.2', [], { VLLM_ATTENTION_BACKEND: 'FLASHINFER' })).toEqual(['[cuda.py:287] Using FlashInfer backend on V1 engine.']);
    expect(await lineOf('0.11.1')).toEqual(['[cuda.py:409] Using Flash Attention backend.']);
    expect(await lineOf('0.12.0')).toEqual([expect.stringMatching(/^\[cuda\.py:417\] Using FLASH_ATTN attention backend out of potential backends: \[.*'FLASH_ATTN'.*\]$/)]);
    expect(await lineOf('0.16.0')).toEqual([expect.stringMatching(/^\[cuda\.py:368\] Using FLASH_ATTN attention backend out of potential backends: \[.*\]\.$/)]);
    expect(await lineOf('0.13.0', ['--attention-backend', 'FLASHINFER'])).toEqual(['[cuda.py:364] Using AttentionBackendEnum.FLASHINFER backend.']);
  });
});

describe('SGLang and uvicorn lines by release (facts/sglang/log-lines.ts, facts/uvicorn.ts)', () => {
  const sglangLog = async (version: string) => {
    const argv = ['python3', '-m', 'sglang.launch_server', '--model-path', 'm', '--host', '127.0.0.1', '--port', '30000'];
    const lines: string[] = [];
    const h = await startEmulator({ argv, config: config({ engine: 'sglang', traits: { version } }), listen: false, out: (l) => lines.push(l), env: {} });
    await Promise.race([h.exited, h.ready]);
    await h.close();
    return lines.join('\n');
  };

  it('the warm-up prefill line opens as the release logs it; the memory pool line; uvicorn binds and says where', async () => {
    const v052 = await sglangLog('0.5.2');
    expect(v052).toContain('Prefill batch. #new-seq: 1,');
    expect(v052).toContain('Memory pool end. avail mem=');
    expect(v052).toContain('INFO:     Uvicorn running on http://127.0.0.1:30000 (Press CTRL+C to quit)');
    expect(v052).toContain('INFO:     Started server process [1]');
    expect(await sglangLog('0.5.4')).toContain('Prefill batch [1], #new-seq: 1,');
    expect(await sglangLog('0.5.9')).toContain('Prefill batch, #new-seq: 1,');
  });

  it('vLLM hands uvicorn its socket: no "Uvicorn running on"', async () => {
    const r = await run(config({ traits: { version: '0.19.0' } }), ['vllm', 'serve', 'm']);
    expect(r.log).toContain('INFO:     Application startup complete.');
    expect(r.log).not.toContain('Uvicorn running on');
  });
});

describe('SGLang vision encoder per release on Thor (engines/facts/sglang)', () => {
  const thor = (version: string) => ({ ...SEED_001, engine: 'sglang' as const, traits: { ...SEED_001.traits, version } });
  const SGL = ['python3', '-m', 'sglang.launch_server', '--model-path', 'm', '--attention-backend', 'triton'];

  it('0.5.9 counts Thor as Blackwell: --mm-attention-backend fa3 dies at startup with its ValueError', async () => {
    const r = await run(thor('0.5.9'), [...SGL, '--mm-attention-backend', 'fa3']);
    expect(r.code).toBe(1);
    expect(r.log).toContain("ValueError: The 'fa3' backend is not supported on Blackwell GPUs");
  });

  it('0.5.9 without --mm-attention-backend: the encoder uses triton_attn off Hopper and serves images', async () => {
    const h = await startEmulator({ argv: SGL, config: thor('0.5.9'), port: 0, host: '127.0.0.1', env: {} });
    try {
      expect(await h.ready).toBe(true);
      const r = await fetch(`${h.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: solidPng(255, 0, 0) } }] }] }) });
      expect(r.status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('SGLang model registry per release (engines/facts/sglang/architectures.ts)', () => {
  const qwen35 = (version: string) => ({ ...SEED_001, engine: 'sglang' as const, traits: { ...SEED_001.traits, version }, gpu: { ...SEED_001.gpu, name: 'h100', computeCapability: '9.0', memoryGiB: 80, driverCuda: '12.9' } });
  const SGL = ['python3', '-m', 'sglang.launch_server', '--model-path', 'Qwen/Qwen3.5-35B-A3B', '--attention-backend', 'triton'];

  it('0.5.5 does not register Qwen3_5MoeForConditionalGeneration: the scheduler dies reading the config', async () => {
    const r = await run(qwen35('0.5.5'), SGL);
    expect(r.code).toBe(1);
    expect(r.log).toContain('Transformers does not recognize this architecture');
  });

  it('0.5.9 registers it and comes up', async () => {
    const h = await startEmulator({ argv: SGL, config: qwen35('0.5.9'), port: 0, host: '127.0.0.1', env: {} });
    try {
      expect(await h.ready).toBe(true);
    } finally {
      await h.close();
    }
  });
});
