// `matrix run FILE...`: plan, prepare the runner, run every cell in containers, store, report.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HarnessError, InfraError, UsageError } from '../errors.ts';
import { emptySelectionError } from '../plan/empty-selection.ts';
import { selectCells, resolveGpus, type Selection } from '../plan/select.ts';
import type { Cell } from '../core/cell.ts';
import type { Probe } from '../probes/probe.ts';
import { DockerRuntime } from '../runtime/docker.ts';
import { ConsoleReporter } from '../run/reporters/console.ts';
import { GithubReporter, appendStepSummary } from '../run/reporters/github.ts';
import { JunitReporter } from '../run/reporters/junit.ts';
import { runInfo, newRunId } from '../run/run-info.ts';
import { executeRun } from '../run/runner.ts';
import { runLogDir } from '../run/run-context.ts';
import { guardRunEnding, type ForcedStatus, type RunEnding } from '../run/run-ending.ts';
import type { CellResult, Reporter, RunInfo } from '../core/events.ts';
import { fitToRunner, prepareRunner } from '../run/setup.ts';
import { secretValues } from '../core/secrets.ts';
import { runJson, writeRunReport } from './finish.ts';
import { openDb, storeError, type Db } from '../store/db.ts';
import { finishedCellIds, getRun } from '../store/queries.ts';
import { sinceBlock } from '../store/since.ts';
import { sinceMarkdown, sinceText } from '../../reports/since/block.ts';
import { earlierResults } from '../store/earlier-results.ts';
import { lastFailedCells, lastFailedRunCells } from '../store/last-failed.ts';
import { EarlyStop } from '../run/early-stop.ts';
import { DEFAULT_TRIAGE_LIMITS, type TriageLimits } from '../run/triage.ts';
import { SqliteWriter } from '../store/writer.ts';
import { defineCommand } from './command.ts';
import { ALLOW_EMPTY, DB, SELECTION, wholeNumber } from './options.ts';
import { errorText } from './error-text.ts';
import { preflightImage } from '../preflight/cuda-libraries.ts';
import { imageSoftware } from './preflight-model.ts';
import { stderrProgress } from './model-progress.ts';
import { defaultCacheDir } from '../models/cache-layout.ts';
import { hubEnv } from '../models/hub-env.ts';
import { ModelWarmer } from '../models/warmer.ts';
import { planModelNotes } from '../run/model-check.ts';
import { planWithProbes } from '../plan/plan-files.ts';
import { resumeCommand } from './resume-hint.ts';
import { REUSE_OPTIONS, reuseOf } from './reuse-options.ts';
import { withImageTraits } from '../run/image-traits.ts';

