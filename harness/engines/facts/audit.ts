// The audit of one engine release: every fact of the harness checked against the engine's own source
// at the commit that stands for the release. Pure: the caller hands in a reader of that source
// (scripts/audit-engine.ts reads a bare git dir). Checks:
// - each cited line still contains its literal (else: where the literal moved to, or that it is gone);
// - each fact holding at the release is found there (flags, values, env, metrics, log lines, …);
// - each named fact (launcher, flag, value, env var, metric, log line, architecture, pin) NOT holding
//   at the release is absent there (so `since` and `until` are right), unless a fact that holds cites
//   a line containing the same literal (a flag that gained an alias). Only a fact's first literal is
//   checked for absence: it is the one that defines the fact (the ENTRYPOINT line of a launcher, the
//   flag's definition); later ones support it and may well outlive it. Defaults are not checked for
//   absence: the code line of an old default often survives in another branch of the new code;
// - a metric's declared type (Counter/Gauge/Histogram) and an architecture's registry table.
import { holdsAt, releaseFor } from './query.ts';
import type { Disagreement, EngineFacts, SourceLine, SourceReader, Span, Sourced } from './types.ts';
import { kindChecks } from './audit-kinds.ts';

export type { Disagreement, SourceReader } from './types.ts';

export interface AuditReport {
  engine: string;
  release: string;
  /** The read release whose facts were checked (the release itself when it was read). */
  factsOf: string;
  checked: number;
  /** Cited lines read at the release, and facts checked to be absent from it. */
  citedLines: number;
  absenceChecks: number;
  disagreements: Disagreement[];
}

export type AnyFact = Span & Sourced;

/** Every fact of an engine with a short label for reports. */
export function labelledFacts(facts: EngineFacts): Array<{ label: string; fact: AnyFact; named: boolean }> {
  const l = <T extends AnyFact>(list: readonly T[], name: (f: T) => string, named = true) =>
    list.map((fact) => ({ label: name(fact), fact: fact as AnyFact, named }));
  return [
    ...l(facts.launchers, (f) => `launcher ${f.entrypoint.join(' ')}`),
    ...l(facts.flags, (f) => `flag ${[f.flag, ...f.aliases].join('/')}`),
    ...l(facts.values, (f) => `values ${f.set} ${f.values.join(',')}`),
    ...l(facts.env, (f) => `env ${f.name}`),
    ...l(facts.defaults, (f) => `default ${f.id}`, false),
    ...l(facts.readiness, (f) => `readiness ${f.path}`, false),
    ...l(facts.metrics, (f) => `metric ${f.declared}`),
    ...l(facts.logLines, (f) => `log line "${f.text}"`),
    ...l(facts.architectures, (f) => `architecture ${f.architecture}`),
    ...l(facts.pins, (f) => `pin ${f.package} ${f.requirement}`),
    // A frame's code line often outlives its span in another function or file: checked present only.
    ...l(facts.frames ?? [], (f) => `frame ${f.path} in ${f.fn}`, false),
  ];
}

/** 1-based line numbers of `path` that contain `says`. */
export function findLiteral(reader: SourceReader, path: string, says: string): number[] {
  const lines = reader.lines(path);
  if (lines === null) return [];
  const out: number[] = [];
  lines.forEach((text, i) => { if (text.includes(says)) out.push(i + 1); });
  return out;
}

function checkCited(reader: SourceReader, s: SourceLine, exact: boolean): string | null {
  const lines = reader.lines(s.path);
  if (lines === null) return `${s.path} does not exist`;
  if (exact && lines[s.line - 1]?.includes(s.says)) return null;
  const found = findLiteral(reader, s.path, s.says);
  if (found.length === 0) return `${s.path} no longer contains ${JSON.stringify(s.says)}`;
  return exact ? `${s.path}:${s.line} does not say ${JSON.stringify(s.says)}; it is at line ${found.join(', ')}` : null;
}

/** Literals the facts holding at the release cite: an absent fact's literal inside one of them is explained. */
function heldLiterals(all: Array<{ fact: AnyFact }>, release: string): string[] {
  return all.filter((x) => holdsAt(x.fact, release)).flatMap((x) => x.fact.sources.map((s) => s.says));
}

function checkPresent(reader: SourceReader, label: string, fact: AnyFact, release: string, read: boolean): Disagreement[] {
  const at = fact.sources.filter((s) => s.release === release);
  // A release that was read must have its own citation; a new release is checked against the newest citation.
  const cited = at.length > 0 ? at : fact.sources.filter((s) => s.release === fact.sources.at(-1)?.release);
  const out: Disagreement[] = [];
  if (read && at.length === 0) out.push({ fact: label, problem: `holds at ${release} but cites no line read there` });
  for (const s of cited) {
    const problem = checkCited(reader, s, at.length > 0);
    if (problem) out.push({ fact: label, problem });
  }
  return out;
}

function checkAbsent(reader: SourceReader, label: string, fact: AnyFact, release: string, held: string[]): Disagreement[] {
  const seen = new Set<string>();
  const out: Disagreement[] = [];
  const defining = fact.sources[0]?.says;
  for (const s of fact.sources.filter((x) => x.says === defining)) {
    const key = `${s.path}\0${s.says}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = findLiteral(reader, s.path, s.says);
    if (found.length === 0 || held.some((h) => h.includes(s.says))) continue;
    out.push({ fact: label, problem: `outside its span (${fact.since}..${fact.until ?? 'newest'}) yet ${s.path}:${found[0]} at ${release} says ${JSON.stringify(s.says)}` });
  }
  return out;
}

/** Audits the facts that stand for `release` against `reader`, the source at that release. */
export function auditRelease(facts: EngineFacts, release: string, reader: SourceReader): AuditReport {
  const stand = releaseFor(facts, release);
  const factsOf = stand?.version ?? release;
  const read = facts.releases.some((r) => r.version === release);
  const all = labelledFacts(facts);
  const held = heldLiterals(all, factsOf);
  const disagreements: Disagreement[] = [];
  let citedLines = 0;
  let absenceChecks = 0;
  for (const { label, fact, named } of all) {
    if (holdsAt(fact, factsOf)) {
      citedLines += fact.sources.filter((s) => s.release === release).length;
      disagreements.push(...checkPresent(reader, label, fact, release, read));
    } else if (named) {
      absenceChecks++;
      disagreements.push(...checkAbsent(reader, label, fact, release, held));
    }
  }
  disagreements.push(...kindChecks(facts, factsOf, release, reader));
  return { engine: facts.engine, release, factsOf, checked: all.length, citedLines, absenceChecks, disagreements };
}

/** The report as the audit prints it: a header, one line per disagreement, a verdict. */
export function formatAudit(report: AuditReport, where: string): string {
  const lines = [
    `audit ${report.engine} ${report.release} (${where})`,
    report.factsOf === report.release ? `facts of ${report.release}` : `facts of ${report.factsOf}, the newest release read before ${report.release}`,
    `${report.checked} facts: ${report.citedLines} cited lines read at ${report.release}, ${report.absenceChecks} facts checked to be absent`,
    ...report.disagreements.map((d) => `DISAGREE ${d.fact}: ${d.problem}`),
    report.disagreements.length === 0 ? 'no disagreements' : `${report.disagreements.length} disagreement(s)`,
  ];
  return `${lines.join('\n')}\n`;
}
