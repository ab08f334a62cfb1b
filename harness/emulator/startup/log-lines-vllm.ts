// The startup log lines of the emulated vLLM release, in that release's own words: the format
// strings come from the log-line facts (harness/engines/facts/vllm/log-lines.ts), so the phase
// parser reads the emulator's log exactly as it reads the real release's. Pure.
import { factsAt, releaseFor, sourcesFor, VLLM_FACTS, type LogLineFact } from '../../engines/facts/index.ts';

/** Python's %-formatting for the conversions vLLM's logger calls use: %s, %d, %.Nf. */
export function printf(format: string, args: ReadonlyArray<string | number>): string {
  let i = 0;
  return format.replace(/%(?:\.(\d+))?([sdf])/g, (_m, digits: string | undefined, conv: string) => {
    const v = args[i++];
    if (v === undefined) return '';
    if (conv === 's') return String(v);
    if (conv === 'd') return String(Math.trunc(Number(v)));
    return Number(v).toFixed(digits === undefined ? 6 : Number(digits));
  });
}

/** The number of conversions in a format string. */
export function conversions(format: string): number {
  return (format.match(/%(?:\.\d+)?[sdf]/g) ?? []).length;
}

/** The format string of the release's log line that starts with `prefix` (null version: the newest release read). */
export function vllmLogFormat(prefix: string, version: string | null): string {
  const fact = factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).find((l) => l.text.startsWith(prefix));
  if (fact === undefined) throw new Error(`no vLLM log line starting "${prefix}" in the facts of ${version ?? 'the newest release'}`);
  return fact.text;
}

/** The release's log line starting with `prefix`, formatted with `args`. */
export function vllmLogLine(prefix: string, version: string | null, ...args: Array<string | number>): string {
  return printf(vllmLogFormat(prefix, version), args);
}

/** Whether the release's logger has a line whose format contains `literal` (a startup line not every release prints). */
export function vllmHasLogLine(literal: string, version: string | null): boolean {
  return lineFact(literal, version) !== undefined;
}

/** The release's fact for a log line whose format contains `literal` (or is contained in it), if it logs one. */
function lineFact(literal: string, version: string | null): LogLineFact | undefined {
  return factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).find((l) => l.text.includes(literal) || literal.includes(l.text));
}

/** `file.py:line` of a fact's source at the release that stands for `version` (its `nth` there), else its newest. */
function tagOf(fact: LogLineFact, version: string | null, nth = 0): string {
  const sources = sourcesFor(fact.sources, releaseFor(VLLM_FACTS, version)?.version ?? null);
  const s = sources[Math.min(nth, sources.length - 1)]!;
  return `${s.path.split('/').at(-1)}:${s.line}`;
}

/**
 * The `file.py:line` tag the release prints on the log line whose format contains `literal`: the
 * line the facts cite at that release (the format string's line, which for a call spread over
 * several lines is a line or two below the logger call's first line).
 */
export function vllmTag(literal: string, version: string | null): string {
  const fact = lineFact(literal, version);
  if (fact === undefined) throw new Error(`no vLLM log line with "${literal}" in the facts of ${version ?? 'the newest release'}`);
  return tagOf(fact, version);
}

/** How the release names and tags its choice of the language model's attention backend. */
export interface BackendChoice {
  /** The semantic backend in use. */
  backend: string;
  /** Asked for (--attention-backend / VLLM_ATTENTION_BACKEND) rather than chosen by default. */
  explicit: boolean;
  /** The release's name for it (FLASH_ATTN). */
  name: string;
  /** The names of the valid backends a default choice was made among. */
  potential: readonly string[];
}

/** The backend-selection line of the release (facts/vllm/log-lines-backend.ts), tagged, or null when it has none. */
export function vllmBackendLine(version: string | null, c: BackendChoice): { where: string; text: string } | null {
  const chosen = c.explicit ? 'explicit' : 'default';
  const lines = factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).filter((l) => l.phase === 'backend-selection' && l.when !== undefined);
  const fits = (l: LogLineFact) => (l.when?.backend ?? c.backend) === c.backend && (l.when?.chosen ?? chosen) === chosen;
  // The most specific line first: one for this backend chosen this way, then one for either way.
  const fact = lines.find((l) => fits(l) && l.when?.backend !== undefined && l.when.chosen !== undefined) ?? lines.find(fits);
  if (fact === undefined) return null;
  const args = c.explicit ? [`AttentionBackendEnum.${c.name}`] : [c.name, `[${c.potential.map((p) => `'${p}'`).join(', ')}]`];
  // A literal line cited twice at a release: the first is the asked-for branch, the second the default one.
  return { where: tagOf(fact, version, c.explicit ? 0 : 1), text: printf(fact.text, args) };
}
