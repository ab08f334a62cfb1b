// `matrix run FILE...`: plan, prepare the runner, run every cell in containers, store, report.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HarnessError, InfraError, UsageError } from '../errors.ts';
import { parseShard, selectCells, resolveGpus } from '../matrix/select.ts';
import { resolveProbe } from '../probes/registry.ts';
import type { Probe } from '../probes/probe.ts';
import { DockerRuntime } from '../runtime/docker.ts';
import type { PullPolicy } from '../runtime/runtime.ts';
import { ConsoleReporter } from '../run/reporters/console.ts';
import { GithubReporter } from '../run/reporters/github.ts';
import { JunitReporter } from '../run/reporters/junit.ts';
import { runInfo, newRunId } from '../run/run-info.ts';
import { executeRun } from '../run/runner.ts';
import type { Reporter } from '../run/events.ts';
import { prepareRunner } from '../run/setup.ts';
import { secretValues } from '../run/secrets.ts';
import { runJson, writeRunReport } from '../run/finish.ts';
import { DEFAULT_DB_PATH, openDb, storeError } from '../store/db.ts';
import { finishedCellIds, getRun } from '../store/queries.ts';
import { SqliteWriter } from '../store/writer.ts';
import { defineCommand } from './command.ts';
import { preflightImage } from './preflight.ts';
import { stderrProgress } from './model-progress.ts';
import { defaultCacheDir } from '../models/cache-layout.ts';
import { hubEnv } from '../models/hub-env.ts';
import { ModelWarmer } from '../models/warmer.ts';
import { planModelNotes } from '../run/model-check.ts';
import { planCells } from './plan.ts';

