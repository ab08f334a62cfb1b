// One cell from first attempt to verdict: retries (fail then pass = flaky), expectations
// (xfail / xpass), and triage — re-running a failed cell with each remedy of its signature until
// one passes ("fixed by mm_attention: sdpa").
import type { Cell, SemanticOptions, Verdict } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import { engineInvocation } from '../engines/invocation.ts';
import { applyExpectation } from '../diagnose/expectations.ts';
import { applyRemedy } from '../diagnose/remedies.ts';
import type { AttemptResult, CellResult, TriageResult } from '../core/events.ts';

export interface CellRunnerDeps {
  engine: Engine;
  /** Run one attempt of (a variant of) the cell. */
  attempt(cell: Cell, n: number, kind: AttemptResult['kind']): Promise<AttemptResult>;
  retries: number;
  triage: boolean;
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
  // An expected failure needs no retry; an unexpected one is retried on a fresh container.
  if (verdict === 'fail') {
    for (let r = 0; r < deps.retries && !deps.aborted(); r++) {
      const a = await deps.attempt(cell, ++n, 'retry');
      attempts.push(a);
      if (a.outcome === 'pass') return done('flaky', first, `failed (${first.diagnosis?.signature ?? 'unknown'}), then passed on retry ${r + 1}`);
      if (a.outcome === 'infra') return done('infra', a, infraReason(a));
      first = a;
    }
  }
  const last = first;
  let triage: TriageResult | null = null;
  if (deps.triage && !deps.aborted()) triage = await triageOrError(cell, last, deps, () => ++n, attempts);
  const reason = verdict === 'fail' && cell.expect ? `expected ${cell.expect.fail}, got ${last.diagnosis?.signature ?? 'an unknown failure'} (a new failure mode)` : (last.diagnosis?.title ?? null);
  return done(verdict, last, reason, triage);
}

/** Triage that throws does not take the cell's verdict with it: the failure stands, and triage says what broke. */
async function triageOrError(cell: Cell, failed: AttemptResult, deps: CellRunnerDeps, next: () => number, attempts: AttemptResult[]): Promise<TriageResult> {
  try {
    return await triageCell(cell, failed, deps, next, attempts);
  } catch (e) {
    return { tried: [{ options: {}, outcome: 'infra', signature: `triage failed: ${(e as Error).message}` }], fixedBy: null };
  }
}

async function triageCell(cell: Cell, failed: AttemptResult, deps: CellRunnerDeps, next: () => number, attempts: AttemptResult[]): Promise<TriageResult> {
  const result: TriageResult = { tried: [], fixedBy: null };
  for (const remedy of failed.diagnosis?.remedies ?? []) {
    if (deps.aborted()) break;
    const variant = withOptions(cell, applyRemedy(cell.options, remedy), deps.engine);
    if (typeof variant === 'string') {
      result.tried.push({ options: remedy, outcome: 'fail', signature: `unsupported: ${variant}` });
      continue;
    }
    const a = await deps.attempt(variant, next(), 'triage');
    attempts.push(a);
    result.tried.push({ options: remedy, outcome: a.outcome, signature: a.diagnosis?.signature ?? null });
    if (a.outcome === 'pass') {
      result.fixedBy = remedy;
      break;
    }
  }
  return result;
}
