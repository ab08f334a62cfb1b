// Options more than one verb takes, declared once, and the parsers that give options their types.
// A verb spreads what it shares (`...SELECTION`, `db: DB`) and may reword a description.
import { UsageError } from '../errors.ts';
import { parseShard } from '../plan/select.ts';
import { DEFAULT_DB_PATH } from '../store/db.ts';
import type { OptionSpec } from './command.ts';

/** A whole number within [min, max]; the message says the range the way a person would. */
export function wholeNumber(min: number, max?: number, range?: string): (value: string, flag: string) => number {
  const words = range ?? (max !== undefined ? `a whole number from ${min} to ${max}` : min === 1 ? 'a positive whole number' : `a whole number ≥ ${min}`);
  return (value, flag) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) throw new UsageError(`--${flag} must be ${words} (got "${value}")`);
    return n;
  };
}

/** Which cells: --gpu, --only, --shard (plan, run; models takes --gpu and --only). */
export const SELECTION = {
  gpu: { type: 'string', arg: 'NAME', multiple: true, description: 'only cells on these GPUs (names or aliases, comma-separated)' },
  only: { type: 'string', arg: 'GLOB', multiple: true, description: 'only cells whose id matches (* and ? within a segment, ** across)' },
  shard: { type: 'string', arg: 'I/N', description: 'only part I of N of the selected cells', parse: (v: string) => parseShard(v) },
} as const satisfies Record<string, OptionSpec>;

export const ALLOW_EMPTY = { type: 'boolean', description: 'a selection of zero cells succeeds (exit 0) instead of being an error' } as const satisfies OptionSpec;

/** The results database (run, report, serve). */
export const DB = { type: 'string', arg: 'PATH', default: DEFAULT_DB_PATH, description: 'results database' } as const satisfies OptionSpec;

/** Runs of history the report includes (report, serve; defaults differ). */
export const historyRuns = (fallback: number) => ({ type: 'string', arg: 'N', default: String(fallback), description: 'runs of history to include', parse: wholeNumber(1) }) as const satisfies OptionSpec;
