// What `matrix bisect` prints: its plan, a line per probe run, the answer, and the --json result.
import type { BisectProbe, BisectResult } from '../run/bisect.ts';
import { repositoryOf } from '../run/bisect-refs.ts';

/** A ref as people read it: the tag or digest alone when it is of the cell's repository. */
export function shortRef(ref: string, cellRef: string): string {
  const repo = repositoryOf(cellRef);
  return ref.startsWith(`${repo}:`) || ref.startsWith(`${repo}@`) ? ref.slice(repo.length + 1) : ref;
}

const shortDigest = (d: string | null) => (d ? ` (${d.length > 19 ? `${d.slice(0, 19)}…` : d})` : '');
const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

export function startLine(cellId: string, refs: readonly string[], o: { candidates: number; bound: number; verify: boolean }, cellRef: string): string {
  const ends = `between ${shortRef(refs[0]!, cellRef)} (good) and ${shortRef(refs.at(-1)!, cellRef)} (bad)`;
  const verify = o.verify ? ` + 2 to verify good and bad` : '';
  return `bisect ${cellId}: ${o.candidates} candidate${o.candidates === 1 ? '' : 's'} ${ends}, ≤ ${runs(o.bound)}${verify}\n`;
}

export function probeLine(p: BisectProbe, run: number, planned: number, cellRef: string): string {
  const why = p.signature ? ` (${p.signature})` : '';
  const note = p.purpose === 'verify' ? ' [verify]' : p.purpose === 'retry' ? ' [retry]' : '';
  const outcome = p.outcome === 'undecided' ? 'cannot decide' : p.outcome;
  return `  run ${run}/${planned}: ${shortRef(p.ref, cellRef)} → ${p.verdict}${why}: ${outcome}${note}  (run ${p.runId})\n`;
}

export interface Answer {
  lastGood: { ref: string; digest: string | null };
  firstBad: { ref: string; digest: string | null };
}

export function answerLine(r: BisectResult, a: Answer, cellRef: string): string {
  const appears = r.signature ? ` · appears: ${r.signature}` : ' · signature unknown: the bad ref was trusted, not run (--verify runs it)';
  return `first bad: ${shortRef(a.firstBad.ref, cellRef)}${shortDigest(a.firstBad.digest)} · last good: ${shortRef(a.lastGood.ref, cellRef)}${shortDigest(a.lastGood.digest)} · ${runs(r.probes.length)}${appears}\n`;
}

/** `matrix bisect --json`. Later versions add fields, never remove them. */
export function bisectJson(id: string, cellId: string, r: BisectResult, a: Answer, where: { db: string; report: string | null }) {
  return {
    bisect: id,
    cell: cellId,
    refs: r.refs,
    candidates: r.candidates,
    bound: r.bound,
    runs: r.probes.length,
    firstBad: a.firstBad,
    lastGood: a.lastGood,
    signature: r.signature,
    category: r.category,
    probes: r.probes.map((p) => ({ run: p.runId, ref: p.ref, digest: p.digest, verdict: p.verdict, signature: p.signature, outcome: p.outcome, purpose: p.purpose })),
    db: where.db,
    report: where.report,
  };
}
