// Whether a cell's earlier verdict may stand for this run (`--reuse`, issue #26), pure. It may when
// the reuse key of everything that decides it (core/reuse.ts) is the one the earlier run stored,
// and none of these holds:
//  - the verdict says nothing certain: flaky, infra, skip (and cells left without one: not run);
//  - it is older than the max age (`reuse.max_age`, default 7d), counted from the run that ran it;
//  - the cell's history is unstable: its verdict changed within its last UNSTABLE_RUNS runs;
//  - --triage asks for remedies of a failure the earlier run did not triage;
//  - it compares with a baseline cell that runs now, or a cell that runs now compares with it
//    (probes/baseline.ts: the one that runs needs the other's outputs of this run).
import type { Cell, Verdict } from '../core/cell.ts';
import type { CellResult, TriageResult } from '../core/events.ts';
import { reuseChanges, reuseKeyOf, type ReuseInputs } from '../core/reuse.ts';
import { formatDuration } from '../matrix/duration.ts';

/** How many of a cell's newest runs must agree on its verdict before it is reused. */
export const UNSTABLE_RUNS = 3;
export const DEFAULT_MAX_AGE_MS = 7 * 24 * 3_600_000;
const REUSABLE: readonly Verdict[] = ['pass', 'fail', 'xfail', 'xpass'];

/** A cell's newest verdict in the database, with what the reuse decision needs of its history. */
export interface ReuseCandidate {
  /** The run whose row this is. */
  runId: string;
  /** The run that produced the verdict (this row's own run, or the one it reused from); null when that run is gone. */
  origin: { runId: string; finishedAt: string } | null;
  verdict: Verdict;
  category: string | null;
  signature: string | null;
  reason: string | null;
  triage: TriageResult | null;
  key: string | null;
  inputs: Partial<ReuseInputs> | null;
  /** The cell's verdicts in its newest runs, newest (this one) first, at most UNSTABLE_RUNS. */
  recent: Verdict[];
}

export interface ReuseRules {
  now: number;
  maxAgeMs: number;
  triage: boolean;
}

export type ReuseDecision = { reuse: true; from: ReuseCandidate & { origin: NonNullable<ReuseCandidate['origin']> } } | { reuse: false; why: string | null };

/** "12.0d" from two days on, else "3h20m5s". */
const ageText = (ms: number) => (ms >= 2 * 86_400_000 ? `${(ms / 86_400_000).toFixed(1)}d` : formatDuration(Math.max(0, Math.round(ms / 1000) * 1000)));

/** Why the candidate may not be reused whatever its key, or null: the checks that need no image. */
export function refusal(c: ReuseCandidate, rules: ReuseRules): string | null {
  if (!REUSABLE.includes(c.verdict)) return `run ${c.runId}'s verdict is ${c.verdict}: a ${c.verdict} verdict is always run again`;
  if (!c.origin) return `run ${c.runId} reused a verdict of a run no longer in the database`;
  const age = rules.now - Date.parse(c.origin.finishedAt);
  if (!(age <= rules.maxAgeMs)) return `the verdict of run ${c.origin.runId} is ${ageText(age)} old (max age ${ageText(rules.maxAgeMs)})`;
  if (new Set(c.recent).size > 1) return `the cell's verdict changed within its last ${UNSTABLE_RUNS} runs (${c.recent.join(', ')}): unstable history runs again`;
  if (rules.triage && c.verdict !== 'pass' && c.verdict !== 'xpass' && !c.triage) return `--triage: run ${c.runId} did not triage its failure`;
  return null;
}

/** The decision for one cell from its newest earlier verdict (null: none) and its inputs now. */
export function decideReuse(c: ReuseCandidate | null, inputs: ReuseInputs, rules: ReuseRules): ReuseDecision {
  if (!c) return { reuse: false, why: null };
  const refused = refusal(c, rules);
  if (refused) return { reuse: false, why: refused };
  if (!c.key || !c.inputs) return { reuse: false, why: `run ${c.runId} stored no reuse key (an older harness)` };
  if (c.key === reuseKeyOf(inputs)) return { reuse: true, from: c as ReuseCandidate & { origin: NonNullable<ReuseCandidate['origin']> } };
  const changes = reuseChanges(c.inputs, inputs);
  return { reuse: false, why: changes.length ? changes.join('; ') : `its inputs changed since run ${c.runId}` };
}

/**
 * Cells reused together with the cells they compare with: a cell whose baseline runs, or whose
 * dependent runs, runs too (until nothing changes). Returns why each dropped cell runs.
 */
export function keepBaselinesTogether(reused: Set<string>, after: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const dropped = new Map<string, string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, deps] of after) {
      const running = deps.filter((b) => after.has(b) && !reused.has(b));
      if (reused.has(id) && running.length) drop(id, `its baseline cell ${running[0]} runs`);
      if (!reused.has(id)) for (const b of deps.filter((x) => reused.has(x))) drop(b, `cell ${id} compares with it and runs`);
    }
    function drop(id: string, why: string) {
      reused.delete(id);
      dropped.set(id, why);
      changed = true;
    }
  }
  return dropped;
}

/** The cell's verdict, reused: no attempt ran in this run; the verdict and its triage are the earlier run's. */
export function reusedResult(cell: Cell, from: ReuseCandidate & { origin: NonNullable<ReuseCandidate['origin']> }, inputs: ReuseInputs): CellResult {
  return {
    cell,
    verdict: from.verdict,
    category: from.category,
    signature: from.signature,
    attempts: [],
    triage: from.triage,
    reason: from.reason,
    durationMs: 0,
    reuse: { key: reuseKeyOf(inputs), inputs },
    reusedFrom: from.origin,
  };
}
