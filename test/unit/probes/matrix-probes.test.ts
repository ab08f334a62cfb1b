// Probe modules are loaded when the matrix is planned: a broken one is a MatrixError at its entry.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../../harness/errors.ts';
import { loadMatrixText } from '../../../harness/matrix/load.ts';
import { loadMatrixProbes } from '../../../harness/probes/matrix-probes.ts';
import { builtinProbes } from '../../../harness/probes/registry.ts';

const dir = resolve(import.meta.dirname, '../../fixtures/probes');
const file = join(dir, 'm.yaml');

function matrix(probes: string) {
  const text = `version: 1
images:
  - { id: img, ref: "vllm/vllm-openai:v0.19.0", engine: vllm }
gpus: [h100]
models:
  - { id: small, name: Qwen/Qwen3-0.6B }
probes:
${probes}
`;
  return loadMatrixText(text, file, { fileExists: () => true });
}

describe('loadMatrixProbes', () => {
  it('loads built-ins and modules, keyed as the cells name them', async () => {
    const probes = await loadMatrixProbes([matrix('  - text\n  - ./echo.mjs')]);
    expect(probes.get('text')).toBe(builtinProbes.text);
    expect(probes.get(join(dir, 'echo.mjs'))?.name).toBe('echo');
  });

  it('reports every broken module at its own entry, with the loader\'s message and hint', async () => {
    const err = await loadMatrixProbes([matrix('  - text\n  - ./not-a-probe.mjs\n  - { name: ./missing.mjs, options: { n: 1 } }')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MatrixError);
    const issues = (err as MatrixError).issues;
    expect(issues.map((i) => [i.loc.line, i.loc.col])).toEqual([[9, 5], [10, 5]]);
    expect(issues[0]!.message).toMatch(/probe module "\.\/not-a-probe\.mjs" does not export a probe: `run\(ctx\)` must be a function/);
    expect(issues[0]!.hint).toContain('export default');
    expect(issues[1]!.message).toMatch(/probe module "\.\/missing\.mjs" not found/);
    expect((err as MatrixError).exitCode).toBe(2);
  });
});