export const command = defineCommand({
  name: 'run',
  summary: 'run the selected cells in containers, store the verdicts and write the report',
  usage: 'FILE... [--gpu NAME] [--only GLOB] [--shard I/N] [--emulate] [--triage] [options]',
  positionals: { min: 1, name: 'FILE (a matrix file)' },
  options: {
    ...SELECTION,
    gpu: { ...SELECTION.gpu, description: 'only cells on these GPUs (names or aliases); the runner must have them (default: the GPUs the runner has; all under --emulate)' },
    emulate: { type: 'boolean', description: 'replace every image by the emulator configured with its traits (no GPU needed)' },
    'emulate-gpus': { type: 'string', arg: 'N', default: '4', description: 'GPU slots of the simulated runner', parse: wholeNumber(1, 256) },
    preflight: { type: 'boolean', description: "predict each cell before it runs from the image's CUDA fat binaries and whether its engine can load the model (registry, transformers' model types); a certainly unsupported model skips the cell; the report shows prediction beside outcome" },
    triage: { type: 'boolean', description: 're-run failing cells with the remedies of their signature (and of the new signatures a remedy runs into) and report the first that passes, with its path' },
    'triage-depth': { type: 'string', arg: 'N', default: String(DEFAULT_TRIAGE_LIMITS.depth), description: "how many signatures deep triage follows a chain (1: only the first failure's remedies)", parse: wholeNumber(1) },
    'triage-budget': { type: 'string', arg: 'N', default: String(DEFAULT_TRIAGE_LIMITS.starts), description: 'starts of one cell that triage may spend', parse: wholeNumber(1) },
    db: DB,
    out: { type: 'string', arg: 'DIR', description: 'run directory for logs, report and JUnit (default .matrix/runs/<run id>)' },
    retries: { type: 'string', arg: 'N', description: "retries of an unexpected failure (overrides the matrix's)", parse: wholeNumber(0) },
    pull: { type: 'string', arg: 'POLICY', default: 'missing', choices: ['missing', 'always', 'never'] as const, description: 'when to pull images' },
    resume: { type: 'string', arg: 'RUN_ID', description: 'continue a run: only the cells that have no verdict yet' },
    'last-failed': { type: 'boolean', description: 'only the selected cells that did not pass in the newest run of --db (fail, xpass, flaky, infra, not run)' },
    'max-failures': { type: 'string', arg: 'N', description: 'start no more cells after N unexpected failures (running cells finish; the others are "not run")', parse: wholeNumber(1) },
    ...REUSE_OPTIONS,
    'infra-stop': { type: 'string', arg: 'K', default: '3', description: 'a runner whose first K cells all end with the same infra signature starts no more (0: never)', parse: wholeNumber(0) },
    'cache-dir': { type: 'string', arg: 'DIR', description: 'host directory of the managed model cache (Hugging Face layout, mounted at the engine\'s cache path) and compile caches (default MATRIX_CACHE_DIR or ~/.cache/matrix)' },
    'model-download': { type: 'string', arg: 'WHEN', default: 'auto', choices: ['auto', 'always', 'never'] as const, description: 'download the cells\' models into the cache before they start (HF_ENDPOINT, HF_TOKEN); auto: on real runs, and under --emulate only when HF_ENDPOINT names a hub' },
    'run-id': { type: 'string', arg: 'ID', description: 'id of this run (shards of one run share it; default MATRIX_RUN_ID or a timestamp)' },
    json: { type: 'boolean', description: 'print the run as JSON at the end' },
    'allow-empty': { ...ALLOW_EMPTY, description: 'a selection of zero cells succeeds (exit 0, nothing recorded) instead of being an error' },
    verbose: { type: 'boolean', description: 'list every cell in the final table, passes too (default: the cells that did not pass)' },
  },
  examples: ['matrix run matrix/seeds.yaml --emulate', 'matrix run matrix/nightly.yaml --gpu thor', 'matrix run matrix/nightly.yaml --gpu h100 --shard 2/3 --run-id $GITHUB_RUN_ID', 'matrix run matrix/nightly.yaml --reuse   # keep the verdicts of cells whose inputs did not change'],
  async run({ positionals, values }) {
    const { shard, 'emulate-gpus': emulateGpus } = values;
    const wantGpus = values.gpu ? resolveGpus(values.gpu) : [];
    for (const f of positionals) if (!existsSync(f)) throw new UsageError(`matrix file not found: ${f}`, 'give the path of a matrix YAML file, e.g. matrix/seeds.yaml');

    const plan = await planWithProbes(positionals);
    const selected = chooseCells(plan.cells, { gpu: values.gpu, only: values.only, shard }, values);
    if (typeof selected === 'number') return selected; // nothing to run: the exit code
    const { run, db, dbPath, outDir, earlier, cells: toRun } = openRun(positionals, selected, { resume: values.resume, runId: values['run-id'], out: values.out, db: values.db, emulate: !!values.emulate });

    const hub = hubEnv();
    const secrets = [...new Set([...secretValues(toRun), ...(hub.token ? [hub.token] : [])])];
    const cacheDir = values['cache-dir'] ? resolve(values['cache-dir']) : defaultCacheDir();
    const runtime = new DockerRuntime();
    let reportPath: string | null = null;
    const { writer, reporters } = reportersOf(db, secrets, outDir, { json: !!values.json, verbose: !!values.verbose }, () => reportPath);
    // Watched from before the runner is prepared: a signal while it is (an image built, orphans
    // reaped) stops the run as any other, every cell "not run", the run recorded and reported.
    const controller = new AbortController();
    const ending = guardRunEnding({ runtime, runId: run.id, abort: () => controller.abort(), mark: (status, code) => markRun(writer, status, code), describeError: errorText });
    const { setup, cells } = await fitRunner(runtime, toRun, { emulate: !!values.emulate, emulateGpus, host: run.host, wantGpus }, ending);
    const modelWarning = onceEach((text) => process.stderr.write(`  warning: ${text}\n`));
    for (const n of planModelNotes(cells, cacheDir)) modelWarning(null, n);

    const probe = probeOf(plan.probes);
    const { results, summary, interrupted, reporterFailure } = await executeRun({
      run,
      cells,
      runtime,
      reporters,
      pools: setup.pools,
      emulate: setup.emulate,
      pull: values.pull,
      retries: values.retries ?? null,
      triage: !!values.triage,
      ...gpuHours(values),
      ...reuseOf(db, run.id, values),
      signal: controller.signal,
      secrets,
      earlier,
      probesFor: async (cell) => cell.probes.map(probe),
      runnerPlatform: setup.platform,
      preflight: values.preflight ? (ref, gpu, driverCuda) => preflightImage(runtime, ref, gpu, driverCuda ?? undefined) : null,
      // the never-started container carries the run's labels: a run that dies meanwhile has it reaped
      modelPreflight: values.preflight ? (ref) => imageSoftware(runtime, ref, { 'matrix.run': run.id, 'matrix.pid': String(process.pid), 'matrix.host': run.host }) : null,
      cacheDir,
      models: downloadsModels(values['model-download']!, !!values.emulate) ? new ModelWarmer({ cacheDir, ...hub, signal: controller.signal }, stderrProgress) : null,
      onImageProgress: (ref, status) => process.stderr.write(`  image ${ref}: ${status}\n`),
      onModelWarning: modelWarning,
    }).catch(async (e: unknown) => {
      await ending.crash(e); // exits the process
      throw e;
    });
    await ending.unlessForced();
    reportPath = await writeRunReport(db, run, results);
    ending.dispose();
    printWhereItIs(values.json ? process.stderr : process.stdout, run, { reportPath, dbPath, outDir, interrupted, db, secrets });
    if (values.json) process.stdout.write(JSON.stringify(runJson(run, reportPath, results, earlier), null, 2) + '\n');
    try {
      db.close();
    } catch {
      // a database that could not be written is reported below
    }
    if (reporterFailure) throw resultsNotWritten(reporterFailure, dbPath);
    return summary.exitCode;
  },
});

