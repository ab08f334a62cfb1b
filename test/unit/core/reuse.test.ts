// The reuse key: one key for equal inputs whatever their key order, another when anything that
// decides a verdict changes, and a miss that says what changed.
import { describe, expect, it } from 'vitest';
import { canonicalJson, reuseChanges, reuseKeyOf, type ReuseInputs } from '../../../harness/core/reuse.ts';
import { inputs } from '../../support/reuse-inputs.ts';


describe('reuse key', () => {
  it('is the same for equal inputs written in another key order', () => {
    const a = inputs({ env: { A: '1', B: '2' } });
    const b = { ...inputs(), env: { B: '2', A: '1' } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(reuseKeyOf(a)).toBe(reuseKeyOf(b));
    expect(reuseKeyOf(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<ReuseInputs>]>([
    ['image digest', { imageDigest: 'sha256:ffff' }],
    ['model revision', { modelRevision: '0123abcd' }],
    ['engine command', { argv: ['vllm', 'serve', 'Qwen/x', '--enforce-eager'] }],
    ['engine environment', { env: { VLLM_USE_V1: '0' } }],
    ['driver', { gpu: { name: 'h100', computeCapability: '9.0', driverVersion: '580.2', driverCuda: '13.0' } }],
    ['probe options', { probeOptions: { stream: { sequential: 3 } } }],
    ['timeouts', { timeouts: { startupMs: 2000, probeMs: 1000 } }],
    ['harness', { harness: '0.2.0+def' }],
  ])('changes when the %s changes', (_what, over) => {
    expect(reuseKeyOf(inputs(over))).not.toBe(reuseKeyOf(inputs()));
  });
});

describe('what changed', () => {
  it('names a changed digest from → to, shortened', () => {
    expect(reuseChanges(inputs(), inputs({ imageDigest: 'sha256:cdcdcdcdcdcdcdcdcdcdcdcdcdcd' }))).toEqual(['image digest changed sha256:aaaa1111bbbb2222… → sha256:cdcdcdcdcdcdcdcd…']);
  });

  it('names a changed number from → to', () => {
    expect(reuseChanges(inputs(), inputs({ retries: 2 }))).toEqual(['retries changed 0 → 2']);
  });

  it('names the keys of an object that changed, and says nothing when nothing did', () => {
    expect(reuseChanges(inputs(), inputs({ env: { VLLM_USE_V1: '0', NEW: 'x' } }))).toEqual(['engine environment changed (NEW, VLLM_USE_V1)']);
    expect(reuseChanges(inputs(), inputs())).toEqual([]);
  });

  it('reads a field an older harness did not store as changed', () => {
    const { harness: _gone, ...old } = inputs();
    expect(reuseChanges(old, inputs())).toEqual(['harness version changed none → 0.1.0+abc']);
  });
});