export const command = defineCommand({
  name: 'run',
  summary: 'run the selected cells in containers, store the verdicts and write the report',
  usage: 'FILE... [--gpu NAME] [--only GLOB] [--shard I/N] [--emulate] [--triage] [options]',
  positionals: { min: 1, name: 'FILE (a matrix file)' },
  options: {
    gpu: { type: 'string', arg: 'NAME', multiple: true, description: 'only cells on these GPUs (names or aliases); the runner must have them' },
    only: { type: 'string', arg: 'GLOB', multiple: true, description: 'only cells whose id matches' },
    shard: { type: 'string', arg: 'I/N', description: 'only part I of N of the selected cells' },
    emulate: { type: 'boolean', description: 'replace every image by the emulator configured with its traits (no GPU needed)' },
    'emulate-gpus': { type: 'string', arg: 'N', default: '4', description: 'GPU slots of the simulated runner' },
    preflight: { type: 'boolean', description: "predict each cell from the image's CUDA fat binaries before it runs (the report shows prediction beside outcome)" },
    triage: { type: 'boolean', description: 're-run failing cells with the remedies of their signature and report the first that passes' },
    db: { type: 'string', arg: 'PATH', default: DEFAULT_DB_PATH, description: 'results database' },
    out: { type: 'string', arg: 'DIR', description: 'run directory for logs, report and JUnit (default .matrix/runs/<run id>)' },
    retries: { type: 'string', arg: 'N', description: "retries of an unexpected failure (overrides the matrix's)" },
    pull: { type: 'string', arg: 'POLICY', default: 'missing', choices: ['missing', 'always', 'never'] as const, description: 'when to pull images' },
    resume: { type: 'string', arg: 'RUN_ID', description: 'continue a run: only the cells that have no verdict yet' },
    'cache-dir': { type: 'string', arg: 'DIR', description: 'host directory of the managed model cache (Hugging Face layout, mounted at the engine\'s cache path) and compile caches (default MATRIX_CACHE_DIR or ~/.cache/matrix)' },
    'model-download': { type: 'string', arg: 'WHEN', default: 'auto', choices: ['auto', 'always', 'never'] as const, description: 'download the cells\' models into the cache before they start (HF_ENDPOINT, HF_TOKEN); auto: on real runs, and under --emulate only when HF_ENDPOINT names a hub' },
    'run-id': { type: 'string', arg: 'ID', description: 'id of this run (shards of one run share it; default MATRIX_RUN_ID or a timestamp)' },
    json: { type: 'boolean', description: 'print the run as JSON at the end' },
  },
  examples: ['matrix run matrix/seeds.yaml --emulate', 'matrix run matrix/nightly.yaml --gpu thor', 'matrix run matrix/nightly.yaml --gpu h100 --shard 2/3 --run-id $GITHUB_RUN_ID'],
  async run({ positionals, values }) {
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const wantGpus = values.gpu ? resolveGpus(values.gpu) : [];
    const retries = values.retries === undefined ? null : Number(values.retries);
    if (retries !== null && (!Number.isInteger(retries) || retries < 0)) throw new UsageError(`--retries must be a whole number ≥ 0 (got "${values.retries}")`);
    const emulateGpus = Number(values['emulate-gpus']);
    if (!Number.isInteger(emulateGpus) || emulateGpus < 1 || emulateGpus > 256) throw new UsageError(`--emulate-gpus must be a whole number from 1 to 256 (got "${values['emulate-gpus']}")`);
    for (const f of positionals) if (!existsSync(f)) throw new UsageError(`matrix file not found: ${f}`, 'give the path of a matrix YAML file, e.g. matrix/seeds.yaml');

    let cells = selectCells(planCells(positionals), { gpu: values.gpu, only: values.only, shard });
    const runId = values.resume ?? values['run-id'] ?? process.env.MATRIX_RUN_ID ?? newRunId();
    const outDir = resolve(values.out ?? join('.matrix', 'runs', runId));
    writableDir(outDir);
    const dbPath = resolve(values.db!);
    const db = openDb(dbPath);
    if (values.resume) {
      if (!getRun(db, values.resume)) throw new UsageError(`--resume ${values.resume}: no such run in ${dbPath}`, 'list runs with `matrix report` or check --db');
      const done = finishedCellIds(db, values.resume);
      cells = cells.filter((c) => !done.has(c.id));
    }
    const run = runInfo({ id: runId, files: positionals, emulate: !!values.emulate, argv: process.argv.slice(2), dbPath, outDir, resumedFrom: values.resume ?? null });

    const hub = hubEnv();
    const secrets = [...new Set([...secretValues(cells), ...(hub.token ? [hub.token] : [])])];
    const cacheDir = values['cache-dir'] ? resolve(values['cache-dir']) : defaultCacheDir();
    const runtime = new DockerRuntime();
    const setup = await prepareRunner(runtime, { emulate: !!values.emulate, emulateGpus, host: run.host, wantGpus });
    for (const n of setup.notes) process.stderr.write(`${n}\n`);

    const modelWarning = onceEach((text) => process.stderr.write(`  warning: ${text}\n`));
    for (const n of planModelNotes(cells, cacheDir)) modelWarning(null, n);
    const consoleReporter = new ConsoleReporter({ secrets, out: values.json ? process.stderr : process.stdout });
    const reporters: Reporter[] = [new SqliteWriter(db, secrets), consoleReporter, new JunitReporter(join(outDir, 'junit.xml'), secrets)];
    let reportPath: string | null = null;
    if (process.env.GITHUB_ACTIONS || process.env.GITHUB_STEP_SUMMARY) reporters.push(new GithubReporter(process.env.GITHUB_STEP_SUMMARY, secrets, process.stdout, () => reportPath));

    const controller = new AbortController();
    let signals = 0;
    const onSignal = (sig: NodeJS.Signals) => {
      signals++;
      if (signals > 1) process.exit(130);
      process.stderr.write(`\n${sig}: stopping — removing this run's containers and writing a partial report (again to force quit)\n`);
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    const probeCache = new Map<string, Promise<Probe>>();
    const probe = (name: string) => {
      let p = probeCache.get(name);
      if (!p) probeCache.set(name, (p = resolveProbe(name, process.cwd())));
      return p;
    };
    const { results, summary, interrupted, reporterFailure } = await executeRun({
      run,
      cells,
      runtime,
      reporters,
      pools: setup.pools,
      emulate: setup.emulate,
      pull: values.pull as PullPolicy,
      retries,
      triage: !!values.triage,
      signal: controller.signal,
      secrets,
      probesFor: (cell) => Promise.all(cell.probes.map(probe)),
      runnerPlatform: setup.platform,
      preflight: values.preflight ? (ref, gpu, driverCuda) => preflightImage(runtime, ref, gpu, driverCuda ?? undefined) : null,
      cacheDir,
      models: downloadsModels(values['model-download']!, !!values.emulate) ? new ModelWarmer({ cacheDir, ...hub, signal: controller.signal }, stderrProgress) : null,
      onImageProgress: (ref, status) => process.stderr.write(`  image ${ref}: ${status}\n`),
      onModelWarning: modelWarning,
    });
    reportPath = await writeRunReport(db, run, results);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const out = values.json ? process.stderr : process.stdout;
    if (interrupted.length) {
      out.write(`\n${interrupted.length} cell(s) did not finish: ${interrupted.join(', ')}\nresume with: matrix run ${positionals.join(' ')} --resume ${run.id}${values.emulate ? ' --emulate' : ''}\n`);
    }
    out.write(`\nreport:  ${reportPath ?? '(not written)'}\nlogs:    ${join(outDir, 'logs')}\ndb:      ${dbPath}\njunit:   ${join(outDir, 'junit.xml')}\n`);
    if (values.json) process.stdout.write(JSON.stringify(runJson(run, reportPath, results), null, 2) + '\n');
    try {
      db.close();
    } catch {
      // a database that could not be written is reported below
    }
    if (reporterFailure) throw resultsNotWritten(reporterFailure, dbPath);
    return summary.exitCode;
  },
});

/** Calls `fn` once per distinct text (cells that share a model share its warnings). */
function onceEach(fn: (text: string) => void): (cell: unknown, text: string) => void {
  const seen = new Set<string>();
  return (_cell, text) => {
    if (!seen.has(text)) fn(text);
    seen.add(text);
  };
}

/** Whether `matrix run` downloads the cells' models: auto = real runs, and emulated runs pointed at a (test) hub. */
export function downloadsModels(when: string, emulate: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (when === 'always') return true;
  if (when === 'never') return false;
  return !emulate || !!env.HF_ENDPOINT;
}

/** The run directory must be writable before anything starts: logs, JUnit and the report go there. */
function writableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`--out ${dir}: cannot write there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'choose a writable directory with --out');
  }
}

/** A reporter failed mid-run (database or output on a full or read-only disk): exit 3 with what to fix. */
function resultsNotWritten(e: unknown, dbPath: string): HarnessError {
  if (e instanceof HarnessError) return e;
  if (String((e as { code?: string }).code ?? '').startsWith('SQLITE')) return storeError(e, dbPath, dirname(dbPath));
  const msg = (e as Error).message ?? String(e);
  return new InfraError(/ENOSPC/.test(msg) ? 'disk-full' : 'infra-other', `the run's results could not all be written: ${msg}`, 'free space or choose a writable --out; the verdicts printed above are complete');
}