/**
 * What changed since the previous run — on the console, and in the GitHub step summary when
 * there is one. A database that cannot be read for it is said, not thrown: the run is recorded.
 */
function showSince(db: Db, runId: string, out: { write(s: string): unknown }, secrets: readonly string[]): void {
  try {
    const since = sinceBlock(db, runId, { reportUrl: process.env.MATRIX_REPORT_URL ?? null });
    out.write(`\n${sinceText(since)}`);
    if (process.env.GITHUB_STEP_SUMMARY) appendStepSummary(process.env.GITHUB_STEP_SUMMARY, sinceMarkdown(since), secrets);
  } catch (e) {
    process.stderr.write(`matrix: what changed since the previous run could not be read: ${(e as Error).message}\n`);
  }
}

/** The run's id, directories and database; with --resume, only the cells still without a verdict. */
function openRun(files: string[], selected: Cell[], o: { resume?: string; runId?: string; out?: string; db: string; emulate: boolean }) {
  const runId = o.resume ?? o.runId ?? process.env.MATRIX_RUN_ID ?? newRunId();
  const outDir = resolve(o.out ?? join('.matrix', 'runs', runId));
  writableDir(outDir);
  const dbPath = resolve(o.db);
  const db = openDb(dbPath);
  const { cells, earlier } = o.resume ? resumed(db, dbPath, o.resume, selected) : { cells: selected, earlier: [] as CellResult[] };
  const run = runInfo({ id: runId, files, emulate: o.emulate, argv: process.argv.slice(2), dbPath, outDir, resumedFrom: o.resume ?? null });
  return { run, db, dbPath, outDir, cells, earlier };
}

