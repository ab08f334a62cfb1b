// Mounts end to end: a matrix mount on a path the harness also mounts (the Hugging Face cache, as
// matrix/nightly.yaml has it) must reach Docker once, on a runner and under --emulate alike, and
// --emulate must mount what a real run mounts.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, pathWithFakeNvidiaSmi, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

/** The emulated matrix with `mounts:` on its image: the weights cache at the harness's own path. */
function matrixWithHfMount(dir: string, image?: string): string {
  const shared = join(dir, 'shared-hf');
  mkdirSync(shared);
  const yaml = emulatedMatrix(image ? { image } : {}).replace('    engine: vllm\n', `    engine: vllm\n    mounts: [${shared}:/root/.cache/huggingface]\n`);
  return writeMatrix(dir, yaml);
}

describe('a matrix mount on the harness cache path', () => {
  it('on a runner: Docker gets one bind for the path (no "Duplicate mount point"), the harness keeps the compile cache', async () => {
    const dir = workdir();
    const image = process.env.MATRIX_EMULATOR_IMAGE ?? 'matrix-emulator:latest';
    const m = matrixWithHfMount(dir, image);
    const cacheDir = join(dir, 'cache');
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--pull', 'never', '--cache-dir', cacheDir, '--model-download', 'never'], { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    const out = parseRun(r);
    runIds.push(out.run);
    // The container is created; it is this machine (no NVIDIA runtime) that stops it at start.
    expect(out.cells[0]!.reason ?? '').not.toContain('Duplicate mount point');
    expect(out.cells[0]!.signature).toBe('gpu-runtime-missing');
  });

  it('under --emulate: the same mounts as a real run (matrix mount, harness compile cache), and the cell passes', async () => {
    const dir = workdir();
    const m = matrixWithHfMount(dir);
    const cacheDir = join(dir, 'cache');
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--cache-dir', cacheDir], { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    expect(out.cells[0]!.verdict).toBe('pass');
    const repro = query<{ docker_run: string }>(join(dir, 'r.sqlite'), 'SELECT docker_run FROM attempts')[0]!.docker_run;
    expect(repro).toContain(`-v ${join(dir, 'shared-hf')}:/root/.cache/huggingface`);
    expect(repro).toContain(`-v ${join(cacheDir, 'vllm-cache')}:/root/.cache/vllm`);
    expect(repro).not.toContain(join(cacheDir, 'huggingface'));
    // Docker bound the harness's compile cache directory (it creates a missing bind source). The
    // managed Hugging Face folder exists whatever the matrix mounts (the run creates it, so that it
    // is not root's), so the repro line above is what shows it was not bound.
    expect(existsSync(join(cacheDir, 'vllm-cache'))).toBe(true);
  });
});
