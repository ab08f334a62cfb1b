import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogForDeviceTree, catalogForName, parseCudaVersion, parseDriverVersion, parseListing, parseMiB, parseQueryCsv } from '../../../harness/gpu/nvidia-smi.ts';

const fixture = (f: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/nvidia-smi/${f}`, import.meta.url)), 'utf8');
const CAPTURED = [
  { gpu: 'h100', row: { index: 0, uuid: 'GPU-fe712e6c-f399-7203-3a97-f8c378961a7a', name: 'NVIDIA H100 80GB HBM3', computeCapability: '9.0', memoryMiB: 81559, driverVersion: '580.159.04' } },
  { gpu: 'h200', row: { index: 0, uuid: 'GPU-d89b39f7-7939-a37a-b723-7f543f574b8f', name: 'NVIDIA H200', computeCapability: '9.0', memoryMiB: 143771, driverVersion: '580.159.04' } },
];

describe.each(CAPTURED)('nvidia-smi text captured on a real $gpu machine', ({ gpu, row }) => {
  it('reads the noheader query', () => expect(parseQueryCsv(fixture(`${gpu}-query-noheader.csv`))).toEqual([row]));
  it('reads the query with its header', () => expect(parseQueryCsv(fixture(`${gpu}-query.csv`))).toEqual([row]));
  it('reads a header with extra fields by name', () => expect(parseQueryCsv(fixture(`${gpu}-query-bus-mig.csv`))).toEqual([row]));
  it('reads the CUDA and driver versions from the banner', () => {
    expect(parseCudaVersion(fixture(`${gpu}-nvidia-smi.txt`))).toBe('13.0');
    expect(parseDriverVersion(fixture(`${gpu}-nvidia-smi.txt`))).toBe('580.159.04');
  });
  it('reads -L', () => expect(parseListing(fixture(`${gpu}-L.txt`))).toEqual([{ index: 0, name: row.name, uuid: row.uuid, mig: [] }]));
  it('maps the name to its catalog GPU', () => expect(catalogForName(row.name)?.name).toBe(gpu));
});

describe('more nvidia-smi text captured on the H200', () => {
  it('reads a header in another column order (name before uuid) by name', () =>
    expect(parseQueryCsv(fixture('h200-query-name-first.csv'))).toEqual(parseQueryCsv(fixture('h200-query.csv'))));
  it('reads the banner while a process holds memory (process table below it)', () => {
    expect(parseCudaVersion(fixture('h200-nvidia-smi-busy.txt'))).toBe('13.0');
    expect(parseDriverVersion(fixture('h200-nvidia-smi-busy.txt'))).toBe('580.159.04');
  });
});

describe('documented formats of other GPUs', () => {
  it('mixed GPUs, N/A fields, and units', () => {
    const rows = parseQueryCsv(
      [
        '0, GPU-11111111-2222-3333-4444-555555555555, NVIDIA A100-SXM4-80GB, 8.0, 81920 MiB, 570.133.20',
        '1, GPU-66666666-7777-8888-9999-000000000000, NVIDIA RTX PRO 6000 Blackwell Server Edition, 12.0, 97887 MiB, 570.133.20',
        '2, GPU-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee, NVIDIA Thor, 11.0, [N/A], 580.00',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.index, r.computeCapability, r.memoryMiB])).toEqual([
      [0, '8.0', 81920],
      [1, '12.0', 97887],
      [2, '11.0', null],
    ]);
  });

  it('a query without compute_cap (drivers before R510) leaves it null', () => {
    const rows = parseQueryCsv('0, GPU-1, NVIDIA A100-PCIE-40GB, 40960 MiB, 470.82.01', ['index', 'uuid', 'name', 'memory.total', 'driver_version']);
    expect(rows[0]).toMatchObject({ computeCapability: null, memoryMiB: 40960, driverVersion: '470.82.01' });
  });

  it('MIG devices under their GPU, in the current and the R450 format', () => {
    const listing = parseListing(
      [
        'GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5d5ba0d6-d33d-2b2c-524d-9e3d8d2b8a77)',
        '  MIG 1g.5gb      Device  0: (UUID: MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f)',
        '  MIG 3g.20gb     Device  1: (UUID: MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb)',
        'GPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-2)',
        'GPU 2: NVIDIA A100-SXM4-40GB (UUID: GPU-3)',
        '  MIG 7g.40gb Device 0: (UUID: MIG-GPU-e91edf3b-b297-37c1-a2a7-7601c3238fa2/1/0)',
      ].join('\n'),
    );
    expect(listing.map((g) => [g.index, g.mig.map((m) => `${m.index}:${m.profile}:${m.memoryMiB}`)])).toEqual([
      [0, ['0:1g.5gb:5120', '1:3g.20gb:20480']],
      [1, []],
      [2, ['0:7g.40gb:40960']],
    ]);
    expect(listing[2]!.mig[0]!.uuid).toBe('MIG-GPU-e91edf3b-b297-37c1-a2a7-7601c3238fa2/1/0');
  });

  it('memory in MiB or GiB', () => {
    expect(parseMiB('97887 MiB')).toBe(97887);
    expect(parseMiB('80 GiB')).toBe(81920);
    expect(parseMiB('[Not Supported]')).toBeNull();
  });
});

describe('catalog names', () => {
  it.each([
    ['NVIDIA H100 80GB HBM3', 'h100'],
    ['NVIDIA H100 PCIe', 'h100'],
    ['NVIDIA H200', 'h200'],
    ['NVIDIA GH200 480GB', 'gh200'],
    ['NVIDIA A100-SXM4-80GB', 'a100'],
    ['NVIDIA A800 80GB PCIe', 'a100'],
    ['NVIDIA A10G', 'a10'],
    ['NVIDIA A10', 'a10'],
    ['NVIDIA L4', 'l4'],
    ['NVIDIA L40S', 'l40s'],
    ['NVIDIA L40', 'l40s'],
    ['NVIDIA RTX A6000', 'rtx-a6000'],
    ['NVIDIA RTX 6000 Ada Generation', 'rtx-6000-ada'],
    ['NVIDIA RTX PRO 6000 Blackwell Server Edition', 'rtx-pro-6000'],
    ['NVIDIA RTX PRO 6000 Blackwell Workstation Edition', 'rtx-pro-6000'],
    ['NVIDIA GeForce RTX 5090', 'rtx-5090'],
    ['NVIDIA B200', 'b200'],
    ['NVIDIA GB200', 'gb200'],
    ['NVIDIA B300 SXM6 AC', 'b300'],
    ['NVIDIA Thor', 'thor'],
    ['NVIDIA GB10', 'gb10'],
  ])('%s → %s', (name, want) => expect(catalogForName(name)?.name).toBe(want));

  it('an unknown GPU maps to nothing', () => expect(catalogForName('NVIDIA H20')).toBeUndefined());

  it('Jetson device-tree models', () => {
    expect(catalogForDeviceTree('NVIDIA Jetson AGX Orin Developer Kit\0')?.name).toBe('orin');
    expect(catalogForDeviceTree('NVIDIA Jetson AGX Thor Developer Kit\0')?.name).toBe('thor');
    expect(catalogForDeviceTree('Raspberry Pi 5 Model B Rev 1.0')).toBeUndefined();
  });
});
