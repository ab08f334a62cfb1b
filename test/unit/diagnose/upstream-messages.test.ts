// Every engine message read from upstream source is well formed, matches its own example, and
// decides its category when a log raises it.
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../harness/core/diagnosis.ts';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { UPSTREAM_MESSAGES } from '../../../harness/diagnose/upstream-messages.ts';

describe('upstream messages', () => {
  it.each(UPSTREAM_MESSAGES.map((m) => [m.source, m] as const))('%s', (_source, m) => {
    expect(CATEGORIES).toContain(m.category);
    expect(m.category).not.toMatch(/^(?:healthy|unknown)$/);
    expect(m.source).toMatch(/^[\w.-]+:[\w./-]+\.(?:py|cc|cu|cuh|cpp|c|h|hpp|rs|txt|h\.in|go):\d+(?:-\d+)?$/);
    expect(m.re.test(m.example)).toBe(true);
    const log = ['Traceback (most recent call last):', '  File "/app/server.py", line 10, in main', '    start()', `RuntimeError: ${m.example}`].join('\n');
    expect(classifyLog(log).category).toBe(m.category);
  });
  it('has no two messages with the same source line and category', () => {
    const keys = UPSTREAM_MESSAGES.map((m) => `${m.source} ${m.category} ${m.re.source}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
