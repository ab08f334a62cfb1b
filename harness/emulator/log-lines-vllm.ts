// The startup log lines of the emulated vLLM release, in that release's own words: the format
// strings come from the log-line facts (harness/engines/facts/vllm/log-lines.ts), so the phase
// parser reads the emulator's log exactly as it reads the real release's. Pure.
import { factsAt, VLLM_FACTS } from '../engines/facts/index.ts';

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
  return factsAt(VLLM_FACTS, VLLM_FACTS.logLines, version).some((l) => l.text.includes(literal) || literal.includes(l.text));
}
