// Trust the green (issue #19): a run never passes without testing and never loses a verdict.
// The real CLI, a real Docker engine and emulator containers: broken probe modules are located
// matrix errors at plan time, an error while a cell is prepared becomes its verdict, a selection
// of zero cells is an error that records nothing, the resume hint works when pasted, a resumed
// run's summary covers the whole run, and two runs sharing --out keep their own logs.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cli, type CliResult, containersOfRun, emulatedMatrix, parseRun, query, startCli, waitFor, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'probes');

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

function runArgs(dir: string, matrix: string, extra: string[] = []): string[] {
  return ['run', matrix, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), ...extra];
}

describe('custom probe modules are checked when the matrix is planned', () => {
  const cases = [
    { what: 'a module that imports but is not a probe', file: 'not-a-probe.mjs', message: /probe module "\.\/not-a-probe\.mjs" does not export a probe: `run\(ctx\)` must be a function/ },
    { what: 'a module that fails to import', file: 'throws.mjs', message: /probe module "\.\/throws\.mjs" failed to load: the probe's own import error/ },
  ];
  for (const c of cases) {
    it(`${c.what}: run and plan exit 2 at the probe entry, and nothing is recorded`, async () => {
      const dir = workdir();
      if (c.file === 'throws.mjs') writeFileSync(join(dir, c.file), "throw new Error(\"the probe's own import error\");\n");
      else copyFileSync(join(FIXTURES, c.file), join(dir, c.file));
      const m = writeMatrix(dir, emulatedMatrix({ probes: `text, ./${c.file}` }));
      const line = readFileSync(m, 'utf8').split('\n').findIndex((l) => l.startsWith('probes:')) + 1;
      const col = readFileSync(m, 'utf8').split('\n')[line - 1]!.indexOf(`./${c.file}`) + 1;
      const run = await cli([...runArgs(dir, m), '--json'], { env });
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain(`${m}:${line}:${col}: `);
      expect(run.stderr).toMatch(c.message);
      expect(run.stderr).toContain('hint: ');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'r.sqlite'))).toBe(false);
      expect(existsSync(join(dir, 'out', 'junit.xml'))).toBe(false);
      const plan = await cli(['plan', m], { env });
      expect(plan.code).toBe(2);
      expect(plan.stderr).toContain(`${m}:${line}:${col}: `);
      expect(plan.stderr).toMatch(c.message);
    });
  }
});

describe('a custom probe module that loads', () => {
  it('is loaded once at plan time and runs in its cells', async () => {
    const dir = workdir();
    copyFileSync(join(FIXTURES, 'echo.mjs'), join(dir, 'echo.mjs'));
    const m = writeMatrix(dir, emulatedMatrix({ probes: 'text, ./echo.mjs' }));
    const r = await cli([...runArgs(dir, m), '--json'], { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    expect(out.cells[0]!.probes.map((p) => [p.name, p.verdict])).toEqual([['text', 'pass'], ['echo', 'pass']]);
  });
});

describe('an error while a cell is prepared becomes its verdict', () => {
  it('a run directory that cannot hold the emulator state: the cell is infra with the error, exit 3', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix());
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'emulator-state'), 'a file where the harness wants a folder\n');
    const r = await cli([...runArgs(dir, m), '--json'], { env });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(3);
    expect(out.cells.map((c) => [c.id, c.verdict, c.category])).toEqual([['img/h100/small/default', 'infra', 'infra-other']]);
    expect(out.cells[0]!.reason).toMatch(/the harness failed while preparing or running the cell: ENOTDIR/);
    const rows = query<{ verdict: string | null; error: string | null }>(join(dir, 'r.sqlite'), 'SELECT c.verdict, a.error FROM cells c JOIN attempts a USING (run_id, cell_id)');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verdict).toBe('infra');
    expect(rows[0]!.error).toContain('ENOTDIR');
    expect(readFileSync(join(dir, 'out', 'junit.xml'), 'utf8')).toMatch(/<testcase [^>]*name="img\/h100\/small\/default"[^>]*><error type="infra-other" message="[^"]*ENOTDIR/);
  });
});

