// A cell's performance figures in one run, keyed as perf-regressions.ts compares them, from what
// the store keeps of its deciding attempt: the startup time, the startup phases' durations and the
// probes' metrics (stream: latency and throughput; mtp: acceptance length; accuracy: score).
import { PHASE_PREFIX } from './perf-regressions.ts';

export interface StoredFigures {
  startupS: number | null;
  timeline: ReadonlyArray<{ name: string; durationS: number | null }>;
  probes: ReadonlyArray<{ name: string; metrics: Record<string, number> }>;
}

const STREAM: Record<string, string> = {
  seq_ttft_p50_ms: 'ttft_p50_ms',
  seq_itl_p50_ms: 'itl_p50_ms',
  seq_tpot_p50_ms: 'tpot_p50_ms',
  seq_output_tokens_per_s: 'output_tokens_per_s',
};

/** The probes whose metrics a sample takes figures from (the store reads no others). */
export const SAMPLED_PROBES = ['stream', 'mtp', 'accuracy'] as const;

export function sampleValues(f: StoredFigures): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (k: string, v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  };
  put('startup_s', f.startupS);
  for (const t of f.timeline) if (t.name !== 'ready') put(`${PHASE_PREFIX}${t.name}`, t.durationS);
  for (const p of f.probes) {
    if (p.name === 'stream') for (const [from, to] of Object.entries(STREAM)) put(to, p.metrics[from]);
    if (p.name === 'mtp') put('acceptance_length', p.metrics.mean_acceptance_length);
    if (p.name === 'accuracy') {
      // the accuracy probe scores each concurrency (score_c1, score_c8, …): the worst one counts
      const scores = Object.entries(p.metrics).filter(([k]) => /^score_c\d+$/.test(k)).map(([, v]) => v);
      if (scores.length) put('accuracy', Math.min(...scores));
    }
  }
  return out;
}
