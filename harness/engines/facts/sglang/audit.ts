// The audit of the SGLang facts of one release against SGLang's source at the commit that stands for
// it. Pure: the caller hands in a reader of that source (scripts/audit-sglang.ts reads a bare git dir).
// Checks, besides every cited line still saying its literal:
// - a flag holds exactly where server_args.py defines it as an option string;
// - a value set equals the argparse `choices` the release gives its flag, in order;
// - a metric's declared type is the prometheus_client class its `name=` belongs to, and a metric that
//   does not hold is not declared;
// - the image has no ENTRYPOINT (the launcher is the command);
// - an architecture, log line or metric that does not hold at the release is absent where it is cited.
import { holdsAt } from '../query.ts';
import type { EngineFacts, SourceLine, Span, Sourced } from '../types.ts';
import { SGLANG_FACTS } from './index.ts';

/** The source of one release, by path (null: no such file there). */
export interface SourceLines {
  lines(path: string): readonly string[] | null;
}

export interface Finding {
  fact: string;
  problem: string;
}

export interface SglangAudit {
  release: string;
  checked: number;
  findings: Finding[];
}

const SERVER_ARGS = 'python/sglang/srt/server_args.py';
const COLLECTOR = 'python/sglang/srt/metrics/collector.py';
const CHOICE_FLAGS: Readonly<Record<string, string>> = {
  'attention-backend': '--attention-backend',
  'mm-encoder-attention-backend': '--mm-attention-backend',
  'speculative-method': '--speculative-algorithm',
};

function cited(src: SourceLines, label: string, s: SourceLine): Finding[] {
  const lines = src.lines(s.path);
  if (lines === null) return [{ fact: label, problem: `${s.path} does not exist` }];
  if (lines[s.line - 1]?.includes(s.says)) return [];
  const at = lines.flatMap((l, i) => (l.includes(s.says) ? [i + 1] : []));
  return [{ fact: label, problem: at.length ? `${s.path}:${s.line} does not say ${JSON.stringify(s.says)}; line ${at.join(', ')} does` : `${s.path} no longer says ${JSON.stringify(s.says)}` }];
}

