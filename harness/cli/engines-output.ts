// Text of `matrix engines`: the engines and releases the harness has facts about, and everything
// it believes about one release, each belief with the upstream line it was read from. Pure.
import { ENGINE_IDS, type EngineId } from '../core/cell.ts';
import { columns } from '../run/reporters/columns.ts';
import { citation, engineFacts, factsAt, sourcesFor, type EngineFacts, type MetricFact, type ReleaseRead, type SourceLine, type Span, type Sourced } from '../engines/facts/index.ts';


const span = (f: Span): string => `${f.since}…${f.until ?? 'newest read'}`;

/** A release read from documentation, not source (NIM: no commit, a source is a page with line 0). */
function fromDocs(r: ReleaseRead | undefined): boolean {
  return r !== undefined && /^0+$/.test(r.commit);
}

/** `matrix engines`: one line per engine with the releases read. */
export function enginesText(): string {
  const rows = [['engine', 'releases read', 'upstream']];
  for (const id of ENGINE_IDS) {
    const f = engineFacts(id);
    rows.push(f ? [id, f.releases.map((r) => r.version).join(' '), f.upstream] : [id, '(no facts yet)', '-']);
  }
  return `${columns(rows).join('\n')}\n\nRun \`matrix engines ENGINE@VERSION\` for what the harness believes about a release.\n`;
}

/** `matrix engines vllm`: the releases read and which commit stands for each. */
export function releasesText(facts: EngineFacts): string {
  const rows = [['release', 'commit', 'how', 'mirror']];
  for (const r of facts.releases) rows.push([r.version, fromDocs(r) ? '(documentation)' : r.commit.slice(0, 12), r.kind, r.mirror]);
  const notes = facts.releases.map((r) => `  ${r.version}: ${r.note}`);
  return `${facts.engine} releases read (${facts.upstream})\n\n${columns(rows).join('\n')}\n\n${notes.join('\n')}\n`;
}

function cite(facts: EngineFacts, f: Sourced, release: string): string {
  const sources = sourcesFor(f.sources, release);
  // A documentation page has no commit or line: cite the page, once.
  const docs = (s: SourceLine) => fromDocs(facts.releases.find((r) => r.version === s.release));
  const pages = [...new Set(sources.filter(docs).map((s) => s.path))];
  return [...sources.filter((s) => !docs(s)).map((s) => citation(facts, s)), ...pages].join(' ');
}

function section<T extends Span & Sourced>(facts: EngineFacts, title: string, list: readonly T[], release: string, row: (f: T) => string[]): string[] {
  const held = factsAt(facts, list, release);
  if (held.length === 0) return [];
  return [title, ...columns(held.map((f) => [' ', ...row(f), cite(facts, f, release)])), ''];
}

function notes<T extends Span & Sourced>(facts: EngineFacts, title: string, list: readonly T[], release: string, head: (f: T) => string): string[] {
  const held = factsAt(facts, list, release);
  if (held.length === 0) return [];
  return [title, ...held.flatMap((f) => [`  ${head(f)}  (${span(f)})`, ...(f.note ? [`    ${f.note}`] : []), `    ${cite(facts, f, release)}`]), ''];
}

/** Every release read that accepts `flag` under any of its spellings: first and last. */
function flagSpan(facts: EngineFacts, flag: string): string {
  const all = facts.flags.filter((f) => f.flag === flag);
  const until = all.some((f) => f.until === null) ? null : all.map((f) => f.until!).at(-1)!;
  return span({ since: all[0]?.since ?? '?', until });
}

/** The flags the harness knows that this release does not accept yet, or no longer. */
function missingFlags(facts: EngineFacts, release: string): string[] {
  const held = new Set(factsAt(facts, facts.flags, release).map((f) => f.flag));
  const missing = facts.flags.filter((f) => !held.has(f.flag));
  const seen = new Set<string>();
  const rows = missing.filter((f) => !seen.has(f.flag) && seen.add(f.flag)).map((f) => [' ', f.flag, `accepted ${flagSpan(facts, f.flag)}`]);
  return rows.length === 0 ? [] : [`flags ${release} does not accept`, ...columns(rows), ''];
}

/** `matrix engines vllm@0.11.0`: every fact holding at the release read for `version`. */
export function releaseText(facts: EngineFacts, version: string, read: ReleaseRead): string {
  const r = read.version;
  const head = version === r ? `${facts.engine} ${r}` : `${facts.engine} ${version} (as ${r}, the newest release read before it)`;
  const where = fromDocs(read)
    ? `read from its documentation (${read.mirror}); sources are the pages read`
    : `read at ${read.commit.slice(0, 12)} (${read.kind}, ${read.mirror}); sources are <commit>:<path>:<line> in ${facts.upstream}`;
  const withTerms = facts.metrics.some((m) => metricTerms(m) !== '');
  return [
    `${head} — ${where}`,
    '',
    ...notes(facts, 'launcher', facts.launchers, r, (f) => `${f.entrypoint.join(' ')}  (model ${f.model === 'flag' ? 'only as --model' : 'positional'})`),
    ...section(facts, 'flags', facts.flags, r, (f) => [[f.flag, ...f.aliases].join(', '), flagSpan(facts, f.flag), f.values ? `values: ${f.values}` : '']),
    ...missingFlags(facts, r),
    ...section(facts, 'accepted values', facts.values, r, (f) => [f.set, f.values.join(', ')]),
    ...notes(facts, 'environment', facts.env, r, (f) => `${f.name}: ${f.effect}`),
    ...notes(facts, 'readiness', facts.readiness, r, (f) => `GET ${f.path} → ${f.okStatus}`),
    ...section(facts, 'metrics', facts.metrics, r, (f) => [f.exposed, f.type, span(f), ...(withTerms ? [metricTerms(f)] : [])]),
    ...section(facts, 'response fields', facts.requestFields ?? [], r, (f) => [`${f.where}.${f.field}`, span(f)]),
    ...section(facts, 'startup log lines', facts.logLines, r, (f) => [f.phase, JSON.stringify(f.text)]),
    ...notes(facts, 'defaults and known limits', facts.defaults, r, (f) => `${f.id}: ${f.value}`),
    ...section(facts, 'model architectures', facts.architectures, r, (f) => [f.architecture, f.kind, span(f)]),
    ...section(facts, 'pinned packages', facts.pins, r, (f) => [f.package, f.requirement]),
  ].join('\n');
}

/** What a metric needs to be served (SGLang: --enable-metrics) and what its value covers. */
function metricTerms(f: MetricFact): string {
  const terms = [f.servedWith ? `only with ${f.servedWith}` : '', f.window === 'recent-batches' ? 'mean of the batches since the last log' : ''];
  return terms.filter((t) => t !== '').join('; ');
}

/** Parses `vllm` or `vllm@0.11.0`. */
export function parseEngineRef(ref: string): { engine: string; version: string | null } {
  const at = ref.indexOf('@');
  return at < 0 ? { engine: ref, version: null } : { engine: ref.slice(0, at), version: ref.slice(at + 1).replace(/^v/, '') };
}

export function isEngineId(s: string): s is EngineId {
  return (ENGINE_IDS as readonly string[]).includes(s);
}
