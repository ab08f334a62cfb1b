// Shape checks every engine's facts must pass: each source read at a release inside its fact's span,
// releases oldest first with full commit ids.
import { expect } from 'vitest';
import { holdsAt } from '../../../../harness/engines/facts/query.ts';
import type { EngineFacts, Span, Sourced } from '../../../../harness/engines/facts/types.ts';

function allFacts(F: EngineFacts): Array<Span & Sourced> {
  const kinds = [F.launchers, F.flags, F.values, F.env, F.defaults, F.readiness, F.metrics, F.logLines, F.architectures, F.pins, F.requestFields ?? []];
  return kinds.flatMap((k) => [...k]);
}

export function expectSourcesInSpan(F: EngineFacts): void {
  for (const f of allFacts(F)) {
    expect(f.sources.length).toBeGreaterThan(0);
    for (const s of f.sources) {
      expect(holdsAt(f, s.release), `${s.release} outside ${f.since}..${f.until ?? 'newest'}`).toBe(true);
      expect(F.releases.some((r) => r.version === s.release)).toBe(true);
      expect(s.says.length).toBeGreaterThan(0);
    }
  }
}

export function expectReleasesInOrder(F: EngineFacts, first: string, last: string): void {
  const versions = F.releases.map((r) => r.version);
  expect([versions[0], versions.at(-1)]).toEqual([first, last]);
  for (const r of F.releases) expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
  expect([...versions].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))).toEqual(versions);
}
