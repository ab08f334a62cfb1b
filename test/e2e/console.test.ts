// What `matrix run` prints at the end, as a user reads it: the cells that did not pass (all of them
// with --verbose), each row's remedy and reason on lines of their own, and each failure signature's
// "what to do" once — through the real CLI, real containers, a pipe and a real pty.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, cli, containersOfRun, emulatedMatrix, pathWithFakeNvidiaSmi, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const dbs: string[] = [];

afterAll(async () => {
  for (const db of dbs) for (const { id } of query<{ id: string }>(db, 'SELECT id FROM runs')) expect(await containersOfRun(id)).toEqual([]);
});

/** Two cells that fail alike (FlashAttention built for sm_80 on an H100) and one that passes (Triton). */
function ptxMatrix(dir: string): string {
  return writeMatrix(
    dir,
    emulatedMatrix({
      traits: 'kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }\ndriver_cuda: { h100: "12.8" }',
      flags: '  - { id: default }\n  - { id: eager, options: { cuda_graphs: "off" } }\n  - { id: triton, options: { attention: triton } }',
    }),
  );
}

function runArgs(dir: string, m: string, extra: string[] = []): string[] {
  const db = join(dir, 'r.sqlite');
  dbs.push(db);
  return ['run', m, '--db', db, '--out', join(dir, 'out'), ...extra];
}

/** The part of the output from the final table on. */
function tail(stdout: string): string {
  const at = stdout.search(/\n(\d+ of \d+ cells did not pass|all \d+ cells)/);
  expect(at, stdout).toBeGreaterThan(0);
  return stdout.slice(at);
}

describe('the end of a run on the console', () => {
  it('lists only the cells that did not pass, says how many passed, and keeps the triage fix whole', async () => {
    const dir = workdir();
    const r = await cli(runArgs(dir, ptxMatrix(dir), ['--emulate', '--triage']), { env });
    expect(r.code, r.stderr).toBe(1);
    const end = tail(r.stdout);
    expect(end).toContain('2 of 3 cells did not pass (1 pass not listed; --verbose lists every cell):');
    expect(end).toMatch(/^fail +img\/h100\/small\/default +ptx-toolchain-attention +\d+ +[\d.]+s\n +fixed by attention: triton \(triage\): --attention-backend TRITON_ATTN$/m);
    expect(end).toMatch(/^fail +img\/h100\/small\/eager +ptx-toolchain-attention +\d+ +[\d.]+s\n +fixed by attention: triton \(triage\): --attention-backend TRITON_ATTN$/m);
    expect(end).not.toContain('img/h100/small/triton');
  });

  it('prints what to do once per failure signature, whatever number of cells carry it', async () => {
    const dir = workdir();
    const r = await cli(runArgs(dir, ptxMatrix(dir), ['--emulate']), { env });
    const end = tail(r.stdout);
    const todo = end.slice(end.indexOf('\nwhat to do:\n'));
    expect(todo).toMatch(/^ {2}ptx-toolchain-attention \(2 fail\): The attention kernel cannot be loaded on this GPU/m);
    expect(todo.match(/ptx-toolchain-attention/g)).toHaveLength(1);
    expect(todo).toMatch(/try attention: triton · or attention: flex/);
  });

  it('--verbose lists every cell, passes too', async () => {
    const dir = workdir();
    const r = await cli(runArgs(dir, ptxMatrix(dir), ['--emulate', '--verbose']), { env });
    const end = tail(r.stdout);
    expect(end).toContain('all 3 cells:');
    expect(end).toMatch(/^pass +img\/h100\/small\/triton +1 /m);
  });

  it('an infra signature on a runner: its fix from the knowledge base, once for all its cells', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix({ image: process.env.MATRIX_EMULATOR_IMAGE ?? 'matrix-emulator:latest', flags: '  - { id: a }\n  - { id: b }' }));
    const r = await cli(runArgs(dir, m, ['--pull', 'never', '--model-download', 'never']), { env: { ...env, PATH: pathWithFakeNvidiaSmi(dir) } });
    expect(r.code).toBe(3);
    const end = tail(r.stdout);
    expect(end).toMatch(/^ {2}gpu-runtime-missing \(2 infra\): Docker cannot give the container a GPU/m);
    expect(end.match(/Install the NVIDIA Container Toolkit/g)).toHaveLength(1);
  });

  it('on a pty that reports 0 columns, no line is cut', async () => {
    const dir = workdir();
    const args = runArgs(dir, ptxMatrix(dir), ['--emulate']);
    const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
    const { CI: _ci, GITHUB_ACTIONS: _gha, ...plain } = process.env;
    // `script` runs the CLI on a fresh pty; with no terminal above it, the pty has 0 rows and 0 columns.
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...plain, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((resolve) => child.on('close', resolve));
    const text = stripVTControlCharacters(out).replace(/\r/g, '');
    const ids = text.match(/img\/h100\/small\/\S*/g) ?? [];
    expect(ids.length).toBeGreaterThan(6);
    for (const id of ids) expect(['img/h100/small/default', 'img/h100/small/eager', 'img/h100/small/triton']).toContain(id);
  });
});
