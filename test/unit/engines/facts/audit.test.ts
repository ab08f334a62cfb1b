import { describe, expect, it } from 'vitest';
import { auditRelease, formatAudit } from '../../../../harness/engines/facts/audit.ts';
import type { EngineFacts, SourceReader } from '../../../../harness/engines/facts/types.ts';

/** A two-release engine whose source is held in memory, per release. */
function facts(overrides: Partial<EngineFacts> = {}): EngineFacts {
  return {
    engine: 'vllm',
    upstream: 'example/engine',
    releases: [
      { version: '1.0.0', commit: 'a'.repeat(40), kind: 'tag', mirror: 'm', note: '' },
      { version: '1.1.0', commit: 'b'.repeat(40), kind: 'tag', mirror: 'm', note: '' },
    ],
    launchers: [],
    flags: [{
      flag: '--new', aliases: [], since: '1.1.0', until: null, definedIn: ['args.py'],
      sources: [{ release: '1.1.0', path: 'args.py', line: 2, says: '"--new"' }],
    }],
    values: [], env: [], defaults: [], readiness: [], logLines: [], architectures: [], pins: [],
    metrics: [{
      declared: 'x:requests', exposed: 'x:requests_total', type: 'counter', since: '1.0.0', until: null, definedIn: ['metrics.py'],
      sources: [
        { release: '1.0.0', path: 'metrics.py', line: 2, says: 'name="x:requests"' },
        { release: '1.1.0', path: 'metrics.py', line: 2, says: 'name="x:requests"' },
      ],
    }],
    ...overrides,
  };
}

function reader(files: Record<string, string>): SourceReader {
  return { lines: (p) => (p in files ? (files[p] ?? '').split('\n') : null) };
}

const v110 = { 'args.py': 'def add(p):\n    p.add_argument("--new")', 'metrics.py': 'c = Counter(\n    name="x:requests")' };

describe('auditRelease', () => {
  it('agrees with a source that says what the facts say', () => {
    const r = auditRelease(facts(), '1.1.0', reader(v110));
    expect(r.disagreements).toEqual([]);
    expect(r.citedLines).toBe(2);
  });

  it('reports a cited line that moved, with the line it moved to', () => {
    const r = auditRelease(facts(), '1.1.0', reader({ ...v110, 'args.py': '\n\n    p.add_argument("--new")' }));
    expect(r.disagreements).toEqual([{ fact: 'flag --new', problem: 'args.py:2 does not say "\\"--new\\""; it is at line 3' }]);
  });

  it('reports a flag found before its `since`', () => {
    const r = auditRelease(facts(), '1.0.0', reader(v110));
    expect(r.disagreements.map((d) => d.fact)).toEqual(['flag --new']);
    expect(r.disagreements[0]?.problem).toMatch(/outside its span \(1\.1\.0\.\.newest\) yet args\.py:2 at 1\.0\.0/);
  });

  it('reports a metric declared with another type than the facts say', () => {
    const r = auditRelease(facts(), '1.1.0', reader({ ...v110, 'metrics.py': 'g = Gauge(\n    name="x:requests")' }));
    expect(r.disagreements).toEqual([{ fact: 'metric x:requests', problem: 'declared as gauge at metrics.py:2, the facts say counter' }]);
  });

  it('checks an unread release against the newest facts by literal, not by line', () => {
    const r = auditRelease(facts(), '1.2.0', reader({ 'args.py': '\n\n\n"--new"', 'metrics.py': '' }));
    expect(r.factsOf).toBe('1.1.0');
    expect(r.disagreements).toEqual([{ fact: 'metric x:requests', problem: 'metrics.py no longer contains "name=\\"x:requests\\""' }]);
    expect(formatAudit(r, 'v1.2.0')).toContain('facts of 1.1.0, the newest release read before 1.2.0');
  });
});
