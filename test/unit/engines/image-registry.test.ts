import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelTypeAttributes, parseSglangEntryClasses, parseVllmConfigRegistry, parseVllmRegistry } from '../../../harness/engines/image-registry.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/image-software/${name}`, import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const P = '/site/vllm/model_executor/models/registry.py';

describe("vLLM's registry.py", () => {
  it('reads the keys of every model table, multi-line entries included, at their lines', () => {
    const text = fixture('vllm-registry.py');
    const r = parseVllmRegistry(text, P)!;
    expect([...r.loads.keys()]).toEqual(['AfmoeForCausalLM', 'AquilaModel', 'Qwen3ForCausalLM', 'Qwen3MoeForCausalLM', 'Qwen3VLForConditionalGeneration', 'Qwen3_5MoeForConditionalGeneration']);
    expect(r.loads.get('Qwen3_5MoeForConditionalGeneration')).toEqual({ name: 'Qwen3_5MoeForConditionalGeneration', path: P, line: lineOf(text, '"Qwen3_5MoeForConditionalGeneration": (') });
    // the values' module names and comments are not architectures
    expect(r.loads.has('llama')).toBe(false);
    expect(r.loads.has('NotAKey')).toBe(false);
  });
  it('keeps removed and out-of-tree architectures apart: they do not load', () => {
    const r = parseVllmRegistry(fixture('vllm-registry.py'), P)!;
    expect([...r.refused.keys()]).toEqual(['MotifForCausalLM', 'Phi3SmallForCausalLM', 'BartModel']);
    expect(r.loads.has('Phi3SmallForCausalLM')).toBe(false);
  });
  it("reads 0.10.2's layout with a one-line table", () => {
    const r = parseVllmRegistry(fixture('vllm-registry-0.10.2.py'), P)!;
    expect([...r.loads.keys()]).toEqual(['Qwen3ForCausalLM']);
    expect([...r.refused.keys()]).toEqual(['Phi3SmallForCausalLM']);
  });
  it('is null when no table is found', () => {
    expect(parseVllmRegistry('MODELS = load_from_plugin()\n', P)).toBeNull();
  });
});

describe("vLLM's own config classes (_CONFIG_REGISTRY)", () => {
  it('reads the keyword-spelled model types, comments aside', () => {
    const text = fixture('vllm-config.py');
    const types = parseVllmConfigRegistry(text, '/c.py')!;
    expect([...types.keys()]).toEqual(['afmoe', 'chatglm', 'kimi_k2', 'RefinedWeb', 'qwen3_next', 'qwen3_5', 'qwen3_5_moe']);
    expect(types.get('qwen3_5_moe')!.line).toBe(lineOf(text, 'qwen3_5_moe="Qwen3_5MoeConfig"'));
    expect(parseVllmConfigRegistry(fixture('vllm-config-0.15.py'), '/c.py')!.has('qwen3_5_moe')).toBe(false);
  });
  it('reads a dict-spelled registry (older releases)', () => {
    const text = '_CONFIG_REGISTRY: dict[str, type[PretrainedConfig]] = {\n    "chatglm": ChatGLMConfig,\n    "dbrx": DbrxConfig,\n}\n';
    expect([...parseVllmConfigRegistry(text, '/c.py')!.keys()]).toEqual(['chatglm', 'dbrx']);
  });
});

describe("SGLang's models and configs", () => {
  it('reads EntryClass, one class or a list over lines', () => {
    const a = { path: '/s/sglang/srt/models/qwen3.py', text: fixture('sglang-qwen3.py') };
    const b = { path: '/s/sglang/srt/models/bailing_moe_linear.py', text: fixture('sglang-bailing.py') };
    const names = parseSglangEntryClasses([a, b]);
    expect([...names.keys()]).toEqual(['Qwen3ForCausalLM', 'BailingMoeV2_5ForCausalLM', 'Qwen3MoeForCausalLM']);
    expect(names.get('Qwen3ForCausalLM')).toEqual({ name: 'Qwen3ForCausalLM', path: a.path, line: lineOf(a.text, 'EntryClass = Qwen3ForCausalLM') });
    expect(names.get('Qwen3MoeForCausalLM')!.line).toBe(lineOf(b.text, '    Qwen3MoeForCausalLM,'));
  });
  it("reads config classes' model_type attributes", () => {
    const f = { path: '/s/sglang/srt/configs/qwen3_5.py', text: fixture('sglang-qwen3_5-config.py') };
    expect(parseModelTypeAttributes([f]).get('qwen3_5_moe')).toEqual({ name: 'qwen3_5_moe', path: f.path, line: 3 });
  });
});
