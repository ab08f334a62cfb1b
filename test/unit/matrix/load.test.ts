import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../../harness/errors.ts';
import { loadMatrices, loadMatrix, loadMatrixText } from '../../../harness/matrix/load.ts';

const good = join(import.meta.dirname, '../../fixtures/matrices/good');
const env = { HF_TOKEN: 'hf_secret' };

describe('loadMatrix', () => {
  const m = loadMatrix(join(good, 'full.yaml'), { env });

  it('reads the name, defaults and durations', () => {
    expect(m.name).toBe('full');
    expect(m.defaults.timeouts).toEqual({ startupMs: 5_400_000, probeMs: 90_000, fatalGraceMs: 5000, stallMs: 900_000 });
    expect(m.defaults.retries).toBe(1);
    expect(m.defaults.options).toEqual({ max_model_len: 8192, gpu_memory_utilization: 0.85 });
  });

  it('canonicalises GPU names and aliases from the catalog', () => {
    expect(m.gpus).toEqual([
      { name: 'h100', arch: 'sm_90', computeCapability: '9.0', memoryGiB: 80 },
      { name: 'thor', arch: 'sm_110', computeCapability: '11.0', memoryGiB: 128 },
    ]);
    expect(Object.keys(m.runners)).toEqual(['h100', 'thor']);
    expect(m.runners.thor).toEqual({ labels: ['self-hosted', 'thor'], shards: 1 });
  });

  it('keeps image keys used by later stages', () => {
    const [vllm, sglang] = m.images;
    expect(vllm!.mounts).toEqual(['/data/hf:/root/.cache/huggingface:ro']);
    expect(vllm!.emulate).toMatchObject({ kernels: { flash: { sass: ['sm_80', 'sm_90'], toolkit: '12.9' } } });
    expect(sglang!.emulate).toBeNull();
    expect(sglang!.platform).toBe('linux/amd64');
    expect(sglang!.entrypoint).toEqual(['python3', '-m', 'sglang.launch_server']);
  });

  it('defaults model modalities and mtp', () => {
    expect(m.models[1]).toMatchObject({ modalities: ['text'], mtp: true, architecture: null, sizeGiB: null });
    expect(m.models[0]).toMatchObject({ mtp: false, architecture: 'Qwen3VLForConditionalGeneration', sizeGiB: 17, options: { trust_remote_code: true } });
  });

  it('resolves custom probe modules against the matrix folder', () => {
    expect(m.probes).toEqual(['text', 'image', join(good, 'probes/latency-slo.ts')]);
  });

  it('remembers where entries were written', () => {
    expect(m.locations['expect.0']).toEqual({ file: join(good, 'full.yaml'), line: 52, col: 5 });
  });

  it('reads a GPU alias that YAML parses as a number', () => {
    const text = 'version: 1\nimages: [{id: a, ref: r, engine: vllm}]\ngpus: [5090, 4090]\nmodels: [{id: m, name: M}]\n';
    expect(loadMatrixText(text, 'g.yaml').gpus.map((g) => g.name)).toEqual(['rtx-5090', 'rtx-4090']);
  });

  it('names a matrix after its file when name is absent', () => {
    const text = 'version: 1\nimages: [{id: a, ref: r, engine: vllm}]\ngpus: [h100]\nmodels: [{id: m, name: M}]\n';
    const mm = loadMatrixText(text, 'dir/nightly-small.yaml');
    expect(mm.name).toBe('nightly-small');
    expect(mm.flags).toEqual([{ id: 'default', options: {}, args: {}, requires: {} }]);
    expect(mm.probes).toEqual(['text', 'image', 'stream', 'mtp']);
  });
});

describe('env interpolation and secrets', () => {
  const m = loadMatrix(join(good, 'full.yaml'), { env });

  it('marks ${VAR} values as secrets and records where they came from', () => {
    expect(m.defaults.env.HF_TOKEN).toEqual({ value: 'hf_secret', secret: true, from: ['HF_TOKEN'] });
    expect(m.defaults.env.VLLM_LOGGING_LEVEL).toEqual({ value: 'INFO', secret: false });
  });

  it('uses the fallback of ${VAR:-fallback} and reads $$ as $', () => {
    expect(m.defaults.env.CACHE).toEqual({ value: '/root/.cache/hub', secret: true, from: ['HF_HOME'] });
    expect(m.defaults.env.PRICE).toEqual({ value: '$5', secret: false });
    expect(m.defaults.env.WORKERS).toEqual({ value: '4', secret: false });
  });

  it('prefers a set variable over the fallback, via an injected lookup', () => {
    const mm = loadMatrix(join(good, 'full.yaml'), { env: (n) => ({ HF_TOKEN: 't', HF_HOME: '/hf' })[n] });
    expect(mm.defaults.env.CACHE!.value).toBe('/hf/hub');
  });

  it('reports an unset variable at its value', () => {
    expect(() => loadMatrix(join(good, 'full.yaml'), { env: {} })).toThrow(/full\.yaml:9:15: defaults\.env\.HF_TOKEN: environment variable HF_TOKEN is not set/);
  });
});

describe('loadMatrices', () => {
  it('collects the mistakes of every file', () => {
    const bad = join(good, '../bad');
    try {
      loadMatrices([join(bad, '10-unknown-engine.yaml'), join(good, 'full.yaml'), join(bad, '23-unknown-gpu.yaml')], { env });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MatrixError);
      expect((e as MatrixError).issues.map((i) => i.loc.file.split('/').pop())).toEqual(['10-unknown-engine.yaml', '23-unknown-gpu.yaml']);
    }
  });

  it('reports a missing file as a located matrix error', () => {
    expect(() => loadMatrix('/no/such/matrix.yaml')).toThrow('/no/such/matrix.yaml:1:1: no such file');
  });
});
