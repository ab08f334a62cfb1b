// How `matrix diagnose` prints a Diagnosis: for people (title, explanation, evidence with line
// numbers, remedies in order) and as JSON for scripts.
import { describeRemedy } from '../diagnose/remedies.ts';
import type { Confidence, Diagnosis, TimelinePhase } from '../core/diagnosis.ts';
import { wrap } from '../run/reporters/wrap.ts';

export interface DiagnosisJson {
  file: string;
  category: string;
  /** How the category was reached: signature · generic · none (see harness/core/diagnosis.ts). */
  confidence: string;
  signature: string | null;
  title: string;
  phase: string | null;
  explanation: string;
  evidence: Array<{ line: number; text: string }>;
  remedies: Diagnosis['remedies'];
  links: string[];
  timeline?: TimelinePhase[];
}

export function toJson(file: string, d: Diagnosis, timeline?: TimelinePhase[]): DiagnosisJson {
  return {
    file,
    category: String(d.category),
    confidence: d.confidence ?? 'none',
    signature: d.signature,
    title: d.title,
    phase: d.phase,
    explanation: d.explanation,
    evidence: d.evidence.map((e) => ({ line: e.line, text: e.text })),
    remedies: d.remedies,
    links: d.links,
    ...(timeline ? { timeline } : {}),
  };
}

/** What each confidence means to a reader of `matrix diagnose`. */
const CONFIDENCE_WORDS: Record<Confidence, string> = {
  signature: 'signature (a known failure)',
  generic: 'generic (new wording; category from error names, exception words or frames)',
  learned: 'learned (no evidence; most like this category\'s logs, a guess)',
  none: 'none (no evidence of a category)',
};

export function formatDiagnosis(file: string, d: Diagnosis): string {
  const ok = d.category === 'healthy';
  const what = ok ? 'healthy' : `${d.category}${d.signature ? ` / ${d.signature}` : ''}`;
  const how = d.confidence && !ok ? `  [confidence: ${CONFIDENCE_WORDS[d.confidence]}]` : '';
  const lines = [`${file}`, `  ${ok ? '✓' : '✗'} ${what}${d.phase ? `  (phase: ${d.phase})` : ''}${how}`, `  ${d.title}`, ''];
  lines.push(...wrap(d.explanation, 99, '  ')); // 96 characters of text
  if (d.evidence.length) {
    const w = Math.max(...d.evidence.map((e) => String(e.line).length));
    lines.push('', '  evidence:');
    for (const e of d.evidence) lines.push(`    ${String(e.line).padStart(w)} │ ${e.text}`);
  }
  if (d.remedies.length) {
    lines.push('', '  remedies, in the order to try them:');
    d.remedies.forEach((r, i) => lines.push(`    ${i + 1}. ${describeRemedy(r)}`));
  } else if (!ok) {
    lines.push('', '  remedies: none known through serving options (see the explanation)');
  }
  if (d.links.length) lines.push('', '  links:', ...d.links.map((l) => `    ${l}`));
  return `${lines.join('\n')}\n`;
}

export function formatTimeline(phases: TimelinePhase[]): string {
  if (phases.length === 0) return '\n  startup timeline: no phases found in the log\n';
  const lines = ['', '  startup timeline:'];
  for (const p of phases) {
    const at = p.startS === null ? '      ?' : `${p.startS.toFixed(1).padStart(6)}s`;
    const dur = p.durationS === null ? '' : ` ${p.durationS}s`;
    const detail = Object.entries(p.detail).map(([k, v]) => `${k}=${v}`).join(' ');
    lines.push(`    ${at}  ${p.name.padEnd(13)}${dur}${detail ? `  ${detail}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
