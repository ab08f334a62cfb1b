// Scoring the classifier against a labelled corpus (test/fixtures/logs/<category>/<name>.log):
// overall accuracy, per-category table, and the worst mistake, healthy logs called failures. Pure.
import { classifyLog } from './classify.ts';
import type { EvidenceLine } from './types.ts';

export interface CorpusEntry {
  /** Expected category (the folder name). */
  label: string;
  name: string;
  text: string;
}

export interface CorpusResult {
  name: string;
  label: string;
  got: string;
  signature: string | null;
  evidence: EvidenceLine[];
  ok: boolean;
}

export interface AccuracyReport {
  total: number;
  correct: number;
  accuracy: number;
  perCategory: Array<{ category: string; total: number; correct: number }>;
  /** Healthy logs that were called failures: must be none. */
  healthyCalledFailure: CorpusResult[];
  /** Failures that were called healthy. */
  failureCalledHealthy: CorpusResult[];
  results: CorpusResult[];
}

export function scoreCorpus(entries: readonly CorpusEntry[]): AccuracyReport {
  const results = entries.map((e) => {
    const d = classifyLog(e.text);
    return { name: e.name, label: e.label, got: String(d.category), signature: d.signature, evidence: d.evidence, ok: d.category === e.label };
  });
  const cats = [...new Set(results.map((r) => r.label))].sort();
  const correct = results.filter((r) => r.ok).length;
  return {
    total: results.length,
    correct,
    accuracy: results.length ? correct / results.length : 0,
    perCategory: cats.map((c) => {
      const rs = results.filter((r) => r.label === c);
      return { category: c, total: rs.length, correct: rs.filter((r) => r.ok).length };
    }),
    healthyCalledFailure: results.filter((r) => r.label === 'healthy' && r.got !== 'healthy'),
    failureCalledHealthy: results.filter((r) => r.label !== 'healthy' && r.got === 'healthy'),
    results,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** "classifier accuracy: 44/45 = 97.8%" and the per-category table, then each miss. */
export function formatAccuracy(r: AccuracyReport): string {
  const w = Math.max(8, ...r.perCategory.map((c) => c.category.length));
  const lines = [
    `classifier accuracy: ${r.correct}/${r.total} = ${pct(r.accuracy)}`,
    `healthy called failure: ${r.healthyCalledFailure.length}; failure called healthy: ${r.failureCalledHealthy.length}`,
    `${'category'.padEnd(w)}  correct/total`,
    ...r.perCategory.map((c) => `${c.category.padEnd(w)}  ${c.correct}/${c.total}`),
  ];
  for (const m of r.results.filter((x) => !x.ok)) lines.push(`miss: ${m.label}/${m.name} → ${m.got}${m.signature ? ` (${m.signature})` : ''}`);
  return lines.join('\n');
}
