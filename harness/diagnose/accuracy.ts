// Scoring the classifier against a labelled corpus (test/fixtures/logs/<category>/<name>.log):
// overall accuracy, per-category table, and the worst mistake, healthy logs called failures. Pure.
import { classifyLog } from './classify.ts';
import type { EvidenceLine } from '../core/diagnosis.ts';
import { NEAR_COPY_SHARE, nearCopies, type NamedText } from './near-copies.ts';

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
  /** How the classifier reached its category (signature · generic · none). */
  confidence: string;
  signature: string | null;
  evidence: EvidenceLine[];
  ok: boolean;
}

export interface AccuracyReport {
  total: number;
  correct: number;
  accuracy: number;
  perCategory: Array<{ category: string; total: number; correct: number }>;
  /** Healthy logs that were called failures (a failure category): must be none. */
  healthyCalledFailure: CorpusResult[];
  /**
   * Healthy logs called `unknown`: no failure, but no positive sign of health either (an excerpt cut
   * before any startup step finished reads like a hung start). Lost recall, not a failure verdict.
   */
  healthyCalledUnknown: CorpusResult[];
  /** Failures that were called healthy. */
  failureCalledHealthy: CorpusResult[];
  /** confusion[expected][got] = how many logs labelled `expected` were classified `got`. */
  confusion: Record<string, Record<string, number>>;
  results: CorpusResult[];
  /** Logs of this part that are near-copies of the other part's (near-copies.ts), and the score without them; set by withNearCopies. */
  nearCopies?: NearCopyFigures;
}

export interface NearCopyFigures {
  /** This part and the part its logs were compared with ("held-out", "tuning"). */
  part: string;
  other: string;
  /** The share of a log's lines one log of the other part holds that makes it a near-copy. */
  share: number;
  count: number;
  /** Of those, read right. */
  correct: number;
  /** The score of this part without them. */
  without: { correct: number; total: number };
}

/** The report of `logs` with those that nearly copy a log of `others` counted (near-copies.ts), and its score without them. */
export function withNearCopies(r: AccuracyReport, logs: readonly NamedText[], others: readonly NamedText[], part: string, other: string): AccuracyReport {
  const near = nearCopies(logs, others, NEAR_COPY_SHARE);
  const isNear = (x: CorpusResult): boolean => near.has(`${x.label}/${x.name}`);
  const copies = r.results.filter(isNear);
  const rest = r.results.filter((x) => !isNear(x));
  return {
    ...r,
    nearCopies: { part, other, share: NEAR_COPY_SHARE, count: copies.length, correct: copies.filter((x) => x.ok).length, without: { correct: rest.filter((x) => x.ok).length, total: rest.length } },
  };
}

export function scoreCorpus(entries: readonly CorpusEntry[]): AccuracyReport {
  const results = entries.map((e) => {
    const d = classifyLog(e.text);
    return { name: e.name, label: e.label, got: String(d.category), confidence: d.confidence ?? 'none', signature: d.signature, evidence: d.evidence, ok: d.category === e.label };
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
    healthyCalledFailure: results.filter((r) => r.label === 'healthy' && r.got !== 'healthy' && r.got !== 'unknown'),
    healthyCalledUnknown: results.filter((r) => r.label === 'healthy' && r.got === 'unknown'),
    failureCalledHealthy: results.filter((r) => r.label !== 'healthy' && r.got === 'healthy'),
    confusion: confusionOf(results),
    results,
  };
}

function confusionOf(results: readonly CorpusResult[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of results) {
    const row = (out[r.label] ??= {});
    row[r.got] = (row[r.got] ?? 0) + 1;
  }
  return out;
}

/** Rows: the label; columns: what the classifier said; each column headed by its number. */
export function formatConfusion(r: AccuracyReport): string {
  const rows = Object.keys(r.confusion).sort();
  const cols = [...new Set([...rows, ...Object.values(r.confusion).flatMap((x) => Object.keys(x))])].sort();
  const w = Math.max(8, ...rows.map((c) => c.length));
  const cw = Math.max(3, ...rows.map((row) => Math.max(...Object.values(r.confusion[row]!)).toString().length + 1));
  const head = `${'label \\ got'.padEnd(w + 4)}${cols.map((_, i) => String(i + 1).padStart(cw)).join('')}`;
  const body = rows.map((row) => `${row.padEnd(w)} ${String(cols.indexOf(row) + 1).padStart(2)} ${cols.map((c) => (r.confusion[row]![c] ? String(r.confusion[row]![c]) : '·').padStart(cw)).join('')}`);
  const legend = cols.map((c, i) => `${i + 1} ${c}`).join(' · ');
  return [head, ...body, `columns: ${legend}`].join('\n');
}

/** "signature 120 (118 right) · generic 30 (29 right) · none 34 (31 right)". */
function confidenceCounts(results: readonly CorpusResult[]): string {
  return ['signature', 'generic', 'learned', 'none']
    .filter((c) => c !== 'learned' || results.some((x) => x.confidence === c))
    .map((c) => {
      const rs = results.filter((x) => x.confidence === c);
      return `${c} ${rs.length} (${rs.filter((x) => x.ok).length} right)`;
    })
    .join(' · ');
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** "held-out logs that are near-copies of tuning logs (≥ 75 % of their lines in one): 34 (31 right); without them: 2147/2503 = 85.8%". */
function formatNearCopies(n: NearCopyFigures): string {
  const without = n.without.total ? `${n.without.correct}/${n.without.total} = ${pct(n.without.correct / n.without.total)}` : 'none left';
  return `${n.part} logs that are near-copies of ${n.other} logs (≥ ${Math.round(n.share * 100)} % of their lines in one): ${n.count} (${n.correct} right); without them: ${without}`;
}

/** "classifier accuracy: 44/45 = 97.8%" and the per-category table, then each miss. */
export function formatAccuracy(r: AccuracyReport): string {
  const w = Math.max(8, ...r.perCategory.map((c) => c.category.length));
  const lines = [
    `classifier accuracy: ${r.correct}/${r.total} = ${pct(r.accuracy)}`,
    `healthy called failure: ${r.healthyCalledFailure.length}; failure called healthy: ${r.failureCalledHealthy.length}; healthy called unknown (no sign of health): ${r.healthyCalledUnknown.length}`,
    ...(r.nearCopies ? [formatNearCopies(r.nearCopies)] : []),
    `${'category'.padEnd(w)}  correct/total`,
    ...r.perCategory.map((c) => `${c.category.padEnd(w)}  ${`${c.correct}/${c.total}`.padStart(7)}  ${pct(c.total ? c.correct / c.total : 0).padStart(6)}`),
  ];
  lines.push(`decided by: ${confidenceCounts(r.results)}`);
  lines.push('', 'confusion matrix:', formatConfusion(r));
  const misses = r.results.filter((x) => !x.ok);
  if (misses.length) lines.push('', `misses (${misses.length}):`);
  for (const m of misses) {
    lines.push(`  ${m.label}/${m.name} → ${m.got}${m.signature ? ` (${m.signature})` : ''} [${m.confidence}]`);
    const first = m.evidence[0];
    if (first) lines.push(`      line ${first.line}: ${first.text.slice(0, 160)}`);
  }
  return lines.join('\n');
}
