import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../harness/errors.ts';
import { planCells } from '../../../harness/plan/plan-files.ts';

const seeds = join(import.meta.dirname, '../../../matrix/seeds.yaml');
const full = join(import.meta.dirname, '../../fixtures/matrices/good/full.yaml');

describe('planCells', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('joins the cells of several files in file order', () => {
    vi.stubEnv('HF_TOKEN', 'hf_test');
    const cells = planCells([seeds, full]);
    expect(cells[0]!.matrix).toBe('seeds');
    expect(cells.at(-1)!.matrix).toBe('full');
    expect(cells.filter((c) => c.matrix === 'seeds')).toHaveLength(10);
  });

  it('refuses a cell id produced by two files', () => {
    expect(() => planCells([seeds, seeds])).toThrow(UsageError);
    expect(() => planCells([seeds, seeds])).toThrow(/^cell vllm-0\.11\/rtx-pro-6000\/qwen3-vl-8b\/default is defined by both/);
  });
});
