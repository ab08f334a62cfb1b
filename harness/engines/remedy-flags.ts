// A remedy in the engine's own words: the flags (and env) a fix adds to the cell's command, by
// running the engine's one (cell, options) → argv function on the options before and after the
// fix — never derived a second time here.
import type { SemanticOptions } from '../core/cell.ts';
import type { CommandInput, Engine } from './engine.ts';

export interface RemedyFlags {
  /** Flag groups (a flag and its values) the fixed command has and the cell's had not, in order. */
  flags: string[];
  /** Flag groups (and `VAR=value` env) the fix takes away (an option set back to the engine's default). */
  removed: string[];
  /** Env variables the fix sets or changes. */
  env: Record<string, string>;
}

/** argv as groups: a `--flag` with the values that follow it, or a lone positional. */
function groups(argv: string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-') || out.length === 0) out.push(a);
    else out[out.length - 1] += ` ${a}`;
  }
  return out;
}

/** What `fix` adds to the command of a cell run with `input`, or null when the engine cannot express it. */
export function remedyFlags(engine: Engine, input: CommandInput, fix: Partial<SemanticOptions>): RemedyFlags | null {
  const before = engine.command(input);
  const options = { ...input.options, ...fix } as SemanticOptions;
  const after = engine.command({ ...input, options });
  if (!('argv' in after) || !('argv' in before)) return null;
  const had = new Set(groups(before.argv));
  const has = new Set(groups(after.argv));
  const envBefore = engine.env?.(input.options, input.version) ?? {};
  const envAfter = engine.env?.(options, input.version) ?? {};
  return {
    flags: groups(after.argv).filter((g) => !had.has(g)),
    removed: [...groups(before.argv).filter((g) => !has.has(g)), ...Object.entries(envBefore).filter(([k]) => !(k in envAfter)).map(([k, v]) => `${k}=${v}`)],
    env: Object.fromEntries(Object.entries(envAfter).filter(([k, v]) => envBefore[k] !== v)),
  };
}
