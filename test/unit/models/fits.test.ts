import { describe, expect, it } from 'vitest';
import { fitOf } from '../../../harness/models/fits.ts';

const GiB = 1024 ** 3;

describe('fitOf', () => {
  it('a 67 GiB checkpoint does not fit one 48 GiB GPU, and says by how much', () => {
    const f = fitOf({ weightBytes: 67 * GiB, gpuName: 'l40s', gpuMemoryGiB: 48, tp: 1, memoryUtilization: 0.9 });
    expect(f.verdict).toBe('too-big');
    expect(f.budgetGiB).toBeCloseTo(43.2);
    expect(f.text).toBe('weights 67.0 GiB / tp 1 = 67.0 GiB per GPU; 0.9 × 48 GiB (l40s) = 43.2 GiB for weights + KV cache: short by 23.8 GiB, no room for the KV cache');
  });

  it('tensor parallelism splits the weights across the GPUs', () => {
    const f = fitOf({ weightBytes: 67 * GiB, gpuName: 'l40s', gpuMemoryGiB: 48, tp: 2, memoryUtilization: 0.9 });
    expect(f.perGpuGiB).toBeCloseTo(33.5);
    expect(f.verdict).toBe('fits');
    expect(f.kvRoomGiB).toBeCloseTo(9.7);
  });

  it('less than a tenth of the budget left for the KV cache is a tight fit', () => {
    const f = fitOf({ weightBytes: 70 * GiB, gpuName: 'h100', gpuMemoryGiB: 80, tp: 1, memoryUtilization: 0.92 });
    expect(f.verdict).toBe('tight');
    expect(f.text).toMatch(/3\.6 GiB left for the KV cache \(under 10% of the budget\)$/);
  });
});
