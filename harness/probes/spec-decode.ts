// Speculative-decoding figures from the deltas of the engine's counters, the CUDA graph capture
// evidence in the startup log, and the lossless check against a baseline. Pure.
//   acceptance_rate          = Δaccepted tokens / Δdraft tokens
//   mean_acceptance_length   = 1 + Δaccepted tokens / Δdrafts   (the bonus token counts as 1)
//   acceptance_pos_<i>       = Δaccepted_per_pos[i] / Δdrafts
// Engines that expose only a mean-accept-length gauge: mean_acceptance_length = the gauge, and
// acceptance_rate = (gauge − 1) / speculative tokens per step.
import type { MetricNames } from '../engines/engine.ts';
import { counterDelta, counterDeltaByLabel, readValue, type MetricSnapshot } from './metrics.ts';

export interface AcceptanceFigures {
  metrics: Record<string, number>;
  /** Why the figures show speculation not working (empty when fine). */
  problems: string[];
}

export function acceptanceFigures(
  names: MetricNames,
  before: MetricSnapshot,
  after: MetricSnapshot,
  model: string,
  tokensPerStep: number,
): AcceptanceFigures {
  const metrics: Record<string, number> = {};
  const problems: string[] = [];
  const drafts = names.specDrafts ? counterDelta(before, after, names.specDrafts, model) : null;
  const draftTokens = names.specDraftTokens ? counterDelta(before, after, names.specDraftTokens, model) : null;
  const accepted = names.specAcceptedTokens ? counterDelta(before, after, names.specAcceptedTokens, model) : null;
  const perPos = names.specAcceptedPerPos ? counterDeltaByLabel(before, after, names.specAcceptedPerPos, 'position', model) : null;
  const gauge = names.specAcceptLength ? readValue(after, names.specAcceptLength, model) : null;

  if (drafts !== null && accepted !== null) {
    metrics.spec_drafts = drafts;
    metrics.spec_accepted_tokens = accepted;
    if (draftTokens !== null) metrics.spec_draft_tokens = draftTokens;
    if (drafts === 0) {
      problems.push('no drafts were proposed during the generations (Δdrafts = 0): speculation is not running');
      return { metrics, problems };
    }
    if (draftTokens !== null && draftTokens > 0) metrics.acceptance_rate = accepted / draftTokens;
    metrics.mean_acceptance_length = 1 + accepted / drafts;
    for (const [pos, n] of perPos ?? []) metrics[`acceptance_pos_${pos}`] = n / drafts;
    if (accepted === 0) problems.push(`no draft token was accepted (${draftTokens ?? '?'} draft tokens in ${drafts} drafts)`);
    return { metrics, problems };
  }
  if (gauge !== null) {
    metrics.mean_acceptance_length = gauge;
    if (tokensPerStep > 0) metrics.acceptance_rate = (gauge - 1) / tokensPerStep;
    // The gauge holds the mean over the decode batches since the engine's last stats log, set at that
    // log (engines/facts: window 'recent-batches'): 0 means no log fell inside the generations.
    if (gauge === 0) problems.push('the accept-length gauge reads 0: it is set only at the engine\'s periodic stats log, from the decode batches since the previous one, and no such log fell inside the generations (generate more, or shorten the engine\'s log interval)');
    else if (!(gauge > 1)) problems.push(`no draft token was accepted (mean accept length ${gauge})`);
    return { metrics, problems };
  }
  const wanted = [names.specDrafts, names.specDraftTokens, names.specAcceptedTokens, names.specAcceptLength].filter((n): n is string => n !== null);
  problems.push(
    wanted.length === 0
      ? 'the engine exposes no speculative-decoding metrics'
      : `speculative-decoding counters missing from /metrics: none of ${wanted.join(', ')} found for model ${model}`,
  );
  return { metrics, problems };
}

const CAPTURE = /captur\w* cuda graphs?|graph captur\w* (?:finished|end)|cuda graph captur/i;

/** Log lines that show CUDA graph capture (start, progress, finish), each cut to 300 chars; at most 12. */
export function captureEvidence(log: readonly string[]): string[] {
  const lines = log
    .flatMap((l) => l.split('\r'))
    .map((l) => l.trim())
    .filter((l) => CAPTURE.test(l));
  // Progress bars repeat a line per step: keep the last state of each bar label.
  const byLabel = new Map<string, string>();
  for (const l of lines) byLabel.set(l.replace(/:\s*\d+%.*$/, ''), l.length > 300 ? `${l.slice(0, 299)}…` : l);
  return [...byLabel.values()].slice(-12);
}

export interface LosslessDiff {
  prompt: string;
  baseline: string;
  speculative: string;
}

/** Prompts whose greedy outputs differ from the baseline (only prompts present in both compare). */
export function losslessDiffs(baseline: Record<string, string>, outputs: Record<string, string>): { compared: number; diffs: LosslessDiff[] } {
  let compared = 0;
  const diffs: LosslessDiff[] = [];
  for (const [prompt, speculative] of Object.entries(outputs)) {
    const base = baseline[prompt];
    if (base === undefined) continue;
    compared++;
    if (base !== speculative) diffs.push({ prompt, baseline: base, speculative });
  }
  return { compared, diffs };
}

/** One request's speculative counts as the engine returned them (SpecPerRequest); accepted null where the release has none. */
export interface RequestCounts {
  verify: number;
  completion: number;
  accepted: number | null;
}

/**
 * Acceptance from per-request counts, on the scale of the counter figures above (tokens per verify
 * step, the bonus token included):
 *   mean_acceptance_length = 1 + Σaccepted / Σverify                 (accepted known for every request)
 *                          = Σ(completion − 1) / Σverify             (otherwise: the first token is prefill's)
 *   acceptance_rate        = (mean_acceptance_length − 1) / speculative tokens per step
 */
export function perRequestAcceptance(rows: readonly RequestCounts[], tokensPerStep: number): AcceptanceFigures {
  const verify = rows.reduce((n, r) => n + r.verify, 0);
  const metrics: Record<string, number> = { spec_requests: rows.length, spec_verify_steps: verify };
  if (rows.length === 0) return { metrics, problems: ['no request returned speculative counts'] };
  if (verify === 0) return { metrics, problems: [`none of ${rows.length} requests had a verify step (Σ verify = 0): speculation is not running`] };
  const known = rows.every((r) => r.accepted !== null);
  const accepted = known ? rows.reduce((n, r) => n + r.accepted!, 0) : rows.reduce((n, r) => n + Math.max(0, r.completion - 1), 0) - verify;
  metrics.spec_accepted_tokens = accepted;
  metrics.mean_acceptance_length = 1 + accepted / verify;
  if (tokensPerStep > 0) metrics.acceptance_rate = accepted / (verify * tokensPerStep);
  return { metrics, problems: accepted > 0 ? [] : [`no draft token was accepted in ${verify} verify steps`] };
}
