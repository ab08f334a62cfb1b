// Bad matrices through the real CLI: exit 2, every message located as file:line:col, never a stack
// trace, and nothing started — no container, no database, no run directory. `plan` reads the whole
// malformed corpus; `run` a sample of it (each run would otherwise need the Docker engine).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, ROOT, workdir } from '../support/matrix-cli.ts';
import { expectNoStackTrace } from '../support/reliability.ts';

const BAD = join(ROOT, 'test/fixtures/matrices/bad');
const files = readdirSync(BAD).filter((f) => f.endsWith('.yaml')).sort();
/** The corpus's environment: HF_TOKEN is set, MATRIX_TEST_UNSET_VAR is not. */
const corpusEnv = (): Record<string, string> => ({ HF_TOKEN: 'hf_test' });
delete process.env.MATRIX_TEST_UNSET_VAR;
const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

function expectLocated(stderr: string, file: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(line.startsWith('  hint: ') ? /^ {2}hint: \S/ : new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: \\S`));
}

describe('matrix plan over the malformed corpus', () => {
  it('has every file of the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it('prints exactly the expected located messages, exit 2, no stack trace, for every file', async () => {
    const failures: string[] = [];
    // Four at a time: two cores are shared with the other test files.
    for (let i = 0; i < files.length; i += 4) {
      await Promise.all(
        files.slice(i, i + 4).map(async (file) => {
          const r = await cli(['plan', file], { cwd: BAD, env: corpusEnv() });
          const expected = readFileSync(join(BAD, file.replace(/\.yaml$/, '.expected')), 'utf8');
          if (r.code !== 2) failures.push(`${file}: exit ${r.code}`);
          if (r.stderr !== expected) failures.push(`${file}: stderr differs:\n${r.stderr}\n--- expected:\n${expected}`);
          if (r.stdout !== '') failures.push(`${file}: printed a plan:\n${r.stdout.slice(0, 300)}`);
          expectNoStackTrace(r.stderr);
          expectLocated(r.stderr, file);
        }),
      );
    }
    expect(failures).toEqual([]);
  }, 400_000);
});

describe('matrix run over malformed matrices starts nothing', () => {
  const sample = ['01-yaml-syntax.yaml', '09-unknown-option.yaml', '23-unknown-gpu.yaml', '36-unset-variable.yaml', '44-several-errors.yaml', '46-empty-file.yaml', '52-expect-unknown-signature.yaml', '76-probe-module-not-a-probe.yaml'];

  it.each(sample)('%s: exit 2, located, no container, no database, no run directory', async (file) => {
    const dir = workdir();
    const runId = `bad-${process.pid}-${file.slice(0, 2)}`;
    runIds.push(runId);
    const db = join(dir, 'sub', 'r.sqlite');
    const out = join(dir, 'out');
    // The Docker engine is pointed nowhere: a run that reached for it would end in exit 3, not 2.
    const r = await cli(['run', file, '--emulate', '--db', db, '--out', out, '--run-id', runId, '--json'], { cwd: BAD, env: { ...corpusEnv(), DOCKER_HOST: `unix://${join(dir, 'no-docker.sock')}` } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(readFileSync(join(BAD, file.replace(/\.yaml$/, '.expected')), 'utf8'));
    expect(r.stdout).toBe('');
    expectNoStackTrace(r.stderr);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dir, 'sub'))).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(await containersOfRun(runId)).toEqual([]);
  });

  it('a missing matrix file: exit 2 with the path and a hint, nothing created', async () => {
    const dir = workdir();
    const db = join(dir, 'r.sqlite');
    const r = await cli(['run', join(dir, 'nope.yaml'), '--emulate', '--db', db, '--out', join(dir, 'out')], { env: { DOCKER_HOST: `unix://${join(dir, 'no-docker.sock')}` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`matrix file not found: ${join(dir, 'nope.yaml')}`);
    expect(r.stderr).toMatch(/hint: /);
    expectNoStackTrace(r.stderr);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
