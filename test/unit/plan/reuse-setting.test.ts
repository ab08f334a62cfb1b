// The matrix's `reuse:` reaches every cell of that matrix (the dispatcher reuses them by default);
// without it cells carry none (only `--reuse` reuses them).
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../../harness/errors.ts';
import { loadMatrixText } from '../../../harness/matrix/load.ts';
import { expand } from '../../../harness/plan/expand.ts';

const text = (extra: string) => `version: 1
images: [{ id: v, ref: vllm/vllm-openai:v0.19.0, engine: vllm }]
gpus: [h100]
models: [{ id: m, name: Qwen/Qwen3-0.6B }]
probes: [text]
${extra}`;

describe('reuse: in the matrix', () => {
  it('gives each cell its max age, 7d by default', () => {
    expect(expand(loadMatrixText(text('reuse: { max_age: 36h }'), 'r.yaml'))[0]!.reuse).toEqual({ maxAgeMs: 36 * 3_600_000 });
    expect(expand(loadMatrixText(text('reuse: {}'), 'r.yaml'))[0]!.reuse).toEqual({ maxAgeMs: 7 * 86_400_000 });
    expect(expand(loadMatrixText(text(''), 'r.yaml'))[0]!.reuse).toBeUndefined();
  });

  it('refuses an unknown key or a bad age, at its line', () => {
    expect(() => loadMatrixText(text('reuse: { max_age: soon }'), 'r.yaml')).toThrow(MatrixError);
    expect(() => loadMatrixText(text('reuse: { maxage: 7d }'), 'r.yaml')).toThrow(/maxage/);
  });
});
