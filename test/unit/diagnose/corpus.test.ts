// The classifier on the labelled corpus of real logs from public vLLM and SGLang issues
// (test/fixtures/logs/<category>/<name>.log). Prints the accuracy figure for the record.
import { describe, expect, it } from 'vitest';
import { formatAccuracy, scoreCorpus } from '../../../harness/diagnose/accuracy.ts';
import { CATEGORIES } from '../../../harness/diagnose/types.ts';
import { readCorpus } from '../../../scripts/corpus-accuracy.ts';

const corpus = readCorpus();
const report = scoreCorpus(corpus);

describe('classifier on the corpus of real logs', () => {
  it('has at least 45 labelled logs, each with its source, in known categories, with 6+ healthy ones', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(45);
    for (const e of corpus) {
      expect(CATEGORIES as readonly string[], `${e.label}/${e.name}`).toContain(e.label);
      expect(e.text.split('\n')[0], `${e.label}/${e.name} needs a "# source: <url>" first line`).toMatch(/^# source: https:\/\//);
    }
    expect(corpus.filter((e) => e.label === 'healthy').length).toBeGreaterThanOrEqual(6);
    expect(corpus.some((e) => e.label === 'healthy' && e.name.startsWith('sglang'))).toBe(true);
  });

  it('reaches 95% accuracy and never calls a healthy log a failure', () => {
    console.log(formatAccuracy(report));
    expect(report.healthyCalledFailure).toEqual([]);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every failure evidence lines that exist in the log', () => {
    for (const e of corpus.filter((x) => x.label !== 'healthy')) {
      const lines = e.text.split('\n');
      const r = report.results.find((x) => x.name === e.name && x.label === e.label)!;
      if (!r.ok) continue;
      expect(r.evidence.length, e.name).toBeGreaterThan(0);
      for (const ev of r.evidence) expect(lines[ev.line - 1]!.trimEnd().startsWith(ev.text.replace(/…$/, '').slice(0, 40)) || ev.text.startsWith('…'), `${e.name}:${ev.line}`).toBe(true);
    }
  });
});
