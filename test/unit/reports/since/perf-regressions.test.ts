import { describe, expect, it } from 'vitest';
import { cellRegressions, judge, perfRegressions, ruleFor, spread, type PerfSample } from '../../../../reports/since/perf-regressions.ts';
import { median } from '../../../../harness/core/stats.ts';
import { sampleValues } from '../../../../reports/since/samples.ts';

const night = (n: number, values: Record<string, number>): PerfSample => ({ run: `night${n}`, startedAt: `2026-11-${10 + n}T02:00:00Z`, values });

describe('performance regressions against the cell history', () => {
  it('median and spread are robust to one outlier', () => {
    expect(median([1, 3, 2])).toBe(2);
    expect(median([1, 2, 3, 100])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(spread([20, 21, 22, 21, 500])).toBeCloseTo(1.4826, 3);
  });

  it('names the metric, before → after and the runs of a TTFT jump', () => {
    const samples = [night(1, { ttft_p50_ms: 21 }), night(2, { ttft_p50_ms: 22 }), night(3, { ttft_p50_ms: 20 }), night(4, { ttft_p50_ms: 91 })];
    const [r, ...rest] = cellRegressions('a/h100/m/default', samples);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ cell: 'a/h100/m/default', metric: 'ttft_p50_ms', label: 'TTFT p50', unit: 'ms', before: 21, after: 91, run: 'night4', history: ['night1', 'night2', 'night3'] });
    expect(r!.change).toBeCloseTo(70 / 21, 5);
  });

  it('compares against the median of the window, not the previous run', () => {
    // one slow night before does not hide the jump, nor does it raise the baseline
    const samples = [20, 20, 20, 20, 20, 20, 90, 90].map((v, i) => night(i + 1, { ttft_p50_ms: v }));
    expect(cellRegressions('c', samples)[0]).toMatchObject({ before: 20, after: 90 });
    // only the last `window` runs count: with a window of 1 the night before is the history
    expect(cellRegressions('c', samples, { window: 1, minRuns: 1 })).toEqual([]);
  });

  it('a change inside the usual spread of a noisy cell is no regression', () => {
    const noisy = [20, 35, 18, 40, 22, 38, 21].map((v, i) => night(i + 1, { ttft_p50_ms: v }));
    expect(cellRegressions('c', [...noisy, night(9, { ttft_p50_ms: 38 })])).toEqual([]); // +16 ms: over 25 % and 5 ms, under 3 spreads (17.8 ms)
    expect(cellRegressions('c', [...noisy, night(9, { ttft_p50_ms: 120 })])).toHaveLength(1);
  });

  it('knows which way is worse per metric', () => {
    const hist = [night(1, { output_tokens_per_s: 200, acceptance_length: 2.6, accuracy: 0.9, itl_p50_ms: 5 }), night(2, { output_tokens_per_s: 210, acceptance_length: 2.5, accuracy: 0.92, itl_p50_ms: 5 })];
    const better = night(3, { output_tokens_per_s: 400, acceptance_length: 3.5, accuracy: 0.99, itl_p50_ms: 2 });
    expect(cellRegressions('c', [...hist, better])).toEqual([]);
    const worse = night(3, { output_tokens_per_s: 100, acceptance_length: 1.5, accuracy: 0.6, itl_p50_ms: 9 });
    expect(cellRegressions('c', [...hist, worse]).map((r) => r.metric).sort()).toEqual(['acceptance_length', 'accuracy', 'itl_p50_ms', 'output_tokens_per_s']);
  });

  it('needs min_runs of history before judging', () => {
    expect(cellRegressions('c', [night(1, { startup_s: 30 }), night(2, { startup_s: 300 })])).toEqual([]);
    expect(cellRegressions('c', [night(1, { startup_s: 30 }), night(2, { startup_s: 300 })], { minRuns: 1 })).toHaveLength(1);
  });

  it('thresholds are overridable per metric and for the startup phases', () => {
    const hist = [night(1, { ttft_p50_ms: 20, 'phase:compile': 30 }), night(2, { ttft_p50_ms: 20, 'phase:compile': 30 })];
    const now = night(3, { ttft_p50_ms: 30, 'phase:compile': 40 });
    // defaults: +10 ms on 20 ms is over 25 % and 5 ms; +10 s on a 30 s compile is under 50 %
    expect(cellRegressions('c', [...hist, now]).map((r) => r.metric)).toEqual(['ttft_p50_ms']);
    const loose = { thresholds: { ttft_p50_ms: { relative: 1 }, phase: { relative: 0.2 } } };
    expect(cellRegressions('c', [...hist, now], loose).map((r) => [r.metric, r.label])).toEqual([['phase:compile', 'compile phase']]);
    expect(ruleFor('phase:compile', { thresholds: { 'phase:compile': { absolute: 60 } } })).toMatchObject({ relative: 0.5, absolute: 60 });
    expect(ruleFor('no-such-metric')).toBeNull();
  });

  it('orders every cell by the size of the change', () => {
    const hist = [night(1, { ttft_p50_ms: 20 }), night(2, { ttft_p50_ms: 20 })];
    const out = perfRegressions({ small: [...hist, night(3, { ttft_p50_ms: 40 })], big: [...hist, night(3, { ttft_p50_ms: 90 })], same: [...hist, night(3, { ttft_p50_ms: 21 })] });
    expect(out.map((r) => r.cell)).toEqual(['big', 'small']);
  });

  it('judge gives the move in the bad direction', () => {
    const rule = ruleFor('output_tokens_per_s')!;
    expect(judge([200, 200], 150, rule)).toMatchObject({ before: 200, worse: 50, change: -0.25, regressed: true });
  });
});

describe('a cell run as figures', () => {
  it('takes startup, its phases, stream latency, acceptance length and the worst accuracy score', () => {
    const values = sampleValues({
      startupS: 42,
      timeline: [{ name: 'compile', durationS: 12 }, { name: 'graph-capture', durationS: null }, { name: 'ready', durationS: 0 }],
      probes: [
        { name: 'stream', metrics: { seq_ttft_p50_ms: 21, seq_itl_p50_ms: 5, seq_tpot_p50_ms: 5.2, seq_output_tokens_per_s: 180, conc_ttft_p50_ms: 99 } },
        { name: 'mtp', metrics: { mean_acceptance_length: 2.4 } },
        { name: 'accuracy', metrics: { score_c1: 0.9, score_c8: 0.7, questions: 50 } },
      ],
    });
    expect(values).toEqual({ startup_s: 42, 'phase:compile': 12, ttft_p50_ms: 21, itl_p50_ms: 5, tpot_p50_ms: 5.2, output_tokens_per_s: 180, acceptance_length: 2.4, accuracy: 0.7 });
  });
});
