import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findGpu, type GpuSpec } from '../../../harness/gpu/catalog.ts';
import { codeEntriesOf, listFatbin } from '../../../harness/gpu/fatbin.ts';
import { effectiveComputeCapability, isSelfLoadingLibrary, preflightLibraries, preflightText, type LibraryCode } from '../../../harness/gpu/preflight.ts';

const gpu = (n: string): GpuSpec => findGpu(n)!;
const lib = (f: string): LibraryCode => {
  const path = fileURLToPath(new URL(`../../fixtures/fatbin/${f}`, import.meta.url));
  return { library: f, entries: codeEntriesOf(listFatbin(readFileSync(path), f)) };
};

describe('preflightLibraries on nvcc-built libraries', () => {
  it('seed 001 shape: sm_80-only SASS on Thor fails with no kernel image', () => {
    const r = preflightLibraries([lib('sass-sm80.so')], gpu('thor'), '13.0');
    expect(r.libraries).toEqual([
      {
        library: 'sass-sm80.so',
        verdict: 'fail',
        error: 'cudaErrorNoKernelImageForDevice',
        message: 'no kernel image is available for execution on the device',
        reason: 'built for sm_80; none of it runs on sm_110',
        sass: ['sm_80'],
        ptx: [],
        toolkits: ['13.0'],
      },
    ]);
    expect([r.ok, r.counts]).toEqual([false, { native: 0, jit: 0, fail: 1, advisory: 0 }]);
  });

  it('compute_80 PTX from CUDA 13.0 under a 12.8 driver: unsupported toolchain; under 13.0: JIT', () => {
    const old = preflightLibraries([lib('ptx-compute80.so')], gpu('rtx-pro-6000'), '12.8').libraries[0]!;
    expect([old.verdict, old.error, old.message]).toEqual(['fail', 'cudaErrorUnsupportedPtxVersion', 'the provided PTX was compiled with an unsupported toolchain.']);
    const now = preflightLibraries([lib('ptx-compute80.so')], gpu('thor'), '13.0').libraries[0]!;
    expect([now.verdict, now.message]).toEqual(['jit', 'runs by PTX JIT from compute_80']);
  });

  it('a mixed set: native, JIT and failing libraries are counted', () => {
    // (under a 12.8 driver the CUDA 13.0 cubins would not count: insufficient driver)
    expect(preflightLibraries([lib('sass-sm90a.so')], gpu('h100'), '12.8').libraries[0]!.error).toBe('cudaErrorInsufficientDriver');
    const r = preflightLibraries([lib('sass-sm90a.so'), lib('both-sm80.so'), lib('sass-sm100f.so')], gpu('h100'), '13.0');
    expect(r.libraries.map((l) => [l.library, l.verdict])).toEqual([
      ['sass-sm90a.so', 'native'],
      ['both-sm80.so', 'jit'],
      ['sass-sm100f.so', 'fail'],
    ]);
    expect(r.counts).toEqual({ native: 1, jit: 1, fail: 1, advisory: 0 });
  });

  it('sm_100f runs on B300 (family) but not on Thor', () => {
    expect(preflightLibraries([lib('sass-sm100f.so')], gpu('b300'), '13.0').libraries[0]!.verdict).toBe('native');
    expect(preflightLibraries([lib('sass-sm100f.so')], gpu('thor'), '13.0').libraries[0]!.verdict).toBe('fail');
  });

  it('libraries without CUDA entries are left out, and an empty set is ok', () => {
    const r = preflightLibraries([{ library: 'libfoo.so', entries: [] }], gpu('h100'), '12.8');
    expect([r.libraries, r.ok]).toEqual([[], true]);
  });
});

describe('NVIDIA libraries that load their own kernels', () => {
  // libcufft.so.12 of the CUDA 13 wheels, as read on the H100 machine: its .nv_fatbin holds one
  // zstd-compressed sm_75 cubin (cuobjdump agrees), yet cuFFT runs on that H100
  const cufft: LibraryCode = { library: '/site-packages/nvidia/cu13/lib/libcufft.so.12', entries: [{ kind: 'sass', target: 'sm_75', toolkit: null }] };

  it('their failures are advisory: reported, not failing the preflight', () => {
    const r = preflightLibraries([cufft], gpu('h100'), '13.0');
    expect(r.libraries[0]).toMatchObject({ verdict: 'fail', error: 'cudaErrorNoKernelImageForDevice', advisory: expect.stringContaining('loads most of its kernels itself') });
    expect([r.ok, r.counts]).toEqual([true, { native: 0, jit: 0, fail: 0, advisory: 1 }]);
    expect(preflightText(r, 'x')).toContain('  warn     /site-packages/nvidia/cu13/lib/libcufft.so.12\n');
  });

  it('only NVIDIA library names qualify', () => {
    expect(isSelfLoadingLibrary('/usr/lib/libcublasLt.so.13')).toBe(true);
    expect(isSelfLoadingLibrary('libcudnn_engines_precompiled.so.9')).toBe(true);
    expect(isSelfLoadingLibrary('/x/vllm/_vllm_fa2_C.abi3.so')).toBe(false);
    expect(isSelfLoadingLibrary('libcufft_custom_kernels.so')).toBe(false);
  });
});

describe('effectiveComputeCapability', () => {
  it('Thor reports 10.1 under drivers before CUDA 13.0, 11.0 from 13.0', () => {
    expect(effectiveComputeCapability(gpu('thor'), '12.9')).toBe('10.1');
    expect(effectiveComputeCapability(gpu('thor'), '13.0')).toBe('11.0');
    expect(effectiveComputeCapability(gpu('h100'), '11.8')).toBe('9.0');
  });
});

describe('preflightText', () => {
  it('lists failures first with the CUDA error and the reason', () => {
    const r = preflightLibraries([lib('multi-arch.so'), lib('sass-sm80.so')], gpu('thor'), '13.0');
    expect(preflightText(r, 'image x')).toBe(
      [
        'preflight of image x for thor (sm_110) with a driver for CUDA 13.0: 2 libraries with CUDA code',
        '  FAIL     sass-sm80.so',
        '           no kernel image is available for execution on the device (cudaErrorNoKernelImageForDevice)',
        '           built for sm_80; none of it runs on sm_110',
        '  native   multi-arch.so',
        '           runs natively from SASS sm_110',
        '           SASS sm_110 runs natively on sm_110',
        '1 native, 0 PTX-JIT, 1 failing (a failing library raises its error when it first loads a kernel)',
        '',
      ].join('\n'),
    );
  });
});