/** The runner prepared, its notes, and the cells it can run (a note says which it cannot). */
async function fitRunner(runtime: DockerRuntime, toRun: Cell[], o: Parameters<typeof prepareRunner>[1], ending: RunEnding) {
  try {
    const setup = await prepareRunner(runtime, o);
    // under --emulate an image labelled matrix.emulate brings its own traits (run/image-traits.ts)
    const cells = o.emulate ? await withImageTraits(runtime, toRun) : toRun;
    for (const n of setup.notes) process.stderr.write(`${n}\n`);
    const fit = fitToRunner(cells, setup, o.wantGpus.length > 0);
    if (fit.note) process.stderr.write(`${fit.note}\n`);
    return { setup, cells: fit.cells };
  } catch (e) {
    ending.dispose(); // no cell started: the error is the command's, said by main.ts
    throw e;
  }
}

/** The run's reporters: the database, the console, JUnit, and GitHub's annotations and step summary on Actions. */
function reportersOf(db: Db, secrets: string[], outDir: string, o: { json: boolean; verbose: boolean }, reportPath: () => string | null): { writer: SqliteWriter; reporters: Reporter[] } {
  const consoleReporter = new ConsoleReporter({ secrets, out: o.json ? process.stderr : process.stdout, verbose: o.verbose });
  const writer = new SqliteWriter(db, secrets);
  const reporters: Reporter[] = [writer, consoleReporter, new JunitReporter(join(outDir, 'junit.xml'), secrets)];
  // Annotations go where the console goes: under --json stdout is the JSON (the nightly writes it to a file).
  if (process.env.GITHUB_ACTIONS || process.env.GITHUB_STEP_SUMMARY) reporters.push(new GithubReporter(process.env.GITHUB_STEP_SUMMARY, secrets, o.json ? process.stderr : process.stdout, reportPath));
  return { writer, reporters };
}

function probeOf(probes: Map<string, Probe>): (name: string) => Probe {
  return (name) => {
    const p = probes.get(name);
    if (!p) throw new UsageError(`probe "${name}" was not loaded when the matrix was planned`);
    return p;
  };
}

/** The end of the run's output: what did not finish (and how to resume it), what changed since the previous run, and where everything is. */
function printWhereItIs(out: NodeJS.WritableStream, run: RunInfo, w: { reportPath: string | null; dbPath: string; outDir: string; interrupted: string[]; db: Db; secrets: readonly string[] }): void {
  if (w.interrupted.length) {
    out.write(`\n${w.interrupted.length} cell(s) did not finish: ${w.interrupted.join(', ')}\nresume with: ${resumeCommand(process.argv.slice(2), command.options, run.id)}\n`);
  }
  showSince(w.db, run.id, out, w.secrets);
  out.write(`\nreport:  ${w.reportPath ?? '(not written)'}\nlogs:    ${runLogDir(run)}\ndb:      ${w.dbPath}\njunit:   ${join(w.outDir, 'junit.xml')}\n`);
}

