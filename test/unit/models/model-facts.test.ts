import { describe, expect, it } from 'vitest';
import { modelFacts, modelMismatches } from '../../../harness/models/model-facts.ts';

const vl = { architectures: ['Qwen3VLForConditionalGeneration'], model_type: 'qwen3_vl', vision_config: { depth: 27 }, text_config: { hidden_size: 4096 } };
const llama = { architectures: ['LlamaForCausalLM'], model_type: 'llama' };

describe('modelFacts', () => {
  it('reads architectures, a vision encoder and the size from the safetensors index', () => {
    const f = modelFacts(vl, { metadata: { total_size: 17_500_000_000 }, weight_map: {} }, [{ path: 'model-00001-of-00004.safetensors', size: 5 }]);
    expect(f).toEqual({ architectures: ['Qwen3VLForConditionalGeneration'], modelType: 'qwen3_vl', remoteCode: false, vision: true, modalities: ['text', 'image'], weightBytes: 17_500_000_000, sizeFrom: 'safetensors index' });
  });

  it('without an index, sums the safetensors files; a text model has only the text modality', () => {
    const f = modelFacts(llama, null, [{ path: 'model.safetensors', size: 1000 }, { path: 'tokenizer.json', size: 99 }, { path: 'sub/extra.safetensors', size: 24 }]);
    expect(f.weightBytes).toBe(1024);
    expect(f.sizeFrom).toBe('safetensors files');
    expect(f.modalities).toEqual(['text']);
  });

  it('knows a checkpoint that brings its own code (config.json auto_map)', () => {
    expect(modelFacts({ ...llama, auto_map: { AutoConfig: 'configuration_x.XConfig', AutoModelForCausalLM: 'modeling_x.XForCausalLM' } }, null, []).remoteCode).toBe(true);
    expect(modelFacts({ ...llama, auto_map: {} }, null, []).remoteCode).toBe(false);
  });

  it('knows no size when there are no safetensors', () => {
    expect(modelFacts(llama, null, [{ path: 'pytorch_model.bin', size: 10 }]).weightBytes).toBeNull();
  });
});

describe('modelMismatches', () => {
  it('warns when the matrix declares other modalities or another architecture than the checkpoint', () => {
    expect(modelMismatches({ modalities: ['text'], architecture: null }, modelFacts(vl, null, []))).toEqual(['its config.json has a vision encoder, the matrix declares modalities [text] (add image to test it)']);
    expect(modelMismatches({ modalities: ['text', 'image'], architecture: 'LlamaForCausalLM' }, modelFacts(llama, null, []))).toEqual(['the matrix declares the image modality, its config.json has no vision encoder']);
    expect(modelMismatches({ modalities: ['text'], architecture: 'MistralForCausalLM' }, modelFacts(llama, null, []))).toEqual(['the matrix says architecture MistralForCausalLM, its config.json says LlamaForCausalLM']);
    expect(modelMismatches({ modalities: ['text', 'image'], architecture: 'Qwen3VLForConditionalGeneration' }, modelFacts(vl, null, []))).toEqual([]);
  });
});
