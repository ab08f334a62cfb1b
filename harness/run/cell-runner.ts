// One cell from first attempt to verdict: retries (fail then pass = flaky), expectations
// (xfail / xpass), and triage (triage.ts) — re-running a failed cell with the remedies of its
// signature, and of the signatures they run into, until one passes ("fixed by mm_attention: sdpa").
import type { Cell, SemanticOptions, Verdict } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import { engineInvocation } from '../engines/invocation.ts';
import { applyExpectation } from '../diagnose/expectations.ts';
import { retryDecision } from '../diagnose/retry-policy.ts';
import type { AttemptResult, CellResult, TriageResult } from '../core/events.ts';
import { triageChain, type TriageLimits } from './triage.ts';

export interface CellRunnerDeps {
  engine: Engine;
  /** Run one attempt of (a variant of) the cell. */
  attempt(cell: Cell, n: number, kind: AttemptResult['kind']): Promise<AttemptResult>;
  retries: number;
  triage: boolean;
  /** How deep triage follows new signatures, and how many starts it may spend (default DEFAULT_TRIAGE_LIMITS). */
  triageLimits?: TriageLimits;
  aborted(): boolean;
}

/** The cell with other options: its engine invocation recomputed (engines/invocation.ts), or a reason it cannot be expressed. */
export function withOptions(cell: Cell, options: SemanticOptions, engine: Engine): Cell | string {
  const next = engineInvocation(engine, cell, options);
  if ('unsupported' in next) return next.unsupported;
  const env = { ...cell.env };
  for (const k of Object.keys(engineInvocation(engine, cell, cell.options).env)) delete env[k];
  for (const [k, value] of Object.entries(next.env)) env[k] = { value, secret: false };
  return { ...cell, options, env, command: next.argv, gpus: next.gpus };
}

function infraReason(a: AttemptResult): string | null {
  const title = a.diagnosis?.title;
  if (!a.error) return title ?? null;
  return title && !a.error.includes(title) ? `${title} — ${a.error}` : a.error;
}

export async function runCell(cell: Cell, deps: CellRunnerDeps): Promise<CellResult> {
  const t0 = performance.now();
  const attempts: AttemptResult[] = [];
  const done = (verdict: Verdict, last: AttemptResult | null, reason: string | null, triage: TriageResult | null = null): CellResult => ({
    cell,
    verdict,
    category: last?.diagnosis?.category ?? null,
    signature: last?.diagnosis?.signature ?? null,
    attempts,
    triage,
    reason,
    durationMs: performance.now() - t0,
  });

  if (cell.skip) return done('skip', null, cell.skip);

  let n = 1;
  let first = await deps.attempt(cell, n, 'first');
  attempts.push(first);
  if (first.outcome === 'infra') return done('infra', first, infraReason(first));

  let verdict: Verdict;
  if (first.outcome === 'pass') {
    verdict = applyExpectation({ outcome: 'pass', signature: null, category: null }, cell.expect);
    return done(verdict, first, verdict === 'xpass' ? `expected ${cell.expect?.fail}, but it passed: the expectation can be dropped` : null);
  }

  const failure = { outcome: 'fail' as const, signature: first.diagnosis?.signature ?? null, category: first.diagnosis?.category ?? null };
  verdict = applyExpectation(failure, cell.expect);
  // An expected failure needs no retry; an unexpected one is retried while it may be transient.
  let notRetried: string | undefined;
  if (verdict === 'fail') {
    const r = await retryTransient(cell, first, deps, () => ++n, attempts);
    if ('verdict' in r) return done(r.verdict, r.last, r.reason);
    ({ last: first, notRetried } = r);
  }
  const last = first;
  let triage: TriageResult | null = null;
  if (deps.triage && !deps.aborted()) triage = await triageOrError(cell, last, deps, () => ++n, attempts);
  const why = verdict === 'fail' && cell.expect ? `expected ${cell.expect.fail}, got ${last.diagnosis?.signature ?? 'an unknown failure'} (a new failure mode)` : (last.diagnosis?.title ?? null);
  const reason = notRetried ? `${why ?? 'failed'} (not retried: ${notRetried})` : why;
  return { ...done(verdict, last, reason, triage), ...(notRetried ? { notRetried } : {}) };
}

type RetryEnd = { verdict: Verdict; last: AttemptResult; reason: string | null } | { last: AttemptResult; notRetried?: string };

/**
 * Retries on fresh containers while the failure may be transient (diagnose/retry-policy.ts): a pass
 * ends the cell flaky, an infra attempt ends it infra; a deterministic failure stops the retries
 * and says why (a retry would cost a start and fail the same way).
 */
async function retryTransient(cell: Cell, failed: AttemptResult, deps: CellRunnerDeps, next: () => number, attempts: AttemptResult[]): Promise<RetryEnd> {
  let last = failed;
  for (let r = 0; r < deps.retries && !deps.aborted(); r++) {
    const decision = retryDecision(last.diagnosis);
    if (!decision.retry) return { last, notRetried: decision.why };
    const a = await deps.attempt(cell, next(), 'retry');
    attempts.push(a);
    if (a.outcome === 'pass') return { verdict: 'flaky', last, reason: `failed (${last.diagnosis?.signature ?? 'unknown'}), then passed on retry ${r + 1}` };
    if (a.outcome === 'infra') return { verdict: 'infra', last: a, reason: infraReason(a) };
    last = a;
  }
  return { last };
}

/** Triage that throws does not take the cell's verdict with it: the failure stands, and triage says what broke. */
async function triageOrError(cell: Cell, failed: AttemptResult, deps: CellRunnerDeps, next: () => number, attempts: AttemptResult[]): Promise<TriageResult> {
  try {
    return await triageChain(cell, failed, { ...deps, withOptions, limits: deps.triageLimits }, next, attempts);
  } catch (e) {
    return { tried: [{ options: {}, outcome: 'infra', signature: `triage failed: ${(e as Error).message}` }], fixedBy: null };
  }
}
