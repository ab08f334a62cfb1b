// `matrix preflight PATH...` wiring: GPU by name or from this runner (a fake nvidia-smi on PATH
// answers with the text captured on the H100 machine), exit codes, JSON.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../harness/cli/preflight.ts';
import { UsageError } from '../../../harness/errors.ts';

const fatbin = fileURLToPath(new URL('../../fixtures/fatbin/', import.meta.url));
const smi = fileURLToPath(new URL('../../fixtures/nvidia-smi/', import.meta.url));
const bin = mkdtempSync(join(tmpdir(), 'matrix-preflight-'));
writeFileSync(
  join(bin, 'nvidia-smi'),
  `#!/bin/sh\ncase "$1" in\n  --query-gpu=*) cat '${smi}h100-query-noheader.csv' ;;\n  -L) cat '${smi}h100-L.txt' ;;\n  *) cat '${smi}h100-nvidia-smi.txt' ;;\nesac\n`,
);
chmodSync(join(bin, 'nvidia-smi'), 0o755);
const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
  vi.restoreAllMocks();
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

async function run(positionals: string[], values: { gpu?: string; 'driver-cuda'?: string; json?: boolean }): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const code = await command.run({ positionals, values: { image: undefined, whole: undefined, model: undefined, engine: undefined, revision: 'main', 'cache-dir': undefined, gpu: values.gpu, 'driver-cuda': values['driver-cuda'], json: values.json } });
  return { code, out };
}

describe('matrix preflight PATH...', () => {
  it('a directory on Thor: failures make exit 1', async () => {
    const { code, out } = await run([fatbin], { gpu: 'thor' });
    expect(code).toBe(1);
    expect(out).toContain(`FAIL     ${fatbin}sass-sm80.so`);
    expect(out).toContain(`native   ${fatbin}multi-arch.so`);
  });

  it('only passing libraries: exit 0, JSON', async () => {
    const { code, out } = await run([`${fatbin}sass-sm90a.so`, `${fatbin}ptx-compute80.so`], { gpu: 'h200', 'driver-cuda': '13.0', json: true });
    expect(code).toBe(0);
    const r = JSON.parse(out) as { gpu: string; libraries: Array<{ verdict: string }> };
    expect([r.gpu, r.libraries.map((l) => l.verdict)]).toEqual(['h200', ['native', 'jit']]);
  });

  it('without --gpu: the runner H100 and its driver (CUDA 13.0) from nvidia-smi', async () => {
    process.env.PATH = `${bin}:${PATH}`;
    const { code, out } = await run([`${fatbin}sass-sm90a.so`], { json: true });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ gpu: 'h100', computeCapability: '9.0', driverCuda: '13.0' });
  });

  it('bad usage: unknown GPU, bad --driver-cuda, neither image nor path', async () => {
    await expect(run([fatbin], { gpu: 'voodoo5' })).rejects.toThrow(UsageError);
    await expect(run([fatbin], { gpu: 'thor', 'driver-cuda': 'thirteen' })).rejects.toThrow(/--driver-cuda must look like 12.8/);
    await expect(run([], { gpu: 'thor' })).rejects.toThrow(/either --image REF or PATH/);
  });
});