describe('a selection of zero cells', () => {
  const selections = [
    { name: '--only matching nothing', args: ['--only', 'nope/**'], why: /--only nope\/\*\* matches none of the 1 cell \(ids look like: img\/h100\/small\/default\)/ },
    { name: '--gpu of a GPU the matrix lacks', args: ['--gpu', 'b200'], why: /--gpu b200 matches none of the 1 cell; the matrix has cells on: h100 \(1\)/ },
    { name: '--shard that gets nothing', args: ['--shard', '2/2'], why: /--shard 2\/2 gets none of the 1 selected cell/ },
  ];
  for (const s of selections) {
    it(`${s.name}: run and plan exit 2 with what was selected and what exists; nothing is recorded`, async () => {
      const dir = workdir();
      const m = writeMatrix(dir, emulatedMatrix());
      const run = await cli([...runArgs(dir, m), ...s.args], { env });
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^matrix run: no cells selected — /);
      expect(run.stderr).toMatch(s.why);
      expect(run.stderr).toContain('--allow-empty');
      expect(existsSync(join(dir, 'r.sqlite'))).toBe(false);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      const plan = await cli(['plan', m, ...s.args], { env });
      expect(plan.code).toBe(2);
      expect(plan.stderr).toMatch(s.why);
    });
  }

  it('--allow-empty: exit 0, and the database keeps its newest run', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix());
    const first = await cli([...runArgs(dir, m), '--json'], { env });
    runIds.push(parseRun(first).run);
    expect(first.code, first.stderr).toBe(0);
    const r = await cli([...runArgs(dir, m), '--only', 'nope/**', '--allow-empty', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('--allow-empty: no cells selected');
    expect(JSON.parse(r.stdout)).toMatchObject({ run: null, cells: [] });
    expect(query<{ id: string }>(join(dir, 'r.sqlite'), 'SELECT id FROM runs').map((x) => x.id)).toEqual([parseRun(first).run]);
    expect((await cli(['plan', m, '--only', 'nope/**', '--allow-empty'], { env })).code).toBe(0);
  });
});

/** A `matrix` command on PATH, so a printed command line can be pasted into a shell as is. */
function shellWithMatrix(dir: string): Record<string, string> {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'matrix'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  return { ...env, PATH: `${bin}:${process.env.PATH}` };
}

/** Runs `line` with sh, as a user pasting it would, with `matrix` on PATH. */
function pasteIntoShell(line: string, cwd: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const p = spawn('sh', ['-c', line], { cwd, env: { ...process.env, CI: '1', ...shellWithMatrix(cwd) }, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout }));
  });
}

