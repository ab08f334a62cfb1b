import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  decideLoad,
  entriesOf,
  LOAD_ERROR_MESSAGES,
  parseTarget,
  ptxArchFits,
  sassRuns,
  type CodeEntry,
} from '../../../harness/gpu/cuda-rules.ts';

const sass = (target: string, toolkit: string | null = '12.8'): CodeEntry => ({ kind: 'sass', target, toolkit });
const ptx = (target: string, toolkit: string | null = '12.8'): CodeEntry => ({ kind: 'ptx', target, toolkit });

// One row per rule: what the library holds, the GPU's compute capability, the driver's CUDA
// version → the decision, and (for native / jit) which entry is used.
const RULES: Array<{ rule: string; entries: CodeEntry[]; cc: string; driver: string; result: 'native' | 'jit' | 'fail'; error?: string; uses?: string }> = [
  { rule: 'SASS runs on its own arch', entries: [sass('sm_80')], cc: '8.0', driver: '12.8', result: 'native', uses: 'sm_80' },
  { rule: 'SASS runs on a higher minor of the same major', entries: [sass('sm_80')], cc: '8.6', driver: '12.8', result: 'native', uses: 'sm_80' },
  { rule: 'SASS does not run on a lower minor', entries: [sass('sm_86')], cc: '8.0', driver: '12.8', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'SASS does not cross majors upwards', entries: [sass('sm_80')], cc: '9.0', driver: '12.8', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'SASS does not cross majors downwards', entries: [sass('sm_90')], cc: '8.9', driver: '12.8', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: '`a` SASS runs on exactly its arch', entries: [sass('sm_90a')], cc: '9.0', driver: '12.8', result: 'native', uses: 'sm_90a' },
  { rule: '`a` SASS does not run on a higher minor', entries: [sass('sm_100a')], cc: '10.3', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: '`f` SASS runs within its family (sm_100f on B300)', entries: [sass('sm_100f')], cc: '10.3', driver: '13.0', result: 'native', uses: 'sm_100f' },
  { rule: '`f` SASS does not leave its family (sm_100f on Thor)', entries: [sass('sm_100f')], cc: '11.0', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: '`f` SASS does not run below its minor (sm_103f on B200)', entries: [sass('sm_103f')], cc: '10.0', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'PTX is JIT-compiled for a newer arch', entries: [ptx('compute_80', '12.4')], cc: '9.0', driver: '12.8', result: 'jit', uses: 'compute_80' },
  { rule: 'PTX JIT when the toolkit equals the driver', entries: [ptx('compute_80', '12.8')], cc: '12.0', driver: '12.8', result: 'jit', uses: 'compute_80' },
  { rule: 'PTX for a newer arch cannot be JIT-compiled', entries: [ptx('compute_90')], cc: '8.9', driver: '12.8', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: '`a` PTX only on exactly its arch', entries: [ptx('compute_90a')], cc: '9.0', driver: '12.8', result: 'jit', uses: 'compute_90a' },
  { rule: '`a` PTX not on a newer arch', entries: [ptx('compute_90a')], cc: '10.0', driver: '12.8', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: '`f` PTX within its family', entries: [ptx('compute_100f', '12.9')], cc: '10.3', driver: '13.0', result: 'jit', uses: 'compute_100f' },
  { rule: '`f` PTX not outside its family', entries: [ptx('compute_100f', '12.9')], cc: '12.0', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'PTX from a newer minor toolkit than the driver (seed 000: 12.9 PTX, 12.8 driver, sm_120)', entries: [sass('sm_90', '12.9'), ptx('compute_90', '12.9')], cc: '12.0', driver: '12.8', result: 'fail', error: 'cudaErrorUnsupportedPtxVersion' },
  { rule: 'PTX from a newer major toolkit than the driver is an unsupported toolchain too', entries: [ptx('compute_80', '13.0')], cc: '11.0', driver: '12.8', result: 'fail', error: 'cudaErrorUnsupportedPtxVersion' },
  { rule: 'seed 001: sm_80 SASS + compute_80 PTX from CUDA 13.2 on Thor with a 13.0 driver', entries: entriesOf({ sass: ['sm_80'], ptx: ['compute_80'], toolkit: '13.2' }), cc: '11.0', driver: '13.0', result: 'fail', error: 'cudaErrorUnsupportedPtxVersion' },
  { rule: 'native SASS wins over too-new PTX', entries: [sass('sm_90', '12.9'), ptx('compute_90', '12.9')], cc: '9.0', driver: '12.8', result: 'native', uses: 'sm_90' },
  { rule: 'an older usable PTX is taken when a newer one is too new', entries: [ptx('compute_90', '12.9'), ptx('compute_80', '12.4')], cc: '12.0', driver: '12.8', result: 'jit', uses: 'compute_80' },
  { rule: 'no kernel image: SASS for other archs only', entries: [sass('sm_80', '13.0')], cc: '11.0', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'no kernel image: an empty library', entries: [], cc: '9.0', driver: '12.8', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'insufficient driver: SASS only from a newer major', entries: [sass('sm_90', '13.0')], cc: '9.0', driver: '12.8', result: 'fail', error: 'cudaErrorInsufficientDriver' },
  { rule: 'a same-major newer-minor SASS still runs (minor-version compatibility)', entries: [sass('sm_90', '12.9')], cc: '9.0', driver: '12.4', result: 'native', uses: 'sm_90' },
  { rule: 'unknown toolkit is assumed compatible', entries: [ptx('compute_80', null)], cc: '9.0', driver: '11.8', result: 'jit', uses: 'compute_80' },
  { rule: 'Thor (11.0) does not run sm_100 SASS', entries: [sass('sm_100', '13.0')], cc: '11.0', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'Thor (11.0) does not run sm_101 SASS under a CUDA 13 driver', entries: [sass('sm_101', '12.9')], cc: '11.0', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'Thor under a CUDA 12 driver reports 10.1 and runs sm_101 SASS', entries: [sass('sm_101', '12.9')], cc: '10.1', driver: '12.9', result: 'native', uses: 'sm_101' },
  { rule: 'Thor JIT-compiles compute_100 PTX', entries: [ptx('compute_100', '12.9')], cc: '11.0', driver: '13.0', result: 'jit', uses: 'compute_100' },
  { rule: 'sm_120 SASS runs on sm_121 (GB10)', entries: [sass('sm_120')], cc: '12.1', driver: '13.0', result: 'native', uses: 'sm_120' },
  { rule: 'sm_121 SASS does not run on sm_120', entries: [sass('sm_121', '12.9')], cc: '12.0', driver: '12.9', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'sm_120a SASS does not run on sm_121', entries: [sass('sm_120a')], cc: '12.1', driver: '13.0', result: 'fail', error: 'cudaErrorNoKernelImageForDevice' },
  { rule: 'sm_120f SASS runs on sm_121', entries: [sass('sm_120f', '12.9')], cc: '12.1', driver: '13.0', result: 'native', uses: 'sm_120f' },
];

