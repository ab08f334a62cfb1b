// Triage: re-running a failed cell with the remedies of its signature until one passes. It follows
// the chain: a remedy that gets past the first failure but fails with a new signature has that
// signature's remedies tried next, on top of it (depth-first: the remedy that got further is the
// most promising) — "attention: triton" → graph-capture-mtp-triton → "attention: triton,
// cuda_graphs: piecewise" → pass. Bounded: `depth` signatures deep at most, and `starts` starts of
// the cell in all (each one GPU-minutes on a real runner). The whole path is kept: every trial with
// the trial whose failure led to it, and why the search stopped.
import type { Cell } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import { applyRemedy, type RemedyChange } from '../diagnose/remedies.ts';
import type { AttemptResult, TriageResult } from '../core/events.ts';

export interface TriageLimits {
  /** Signatures deep: 1 tries only the first failure's remedies. */
  depth: number;
  /** Starts of the cell that triage may spend in all. */
  starts: number;
}

export const DEFAULT_TRIAGE_LIMITS: TriageLimits = { depth: 3, starts: 8 };

export interface TriageDeps {
  engine: Engine;
  attempt(cell: Cell, n: number, kind: AttemptResult['kind']): Promise<AttemptResult>;
  aborted(): boolean;
  /** The cell with other options, or why the engine cannot express them. */
  withOptions(cell: Cell, options: Cell['options'], engine: Engine): Cell | string;
  limits?: TriageLimits;
}

interface Step {
  /** All changes from the cell's own options: the remedies along the path, later ones on top. */
  change: RemedyChange;
  depth: number;
  /** Index in `tried` of the trial whose new signature this step answers (absent: the first failure's). */
  after?: number;
}

export async function triageChain(cell: Cell, failed: AttemptResult, deps: TriageDeps, next: () => number, attempts: AttemptResult[]): Promise<TriageResult> {
  const limits = deps.limits ?? DEFAULT_TRIAGE_LIMITS;
  const result: TriageResult = { tried: [], fixedBy: null };
  const seen = new Set([failed.diagnosis?.signature ?? '']);
  // Starts already made — the cell's own (a chained remedy that undoes the one before it leads back
  // to the first failure) and each trial's — by what runs: the engine command, env and GPUs.
  const own = deps.withOptions(cell, cell.options, deps.engine);
  const ran = new Set(typeof own === 'string' ? [] : [startKey(own)]);
  const triedOptions = new Set<string>();
  const queue: Step[] = (failed.diagnosis?.remedies ?? []).map((r) => ({ change: r, depth: 1 }));
  let starts = 0;
  while (queue.length > 0 && !deps.aborted()) {
    const step = queue.shift()!;
    const options = applyRemedy(cell.options, step.change);
    if (triedOptions.has(optionsKey(options))) continue;
    triedOptions.add(optionsKey(options));
    const after = step.after === undefined ? {} : { after: step.after };
    const variant = deps.withOptions(cell, options, deps.engine);
    if (typeof variant === 'string') {
      result.tried.push({ options: step.change, outcome: 'fail', signature: `unsupported: ${variant}`, ...after });
      continue;
    }
    if (ran.has(startKey(variant))) continue;
    ran.add(startKey(variant));
    if (starts >= limits.starts) {
      result.stopped = `the triage budget (${limits.starts} starts) was spent`;
      break;
    }
    starts++;
    const a = await deps.attempt(variant, next(), 'triage');
    attempts.push(a);
    result.tried.push({ options: step.change, outcome: a.outcome, signature: a.diagnosis?.signature ?? null, ...after });
    if (a.outcome === 'pass') {
      result.fixedBy = step.change;
      break;
    }
    const signature = a.diagnosis?.signature;
    if (a.outcome !== 'fail' || !signature || seen.has(signature)) continue;
    seen.add(signature);
    if (step.depth >= limits.depth) {
      result.stopped ??= `the chain reached its depth (${limits.depth} signatures) at ${signature}`;
      continue;
    }
    // Depth first: the new signature's remedies, on top of the step that reached it, come next.
    const index = result.tried.length - 1;
    queue.unshift(...(a.diagnosis?.remedies ?? []).map((r) => ({ change: { ...step.change, ...r }, depth: step.depth + 1, after: index })));
  }
  return result;
}

/** What a start runs: two variants with the same key would end the same way. */
function startKey(c: Cell): string {
  return JSON.stringify([c.command, c.env, c.gpus]);
}

/** The same options give the same key, whatever order their keys were written in. */
function optionsKey(options: Cell['options']): string {
  return JSON.stringify(Object.entries(options).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}

/** The trials from the first failure to the fix, in order (empty when nothing passed). */
export function pathToFix(t: TriageResult): TriageResult['tried'] {
  if (!t.fixedBy || t.tried.length === 0) return [];
  const chain: TriageResult['tried'] = [];
  for (let i: number | undefined = t.tried.length - 1; i !== undefined; i = t.tried[i]!.after) chain.unshift(t.tried[i]!);
  return chain;
}

/** "ptx-toolchain-attention → attention: triton → graph-capture-mtp-triton → attention: triton, cuda_graphs: piecewise → pass" */
export function describePath(first: string | null, t: TriageResult, describe: (c: RemedyChange) => string): string | null {
  const chain = pathToFix(t);
  if (chain.length < 2) return null; // a single remedy: "fixed by" says it all
  return [first ?? 'an unknown failure', ...chain.map((x) => `${describe(x.options)} → ${x.outcome === 'pass' ? 'pass' : (x.signature ?? x.outcome)}`)].join(' → ');
}
