// Remedies are semantic option changes (engine-neutral): apply one to a cell's options, and say it
// in words ("attention: triton, mm_attention: sdpa") for the console, the store and the report. Pure.
import type { SemanticOptions } from '../core/cell.ts';

export type RemedyChange = Partial<SemanticOptions>;

/** The options with the remedy's changes on top (the inputs are not modified). */
export function applyRemedy(options: SemanticOptions, remedy: RemedyChange): SemanticOptions {
  const out: SemanticOptions = structuredClone(options);
  for (const [k, v] of Object.entries(remedy) as Array<[keyof SemanticOptions, unknown]>) {
    if (v === undefined) continue;
    (out as Record<string, unknown>)[k] = typeof v === 'object' && v !== null ? structuredClone(v) : v;
  }
  return out;
}

function describeValue(v: unknown): string {
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${describeValue(x)}`).join(', ')}}`;
  }
  return String(v);
}

/** "mm_attention: sdpa" — a remedy in words, keys in the order they were written. */
export function describeRemedy(remedy: RemedyChange): string {
  return Object.entries(remedy)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${describeValue(v)}`)
    .join(', ');
}

/** True when the options already have every value the remedy sets (trying it would change nothing). */
export function remedyIsNoop(options: SemanticOptions, remedy: RemedyChange): boolean {
  return Object.entries(remedy).every(([k, v]) => JSON.stringify((options as Record<string, unknown>)[k]) === JSON.stringify(v));
}