describe('decideLoad', () => {
  it.each(RULES.map((r) => [r.rule, r] as const))('%s', (_rule, r) => {
    const d = decideLoad(r.entries, r.cc, r.driver);
    expect(d.result).toBe(r.result);
    if (d.result === 'fail') {
      expect(d.error).toBe(r.error);
      expect(d.message).toBe(LOAD_ERROR_MESSAGES[d.error]);
      expect(d.reason.length).toBeGreaterThan(10);
    } else {
      expect(d.entry.target).toBe(r.uses);
    }
  });

  it('explains a PTX toolchain failure with both versions', () => {
    const d = decideLoad([ptx('compute_80', '13.0')], '11.0', '12.8');
    expect(d.result === 'fail' && d.reason).toBe('only PTX compute_80 fits sm_110, but it was produced by CUDA 13.0 and the driver supports CUDA 12.8');
  });

  it('carries the exact CUDA error strings', () => {
    expect(LOAD_ERROR_MESSAGES.cudaErrorNoKernelImageForDevice).toBe('no kernel image is available for execution on the device');
    expect(LOAD_ERROR_MESSAGES.cudaErrorUnsupportedPtxVersion).toBe('the provided PTX was compiled with an unsupported toolchain.');
  });
});

describe('parseTarget', () => {
  it.each([
    ['sm_80', { major: 8, minor: 0, variant: '' }],
    ['sm_90a', { major: 9, minor: 0, variant: 'a' }],
    ['sm_100f', { major: 10, minor: 0, variant: 'f' }],
    ['compute_121', { major: 12, minor: 1, variant: '' }],
    ['lto_89', { major: 8, minor: 9, variant: '' }],
    ['11.0', { major: 11, minor: 0, variant: '' }],
    [' 10.3 ', { major: 10, minor: 3, variant: '' }],
  ])('%s', (t, want) => expect(parseTarget(t)).toEqual(want));

  it('rejects what is not a target', () => {
    expect(() => parseTarget('ampere')).toThrow(/not a CUDA target/);
    expect(() => parseTarget('sm_')).toThrow(/not a CUDA target/);
  });
});

describe('helpers', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('12.10', '12.9')).toBeGreaterThan(0);
    expect(compareVersions('13.0', '13')).toBe(0);
    expect(compareVersions('12.8', '13.0')).toBeLessThan(0);
  });
  it('sassRuns and ptxArchFits follow the same rules as decideLoad', () => {
    expect(sassRuns(parseTarget('sm_86'), parseTarget('8.9'))).toBe(true);
    expect(ptxArchFits(parseTarget('compute_86'), parseTarget('12.0'))).toBe(true);
    expect(ptxArchFits(parseTarget('compute_120f'), parseTarget('12.1'))).toBe(true);
  });
  it('entriesOf lists SASS then PTX with one toolkit', () => {
    expect(entriesOf({ sass: ['sm_80'], ptx: ['compute_80'], toolkit: '12.9' })).toEqual([sass('sm_80', '12.9'), ptx('compute_80', '12.9')]);
  });
});
