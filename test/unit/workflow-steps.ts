// The workflows as data, and their steps' bash run here the way a GitHub runner runs it
// (bash --noprofile --norc -eo pipefail, with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(import.meta.dirname, '../..');
export const WORKFLOWS = join(ROOT, '.github/workflows');

export interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
export interface Job {
  needs?: string | string[];
  if?: string;
  'runs-on': unknown;
  strategy?: { 'fail-fast'?: boolean; matrix: unknown };
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  steps: Step[];
}
export interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

export const readWorkflow = (file: string): Workflow => parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;

/** A step of a job by name or id. */
export function stepOf(wf: Workflow, job: string, name: string): Step {
  const s = wf.jobs[job]?.steps.find((x) => x.name === name || x.id === name);
  if (!s) throw new Error(`no step "${name}" in job ${job}`);
  return s;
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs a step's script in `cwd` with `env`. `replace` rewrites commands first (e.g. `node
 * bin/matrix.js` → the sources through tsx, where there is no bundle).
 */
export function runStep(script: string, env: Record<string, string>, cwd: string, replace: Record<string, string> = {}): StepResult {
  const out = mkdtempSync(join(tmpdir(), 'gh-'));
  const files = { GITHUB_OUTPUT: join(out, 'output'), GITHUB_STEP_SUMMARY: join(out, 'summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  let text = script;
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', text], {
    cwd,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', ...files, ...env },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    readFileSync(files.GITHUB_OUTPUT, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}
