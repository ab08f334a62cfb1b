// Fail fast when the engine does not exit (issue #23, part 3). The real CLI, a real Docker engine
// and the emulator image: a start that prints its fatal error and then hangs is stopped after the
// grace period with the fatal error's verdict; a start that goes silent is stopped as
// startup-stalled. Both end long before the startup timeout, and leave no container behind.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';
import type { Diagnosis } from '../../harness/core/diagnosis.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];
/** Far longer than this test's own timeout: a cell that waited for it fails the test. */
const STARTUP_S = 300;

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

/** FlashAttention built for sm_80 only: on an H100 the engine core dies loading its kernel. */
const NO_KERNEL_FOR_H100 = 'kernels:\n  flash: { sass: [sm_80], ptx: [], toolkit: "12.8", library: _vllm_fa2_C }';

async function run(traits: string, timeouts: string) {
  const dir = workdir();
  const m = writeMatrix(dir, emulatedMatrix({ traits, timeouts }));
  const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env });
  const out = parseRun(r);
  runIds.push(out.run);
  const [attempt] = query<{ diagnosis: string; exit_code: number | null }>(join(dir, 'r.sqlite'), 'SELECT diagnosis, exit_code FROM attempts');
  return { r, cell: out.cells[0]!, diagnosis: JSON.parse(attempt!.diagnosis) as Diagnosis, exitCode: attempt!.exit_code };
}

describe('a start that hangs after its fatal error', () => {
  it('is stopped after the grace period, with the verdict of the fatal error', async () => {
    const { r, cell, diagnosis, exitCode } = await run(`${NO_KERNEL_FOR_H100}\nfaults: { hang_after_crash: true }`, `{ startup: ${STARTUP_S}s, probe: 30s, fatal_grace: 2s }`);
    expect(r.code, r.stderr).toBe(1);
    expect(cell).toMatchObject({ verdict: 'fail', category: 'no-kernel-image', signature: 'no-kernel-image-attention' });
    expect(cell.reason).toMatch(/ — the engine did not exit: stopped 2s after its fatal line$/);
    expect(diagnosis.stopped).toMatchObject({ reason: 'fatal-hang', afterS: 2 });
    expect(diagnosis.stopped!.line!.text).toMatch(/EngineCore failed to start\.|CUDA error: no kernel image/);
    expect(diagnosis.evidence.some((e) => /no kernel image is available/.test(e.text))).toBe(true);
    expect(exitCode).toBeNull(); // it did not exit: the harness stopped it
    expect(r.stdout + r.stderr).not.toContain('not ready after');
  });

  it('without the hang the same start exits, and nothing was stopped', async () => {
    const { cell, diagnosis, exitCode } = await run(NO_KERNEL_FOR_H100, `{ startup: ${STARTUP_S}s, probe: 30s, fatal_grace: 2s }`);
    expect(cell).toMatchObject({ verdict: 'fail', signature: 'no-kernel-image-attention' });
    expect(diagnosis.stopped).toBeUndefined();
    expect(exitCode).toBe(1);
  });
});

// The stall window is 8 s: on a loaded 2-core runner the emulator's own gap between two phases
// once passed 3 s (it stalled at kv-cache, before its fault).
describe('a start that goes silent', () => {
  it('is stopped as startup-stalled, naming the last phase and its last line', async () => {
    const { r, cell, diagnosis } = await run('faults: { stall_at: graph-capture }', `{ startup: ${STARTUP_S}s, probe: 30s, stall: 8s }`);
    expect(r.code, r.stderr).toBe(1);
    expect(cell).toMatchObject({ verdict: 'fail', signature: 'startup-stalled', reason: 'startup stalled in phase graph-capture: no output for 8s' });
    expect(diagnosis).toMatchObject({ phase: 'graph-capture', stopped: { reason: 'stalled', afterS: 8 } });
    expect(diagnosis.explanation).toMatch(/Last phase: graph-capture, begun at line \d+: ".*Capturing CUDA graphs/);
    expect(diagnosis.explanation).toMatch(/What to do: look at CUDA graph capture/);
    expect(r.stdout + r.stderr).not.toContain('not ready after');
  });
});

describe('the console', () => {
  it('shows the stopped start and what to do about it', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ traits: 'faults: { stall_at: kv-cache }', timeouts: `{ startup: ${STARTUP_S}s, probe: 30s, stall: 8s }` }));
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out')], { env: { ...env, COLUMNS: '200' } });
    runIds.push(query<{ id: string }>(join(dir, 'r.sqlite'), 'SELECT id FROM runs')[0]!.id);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/startup-stalled \(1 fail\): startup stalled in phase kv-cache: no output for 8s/);
    expect(r.stdout).toMatch(/if the engine is only slow here, raise `timeouts.stall` \(now 8s\)/);
  });
});
