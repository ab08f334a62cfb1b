// The server's /metrics: scraped as Prometheus text, parsed with parse-prometheus-text-format,
// read by metric name (names come from ctx.engine.metrics — this file knows no engine).
//
// Counters from prometheus_client are declared as `x` (`# TYPE x counter`) while their samples
// are named `x_total`; the parser files those samples under a family `x_total`. Lookups therefore
// accept either spelling. Only counters and gauges are read here (per-sample values); the
// parser's histogram output drops labels, so histograms are not read through it.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { PromFamily } from 'parse-prometheus-text-format';
import { ProbeError } from '../errors.ts';
import { deadline, errorMessage } from './request.ts';
import type { RequestTarget } from './request.ts';
import { excerpt } from './sse.ts';

export interface MetricSample {
  labels: Record<string, string>;
  value: number;
}

/** Parsed metrics: family name → samples (counters, gauges, untyped). */
export interface MetricSnapshot {
  families: ReadonlyMap<string, { type: PromFamily['type']; samples: MetricSample[] }>;
}

export function parseMetrics(text: string): MetricSnapshot {
  // The parser drops the last sample when the text lacks the trailing newline the format requires.
  const normalized = text.endsWith('\n') ? text : `${text}\n`;
  let parsed: PromFamily[];
  try {
    parsed = parsePrometheusTextFormat(normalized);
  } catch (err) {
    throw new ProbeError(`/metrics is not valid Prometheus text: ${errorMessage(err)}`, { body: excerpt(text, 500) });
  }
  const families = new Map<string, { type: PromFamily['type']; samples: MetricSample[] }>();
  for (const family of parsed) {
    const samples: MetricSample[] = [];
    for (const m of family.metrics) {
      if (m.value === undefined) continue;
      const value = Number(m.value);
      if (Number.isNaN(value) && m.value !== 'NaN') continue;
      samples.push({ labels: m.labels ?? {}, value });
    }
    const existing = families.get(family.name);
    if (existing) existing.samples.push(...samples);
    else families.set(family.name, { type: family.type, samples });
  }
  return { families };
}

export async function scrapeMetrics(target: RequestTarget): Promise<MetricSnapshot> {
  const url = `${target.baseUrl}/metrics`;
  const limit = deadline(target);
  try {
    const response = await fetch(url, { signal: limit.signal });
    const text = await response.text();
    if (!response.ok) {
      throw new ProbeError(`GET ${url}: HTTP ${response.status}: ${excerpt(text, 300)}`, { status: response.status, body: excerpt(text, 500) });
    }
    return parseMetrics(text);
  } catch (err) {
    if (err instanceof ProbeError) throw err;
    if (limit.timedOut()) throw new ProbeError(`GET ${url}: timed out after ${target.timeoutMs} ms`);
    throw new ProbeError(`GET ${url}: ${errorMessage(err)}`, { cause: errorMessage(err) });
  } finally {
    limit.clear();
  }
}

/** Samples of a metric, accepting `x` and `x_total` spellings; null when the metric is absent. */
export function samplesOf(snapshot: MetricSnapshot, name: string): MetricSample[] | null {
  const base = name.endsWith('_total') ? name.slice(0, -'_total'.length) : name;
  for (const candidate of [name, `${base}_total`, base]) {
    const family = snapshot.families.get(candidate);
    if (family && family.samples.length > 0) return family.samples;
  }
  return null;
}

/** Keep samples for the model: those labelled model_name=model, and those without a model_name. */
function forModel(samples: MetricSample[], model: string | undefined): MetricSample[] {
  if (model === undefined) return samples;
  return samples.filter((s) => s.labels.model_name === undefined || s.labels.model_name === model);
}

/** Sum of a counter or gauge over its label sets (matching model_name when given); null when absent. */
export function readValue(snapshot: MetricSnapshot, name: string, model?: string): number | null {
  const samples = samplesOf(snapshot, name);
  if (samples === null) return null;
  const matching = forModel(samples, model);
  if (matching.length === 0) return null;
  return matching.reduce((sum, s) => sum + s.value, 0);
}

/** Values per value of `label` (e.g. position → count), summed over the other labels; null when absent. */
export function readByLabel(snapshot: MetricSnapshot, name: string, label: string, model?: string): Map<string, number> | null {
  const samples = samplesOf(snapshot, name);
  if (samples === null) return null;
  const out = new Map<string, number>();
  for (const s of forModel(samples, model)) {
    const key = s.labels[label];
    if (key === undefined) continue;
    out.set(key, (out.get(key) ?? 0) + s.value);
  }
  return out.size > 0 ? out : null;
}

/** after − before of a counter; null when absent after. A counter absent before counts as 0 (created lazily). */
export function counterDelta(before: MetricSnapshot, after: MetricSnapshot, name: string, model?: string): number | null {
  const b = readValue(before, name, model);
  const a = readValue(after, name, model);
  if (a === null) return null;
  return a - (b ?? 0);
}

/** Per-label deltas of a labelled counter, ordered by numeric label value; null when absent after. */
export function counterDeltaByLabel(before: MetricSnapshot, after: MetricSnapshot, name: string, label: string, model?: string): Array<[string, number]> | null {
  const a = readByLabel(after, name, label, model);
  if (a === null) return null;
  const b = readByLabel(before, name, label, model) ?? new Map<string, number>();
  return [...a.entries()].map(([k, v]): [string, number] => [k, v - (b.get(k) ?? 0)]).sort((x, y) => Number(x[0]) - Number(y[0]) || x[0].localeCompare(y[0]));
}