/** Every option string server_args.py defines. */
export function optionStrings(src: SourceLines): Set<string> {
  const out = new Set<string>();
  for (const l of src.lines(SERVER_ARGS) ?? []) {
    const m = /^\s*(?:parser\.add_argument\()?\s*"(--[a-z0-9-]+)",/.exec(l);
    if (m) out.add(m[1]!);
  }
  return out;
}

/** The argparse choices of `flag`: an inline list, a list opened on the choices line, or a named list. */
export function choicesOf(src: SourceLines, flag: string): string[] | null {
  const lines = src.lines(SERVER_ARGS) ?? [];
  const at = lines.findIndex((l) => l.includes(`"${flag}",`));
  if (at < 0) return null;
  const offset = lines.slice(at, at + 8).findIndex((l) => l.includes('choices='));
  if (offset < 0) return null;
  const line = lines[at + offset]!;
  const rest = line.slice(line.indexOf('choices=') + 8).trim();
  if (rest.startsWith('[') && rest.replace(/,$/, '').endsWith(']')) return [...rest.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const start = rest.startsWith('[') ? at + offset + 1 : lines.findIndex((l) => new RegExp(`^\\s*${rest.replace(/,$/, '')}\\s*=\\s*\\[`).test(l)) + 1;
  if (start <= 0) return null;
  const out: string[] = [];
  for (let i = start; i < lines.length && !lines[i]!.trim().startsWith(']'); i++) {
    const m = /^\s*"([^"]+)",/.exec(lines[i]!);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** The prometheus_client class whose call declares `name=` in collector.py, or null when none does. */
export function metricClass(src: SourceLines, name: string): string | null {
  const lines = src.lines(COLLECTOR) ?? [];
  const at = lines.findIndex((l) => l.includes(`name="${name}"`));
  for (let i = at; i >= 0; i--) {
    const m = /\b(Gauge|Counter|Histogram)\(/.exec(lines[i]!);
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

type AnyFact = Span & Sourced;

/** The cited lines of the facts holding at `factsOf`, read at the audited source (exact lines only for a read release). */
function citedLines(F: EngineFacts, factsOf: string, src: SourceLines, exact: boolean): { n: number; findings: Finding[] } {
  const all: Array<[string, AnyFact]> = [
    ...F.launchers.map((f): [string, AnyFact] => [`launcher ${f.entrypoint.join(' ')}`, f]),
    ...F.flags.map((f): [string, AnyFact] => [`flag ${f.flag}`, f]),
    ...F.values.map((f): [string, AnyFact] => [`values ${f.set}`, f]),
    ...F.env.map((f): [string, AnyFact] => [`env ${f.name}`, f]),
    ...F.defaults.map((f): [string, AnyFact] => [`default ${f.id}`, f]),
    ...F.readiness.map((f): [string, AnyFact] => [`readiness ${f.path}`, f]),
    ...F.metrics.map((f): [string, AnyFact] => [`metric ${f.declared}`, f]),
    ...F.logLines.map((f): [string, AnyFact] => [`log line "${f.text}"`, f]),
    ...F.architectures.map((f): [string, AnyFact] => [`architecture ${f.architecture}`, f]),
    ...F.pins.map((f): [string, AnyFact] => [`pin ${f.package}`, f]),
    ...(F.requestFields ?? []).map((f): [string, AnyFact] => [`meta_info ${f.field}`, f]),
  ];
  let n = 0;
  const findings: Finding[] = [];
  for (const [label, fact] of all.filter(([, f]) => holdsAt(f, factsOf))) {
    const at = fact.sources.filter((s) => s.release === factsOf);
    if (at.length === 0) findings.push({ fact: label, problem: `holds at ${factsOf} but cites no line read there` });
    for (const s of at) {
      n++;
      findings.push(...(exact ? cited(src, label, s) : cited(src, label, s).filter((f) => f.problem.includes('no longer') || f.problem.includes('does not exist'))));
    }
  }
  return { n, findings };
}

/** Flags hold exactly where server_args.py defines them; value sets equal the release's choices. */
function flagsAndValues(F: EngineFacts, factsOf: string, src: SourceLines): { n: number; findings: Finding[] } {
  const defined = optionStrings(src);
  const findings: Finding[] = [];
  const names = [...new Set(F.flags.flatMap((f) => [f.flag, ...f.aliases]))];
  for (const name of names) {
    const holds = F.flags.some((f) => holdsAt(f, factsOf) && (f.flag === name || f.aliases.includes(name)));
    if (holds !== defined.has(name)) findings.push({ fact: `flag ${name}`, problem: holds ? 'the facts say it holds; server_args.py does not define it' : 'server_args.py defines it; the facts say it does not hold' });
  }
  for (const [set, flag] of Object.entries(CHOICE_FLAGS)) {
    const fact = F.values.find((v) => v.set === set && holdsAt(v, factsOf));
    const actual = choicesOf(src, flag);
    const said = fact ? fact.values.join(', ') : null;
    const got = actual ? actual.join(', ') : null;
    if (said !== got) findings.push({ fact: `values ${set}`, problem: `the facts say [${said ?? 'none'}]; ${flag} choices are [${got ?? 'none'}]` });
  }
  return { n: names.length + Object.keys(CHOICE_FLAGS).length, findings };
}

/** Metric types, and metrics, architectures and log lines that must be absent where they do not hold. */
function typesAndAbsences(F: EngineFacts, factsOf: string, src: SourceLines): { n: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let n = 0;
  for (const m of F.metrics) {
    n++;
    const cls = metricClass(src, m.declared);
    if (holdsAt(m, factsOf) && cls !== m.type) findings.push({ fact: `metric ${m.declared}`, problem: `declared a ${m.type}; collector.py makes it ${cls ?? 'nothing'}` });
    const held = F.metrics.some((x) => x.declared === m.declared && holdsAt(x, factsOf));
    if (!held && cls !== null) findings.push({ fact: `metric ${m.declared}`, problem: `collector.py declares it; the facts say it does not hold at ${factsOf}` });
  }
  const absent = (label: string, fact: AnyFact, held: boolean) => {
    const first = fact.sources[0];
    if (held || first === undefined) return;
    n++;
    if ((src.lines(first.path) ?? []).some((l) => l.includes(first.says))) findings.push({ fact: label, problem: `${first.path} still says ${JSON.stringify(first.says)}; the facts say it does not hold at ${factsOf}` });
  };
  for (const a of F.architectures) absent(`architecture ${a.architecture}`, a, F.architectures.some((x) => x.architecture === a.architecture && holdsAt(x, factsOf)));
  for (const l of F.logLines) absent(`log line "${l.text}"`, l, F.logLines.some((x) => x.text === l.text && holdsAt(x, factsOf)));
  const docker = src.lines('docker/Dockerfile') ?? [];
  n++;
  if (docker.some((l) => l.startsWith('ENTRYPOINT'))) findings.push({ fact: 'launcher', problem: 'docker/Dockerfile has an ENTRYPOINT; the facts say the image has none' });
  return { n, findings };
}

/** Audits the facts that stand for `release` against `src`, the source at that release's commit. */
export function auditSglang(release: string, src: SourceLines, F: EngineFacts = SGLANG_FACTS): SglangAudit & { factsOf: string } {
  const read = F.releases.some((r) => r.version === release);
  const factsOf = read ? release : (F.releases.at(-1)?.version ?? release);
  const parts = [citedLines(F, factsOf, src, read), flagsAndValues(F, factsOf, src), typesAndAbsences(F, factsOf, src)];
  const seen = new Set<string>();
  const findings = parts.flatMap((p) => p.findings).filter((f) => !seen.has(`${f.fact}\0${f.problem}`) && seen.add(`${f.fact}\0${f.problem}`));
  return { release, factsOf, checked: parts.reduce((a, p) => a + p.n, 0), findings };
}

/** The audit as the committed docs/engine-audit/sglang-<version>.txt files show it. */
export function formatSglangAudit(a: SglangAudit & { factsOf: string }, where: string): string {
  const head = [`audit sglang ${a.release} (${where})`, `facts of ${a.factsOf}`, `${a.checked} checks`];
  const body = a.findings.length === 0 ? ['no disagreements'] : a.findings.map((f) => `DISAGREES ${f.fact}: ${f.problem}`);
  return [...head, ...body].join('\n') + '\n';
}
