// Small helpers the engine modules share: compact JSON flag values and raw-arg look-ups.

/** Compact JSON as engines' CLI parsers expect it: `{"method":"mtp","num_speculative_tokens":2}`. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * True when the raw args already carry `flag` (as `--flag value`, `--flag=value`, or with
 * underscores instead of dashes, as vLLM's FlexibleArgumentParser accepts).
 */
export function hasFlag(args: readonly string[], flag: string): boolean {
  const want = normaliseFlag(flag);
  return args.some((a) => a.startsWith('--') && normaliseFlag(a.split('=', 1)[0] ?? a) === want);
}

function normaliseFlag(flag: string): string {
  return flag.replace(/_/g, '-');
}

/** The outcome of mapping one semantic option: flags to add, or why the engine cannot express it. */
export type OptionFlags = { flags: string[] } | { unsupported: string };

export const none: OptionFlags = { flags: [] };

export function flags(...f: string[]): OptionFlags {
  return { flags: f };
}

/** Runs the mappers in order; the first unsupported answer wins. */
export function collect(results: OptionFlags[]): { flags: string[] } | { unsupported: string } {
  const out: string[] = [];
  for (const r of results) {
    if ('unsupported' in r) return r;
    out.push(...r.flags);
  }
  return { flags: out };
}

/** `--revision REV` (vLLM and SGLang spell it alike) when the matrix pins one other than main. */
export function revisionFlag(revision: string | null | undefined): string[] {
  return revision && revision !== 'main' ? ['--revision', revision] : [];
}
