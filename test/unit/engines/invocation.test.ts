// One function from (cell, options) to the engine invocation serves expansion and triage: a triage
// variant with the cell's own options is the cell, for every cell of the shipped matrices.
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { engineInvocation } from '../../../harness/engines/invocation.ts';
import { planCells } from '../../../harness/plan/plan-files.ts';
import { withOptions } from '../../../harness/run/cell-runner.ts';

const cells = [...planCells(['matrix/seeds.yaml']), ...planCells(['matrix/nightly.yaml'])];

describe('engineInvocation', () => {
  it('gives triage the command, env and GPUs that expansion gave each cell', () => {
    const runnable = cells.filter((c) => c.skip === null);
    expect(runnable.length).toBeGreaterThan(10);
    for (const c of runnable) {
      const again = withOptions(c, c.options, getEngine(c.image.engine));
      expect(again, c.id).toEqual(c);
    }
  });

  it('says why a skipped cell cannot run, with the same reason as its plan', () => {
    for (const c of cells.filter((x) => x.skip !== null)) {
      expect(withOptions(c, c.options, getEngine(c.image.engine)), c.id).toBe(c.skip);
    }
  });

  it('keeps a pinned model revision in a remedy attempt', () => {
    const c = cells.find((x) => x.image.engine === 'vllm' && x.skip === null)!;
    const pinned = { ...c, model: { ...c.model, revision: 'a1b2c3d' } };
    const variant = withOptions(pinned, { ...c.options, cuda_graphs: 'off' }, getEngine('vllm'));
    if (typeof variant === 'string') throw new Error(variant);
    expect(variant.command.join(' ')).toContain('--revision a1b2c3d');
  });

  it('leases tensor_parallel GPUs', () => {
    const c = cells.find((x) => x.skip === null)!;
    expect(engineInvocation(getEngine(c.image.engine), c, { ...c.options, tensor_parallel: 4 }).gpus).toBe(4);
  });
});
