import { describe, expect, it } from 'vitest';
import { countLine, expectText, planJson, planText } from '../../../harness/cli/plan-output.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { Estimate } from '../../../harness/plan/estimate.ts';
import { makeCell, type CellOverrides } from '../../support/cell.ts';

function cell(id: string, over: CellOverrides = {}): Cell {
  const [, gpu, model] = id.split('/') as [string, string, string];
  return makeCell(id, {
    image: { ref: 'r' },
    gpu: { arch: gpu === 'thor' ? 'sm_110' : 'sm_90', computeCapability: '9.0', memoryGiB: 80 },
    model: { name: `org/${model}` },
    timeouts: { startupMs: 1, probeMs: 1 },
    probes: ['text', 'stream'],
    command: ['org/' + model, '--port', '8000'],
    ...over,
  });
}

const cells = [
  cell('a/thor/m/default', { expect: { fail: 'ptx-toolchain', issue: 'https://github.com/vllm-project/vllm/issues/38411', reason: null } }),
  cell('a/h100/m/default'),
  cell('b/thor/m/x', { skip: 'no such backend', command: [] }),
];

describe('plan output', () => {
  it('prints the JSON fields of the plan contract', () => {
    const json = planJson(cells);
    expect(Object.keys(json.cells[0]!)).toEqual(['id', 'image', 'engine', 'gpu', 'arch', 'model', 'flags', 'probes', 'gpus', 'command', 'expect', 'skip']);
    expect(json.cells[0]).toMatchObject({ image: 'a', gpu: 'thor', arch: 'sm_110', model: 'm', flags: 'default', gpus: 1, skip: null });
    expect(json.cells[2]!.skip).toBe('no such backend');
  });

  it('counts cells to run and skipped, per GPU', () => {
    expect(countLine(cells)).toBe('3 cells: 2 to run, 1 skipped (thor: 2, h100: 1)');
    expect(countLine([])).toBe('0 cells: 0 to run, 0 skipped');
  });

  it('shortens GitHub issue links in expectations', () => {
    expect(expectText(cells[0]!.expect)).toBe('fail ptx-toolchain (vllm-project/vllm#38411)');
    expect(expectText({ fail: 'oom', issue: null, reason: 'x' })).toBe('fail oom');
    expect(expectText(null)).toBe('-');
  });

  it('groups the table by GPU with the skip reason', () => {
    const text = planText(cells);
    const lines = text.split('\n');
    expect(lines[0]).toBe('thor (sm_110, 80 GiB)');
    expect(lines.findIndex((l) => l.startsWith('h100'))).toBeGreaterThan(lines.findIndex((l) => l.includes('b/thor/m/x')));
    expect(text).toMatch(/b\/thor\/m\/x +vllm +text,stream +1 +- +no such backend/);
    expect(lines.at(-2)).toBe('3 cells: 2 to run, 1 skipped (thor: 2, h100: 1)');
  });

  it('shows each estimate with its basis, per GPU and in all', () => {
    const estimates = new Map<string, Estimate>([
      ['a/thor/m/default', { seconds: 4530, source: 'cell', runs: 5, basis: 'from 5 runs' }],
      ['a/h100/m/default', { seconds: 900, source: 'default', runs: 0, basis: 'default: no history' }],
      ['b/thor/m/x', { seconds: 0, source: 'skip', runs: 0, basis: 'skipped' }],
    ]);
    const text = planText(cells, undefined, estimates);
    expect(text).toMatch(/^thor \(sm_110, 80 GiB, estimated 1h15m30s\)$/m);
    expect(text).toMatch(/a\/thor\/m\/default .* 1h15m30s \(from 5 runs\)/);
    expect(text).toMatch(/a\/h100\/m\/default .* 15m \(default: no history\)/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 cells: 2 to run, 1 skipped (thor: 2, h100: 1); estimated 1h30m30s one after another');
    const json = planJson(cells, estimates);
    expect(json.estimate_s).toBe(5430);
    expect(json.cells[0]!.estimate).toEqual({ seconds: 4530, basis: 'from 5 runs' });
    expect(planJson(cells).cells[0]).not.toHaveProperty('estimate');
  });
});
