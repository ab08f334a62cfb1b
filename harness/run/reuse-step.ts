// `--reuse` in the dispatcher: before any GPU is leased, each cell whose earlier verdict still
// stands (run/reuse.ts) gets it, marked reused, and is never scheduled — no container, no GPU.
// Every cell that runs records the reuse key of what decided its verdict, for the runs after it.
import type { Cell } from '../core/cell.ts';
import type { CellResult } from '../core/events.ts';
import { REDACTED, redactDeep } from '../core/secrets.ts';
import type { ReuseInputs } from '../core/reuse.ts';
import { reuseKeyOf } from '../core/reuse.ts';
import { engineAt } from '../engines/index.ts';
import { imageEngineVersion } from '../engines/version.ts';
import { cachedCommit } from '../models/complete.ts';
import type { ImageInfo } from '../runtime/runtime.ts';
import { emulatedFacts, emulatorConfig, engineArgv } from './container-spec.ts';
import { prepareImage } from './image-prep.ts';
import { decideReuse, keepBaselinesTogether, refusal, reusedResult, type ReuseCandidate } from './reuse.ts';
import { finish, poolOf, revisionOf, type RunContext } from './run-context.ts';
import type { RunnerPool } from './runner.ts';

/** What the dispatcher asks of the store under `--reuse`. */
export interface ReuseSource {
  /** The max age of an earlier verdict this cell may reuse, or null: the cell is not reused. */
  maxAgeOf(cell: Cell): number | null;
  /** The newest earlier verdict of each of these cells (absent: none). */
  earlier(cellIds: string[]): Map<string, ReuseCandidate>;
}

/** Everything that decides the cell's verdict on this runner, with its image as read now. */
export function reuseInputsOf(ctx: RunContext, cell: Cell, pool: RunnerPool, image: ImageInfo): ReuseInputs {
  const { req } = ctx;
  const facts = req.emulate ? emulatedFacts(cell) : pool.slots.facts;
  const inputs: ReuseInputs = {
    imageDigest: image.digest,
    modelRevision: cachedCommit(ctx.cacheDir, cell.model.name, revisionOf(cell)) ?? revisionOf(cell),
    argv: engineArgv(cell, engineAt(cell.image.engine, imageEngineVersion(cell.image))),
    env: Object.fromEntries(Object.entries(cell.env).map(([k, v]) => [k, v.secret ? REDACTED : v.value])),
    emulator: req.emulate ? emulatorConfig(cell) : null,
    gpu: { name: cell.gpu.name, computeCapability: cell.gpu.computeCapability, driverVersion: facts.driverVersion, driverCuda: facts.cudaVersion },
    probes: cell.probes,
    probeOptions: cell.probeOptions ?? {},
    timeouts: cell.timeouts,
    retries: req.retries ?? cell.retries,
    expect: cell.expect,
    harness: req.harnessVersion ?? 'unknown',
  };
  return redactDeep(inputs, req.secrets);
}

/** The result with the reuse key of what decided it (when its image was read: a digest is known). */
export function withReuseKey(ctx: RunContext, r: CellResult, pool: RunnerPool, image: ImageInfo): CellResult {
  if (!image.digest) return r;
  const inputs = reuseInputsOf(ctx, r.cell, pool, image);
  return { ...r, reuse: { key: reuseKeyOf(inputs), inputs } };
}

/**
 * Gives every cell whose earlier verdict stands that verdict (reused), and says why the others
 * with an earlier verdict run (`notReused`). Returns the ids of the cells reused: they are not scheduled.
 */
export async function reuseUnchanged(ctx: RunContext): Promise<Set<string>> {
  const source = ctx.req.reuse;
  const wanted = source ? ctx.jobs.filter((j) => source.maxAgeOf(j.cell) !== null && poolOf(ctx.req, j.cell)) : [];
  if (!source || wanted.length === 0) return new Set();
  const earlier = source.earlier(wanted.map((j) => j.id));
  const now = Date.now();
  const decided = new Map<string, { result: CellResult }>();
  for (const job of wanted) {
    const candidate = earlier.get(job.id);
    if (!candidate || ctx.req.signal.aborted) continue;
    const rules = { now, maxAgeMs: source.maxAgeOf(job.cell)!, triage: ctx.req.triage };
    const refused = refusal(candidate, rules);
    if (refused) {
      ctx.notReused.set(job.id, refused);
      continue;
    }
    // The image's digest decides: it is read (pulled per --pull) before any GPU is leased; the scheduler finds it ready.
    const image = await imageOf(ctx, job.imageKey);
    if (!image || !(await modelResolved(ctx, job))) continue; // the scheduler prepares it again and gives the cell the error
    const inputs = reuseInputsOf(ctx, job.cell, poolOf(ctx.req, job.cell)!, image);
    const d = decideReuse(candidate, inputs, rules);
    if (d.reuse) decided.set(job.id, { result: reusedResult(job.cell, d.from, inputs) });
    else if (d.why) ctx.notReused.set(job.id, d.why);
  }
  const reused = new Set(decided.keys());
  for (const [id, why] of keepBaselinesTogether(reused, new Map(ctx.jobs.map((j) => [j.id, j.after])))) ctx.notReused.set(id, why);
  for (const job of ctx.jobs.filter((j) => reused.has(j.id))) {
    await ctx.events.emit('onCellBegin', job.cell, 1);
    await finish(ctx, decided.get(job.id)!.result);
  }
  return reused;
}

/**
 * With downloads on, the model is brought up to date first (once per model; the scheduler's own
 * download then finds it done), so its revision is the commit the hub names now, not the one cached
 * last night. False when that failed.
 */
async function modelResolved(ctx: RunContext, job: RunContext['jobs'][number]): Promise<boolean> {
  if (!job.modelKey || !ctx.req.models) return true;
  try {
    await ctx.req.models.warm(job.cell.model.name, revisionOf(job.cell), ctx.preparing.signal);
    return true;
  } catch {
    return false;
  }
}

async function imageOf(ctx: RunContext, key: string): Promise<ImageInfo | null> {
  try {
    await prepareImage(ctx, key);
    return ctx.images.get(key) ?? null;
  } catch {
    return null;
  }
}