/** Starts an emulated run of three cells on one GPU, stops it with SIGINT after the first verdict. */
async function interruptedRun(dir: string, runId: string, extra: string[]): Promise<{ args: string[]; db: string; first: CliResult }> {
  const flags = '  - { id: a }\n  - { id: b }\n  - { id: c }';
  const m = writeMatrix(dir, emulatedMatrix({ flags, startup: '{ weights_s: 1.5, compile_s: 0.1, graphs_s: 0.1 }' }));
  const db = join(dir, 'state dir', 'r.sqlite');
  const args = ['run', m, '--emulate', '--emulate-gpus', '1', '--db', db, '--out', join(dir, 'out dir'), ...extra, '--run-id', runId];
  const child = startCli(args, { env });
  await waitFor(() => query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM cells WHERE verdict IS NOT NULL')[0]?.n || null, 60_000, 'a first verdict');
  child.kill('SIGINT');
  const first = await child.done;
  expect(first.code).toBe(3);
  expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM cells WHERE verdict IS NULL')[0]!.n).toBe(2);
  return { args, db, first };
}

describe('interrupted and resumed', () => {
  it('the resume hint counts the cells never started and works when pasted', async () => {
    const dir = workdir();
    const runId = `hint-${process.pid}`;
    runIds.push(runId);
    const { db, first } = await interruptedRun(dir, runId, ['--only', 'img/h100/**']);
    // one cell cut short in its container, one never started
    expect(first.stdout).toMatch(/\n2 cell\(s\) did not finish: /);
    const hint = /resume with: (.*)\n/.exec(first.stdout)![1]!;
    expect(hint).toContain(`--resume ${runId}`);
    const pasted = await pasteIntoShell(hint, dir);
    expect(pasted.code, pasted.stdout).toBe(0);
    expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM cells WHERE verdict = ?', 'pass')[0]!.n).toBe(3);
  });

  it('the console summary, junit.xml and --json of a resumed run cover the whole run', async () => {
    const dir = workdir();
    const runId = `whole-${process.pid}`;
    runIds.push(runId);
    const { args } = await interruptedRun(dir, runId, []);
    // --verbose: the final table lists passes too, so every cell of the whole run must be in it.
    const resumed = await cli([...args.filter((a) => a !== '--run-id' && a !== runId), '--resume', runId, '--verbose'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/\n3 pass in /);
    for (const id of ['a', 'b', 'c']) expect(resumed.stdout).toMatch(new RegExp(`pass +img/h100/small/${id} `));
    const junit = readFileSync(join(dir, 'out dir', 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase classname="matrix\.h100" name="img\/h100\/small\/[abc]"/g)).toHaveLength(3);
    const json = parseRun(await cli([...args.filter((a) => a !== '--run-id' && a !== runId), '--resume', runId, '--json'], { env }));
    expect(json.cells.map((c) => [c.id, c.verdict, c.earlier])).toEqual(['a', 'b', 'c'].map((id) => [`img/h100/small/${id}`, 'pass', true]));
  });
});

/** The report data embedded in a written report page. */
function reportData(index: string): { runs: Array<{ counts: Record<string, number> }>; cells: Array<{ id: string; verdict: string }> } {
  return JSON.parse(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(readFileSync(index, 'utf8'))![1]!);
}

describe('cells that have not run', () => {
  it('are running / pending while the run runs and "not run" after an interrupt — never infra', async () => {
    const dir = workdir();
    const runId = `unfinished-${process.pid}`;
    runIds.push(runId);
    const flags = '  - { id: a }\n  - { id: b }\n  - { id: c }';
    const m = writeMatrix(dir, emulatedMatrix({ flags, traits: 'faults: { slow_start_s: 60 }', timeouts: '{ startup: 5m, probe: 30s }' }));
    const db = join(dir, 'r.sqlite');
    const child = startCli([...runArgs(dir, m), '--emulate-gpus', '1', '--run-id', runId], { env });
    await waitFor(async () => ((await containersOfRun(runId)).length > 0 ? true : null), 30_000, 'the first container');
    // A report of the live database (what `matrix serve` shows): one cell running, two pending.
    const live = await cli(['report', '--db', db, '--out', join(dir, 'live')], { env });
    expect(live.code, live.stderr).toBe(0);
    const during = reportData(join(dir, 'live', 'index.html'));
    expect(during.cells.map((c) => c.verdict).sort()).toEqual(['pending', 'pending', 'running']);
    expect(during.runs[0]!.counts).toMatchObject({ running: 1, pending: 2, infra: 0 });
    child.kill('SIGINT');
    const r = await child.done;
    expect(r.code).toBe(3);
    const after = reportData(join(dir, 'out', 'report', 'index.html'));
    expect(after.cells.map((c) => c.verdict)).toEqual(['not-run', 'not-run', 'not-run']);
    expect(after.runs[0]!.counts).toMatchObject({ 'not-run': 3, infra: 0 });
    expect(r.stdout).toMatch(/\ninterrupted: 3 not run in /);
    const junit = readFileSync(join(dir, 'out', 'junit.xml'), 'utf8');
    expect(junit.match(/<skipped message="not run: /g)).toHaveLength(3);
    expect(junit).not.toContain('<error');
  });
});

describe('two runs sharing --out', () => {
  it('keep their own logs, and each report links its own', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, emulatedMatrix());
    const ids = [`out-a-${process.pid}`, `out-b-${process.pid}`];
    runIds.push(...ids);
    for (const id of ids) {
      const r = await cli([...runArgs(dir, m), '--run-id', id], { env });
      expect(r.code, r.stderr).toBe(0);
    }
    const paths = query<{ run_id: string; log_path: string }>(join(dir, 'r.sqlite'), 'SELECT run_id, log_path FROM attempts ORDER BY run_id');
    expect(paths.map((p) => p.run_id)).toEqual(ids);
    expect(paths[0]!.log_path).not.toBe(paths[1]!.log_path);
    for (const p of paths) {
      expect(p.log_path).toContain(p.run_id);
      // one run's startup in each file, not two
      expect(readFileSync(p.log_path, 'utf8').match(/Application startup complete/g)).toHaveLength(1);
    }
    // The report in --out is the newest run's, and the full log beside it is that run's.
    const html = readFileSync(join(dir, 'out', 'report', 'index.html'), 'utf8');
    const href = /"logHref":"(logs\/[^"]+)"/.exec(html)![1]!;
    expect(readFileSync(join(dir, 'out', 'report', decodeURIComponent(href)), 'utf8')).toBe(readFileSync(paths[1]!.log_path, 'utf8'));
  });
});
