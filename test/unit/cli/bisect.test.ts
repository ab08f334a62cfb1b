// `matrix bisect`'s command line: the option table, the ordered refs it makes of --good, --between
// and --bad, the one cell it names, and what it prints.
import { describe, expect, it } from 'vitest';
import { command } from '../../../harness/cli/bisect.ts';
import { probeLine, shortRef, startLine } from '../../../harness/cli/bisect-output.ts';
import { parseCommand } from '../../../harness/cli/command.ts';
import { UsageError } from '../../../harness/errors.ts';
import { oneCell } from '../../../harness/plan/one-cell.ts';
import { bisectRefList, cellWithRef, expandRef, repositoryOf } from '../../../harness/run/bisect-refs.ts';
import { makeCell } from '../../support/cell.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('options', () => {
  it('FILE... CELL, --good and --bad required, --between repeated, --pull checked', () => {
    const a = parseCommand(command, ['m.yaml', 'n.yaml', 'img/h100/m/default', '--good', 'n-01', '--between', 'n-02,n-03', '--between', 'n-04', '--bad', 'n-05', '--verify', '--emulate']);
    expect(a.positionals).toEqual(['m.yaml', 'n.yaml', 'img/h100/m/default']);
    expect(a.values).toMatchObject({ good: 'n-01', bad: 'n-05', between: ['n-02,n-03', 'n-04'], verify: true, emulate: true, pull: 'missing', 'emulate-gpus': 4 });
    expect(() => parseCommand(command, ['m.yaml', 'c', '--bad', 'x'])).toThrow(/--good is required/);
    expect(() => parseCommand(command, ['m.yaml', '--good', 'a', '--bad', 'b'])).toThrow(/missing FILE \(a matrix file\) and CELL/);
    expect(() => parseCommand(command, ['m.yaml', 'c', '--good', 'a', '--bad', 'b', '--pull', 'sometimes'])).toThrow(/--pull must be one of missing, always, never/);
    expect(() => parseCommand(command, ['m.yaml', 'c', '--good', 'a', '--bad', 'b', '--verfy'])).toThrow(UsageError);
  });
});

describe('refs', () => {
  it('a bare tag or digest is of the cell\'s repository; a whole reference stays as it is', () => {
    expect(repositoryOf('vllm/vllm-openai:v0.19.0')).toBe('vllm/vllm-openai');
    expect(repositoryOf('localhost:5000/x/vllm@sha256:00')).toBe('localhost:5000/x/vllm');
    expect(repositoryOf('localhost:5000/vllm')).toBe('localhost:5000/vllm');
    expect(expandRef('nightly-05', 'vllm/vllm-openai:v0.19.0')).toBe('vllm/vllm-openai:nightly-05');
    expect(expandRef(DIGEST, 'vllm/vllm-openai:v0.19.0')).toBe(`vllm/vllm-openai@${DIGEST}`);
    expect(expandRef('other/img:tag', 'vllm/vllm-openai:v0.19.0')).toBe('other/img:tag');
    expect(expandRef('ubuntu:24.04', 'vllm/vllm-openai:v0.19.0')).toBe('ubuntu:24.04');
  });

  it('good, then --between in order, then bad; each once, and at least two', () => {
    expect(bisectRefList('r:1', { good: 'a', between: ['b,c', ' d '], bad: 'e' })).toEqual(['r:a', 'r:b', 'r:c', 'r:d', 'r:e']);
    expect(() => bisectRefList('r:1', { good: 'a', bad: 'r:a' })).toThrow(/--good and --bad are the same image \(r:a\): a bisect needs at least 2 different refs/);
    expect(() => bisectRefList('r:1', { good: 'a', between: ['b', 'b'], bad: 'c' })).toThrow(/r:b is given twice/);
  });

  it('the cell on a ref keeps everything else, and the engine version its command was built for', () => {
    const c = makeCell('img/h100/m/default', { image: { ref: 'vllm/vllm-openai:v0.11.0', emulate: { ttft_ms: 5 } } });
    const on = cellWithRef(c, 'vllm/vllm-openai:nightly-05');
    expect(on.image).toEqual({ ...c.image, ref: 'vllm/vllm-openai:nightly-05', emulate: { ttft_ms: 5, version: '0.11.0' } });
    expect({ ...on, image: null }).toEqual({ ...c, image: null });
    // a ref whose tag names its own version runs as that version; the matrix's traits stay as they are
    expect(cellWithRef(c, 'vllm/vllm-openai:v0.12.0').image.emulate).toEqual({ ttft_ms: 5 });
    expect(cellWithRef(makeCell(), 'vllm/vllm-openai:v0.12.0').image.emulate).toBeNull();
  });
});

describe('the cell', () => {
  const cells = ['a/h100/m/default', 'a/h100/m/eager', 'b/h100/m/default'].map((id) => makeCell(id));
  it('by its id, or a glob matching one; several or none is a usage error that says what to give', () => {
    expect(oneCell(cells, 'a/h100/m/eager', 'bisect').id).toBe('a/h100/m/eager');
    expect(oneCell(cells, 'b/**', 'bisect').id).toBe('b/h100/m/default');
    expect(() => oneCell(cells, 'a/**', 'bisect')).toThrow(/a\/\*\* matches 2 cells \(a\/h100\/m\/default, a\/h100\/m\/eager\); give one cell/);
    const e = (() => {
      try {
        oneCell(cells, 'a/h100/m/eagre', 'bisect');
      } catch (x) {
        return x as UsageError;
      }
    })();
    expect(e).toBeInstanceOf(UsageError);
    expect(e!.message).toBe('matrix bisect: unknown cell a/h100/m/eagre');
    expect(e!.hint).toMatch(/did you mean "a\/h100\/m\/eager"/);
  });
});

describe('output', () => {
  it('says the candidates and the bound first, then each run with its verdict and what it decided', () => {
    const ref = 'vllm/vllm-openai:v0.19.0';
    expect(shortRef('vllm/vllm-openai:nightly-05', ref)).toBe('nightly-05');
    expect(shortRef(`vllm/vllm-openai@${DIGEST}`, ref)).toBe(DIGEST);
    expect(startLine('img/h100/m/default', ['vllm/vllm-openai:n1', 'x', 'y', 'z', 'vllm/vllm-openai:n5'], { candidates: 3, bound: 2, verify: false }, ref)).toBe('bisect img/h100/m/default: 3 candidates between n1 (good) and n5 (bad), ≤ 2 runs\n');
    const p = { runId: 'r1', verdict: 'fail', category: 'ptx-toolchain', signature: 'ptx-toolchain-attention', digest: null, ref: 'vllm/vllm-openai:nightly-05', index: 2, outcome: 'bad', purpose: 'search' } as const;
    expect(probeLine(p, 1, 2, ref)).toBe('  run 1/2: nightly-05 → fail (ptx-toolchain-attention): bad  (run r1)\n');
    expect(probeLine({ ...p, verdict: 'infra', signature: 'docker-down', outcome: 'undecided', purpose: 'retry' }, 2, 3, ref)).toBe('  run 2/3: nightly-05 → infra (docker-down): cannot decide [retry]  (run r1)\n');
  });
});
