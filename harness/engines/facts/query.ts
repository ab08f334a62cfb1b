// Questions over an engine's facts: which read release stands for a version, which facts hold at
// it, and how a source line is cited. Pure.
import { isOlder } from '../version.ts';
import type { EngineFacts, ReleaseRead, SourceLine, Span } from './types.ts';

/**
 * The read release that stands for `version`: the newest release read that is not newer than it
 * (0.11.2 → 0.11.1, 0.14.1 → 0.14.0). An unknown version (null) gets the newest release read;
 * a version older than every release read gets null (nothing is known about it).
 */
export function releaseFor(facts: EngineFacts, version: string | null | undefined): ReleaseRead | null {
  const newest = facts.releases.at(-1) ?? null;
  if (version === null || version === undefined) return newest;
  let hit: ReleaseRead | null = null;
  for (const r of facts.releases) if (!isOlder(version, r.version)) hit = r;
  return hit;
}

/** True when the fact's span contains the read release `release`. */
export function holdsAt(span: Span, release: string): boolean {
  if (isOlder(release, span.since)) return false;
  return span.until === null || !isOlder(span.until, release);
}

/** The facts of one kind that hold at `version` (through the read release that stands for it). */
export function factsAt<T extends Span>(facts: EngineFacts, list: readonly T[], version: string | null | undefined): T[] {
  const release = releaseFor(facts, version);
  return release === null ? [] : list.filter((f) => holdsAt(f, release.version));
}

/** The definition of `flag` at `version` (by its main spelling), or undefined when the release has none. */
export function flagAt(facts: EngineFacts, flag: string, version: string | null | undefined) {
  return factsAt(facts, facts.flags, version).find((f) => f.flag === flag);
}

/** The accepted values of a named set at `version` (empty when the release has no such set). */
export function valuesAt(facts: EngineFacts, set: string, version: string | null | undefined): readonly string[] {
  return factsAt(facts, facts.values, version).find((v) => v.set === set)?.values ?? [];
}

/** `<commit>:<path>:<line>` of a source line, the commit abbreviated to 12 hex digits. */
export function citation(facts: EngineFacts, s: SourceLine): string {
  const r = facts.releases.find((x) => x.version === s.release);
  return `${r ? r.commit.slice(0, 12) : s.release}:${s.path}:${s.line}`;
}

/** The source lines of a fact read at `release`, else its newest ones. */
export function sourcesFor(sources: readonly SourceLine[], release: string | null): SourceLine[] {
  const at = sources.filter((s) => s.release === release);
  if (at.length > 0) return at;
  const newest = sources.at(-1)?.release;
  return sources.filter((s) => s.release === newest);
}
