import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverGpus, type ExecResult } from '../../../harness/gpu/discover.ts';
import { InfraError } from '../../../harness/errors.ts';

const fixture = (f: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/nvidia-smi/${f}`, import.meta.url)), 'utf8');
const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', code: 0 });
const enoent = (): never => {
  throw Object.assign(new Error('spawn nvidia-smi ENOENT'), { code: 'ENOENT' });
};
const noFile = async (): Promise<string> => {
  throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
};

/** A fake nvidia-smi answering by its arguments. */
function smi(answers: { query?: ExecResult; queryNoCap?: ExecResult; banner?: string; list?: string }) {
  const calls: string[][] = [];
  const exec = async (cmd: string, args: string[]): Promise<ExecResult> => {
    expect(cmd).toBe('nvidia-smi');
    calls.push(args);
    if (args[0]?.startsWith('--query-gpu=')) return args[0].includes('compute_cap') ? answers.query! : answers.queryNoCap!;
    if (args[0] === '-L') return ok(answers.list ?? '');
    return ok(answers.banner ?? '');
  };
  return { exec, calls };
}

describe('discoverGpus', () => {
  it('on the captured H100 machine', async () => {
    const { exec } = smi({ query: ok(fixture('h100-query-noheader.csv')), banner: fixture('h100-nvidia-smi.txt'), list: fixture('h100-L.txt') });
    expect(await discoverGpus({ exec, readFile: noFile })).toEqual([
      {
        index: 0,
        uuid: 'GPU-fe712e6c-f399-7203-3a97-f8c378961a7a',
        name: 'NVIDIA H100 80GB HBM3',
        catalogName: 'h100',
        computeCapability: '9.0',
        memoryMiB: 81559,
        driverVersion: '580.159.04',
        cudaVersion: '13.0',
        source: 'nvidia-smi',
      },
    ]);
  });

  it('on the captured H200 machine', async () => {
    const { exec } = smi({ query: ok(fixture('h200-query-noheader.csv')), banner: fixture('h200-nvidia-smi.txt'), list: fixture('h200-L.txt') });
    const gpus = await discoverGpus({ exec, readFile: noFile });
    expect(gpus.map((g) => [g.name, g.catalogName, g.computeCapability, g.memoryMiB, g.cudaVersion, g.mig])).toEqual([['NVIDIA H200', 'h200', '9.0', 143771, '13.0', undefined]]);
  });

  it('mixed GPUs with MIG on one of them', async () => {
    const { exec } = smi({
      query: ok('0, GPU-a, NVIDIA A100-SXM4-40GB, 8.0, 40960 MiB, 570.1\n1, GPU-b, NVIDIA L40S, 8.9, 46068 MiB, 570.1\n'),
      banner: '| NVIDIA-SMI 570.1    Driver Version: 570.1    CUDA Version: 12.8 |',
      list: 'GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-a)\n  MIG 3g.20gb     Device  0: (UUID: MIG-x)\nGPU 1: NVIDIA L40S (UUID: GPU-b)\n',
    });
    const gpus = await discoverGpus({ exec, readFile: noFile });
    expect(gpus.map((g) => [g.catalogName, g.cudaVersion, g.mig?.map((m) => m.profile)])).toEqual([
      ['a100', '12.8', ['3g.20gb']],
      ['l40s', '12.8', undefined],
    ]);
  });

  it('an old driver without compute_cap: asks again without it and takes it from the catalog', async () => {
    const { exec, calls } = smi({
      query: { stdout: 'Field "compute_cap" is not a valid field to query.\n', stderr: '', code: 2 },
      queryNoCap: ok('0, GPU-a, NVIDIA A100-PCIE-40GB, 40960 MiB, 470.82.01\n'),
    });
    const [g] = await discoverGpus({ exec, readFile: noFile });
    expect(g).toMatchObject({ catalogName: 'a100', computeCapability: '8.0', cudaVersion: null });
    expect(calls[1]![0]).toBe('--query-gpu=index,uuid,name,memory.total,driver_version');
  });

  it('a Jetson without nvidia-smi is found by its device tree', async () => {
    const gpus = await discoverGpus({ exec: async () => enoent(), readFile: async (p) => (p === '/proc/device-tree/model' ? 'NVIDIA Jetson AGX Orin Developer Kit\0' : noFile()) });
    expect(gpus).toEqual([
      { index: 0, uuid: '', name: 'NVIDIA Jetson AGX Orin Developer Kit', catalogName: 'orin', computeCapability: '8.7', memoryMiB: null, driverVersion: null, cudaVersion: null, source: 'device-tree' },
    ]);
  });

  it('no GPU at all: a clear gpu-unavailable InfraError with a hint', async () => {
    const err = await discoverGpus({ exec: async () => enoent(), readFile: noFile }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfraError);
    expect(err).toMatchObject({ kind: 'gpu-unavailable', exitCode: 3, message: expect.stringContaining('nvidia-smi is not installed') });
    expect((err as InfraError).hint).toMatch(/--gpus all/);
  });

  it('a driver nvidia-smi cannot talk to: the driver message, exit 3', async () => {
    const msg = "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.";
    const { exec } = smi({ query: { stdout: msg + '\n', stderr: '', code: 9 } });
    await expect(discoverGpus({ exec, readFile: noFile })).rejects.toMatchObject({ kind: 'gpu-unavailable', message: expect.stringContaining("couldn't communicate") });
  });

  it('"No devices were found"', async () => {
    const { exec } = smi({ query: { stdout: 'No devices were found\n', stderr: '', code: 6 } });
    await expect(discoverGpus({ exec, readFile: noFile })).rejects.toMatchObject({ kind: 'gpu-unavailable', message: expect.stringContaining('No devices were found') });
  });
});
