// One probe run of `matrix bisect`: the cell with its image replaced by a ref, run as a normal run
// (its own run id, recorded in the store with its logs and diagnosis), with the database writer as
// its only reporter — the bisect prints its own progress. A ref the engine does not have is pulled
// as `--pull` says; one that cannot be had stops the bisect (BisectError ref-missing).
import type { Cell } from '../core/cell.ts';
import { BisectError, InfraError } from '../errors.ts';
import type { Probe } from '../probes/probe.ts';
import type { ContainerRuntime, ImageInfo, PullPolicy } from '../runtime/runtime.ts';
import { resolveRegistryAuth } from '../runtime/registry-auth.ts';
import { cellWithRef } from '../run/bisect-refs.ts';
import type { ProbeRun } from '../run/bisect.ts';
import { labelTraits, withLabelTraits } from '../run/image-traits.ts';
import { guardRunEnding } from '../run/run-ending.ts';
import { newRunId, runInfo } from '../run/run-info.ts';
import { executeRun } from '../run/runner.ts';
import type { RunnerSetup } from '../run/setup.ts';
import type { RunInfo } from '../core/events.ts';
import type { Db } from '../store/db.ts';
import { SqliteWriter } from '../store/writer.ts';
import { errorText } from './error-text.ts';

export interface ProbeContext {
  runtime: ContainerRuntime;
  setup: RunnerSetup;
  db: Db;
  dbPath: string;
  files: string[];
  outDir: string;
  emulate: boolean;
  pull: PullPolicy;
  probes: Map<string, Probe>;
  cacheDir: string;
  secrets: string[];
}

/** The ref as the Docker engine has it (pulled when allowed): its digest and labels. */
export async function imageOfRef(ctx: Pick<ProbeContext, 'runtime' | 'pull'>, ref: string, cell: Cell): Promise<ImageInfo> {
  try {
    const creds = await resolveRegistryAuth(ref, cell.image.auth ? { username: cell.image.auth.username.value, password: cell.image.auth.password.value } : null);
    return await ctx.runtime.ensureImage(ref, ctx.pull, { auth: creds.auth, platform: cell.image.platform });
  } catch (e) {
    const pulled = ctx.pull !== 'never';
    const why = e instanceof Error ? e.message : String(e);
    throw new BisectError(
      'ref-missing',
      `matrix bisect: ref ${ref} does not exist on this Docker engine${pulled ? ' and cannot be pulled' : ''}: ${why}`,
      pulled ? 'check the tag or digest (`docker pull REF`), the registry credentials, and the network' : 'pull it first (`docker pull REF`) or drop --pull never',
      e instanceof InfraError && pulled ? 3 : 2,
    );
  }
}

/** Runs the cell on `ref` as a normal run; the verdict, its failure and the ref's digest. */
export async function probeRun(ctx: ProbeContext, planned: Cell, ref: string): Promise<ProbeRun & { run: RunInfo }> {
  const image = await imageOfRef(ctx, ref, planned);
  const onRef = cellWithRef(planned, ref);
  const cell = ctx.emulate ? withLabelTraits(onRef, labelTraits(ref, image.labels)) : onRef;
  const run = runInfo({ id: newRunId(), files: ctx.files, emulate: ctx.emulate, argv: process.argv.slice(2), dbPath: ctx.dbPath, outDir: ctx.outDir, resumedFrom: null });
  const writer = new SqliteWriter(ctx.db, ctx.secrets);
  const controller = new AbortController();
  const ending = guardRunEnding({ runtime: ctx.runtime, runId: run.id, abort: () => controller.abort(), mark: (status, code) => writer.endNow(status, code), describeError: errorText });
  const outcome = await executeRun({
    run,
    cells: [cell],
    runtime: ctx.runtime,
    reporters: [writer],
    pools: ctx.setup.pools,
    emulate: ctx.setup.emulate,
    pull: ctx.pull,
    retries: null,
    triage: false,
    signal: controller.signal,
    secrets: ctx.secrets,
    probesFor: async (c) => c.probes.map((name) => ctx.probes.get(name)!),
    runnerPlatform: ctx.setup.platform,
    cacheDir: ctx.cacheDir,
    models: null,
  }).catch(async (e: unknown) => {
    await ending.crash(e); // exits the process
    throw e;
  });
  await ending.unlessForced();
  ending.dispose();
  if (outcome.reporterFailure) throw outcome.reporterFailure;
  const result = outcome.results.find((r) => r.cell.id === cell.id);
  if (!result || controller.signal.aborted) {
    throw new BisectError('interrupted', `matrix bisect: the run of ref ${ref} was interrupted (run ${run.id})`, 'bisect again; the runs so far are recorded', 130);
  }
  return { run, runId: run.id, verdict: result.verdict, category: result.category, signature: result.signature, digest: image.digest ?? image.id };
}
