// Audit checks that need more than a literal on a line: the type a metric is declared with, the
// registry table an architecture sits in, and the image's final ENTRYPOINT. Pure.
import { factsAt } from './query.ts';
import type { Disagreement, EngineFacts, MetricType, SourceReader } from './types.ts';

const TYPE_WORDS: Record<MetricType, RegExp> = {
  counter: /counter/i,
  gauge: /gauge/i,
  histogram: /histogram/i,
};

/** The metric type named on the line itself or on the few lines above it (the constructor call). */
function declaredType(lines: readonly string[], line: number): MetricType | null {
  for (let i = line - 1; i >= Math.max(0, line - 5); i--) {
    const text = lines[i] ?? '';
    for (const t of Object.keys(TYPE_WORDS) as MetricType[]) if (TYPE_WORDS[t].test(text)) return t;
  }
  return null;
}

function metricTypes(facts: EngineFacts, factsOf: string, release: string, reader: SourceReader): Disagreement[] {
  const out: Disagreement[] = [];
  for (const m of factsAt(facts, facts.metrics, factsOf)) {
    for (const s of m.sources.filter((x) => x.release === release)) {
      const lines = reader.lines(s.path);
      const t = lines === null ? null : declaredType(lines, s.line);
      if (t !== m.type) out.push({ fact: `metric ${m.declared}`, problem: `declared as ${t ?? 'no known type'} at ${s.path}:${s.line}, the facts say ${m.type}` });
    }
  }
  return out;
}

const TABLES: Record<string, string> = {
  _TEXT_GENERATION_MODELS: 'text',
  _MULTIMODAL_MODELS: 'vision-language',
  _SPECULATIVE_DECODING_MODELS: 'draft',
};

function registryTable(lines: readonly string[], line: number): string | null {
  for (let i = line - 1; i >= 0; i--) {
    const m = /^(_[A-Z_]+) = \{/.exec(lines[i] ?? '');
    if (m) return TABLES[m[1] ?? ''] ?? m[1] ?? null;
  }
  return null;
}

function architectureKinds(facts: EngineFacts, factsOf: string, release: string, reader: SourceReader): Disagreement[] {
  const out: Disagreement[] = [];
  for (const a of factsAt(facts, facts.architectures, factsOf)) {
    for (const s of a.sources.filter((x) => x.release === release)) {
      const lines = reader.lines(s.path);
      const kind = lines === null ? null : registryTable(lines, s.line);
      if (kind !== a.kind) out.push({ fact: `architecture ${a.architecture}`, problem: `registered in ${kind ?? 'no table'}, the facts say ${a.kind}` });
    }
  }
  return out;
}

/** The last ENTRYPOINT of the Dockerfile is the image's; the launcher fact must name it. */
function entrypoint(facts: EngineFacts, factsOf: string, reader: SourceReader): Disagreement[] {
  const launchers = factsAt(facts, facts.launchers, factsOf);
  const path = launchers[0]?.sources.find((s) => /Dockerfile/.test(s.path))?.path;
  if (path === undefined) return [];
  const lines = reader.lines(path) ?? [];
  const last = [...lines].reverse().find((l) => /^ENTRYPOINT /.test(l));
  const want = launchers.map((l) => `ENTRYPOINT ${JSON.stringify(l.entrypoint).replace(/","/g, '", "')}`);
  if (last !== undefined && want.includes(last.trim())) return [];
  return [{ fact: 'launcher', problem: `the image's last ENTRYPOINT is ${JSON.stringify(last ?? null)}, the facts say ${want.join(' or ')}` }];
}

export function kindChecks(facts: EngineFacts, factsOf: string, release: string, reader: SourceReader): Disagreement[] {
  return [
    ...metricTypes(facts, factsOf, release, reader),
    ...architectureKinds(facts, factsOf, release, reader),
    ...entrypoint(facts, factsOf, reader),
  ];
}
