// `matrix bisect`'s procedure over injected probe runs: optionally verify the good and bad refs,
// then binary-search the refs between them (bisect-search.ts). A probe whose verdict cannot decide
// (infra, flaky, skip) is run once more, then the bisect stops with a BisectError naming the ref.
// The probe runs themselves (normal runs, recorded in the store) are the caller's.
import type { Verdict } from '../core/cell.ts';
import { BisectError } from '../errors.ts';
import { BisectSearch, maxRuns, outcomeOf, type ProbeOutcome } from './bisect-search.ts';

/** One normal run of the cell with the image replaced by a ref. */
export interface ProbeRun {
  runId: string;
  verdict: Verdict;
  category: string | null;
  signature: string | null;
  /** The ref's digest (repo digest, or image id of a local build); null when unknown. */
  digest: string | null;
}

export interface BisectProbe extends ProbeRun {
  ref: string;
  /** Position of the ref in the ordered list (0: good, last: bad). */
  index: number;
  outcome: ProbeOutcome;
  /** verify: --verify's run of good or bad; search: a step of the search; retry: the same ref again after an undecided run. */
  purpose: 'verify' | 'search' | 'retry';
}

export interface BisectResult {
  refs: string[];
  /** Refs strictly between good and bad. */
  candidates: number;
  /** ⌈log2(candidates + 1)⌉: the most search runs (--verify adds two). */
  bound: number;
  probes: BisectProbe[];
  lastGood: number;
  firstBad: number;
  /** The failure the first bad ref shows, when it was run (a trusted bad ref is not). */
  signature: string | null;
  category: string | null;
}

export interface BisectHooks {
  probe(ref: string, index: number): Promise<ProbeRun>;
  onStart?(o: { candidates: number; bound: number; verify: boolean }): void;
  /** After each run; `planned` is the most runs the bisect will take (retries raise it). */
  onProbe?(p: BisectProbe, run: number, planned: number): void;
}

export async function bisectRefs(refs: readonly string[], o: { verify: boolean }, hooks: BisectHooks): Promise<BisectResult> {
  const search = new BisectSearch(refs.length);
  const candidates = refs.length - 2;
  const bound = maxRuns(candidates);
  const probes: BisectProbe[] = [];
  let planned = bound + (o.verify ? 2 : 0);
  hooks.onStart?.({ candidates, bound, verify: o.verify });

  const decide = async (index: number, purpose: BisectProbe['purpose']): Promise<'good' | 'bad'> => {
    for (const attempt of [purpose, 'retry'] as const) {
      const run = await hooks.probe(refs[index]!, index);
      const p: BisectProbe = { ...run, ref: refs[index]!, index, outcome: outcomeOf(run.verdict), purpose: attempt };
      probes.push(p);
      if (p.outcome === 'undecided' && attempt !== 'retry') planned++;
      hooks.onProbe?.(p, probes.length, planned);
      if (p.outcome !== 'undecided') return p.outcome;
    }
    throw undecided(probes.at(-1)!);
  };

  if (o.verify) {
    if ((await decide(0, 'verify')) === 'bad') throw contradicts('good-fails', probes.at(-1)!);
    if ((await decide(refs.length - 1, 'verify')) === 'good') throw contradicts('bad-passes', probes.at(-1)!);
  }
  for (let i = search.next(); i !== null; i = search.next()) search.record(i, await decide(i, 'search'));
  const { lastGood, firstBad } = search.result()!;
  const shown = [...probes].reverse().find((p) => p.index === firstBad && p.outcome === 'bad');
  return { refs: [...refs], candidates, bound, probes, lastGood, firstBad, signature: shown?.signature ?? null, category: shown?.category ?? null };
}

const why = (p: BisectProbe) => `${p.verdict}${p.signature ? ` (${p.signature})` : ''}`;

function undecided(p: BisectProbe): BisectError {
  return new BisectError(
    'undecided',
    `matrix bisect: ref ${p.ref} gave ${why(p)} twice: cannot decide whether it is good or bad (run ${p.runId})`,
    p.verdict === 'infra' ? 'the runner could not test: fix what the run names (Docker, image pull, GPU) and bisect again' : "the cell's outcome on this ref is not stable: look at the run's attempts, or leave the ref out of --between",
    p.verdict === 'infra' ? 3 : 1,
  );
}

function contradicts(problem: 'good-fails' | 'bad-passes', p: BisectProbe): BisectError {
  if (problem === 'good-fails') {
    return new BisectError(problem, `matrix bisect: --verify: the good ref ${p.ref} gave ${why(p)} (run ${p.runId})`, 'give an older --good that serves this cell (or the cell fails for a reason no image change explains: see the run)', 1);
  }
  return new BisectError(problem, `matrix bisect: --verify: the bad ref ${p.ref} gave ${why(p)}: nothing to bisect (run ${p.runId})`, 'give a --bad ref on which the cell fails', 1);
}
