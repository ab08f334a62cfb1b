import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distInfoPackage, parseConfigMappingNames, parseDistMetadata, parseVersionAssignment } from '../../../harness/models/python-packages.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/image-software/${name}`, import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('dist-info METADATA', () => {
  it('reads Name and Version from the headers, not from the description after the blank line', () => {
    const text = fixture('transformers-METADATA');
    expect(parseDistMetadata(text)).toEqual({ name: { value: 'transformers', line: 2 }, version: { value: '4.57.1', line: 3 } });
  });
  it('is null without a Version header', () => {
    expect(parseDistMetadata('Metadata-Version: 2.1\nName: vllm\n\nVersion: 1.0\n')).toBeNull();
  });
  it('knows a package by its dist-info directory, names normalized', () => {
    expect(distInfoPackage('/s/transformers-4.57.1.dist-info/METADATA', ['vllm', 'transformers'])).toBe('transformers');
    expect(distInfoPackage('/s/SGLang-0.5.5.post1.dist-info/METADATA', ['sglang'])).toBe('sglang');
    expect(distInfoPackage('/s/vllm_flash_attn-2.6.dist-info/METADATA', ['vllm'])).toBeNull();
    expect(distInfoPackage('/s/vllm-0.11.0.dist-info/RECORD', ['vllm'])).toBeNull();
  });
});

describe('version files', () => {
  it("reads setuptools-scm's _version.py (`__version__ = version = '…'`), not its annotations", () => {
    const text = fixture('vllm-_version.py');
    expect(parseVersionAssignment(text)).toEqual({ value: '0.15.1', line: lineOf(text, "__version__ = version = '0.15.1'") });
  });
  it('reads a plain assignment (transformers __init__.py, SGLang 0.4 version.py)', () => {
    expect(parseVersionAssignment('# flake8: noqa\n\n__version__ = "4.3.0.dev0"\n')).toEqual({ value: '4.3.0.dev0', line: 3 });
    expect(parseVersionAssignment('from ._version import __version__\n')).toBeNull();
  });
});

describe("transformers' CONFIG_MAPPING_NAMES", () => {
  it('reads every model type of the mapping with its line, and nothing of the other mappings', () => {
    const text = fixture('configuration_auto.py');
    const types = parseConfigMappingNames(text)!;
    expect([...types.keys()]).toEqual(['afmoe', 'audio-spectrogram-transformer', 'qwen3', 'qwen3_moe', 'qwen3_next', 'qwen3_vl']);
    expect(types.get('qwen3_moe')).toBe(lineOf(text, '("qwen3_moe", "Qwen3MoeConfig")'));
    expect(types.has('qwen3_5_moe')).toBe(false); // only MODEL_NAMES_MAPPING names it
  });
  it('reads the older `OrderedDict(` spelling and a dict/keyword spelled mapping', () => {
    expect([...parseConfigMappingNames(fixture('configuration_auto-old.py'))!.keys()]).toEqual(['albert', 'bart']);
    const dict = 'CONFIG_MAPPING_NAMES = {\n    "llama": "LlamaConfig",  # (not "x": here)\n}\nCONFIG_MAPPING_NAMES = OrderedDict(**{"gpt-sw3": "GPT2Config"}, **CONFIG_MAPPING_NAMES)\n';
    expect([...parseConfigMappingNames(dict)!.entries()]).toEqual([['llama', 2], ['gpt-sw3', 4]]);
  });
  it('is null for a file without the mapping (a layout the parser does not know)', () => {
    expect(parseConfigMappingNames('from .auto_mappings import CONFIG_MAPPING_NAMES\n')).toBeNull();
  });
});
