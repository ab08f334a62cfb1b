// The nightly workflow's own bash, two nights in a row, without GitHub: the run job's step runs two
// emulated shards (laid out as download-artifact lays them out), then the report job's steps
// restore the history from a gh-pages branch of a local bare "origin" (absent the first night),
// merge, render, publish, summarise and decide the exit code. The second night finds the first in
// the published history.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containersOfRun, CLI, query, workdir } from './support/matrix-cli.ts';
import { readWorkflow, ROOT, runStep, stepOf, type StepResult } from '../unit/workflow-steps.ts';

const wf = readWorkflow('nightly.yml');
const base = workdir('matrix-pages-');
const origin = join(base, 'origin.git');
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();
const runIds: string[] = [];

// the seeds' vllm-0.17 cells on h100 (four cells, one of them an expected failure), emulated
const RUN_CLI = { 'node bin/matrix.js run': `node ${CLI} run --emulate --emulate-gpus 2 --only 'vllm-0.17/**'`, 'node bin/matrix.js': `node ${CLI}` };

function mustPass(r: StepResult, what: string): StepResult {
  expect(r.code, `${what}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
  return r;
}

/** One night: a fresh checkout, two shard jobs, then the report job's steps in order. */
async function night(n: number): Promise<{ summary: StepResult; work: string }> {
  const work = join(base, `night${n}`);
  git(base, 'clone', '-q', origin, work);
  const runId = `${Date.now()}${n}`;
  runIds.push(runId);
  const env = { MATRIX: join(ROOT, 'matrix/seeds.yaml'), RUN_ID: runId, TRIAGE: 'false' };
  await Promise.all(
    ['1/2', '2/2'].map(async (shard) => {
      const name = mustPass(runStep(stepOf(wf, 'run', 'name').run!, { GPU: 'h100', SHARD: shard }, work), 'name').outputs.artifact!;
      const dir = join(work, 'shards', name);
      mkdirSync(dir, { recursive: true });
      // the run step's script, as is, in the artifact's directory
      const script = stepOf(wf, 'run', 'Run the shard').run!.replaceAll('node bin/matrix.js run', RUN_CLI['node bin/matrix.js run']);
      await new Promise<void>((resolve, reject) => {
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env: { ...process.env, ...env, GPU: 'h100', SHARD: shard, CI: '1' }, stdio: 'ignore' });
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`run step exited ${code}`))));
      });
    }),
  );
  for (const name of ['Restore the history from gh-pages', 'Merge the shards into the history', 'Render the report', 'Publish report and history to gh-pages']) {
    mustPass(runStep(stepOf(wf, 'report', name).run!, { RUN_ID: runId }, work, RUN_CLI), name);
  }
  const summary = runStep(stepOf(wf, 'report', 'Summary, then fail on unexpected outcomes or infra errors').run!, { EXPECTED: '2', RUN_RESULT: 'success', PAGES: 'https://o.github.io/r/' }, work, RUN_CLI);
  return { summary, work };
}

afterAll(async () => {
  const left = (await Promise.all(runIds.map(containersOfRun))).flat();
  expect(left, 'containers labelled matrix.run survived').toEqual([]);
});

describe('the nightly workflow, two nights on a local origin', () => {
  it('publishes the report and the merged history to gh-pages, and the next night builds on it', async () => {
    git(base, 'init', '-q', '--bare', origin);
    const seed = join(base, 'seed');
    git(base, 'init', '-q', seed);
    git(seed, 'commit', '-q', '--allow-empty', '-m', 'main');
    git(seed, 'push', '-q', origin, 'HEAD:refs/heads/main');
    git(origin, 'symbolic-ref', 'HEAD', 'refs/heads/main');

    const first = await night(1);
    expect(first.summary.code, first.summary.stdout).toBe(0);
    expect(first.summary.summary).toContain('| shard-h100-1-of-2 | 0 | every outcome as expected |');
    expect(first.summary.summary).toMatch(/\| xfail \| 1 \|/);
    expect(git(origin, 'ls-tree', '--name-only', 'gh-pages').split('\n').sort()).toEqual(expect.arrayContaining(['.nojekyll', 'history.sqlite', 'index.html']));

    const second = await night(2);
    expect(second.summary.code, second.summary.stdout).toBe(0);
    // the history came back from gh-pages and the new night joined it; the branch keeps one commit
    const published = join(base, 'published');
    git(base, 'clone', '-q', '--branch', 'gh-pages', origin, published);
    expect(git(published, 'rev-list', '--count', 'HEAD')).toBe('1');
    const runs = query<{ id: string; status: string }>(join(published, 'history.sqlite'), 'SELECT id, status FROM runs ORDER BY started_at');
    expect(runs).toEqual(runIds.map((id) => ({ id, status: 'finished' })));
    expect(query<{ n: number }>(join(published, 'history.sqlite'), 'SELECT COUNT(*) AS n FROM cells')[0]!.n).toBe(8);
    // the night's full logs were found in the downloaded shards and published beside the page
    expect(existsSync(join(published, 'logs'))).toBe(true);
    expect(readFileSync(join(published, 'index.html'), 'utf8')).toContain(runIds[1]!);
  }, 300_000); // two nights of two emulated shards each

  it('fails after publishing when a shard had an unexpected outcome', () => {
    const work = join(base, 'night2');
    const shardDir = join(work, 'shards', 'shard-h100-2-of-2', 'out');
    execFileSync('bash', ['-c', 'echo 1 > exit-code'], { cwd: shardDir });
    const r = runStep(stepOf(wf, 'report', 'Summary, then fail on unexpected outcomes or infra errors').run!, { EXPECTED: '2', RUN_RESULT: 'success', PAGES: 'x' }, work);
    expect(r.code).toBe(1);
    expect(r.summary).toContain('| shard-h100-2-of-2 | 1 | unexpected failure or unexpected pass |');
  });
});
