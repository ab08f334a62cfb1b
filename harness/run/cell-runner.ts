// One cell from first attempt to verdict: retries (fail then pass = flaky), expectations
// (xfail / xpass), and triage (triage.ts) — re-running a failed cell with the remedies of its
// signature, and of the signatures they run into, until one passes ("fixed by mm_attention: sdpa").
import type { Cell, SemanticOptions, Verdict } from '../matrix/types.ts';
import type { Engine } from '../engines/engine.ts';
import { imageEngineVersion } from '../engines/version.ts';
import { applyExpectation } from '../diagnose/expectations.ts';
import { retryDecision } from '../diagnose/retry-policy.ts';
import type { AttemptResult, CellResult, TriageResult } from './events.ts';
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

/** The cell with other options: its engine command and engine env recomputed, or a reason it cannot be expressed. */
export function withOptions(cell: Cell, options: SemanticOptions, engine: Engine): Cell | string {
  const version = imageEngineVersion(cell.image);
  const r = engine.command({ model: cell.model.name, options, port: engine.defaultPort, extraArgs: cell.args, version });
  if ('unsupported' in r) return r.unsupported;
  const env = { ...cell.env };
  for (const k of Object.keys(engine.env?.(cell.options, version) ?? {})) delete env[k];
  for (const [k, value] of Object.entries(engine.env?.(options, version) ?? {})) env[k] = { value, secret: false };
  return { ...cell, options, env, command: r.argv, gpus: options.tensor_parallel ?? 1 };
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
  // An expected failure needs no retry; an unexpected one is retried on a fresh container while its
  // failure may be transient (a deterministic one would fail the same way: it costs a start for nothing).
  let notRetried: string | undefined;
  if (verdict === 'fail') {
    for (let r = 0; r < deps.retries && !deps.aborted(); r++) {
      const decision = retryDecision(first.diagnosis);
      if (!decision.retry) {
        notRetried = decision.why;
        break;
      }
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
  const why = verdict === 'fail' && cell.expect ? `expected ${cell.expect.fail}, got ${last.diagnosis?.signature ?? 'an unknown failure'} (a new failure mode)` : (last.diagnosis?.title ?? null);
  const reason = notRetried ? `${why ?? 'failed'} (not retried: ${notRetried})` : why;
  return { ...done(verdict, last, reason, triage), ...(notRetried ? { notRetried } : {}) };
}

/** Triage that throws does not take the cell's verdict with it: the failure stands, and triage says what broke. */
async function triageOrError(cell: Cell, failed: AttemptResult, deps: CellRunnerDeps, next: () => number, attempts: AttemptResult[]): Promise<TriageResult> {
  try {
    return await triageChain(cell, failed, { ...deps, withOptions, limits: deps.triageLimits }, next, attempts);
  } catch (e) {
    return { tried: [{ options: {}, outcome: 'infra', signature: `triage failed: ${(e as Error).message}` }], fixedBy: null };
  }
}
