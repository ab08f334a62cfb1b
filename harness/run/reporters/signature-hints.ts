// What to do about each failure signature of a run, once per signature: the fix the knowledge base
// gives for an infra signature, the remedies of an engine failure (or "no known remedy"), or what the
// harness saw when the signature is its own (a timeout, a probe, an error with a hint). Pure.
import { isInfraSignature, signatureById } from '../../diagnose/knowledge-base.ts';
import { describeRemedy } from '../../diagnose/remedies.ts';
import type { Diagnosis } from '../../core/diagnosis.ts';
import type { Verdict } from '../../core/cell.ts';
import type { CellResult } from '../../core/events.ts';

export interface SignatureHint {
  signature: string;
  /** How many cells of each verdict carry it. */
  cells: Partial<Record<Verdict, number>>;
  title: string;
  /** What to do, in words. */
  todo: string;
}

/** The verdicts whose signature needs someone to act. */
const NEEDS_ACTION: readonly Verdict[] = ['fail', 'infra'];

export function signatureHints(results: readonly CellResult[]): SignatureHint[] {
  const hints = new Map<string, SignatureHint>();
  for (const r of results) {
    if (!NEEDS_ACTION.includes(r.verdict) || !r.signature) continue;
    let h = hints.get(r.signature);
    if (!h) hints.set(r.signature, (h = { signature: r.signature, cells: {}, ...hintOf(r) }));
    h.cells[r.verdict] = (h.cells[r.verdict] ?? 0) + 1;
  }
  return [...hints.values()];
}

function hintOf(r: CellResult): { title: string; todo: string } {
  const d = diagnosisOf(r);
  // The error's own hint is the most specific (an image missing because of --pull never, say).
  const own = d?.explanation.match(/\nWhat to do: ([^]*)$/)?.[1];
  if (d && own) return { title: d.title, todo: own };
  const known = signatureById(r.signature!);
  if (known && isInfraSignature(known)) return { title: known.title, todo: known.fix };
  if (known) {
    const remedies = known.remedies.map(describeRemedy);
    const todo = remedies.length ? `try ${remedies.join(' · or ')} (\`--triage\` tries them in turn)` : `no known remedy: ${known.explanation}`;
    return { title: known.title, todo: [todo, ...known.links.slice(0, 1)].join(' ') };
  }
  if (d) return { title: d.title, todo: d.explanation };
  // No attempt ran (the cell could not be scheduled): its reason is "what happened — what to do".
  const [title, ...rest] = (r.reason ?? r.signature!).split(' — ');
  return { title: title!, todo: rest.join(' — ') || 'no known remedy' };
}

function diagnosisOf(r: CellResult): Diagnosis | null {
  const attempts = r.attempts.filter((a) => a.diagnosis?.signature === r.signature);
  return attempts.at(-1)?.diagnosis ?? null;
}
