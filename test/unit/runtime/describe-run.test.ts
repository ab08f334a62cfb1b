// The `docker run` line a cell's panel and the store give for reproducing its container.
import { describe, expect, it } from 'vitest';
import { DockerRuntime, dockerSize } from '../../../harness/runtime/docker.ts';

describe('describeRun', () => {
  const spec = { image: 'img:1', cmd: ['serve'], env: {}, labels: {}, port: 8000, gpuDeviceIds: null, mounts: [] };

  it('gives a shared-memory size below a GiB in MiB, never "0g"', () => {
    const line = new DockerRuntime().describeRun({ ...spec, shmSizeBytes: 64 * 1024 ** 2 });
    expect(line).toContain('--shm-size 64m');
    expect(line).not.toContain('--shm-size 0g');
  });

  it('says each size exactly, in the largest unit that fits', () => {
    expect([2 * 1024 ** 3, 1536 * 1024 ** 2, 1024 ** 3 + 1024, 1000].map(dockerSize)).toEqual(['2g', '1536m', '1048577k', '1000b']);
  });
});
