// An emulated image's own traits (its matrix.emulate label) over the matrix's, checked as the matrix's are.
import { describe, expect, it } from 'vitest';
import { labelTraits, withLabelTraits } from '../../../harness/run/image-traits.ts';
import { emulatorConfig } from '../../../harness/run/container-spec.ts';
import { makeCell } from '../../support/cell.ts';

describe('matrix.emulate label', () => {
  it('its traits go over the matrix image\'s and reach the emulator\'s configuration', () => {
    const cell = makeCell('img/h100/m/default', { image: { emulate: { ttft_ms: 5, faults: { slow_start_s: 1 } } } });
    const label = labelTraits('r:04', { 'matrix.emulate': JSON.stringify({ faults: { fail_first_starts: 1 }, driver_cuda: { h100: '12.8' } }), other: 'x' });
    const cfg = emulatorConfig(withLabelTraits(cell, label));
    expect(cfg.traits).toMatchObject({ ttft_ms: 5, faults: { fail_first_starts: 1 }, driver_cuda: { h100: '12.8' } });
    expect(cfg.traits.faults.slow_start_s).toBeUndefined(); // a key the label names is the label's whole
    expect(labelTraits('r:01', { build: '1' })).toBeNull();
    expect(withLabelTraits(cell, null)).toBe(cell);
  });

  it('a label that is not JSON or not traits is a usage error naming the image', () => {
    expect(() => labelTraits('r:04', { 'matrix.emulate': '{kernels' })).toThrow(/image r:04: its matrix.emulate label is not JSON/);
    expect(() => labelTraits('r:04', { 'matrix.emulate': '{"colour":"red"}' })).toThrow(/image r:04: its matrix.emulate label holds no valid emulator traits/);
    expect(() => labelTraits('r:04', { 'matrix.emulate': '[]' })).toThrow(/no valid emulator traits/);
  });
});
