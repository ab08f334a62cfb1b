// `matrix gpus` through its real exec path: a fake nvidia-smi on PATH answers with the text
// captured on the H100 machine.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../harness/cli/gpus.ts';
import { InfraError } from '../../../harness/errors.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/nvidia-smi/', import.meta.url));
const bin = mkdtempSync(join(tmpdir(), 'matrix-gpus-'));
const empty = mkdtempSync(join(tmpdir(), 'matrix-gpus-empty-'));
writeFileSync(
  join(bin, 'nvidia-smi'),
  `#!/bin/sh\ncase "$1" in\n  --query-gpu=*) cat '${fixtures}h100-query-noheader.csv' ;;\n  -L) cat '${fixtures}h100-L.txt' ;;\n  *) cat '${fixtures}h100-nvidia-smi.txt' ;;\nesac\n`,
);
chmodSync(join(bin, 'nvidia-smi'), 0o755);
const PATH = process.env.PATH;

afterEach(() => {
  process.env.PATH = PATH;
  vi.restoreAllMocks();
});
afterAll(() => {
  rmSync(bin, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

async function run(values: { json?: boolean; catalog?: boolean }): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const code = await command.run({ positionals: [], values: { json: values.json, catalog: values.catalog } });
  return { code, out };
}

describe('matrix gpus', () => {
  it('lists the H100 by catalog name with compute capability, memory, driver and CUDA version', async () => {
    process.env.PATH = `${bin}:${PATH}`;
    const { code, out } = await run({});
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^#\s+catalog\s+name\s+cc\s+memory\s+driver\s+cuda\s+uuid$/);
    expect(out).toMatch(/^0\s+h100\s+NVIDIA H100 80GB HBM3\s+9\.0\s+81559 MiB\s+580\.159\.04\s+13\.0\s+GPU-fe712e6c-f399-7203-3a97-f8c378961a7a$/m);
  });

  it('--json', async () => {
    process.env.PATH = `${bin}:${PATH}`;
    const { out } = await run({ json: true });
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ catalogName: 'h100', computeCapability: '9.0', cudaVersion: '13.0' })]);
  });

  it('--catalog prints every catalog GPU without touching nvidia-smi', async () => {
    process.env.PATH = empty;
    const { code, out } = await run({ catalog: true });
    expect(code).toBe(0);
    expect(out).toMatch(/^thor\s+11\.0\s+blackwell-jetson\s+128 GiB\s+13\.0\s+jetson-thor, agx-thor, sm110, sm_110\s+NVIDIA Jetson AGX Thor$/m);
  });

  it.skipIf(existsSync('/proc/device-tree/model'))('no nvidia-smi and no Jetson: gpu-unavailable (exit 3)', async () => {
    process.env.PATH = empty;
    const err = await run({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfraError);
    expect(err).toMatchObject({ kind: 'gpu-unavailable', exitCode: 3 });
  });
});
