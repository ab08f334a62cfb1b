// The CUDA of a cell's fingerprint is the image's, as the image states it; the driver's is recorded
// as the driver's. An emulated image without a style states no CUDA; a vllm-openai styled one
// reports its cuda_version from /version.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

async function fingerprint(traits: string) {
  const dir = workdir();
  const m = writeMatrix(dir, emulatedMatrix({ traits }));
  const db = join(dir, 'r.sqlite');
  const r = await cli(['run', m, '--emulate', '--db', db, '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
  runIds.push(parseRun(r).run);
  expect(r.code, r.stderr).toBe(0);
  return query<{ cuda_version: string | null; driver_cuda: string | null }>(db, 'SELECT cuda_version, driver_cuda FROM fingerprints')[0]!;
}

describe("the fingerprint's CUDA versions", () => {
  it("an image that does not state its CUDA has none; the driver's CUDA is the driver's", async () => {
    expect(await fingerprint('driver_cuda: { h100: "12.8" }')).toEqual({ cuda_version: null, driver_cuda: '12.8' });
  });

  it("an image that states it: the image's CUDA beside the driver's", async () => {
    expect(await fingerprint('personality: vllm-openai\ncuda_version: "12.9"\ndriver_cuda: { h100: "13.0" }')).toEqual({ cuda_version: '12.9', driver_cuda: '13.0' });
  });
});