/** A forced end's mark in the database; a database that cannot be written is said, not thrown (the process is exiting). */
function markRun(writer: SqliteWriter, status: ForcedStatus, exitCode: number): void {
  try {
    writer.endNow(status, exitCode);
  } catch (e) {
    process.stderr.write(`matrix: the run could not be marked ${status} in the database: ${(e as Error).message}\n`);
  }
}

/**
 * A selection of zero cells records nothing (an empty run would become "the newest run" of the
 * report): a usage error, or with --allow-empty a note and exit 0.
 */
function nothingSelected(all: Cell[], selection: Selection, allowEmpty: boolean, json: boolean): number {
  const empty = emptySelectionError(all, selection, 'run');
  if (!allowEmpty) throw empty;
  process.stderr.write(`${empty.message.replace(/^matrix run: /, 'matrix run: --allow-empty: ')}; nothing was run or recorded\n`);
  if (json) process.stdout.write(JSON.stringify({ run: null, db: null, report: null, cells: [] }, null, 2) + '\n');
  return 0;
}

/** `--resume RUN`: the selected cells still without a verdict, and the verdicts the run already has. */
function resumed(db: Db, dbPath: string, runId: string, cells: Cell[]): { cells: Cell[]; earlier: CellResult[] } {
  if (!getRun(db, runId)) throw new UsageError(`--resume ${runId}: no such run in ${dbPath}`, 'list runs with `matrix report` or check --db');
  const done = finishedCellIds(db, runId);
  const subset = lastFailedRunCells(db, runId);
  return { cells: cells.filter((c) => !done.has(c.id) && (!subset || subset.has(c.id))), earlier: earlierResults(db, runId) };
}

/**
 * The cells to run: the selection (none: exit 2, or 0 with --allow-empty), and with --last-failed
 * only those that did not pass in the newest run of the database (none left: exit 0, nothing recorded).
 */
function chooseCells(all: Cell[], selection: Selection, o: { 'allow-empty'?: boolean; json?: boolean; 'last-failed'?: boolean; resume?: string; db: string }): Cell[] | number {
  const selected = selectCells(all, selection);
  if (selected.length === 0) return nothingSelected(all, selection, !!o['allow-empty'], !!o.json);
  if (!o['last-failed']) return selected;
  if (o.resume) throw new UsageError('matrix run: --last-failed and --resume cannot be combined', "--resume RUN_ID continues one run; --last-failed starts a new run of the newest run's non-pass cells");
  const db = openDb(resolve(o.db));
  const last = lastFailedCells(db);
  db.close();
  if (!last) throw new UsageError(`--last-failed: ${resolve(o.db)} holds no run yet`, 'run the matrix once without --last-failed, or point --db at the database of the last run');
  const chosen = selected.filter((c) => last.cellIds.has(c.id));
  if (chosen.length > 0) {
    process.stderr.write(`--last-failed: ${chosen.length} of the selected cells did not pass in run ${last.runId}\n`);
    return chosen;
  }
  process.stderr.write(`--last-failed: every selected cell passed (or failed as expected) in run ${last.runId}; nothing to run or record\n`);
  if (o.json) process.stdout.write(JSON.stringify({ run: null, db: null, report: null, cells: [] }, null, 2) + '\n');
  return 0;
}

/** What saves GPU time: triage's limits, and the early stop (`--max-failures`, `--infra-stop`), which says on the console when it stops. */
function gpuHours(o: { 'triage-depth': number; 'triage-budget': number; 'max-failures'?: number; 'infra-stop': number; json?: boolean }): { triageLimits: TriageLimits; earlyStop: EarlyStop } {
  const out = o.json ? process.stderr : process.stdout;
  const onStop = (reason: string) => out.write(`stopping early: ${reason.replace(/^not run: /, '')}\n`);
  return { triageLimits: { depth: o['triage-depth'], starts: o['triage-budget'] }, earlyStop: new EarlyStop({ maxFailures: o['max-failures'] ?? null, infraStreak: o['infra-stop'], onStop }) };
}

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
