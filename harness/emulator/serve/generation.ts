// How an answer is emitted: the tokens after max_tokens truncation, grouped into decoding steps.
// Without speculation every step emits one token; with speculative decoding (MTP) a step emits
// one token plus the draft tokens it accepted, drawn deterministically so that over the server's
// life accepted / drafted tracks the configured acceptance rate. Pure apart from the shared
// acceptance state passed in.
import { corruptAnswer, tokenize } from './answers.ts';

export interface SpecSettings {
  numSpeculativeTokens: number;
  acceptance: number;
  lossy: boolean;
}

/** Running totals that keep accepted/drafted on the configured rate across requests. */
export interface AcceptanceState {
  steps: number;
  accepted: number;
}

export interface SpecStep {
  drafted: number;
  accepted: number;
}

export interface GenerationPlan {
  text: string;
  /** Token groups in emission order; groups[0] is the first token (after prefill). */
  groups: string[][];
  completionTokens: number;
  finishReason: 'stop' | 'length';
  /** One entry per decoding step that verified drafts (all steps after the first, with speculation). */
  specSteps: SpecStep[];
}

/** Accepted drafts of the next step: error diffusion so the running rate stays on `acceptance`. */
export function nextAccepted(state: AcceptanceState, s: SpecSettings): number {
  const target = Math.round((state.steps + 1) * s.numSpeculativeTokens * s.acceptance);
  const a = Math.max(0, Math.min(s.numSpeculativeTokens, target - state.accepted));
  state.steps++;
  state.accepted += a;
  return a;
}

export function planGeneration(answer: string, maxTokens: number | null, spec: SpecSettings | null, state: AcceptanceState): GenerationPlan {
  const full = spec?.lossy ? corruptAnswer(answer) : answer;
  const all = tokenize(full);
  const limit = maxTokens ?? Infinity;
  const tokens = all.slice(0, Math.max(0, limit));
  const finishReason: 'stop' | 'length' = tokens.length < all.length ? 'length' : 'stop';
  const groups: string[][] = [];
  const specSteps: SpecStep[] = [];
  let i = 0;
  if (tokens.length > 0) {
    groups.push([tokens[0]!]);
    i = 1;
  }
  while (i < tokens.length) {
    if (spec && spec.numSpeculativeTokens > 0) {
      const a = nextAccepted(state, spec);
      specSteps.push({ drafted: spec.numSpeculativeTokens, accepted: a });
      groups.push(tokens.slice(i, i + 1 + a));
      i += 1 + a;
    } else {
      groups.push([tokens[i]!]);
      i++;
    }
  }
  return { text: tokens.join(''), groups, completionTokens: tokens.length, finishReason, specSteps };
}
