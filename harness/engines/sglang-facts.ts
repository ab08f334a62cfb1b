// Questions the SGLang adapter and the emulator ask of the SGLang facts (facts/sglang/): which release
// stands for an image's version, whether it defines a flag or accepts a value, the launcher, metric
// names. Pure; every answer comes from a fact with its upstream source.
import { SGLANG_FACTS as F } from './facts/sglang/index.ts';
import { factsAt, flagAt, releaseFor, valuesAt } from './facts/query.ts';
import type { FlagFact, LogLineFact, ValueSetId } from './facts/types.ts';

export { SGLANG_FACTS } from './facts/sglang/index.ts';

/** The read release that stands for `version` (null: unknown → newest; a version older than all read → null). */
export function sglangRelease(version: string | null | undefined): string | null {
  return releaseFor(F, version)?.version ?? null;
}

/** The flag definition at `version` by any of its option strings, or undefined when the release has none. */
export function sglangFlag(flag: string, version: string | null | undefined): FlagFact | undefined {
  return flagAt(F, flag, version) ?? factsAt(F, F.flags, version).find((f) => f.aliases.includes(flag));
}

/** The first release read that defines `flag`, or null when none does. */
export function sglangFlagSince(flag: string): string | null {
  return F.flags.find((f) => f.flag === flag || f.aliases.includes(flag))?.since ?? null;
}

/** The argparse choices of a value set at `version` (empty when the release has no such flag). */
export function sglangValues(set: ValueSetId, version: string | null | undefined): readonly string[] {
  return valuesAt(F, set, version);
}

/** `python3 -m sglang.launch_server` as the facts give it for `version`. */
export function sglangLauncher(version: string | null | undefined): readonly string[] {
  const l = factsAt(F, F.launchers, version)[0] ?? F.launchers.at(-1);
  if (l === undefined) throw new Error('sglang facts name no launcher');
  return l.entrypoint;
}

/** The exposed name of a metric the newest release read declares (throws when the facts lack it). */
export function sglangMetric(declared: string, version: string | null = null): string {
  const m = factsAt(F, F.metrics, version).find((x) => x.declared === declared);
  if (m === undefined) throw new Error(`sglang facts declare no metric ${declared}`);
  return m.exposed;
}

/** The log line of a given text at `version`, or undefined when that release does not print it. */
export function sglangLogLine(text: string, version: string | null | undefined): LogLineFact | undefined {
  return factsAt(F, F.logLines, version).find((l) => l.text === text);
}

/** The value of a default or automatic decision at `version`, or undefined when none holds there. */
export function sglangDefault(id: string, version: string | null | undefined): string | undefined {
  return factsAt(F, F.defaults, version).find((d) => d.id === id)?.value;
}

/** Whether the release registers `architecture` (EntryClass); null when no release read registers it (unknown to the facts). */
export function sglangLoads(architecture: string, version: string | null | undefined): boolean | null {
  const known = F.architectures.filter((a) => a.architecture === architecture);
  if (known.length === 0) return null;
  return factsAt(F, known, version).length > 0;
}

/** The per-request meta_info fields (speculative counts) the release returns from /generate. */
export function sglangRequestFields(version: string | null | undefined): string[] {
  return factsAt(F, F.requestFields ?? [], version).map((f) => f.field);
}
