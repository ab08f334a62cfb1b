import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../harness/errors.ts';
import { emptySelectionError, whyEmpty } from '../../../harness/plan/empty-selection.ts';

const cell = (id: string) => ({ id, gpu: { name: id.split('/')[1]! } });
const cells = ['vllm/thor/qwen/default', 'vllm/h100/qwen/mtp2', 'sglang/h100/vl/default'].map(cell);

describe('an empty selection', () => {
  it('names --gpu when no cell is on that GPU, with the GPUs the matrix has', () => {
    expect(whyEmpty(cells, { gpu: ['b200'] })).toBe('--gpu b200 matches none of the 3 cells; the matrix has cells on: thor (1), h100 (2)');
  });

  it('names --only when the glob matches none of the cells left by --gpu, with example ids', () => {
    expect(whyEmpty(cells, { gpu: ['h100'], only: ['*/thor/**'] })).toBe('--only */thor/** matches none of the 2 cells on --gpu h100 (ids look like: vllm/h100/qwen/mtp2, sglang/h100/vl/default)');
  });

  it('names --shard when there are more shards than cells', () => {
    expect(whyEmpty(cells, { only: ['sglang/**'], shard: { index: 2, total: 2 } })).toBe('--shard 2/2 gets none of the 1 selected cell: there are more shards than cells');
  });

  it('says so when the matrix itself has no cell', () => {
    expect(whyEmpty([], {})).toMatch(/^the matrix files define no cells/);
  });

  it('is a usage error (exit 2) that points at --allow-empty', () => {
    const e = emptySelectionError(cells, { gpu: ['b200'] }, 'run');
    expect(e).toBeInstanceOf(UsageError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^matrix run: no cells selected — --gpu b200/);
    expect(e.hint).toContain('--allow-empty');
  });
});
