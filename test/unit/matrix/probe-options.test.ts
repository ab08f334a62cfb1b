import { describe, expect, it } from 'vitest';
import { expand } from '../../../harness/plan/expand.ts';
import { loadMatrixText } from '../../../harness/matrix/load.ts';
import { MatrixError } from '../../../harness/errors.ts';

const base = `version: 1
images: [{ id: v, ref: vllm/vllm-openai:v0.19.0, engine: vllm }]
gpus: [h100]
models: [{ id: m, name: Qwen/Qwen3-0.6B }]
`;

describe('probe entries with options', () => {
  it('gives a probe its options and keeps plain names working', () => {
    const m = loadMatrixText(base + `probes:\n  - { name: text, options: { questions: [{ prompt: "What is 2 + 2?", expect: "4" }] } }\n  - stream\n`, 'm.yaml', { env: {} });
    const [cell] = expand(m);
    expect(cell!.probes).toEqual(['text', 'stream']);
    expect(cell!.probeOptions).toEqual({ text: { questions: [{ prompt: 'What is 2 + 2?', expect: '4' }] } });
  });

  it('reports a misspelled key in an entry at its place', () => {
    try {
      loadMatrixText(base + `probes:\n  - { name: text, option: {} }\n`, 'm.yaml', { env: {} });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MatrixError);
      expect((e as MatrixError).message).toMatch(/^m\.yaml:6:\d+: .*option/);
    }
  });
});
