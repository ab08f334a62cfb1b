// `matrix preflight --image` against a real Docker engine: images built here FROM scratch that
// hold one nvcc-built library (sm_80 SASS only, or compute_80 PTX from CUDA 13.0) at the place
// vLLM keeps its flash-attention build. The CLI reads them without running them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { buildScratchImage } from './support/scratch-image.ts';

const docker = new Docker();
const root = fileURLToPath(new URL('../../', import.meta.url));
const LIB_PATH = 'usr/local/lib/python3.12/site-packages/vllm/vllm_flash_attn/_vllm_fa2_C.abi3.so';
const TAG = `matrix-test-preflight-${process.pid}`;
const images = { sass: `${TAG}:sm80`, ptx: `${TAG}:compute80` };
const LABELS = `matrix.test=1,matrix.test.owner=${process.pid}`;

async function buildImage(tag: string, fixture: string): Promise<void> {
  await buildScratchImage(docker, tag, { [LIB_PATH]: readFileSync(`${root}test/fixtures/fatbin/${fixture}`) });
}

async function matrix(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/matrix.js', ...args], {
      cwd: root,
      env: { ...process.env, MATRIX_CONTAINER_LABELS: LABELS },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

async function leftovers(): Promise<string[]> {
  const cs = await docker.listContainers({ all: true, filters: { label: [`matrix.test.owner=${process.pid}`] } });
  return cs.map((c) => c.Id);
}

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: root });
  await buildImage(images.sass, 'sass-sm80.so');
  await buildImage(images.ptx, 'ptx-compute80.so');
});

afterAll(async () => {
  for (const id of await leftovers()) await docker.getContainer(id).remove({ force: true });
  for (const tag of Object.values(images)) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
});

describe('matrix preflight --image', () => {
  it('an sm_80-only library on Thor: no kernel image, exit 1', async () => {
    const r = await matrix('preflight', '--image', images.sass, '--gpu', 'thor');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL     /${LIB_PATH}`);
    expect(r.stdout).toContain('no kernel image is available for execution on the device (cudaErrorNoKernelImageForDevice)');
    expect(r.stdout).toContain('built for sm_80; none of it runs on sm_110');
    expect(await leftovers()).toEqual([]); // the never-started container is gone
  });

  it('compute_80 PTX from CUDA 13.0 under a CUDA 12.8 driver: unsupported toolchain, exit 1', async () => {
    const r = await matrix('preflight', '--image', images.ptx, '--gpu', 'thor', '--driver-cuda', '12.8', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { libraries: Array<{ library: string; verdict: string; error: string; message: string }> };
    expect(out.libraries).toEqual([
      expect.objectContaining({
        library: `/${LIB_PATH}`,
        verdict: 'fail',
        error: 'cudaErrorUnsupportedPtxVersion',
        message: 'the provided PTX was compiled with an unsupported toolchain.',
      }),
    ]);
  });

  it('the same PTX under a CUDA 13.0 driver is JIT-compiled, exit 0', async () => {
    const r = await matrix('preflight', '--image', images.ptx, '--gpu', 'thor', '--driver-cuda', '13.0');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`PTX-JIT  /${LIB_PATH}`);
    expect(r.stdout).toContain('0 native, 1 PTX-JIT, 0 failing');
  });

  it('--whole reads the exported filesystem and finds the same library', async () => {
    const r = await matrix('preflight', '--image', images.sass, '--gpu', 'a100', '--driver-cuda', '13.0', '--whole');
    expect(r.code).toBe(0); // sm_80 SASS is native on an A100
    expect(r.stdout).toContain(`native   /${LIB_PATH}`);
    expect(await leftovers()).toEqual([]);
  });

  it('preflightImage, as matrix run --preflight calls it, takes a GPU name', async () => {
    const { preflightImage } = await import('../../harness/preflight/cuda-libraries.ts');
    const r = await preflightImage(new DockerRuntime(), images.ptx, 'gb10', undefined, { labels: { 'matrix.test': '1', 'matrix.test.owner': String(process.pid) } });
    expect([r.gpu, r.driverCuda, r.counts]).toEqual(['gb10', '13.0', { native: 0, jit: 1, fail: 0, advisory: 0 }]);
    expect(await leftovers()).toEqual([]);
  });

  it('an image that is not on the engine: exit 3 with a hint', async () => {
    const r = await matrix('preflight', '--image', `${TAG}:absent`, '--gpu', 'thor');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`image ${TAG}:absent is not on this Docker engine`);
    expect(r.stderr).toContain('hint:');
  });

  it('an unknown GPU is a usage error, exit 2', async () => {
    const r = await matrix('preflight', '--image', images.sass, '--gpu', 'voodoo5');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown GPU "voodoo5"');
  });
});
