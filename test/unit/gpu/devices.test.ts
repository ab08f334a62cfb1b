import { describe, expect, it } from 'vitest';
import { describeRunnerGpus, devicesFor } from '../../../harness/gpu/devices.ts';
import type { DiscoveredGpu } from '../../../harness/gpu/discover.ts';

const gpu = (index: number, catalogName: string | null, extra: Partial<DiscoveredGpu> = {}): DiscoveredGpu => ({
  index,
  uuid: `GPU-${index}`,
  name: catalogName ?? 'NVIDIA H20',
  catalogName,
  computeCapability: '9.0',
  memoryMiB: 81559,
  driverVersion: '580.159.04',
  cudaVersion: '13.0',
  source: 'nvidia-smi',
  ...extra,
});

const runner = [
  gpu(0, 'h100'),
  gpu(1, 'a100', { mig: [{ index: 0, profile: '3g.20gb', uuid: 'MIG-a', memoryMiB: 20480 }, { index: 1, profile: '3g.20gb', uuid: 'MIG-b', memoryMiB: 20480 }] }),
  gpu(2, 'h100'),
  gpu(3, null),
];

describe('devicesFor', () => {
  it('picks GPU indices by catalog name or alias', () => {
    expect(devicesFor(runner, 'h100').deviceIds).toEqual(['0', '2']);
    expect(devicesFor(runner, 'H100-SXM').deviceIds).toEqual(['0', '2']);
  });
  it('gives MIG device UUIDs for a GPU in MIG mode', () => expect(devicesFor(runner, 'a100').deviceIds).toEqual(['MIG-a', 'MIG-b']));
  it('nothing when the runner has none', () => expect(devicesFor(runner, 'thor')).toEqual({ gpus: [], deviceIds: [] }));
});

describe('describeRunnerGpus', () => {
  it('counts by catalog name', () => expect(describeRunnerGpus(runner)).toBe('2× h100, a100, NVIDIA H20'));
  it('none', () => expect(describeRunnerGpus([])).toBe('no GPUs'));
});
