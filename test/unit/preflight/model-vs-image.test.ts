// The model-against-image preflight over an image held in memory (an ImageFs of files written as
// upstream's look): what is read, and the prediction with its evidence and certainty.
import { describe, expect, it } from 'vitest';
import { modelFacts } from '../../../harness/models/model-facts.ts';
import { readImageSoftware } from '../../../harness/preflight/image-software.ts';
import { predictModelOnImage, predictionLine } from '../../../harness/preflight/model-vs-image.ts';
import { fixture, memoryFs, oldVllmImage, SITE } from './memory-fs.ts';

const OLD_VLLM = oldVllmImage();
const qwen35moe = modelFacts({ architectures: ['Qwen3_5MoeForConditionalGeneration'], model_type: 'qwen3_5_moe', vision_config: {} }, null, []);
const qwen3 = modelFacts({ architectures: ['Qwen3ForCausalLM'], model_type: 'qwen3' }, null, []);

describe('reading an image', () => {
  it('finds site-packages, the engine, its version file, and transformers version from dist-info', async () => {
    const fs = memoryFs(OLD_VLLM);
    const sw = await readImageSoftware(fs);
    expect(sw.sitePackages).toEqual([SITE]);
    expect(sw.engines.map((e) => [e.engine, e.version?.value, e.version?.path])).toEqual([['vllm', '0.15.1', `${SITE}/vllm/_version.py`]]);
    expect(sw.transformers?.version).toEqual({ value: '4.57.1', path: `${SITE}/transformers-4.57.1.dist-info/METADATA`, line: 3 });
    expect(sw.transformers?.modelTypes?.names.has('qwen3')).toBe(true);
  });
  it('lists site-packages only when a version file is missing', async () => {
    const withInit = { ...OLD_VLLM, [`${SITE}/transformers/__init__.py`]: '__version__ = "4.57.1"\n' };
    const fs = memoryFs(withInit);
    await readImageSoftware(fs);
    expect(fs.reads).not.toContain(SITE);
    const without = memoryFs(OLD_VLLM);
    await readImageSoftware(without);
    expect(without.reads).toContain(SITE);
  });
});

describe('the prediction', () => {
  it("seed 001: transformers and vLLM's own configs lack qwen3_5_moe → certain unsupported, with file evidence", async () => {
    const sw = await readImageSoftware(memoryFs(OLD_VLLM));
    const p = predictModelOnImage({ model: 'Qwen/Qwen3.5-35B-A3B', facts: qwen35moe, software: sw, engine: 'vllm' });
    expect(p).toMatchObject({ verdict: 'unsupported', certain: true, engine: 'vllm' });
    expect(p.modelType).toMatchObject({ known: false, decidedBy: 'image' });
    expect(p.reason).toContain(`transformers 4.57.1 does not know model_type qwen3_5_moe: model_type qwen3_5_moe is not among the 6 model types of ${SITE}/transformers/models/auto/configuration_auto.py nor among the engine's 2 own config types (${SITE}/vllm/transformers_utils/config.py)`);
    expect(p.architecture).toMatchObject({ known: false, decidedBy: 'image' });
    expect(predictionLine(p)).toMatch(/^unsupported model \(vLLM 0\.15\.1, transformers 4\.57\.1\): /);
  });
  it("loads when the engine's own config classes know the model type (vLLM 0.17+ ports Qwen3.5's configs)", async () => {
    const sw = await readImageSoftware(memoryFs({ ...OLD_VLLM, [`${SITE}/vllm/transformers_utils/config.py`]: fixture('vllm-config.py'), [`${SITE}/vllm/model_executor/models/registry.py`]: fixture('vllm-registry.py') }));
    const p = predictModelOnImage({ model: 'm', facts: qwen35moe, software: sw, engine: 'vllm' });
    expect(p.verdict).toBe('loads');
    expect(p.modelType.text).toContain('configured by the engine itself at');
    expect(p.architecture.text).toMatch(/Qwen3_5MoeForConditionalGeneration is registered at .*registry\.py:\d+$/);
  });
  it('a known model loads', async () => {
    const p = predictModelOnImage({ model: 'm', facts: qwen3, software: await readImageSoftware(memoryFs(OLD_VLLM)), engine: 'vllm' });
    expect(p).toMatchObject({ verdict: 'loads', certain: false });
  });
  it('remote code (auto_map) or an unread engine config registry makes it not certain', async () => {
    const remote = modelFacts({ architectures: ['X'], model_type: 'qwen3_5_moe', auto_map: { AutoConfig: 'configuration_x.XConfig' } }, null, []);
    const sw = await readImageSoftware(memoryFs(OLD_VLLM));
    expect(predictModelOnImage({ model: 'm', facts: remote, software: sw, engine: 'vllm' })).toMatchObject({ verdict: 'unsupported', certain: false });
    const noConfigs = Object.fromEntries(Object.entries(OLD_VLLM).filter(([k]) => !k.endsWith('/vllm/transformers_utils/config.py')));
    const p = predictModelOnImage({ model: 'm', facts: qwen35moe, software: await readImageSoftware(memoryFs(noConfigs)), engine: 'vllm' });
    expect(p).toMatchObject({ verdict: 'unsupported', certain: false });
    expect(p.reason).toContain("the engine's own config classes were not read");
  });
  it('an architecture missing from the registry alone is not certain: the Transformers backend may load it', async () => {
    const other = modelFacts({ architectures: ['Qwen3VLForConditionalGeneration'], model_type: 'qwen3_vl' }, null, []);
    const p = predictModelOnImage({ model: 'm', facts: other, software: await readImageSoftware(memoryFs(OLD_VLLM)), engine: 'vllm' });
    expect(p).toMatchObject({ verdict: 'unsupported', certain: false });
    expect(p.reason).toContain("Transformers backend");
  });
  it('falls back to the engine facts when the registry is not in the image, saying so', async () => {
    const files = { [`${SITE}/vllm/_version.py`]: "__version__ = version = '0.16.0'\n", [`${SITE}/vllm/__init__.py`]: '' };
    const sw = await readImageSoftware(memoryFs(files));
    const p = predictModelOnImage({ model: 'm', facts: qwen35moe, software: sw, engine: 'vllm' });
    expect(p.architecture).toMatchObject({ known: false, decidedBy: 'facts' });
    expect(p.architecture.text).toMatch(/^engine facts: Qwen3_5MoeForConditionalGeneration is first registered in vLLM 0\.17\.0 \(e3691988d0bf:vllm\/model_executor\/models\/registry\.py:\d+\), the image has 0\.16\.0$/);
    expect(p.certain).toBe(false);
    const newer = predictModelOnImage({ model: 'm', facts: qwen35moe, software: await readImageSoftware(memoryFs({ ...files, [`${SITE}/vllm/_version.py`]: "__version__ = '0.19.1'\n" })), engine: 'vllm' });
    expect(newer.architecture).toMatchObject({ known: true, decidedBy: 'facts' });
  });
  it('an image without Python software: unknown', async () => {
    const p = predictModelOnImage({ model: 'm', facts: qwen3, software: await readImageSoftware(memoryFs({ '/bin/sh': '' })), engine: null });
    expect(p).toMatchObject({ verdict: 'unknown', certain: false, engine: null });
  });
});

describe('an SGLang image', () => {
  const SG = '/usr/local/lib/python3.10/dist-packages';
  const image = {
    [`${SG}/sglang/version.py`]: '__version__ = "0.4.0"\n',
    [`${SG}/sglang/srt/models/qwen3.py`]: fixture('sglang-qwen3.py'),
    [`${SG}/sglang/srt/models/bailing_moe_linear.py`]: fixture('sglang-bailing.py'),
    [`${SG}/sglang/srt/models/README.md`]: 'EntryClass = NotPython',
    [`${SG}/sglang/srt/configs/qwen3_5.py`]: fixture('sglang-qwen3_5-config.py'),
    [`${SG}/transformers/__init__.py`]: '__version__ = "4.46.0"\n',
    [`${SG}/transformers/models/auto/configuration_auto.py`]: fixture('configuration_auto.py'),
  };
  it("reads EntryClass from the models' .py files, the version file, and SGLang's own config classes", async () => {
    const sw = await readImageSoftware(memoryFs(image));
    const e = sw.engines.find((x) => x.engine === 'sglang')!;
    expect(e.version).toEqual({ value: '0.4.0', path: `${SG}/sglang/version.py`, line: 1 });
    expect([...e.registry!.names.keys()].sort()).toEqual(['BailingMoeV2_5ForCausalLM', 'Qwen3ForCausalLM', 'Qwen3MoeForCausalLM']);
    expect(e.configTypes!.names.has('qwen3_5_moe')).toBe(true);
    expect(sw.transformers?.version?.value).toBe('4.46.0');
  });
  it("a model type transformers lacks but SGLang configures itself is not unsupported; an architecture SGLang lacks is not certain", async () => {
    const p = predictModelOnImage({ model: 'm', facts: qwen35moe, software: await readImageSoftware(memoryFs(image)), engine: 'sglang' });
    expect(p.modelType).toMatchObject({ known: true, decidedBy: 'image' });
    expect(p).toMatchObject({ verdict: 'unsupported', certain: false });
    expect(p.architecture.text).toBe(`Qwen3_5MoeForConditionalGeneration not among the 3 architectures of ${SG}/sglang/srt/models/*.py`);
  });
});

describe('a NIM image', () => {
  it('is judged through the vLLM inside it, and never with certainty', async () => {
    const p = predictModelOnImage({ model: 'm', facts: qwen35moe, software: await readImageSoftware(memoryFs(OLD_VLLM)), engine: 'nim' });
    expect(p).toMatchObject({ engine: 'nim', verdict: 'unsupported', certain: false, engineVersion: { value: '0.15.1' } });
    expect(p.reason).toContain('NIM: judged through the vLLM in the image');
    expect(predictionLine(p)).toMatch(/^unsupported model \(NIM \(vLLM 0\.15\.1\), transformers 4\.57\.1\): /);
    expect(predictionLine(p)).toMatch(/^unsupported model \(NIM \(vLLM 0\.15\.1\), transformers 4\.57\.1\): /);
    expect(predictModelOnImage({ model: 'm', facts: qwen3, software: await readImageSoftware(memoryFs(OLD_VLLM)), engine: 'nim' }).verdict).toBe('loads');
  });
});
