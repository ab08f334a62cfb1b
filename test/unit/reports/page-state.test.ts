import { describe, expect, it } from 'vitest';
import { readState, writeState } from '../../../reports/page/url-state.ts';
import { matches, NO_FILTERS, previousVerdict, searchText, shortLabel } from '../../../reports/page/model.ts';
import { largestChanges } from '../../../reports/page/changes.ts';
import { encodeReport } from '../../../reports/embed.ts';
import { seedsReportData, SEED_IDS } from '../../fixtures/report/generate.ts';

describe('URL state', () => {
  it('round-trips filters, pivot, tab, metric and the open cell', () => {
    const state = readState(`#gpu=thor&v=fail,xfail&q=${encodeURIComponent('ptx <b>')}&pivot=1&tab=trends&metric=itlMs&cell=${encodeURIComponent(SEED_IDS.thorVision)}`);
    expect(state.filters).toEqual({ ...NO_FILTERS, gpu: 'thor', v: ['fail', 'xfail'], q: 'ptx <b>' });
    expect(state).toMatchObject({ pivot: true, tab: 'trends', metric: 'itlMs', cell: SEED_IDS.thorVision });
    expect(readState(writeState(state))).toEqual(state);
  });
  it('falls back to defaults for unknown values and writes nothing for them', () => {
    const state = readState('#tab=nope&metric=x');
    expect(state).toMatchObject({ tab: 'grid', metric: 'startupS', cell: null, pivot: false });
    expect(writeState(state)).toBe('');
  });
});

describe('filtering', () => {
  const cells = encodeReport(seedsReportData(2)).cells;
  const visible = (f: Partial<typeof NO_FILTERS>) => cells.filter((c) => matches(c, { ...NO_FILTERS, ...f }, searchText(c))).map((c) => c.id);

  it('combines GPU, verdict, signature and words (all must match)', () => {
    expect(visible({ gpu: 'thor', v: ['xfail'] })).toEqual([SEED_IDS.thorVision]);
    expect(visible({ sig: 'vllm-fa2-ptx-unsupported' }).sort()).toEqual([SEED_IDS.regression, SEED_IDS.rtxPtx].sort());
    // the failing log names the graph mode it captured with
    expect(visible({ q: 'capture PIECEWISE' })).toEqual([SEED_IDS.mtpCapture]);
    expect(visible({ q: 'graph-capture h100' })).toEqual([SEED_IDS.mtpCapture]);
    expect(visible({ q: 'no MTP head' }).length).toBeGreaterThan(10);
    expect(visible({})).toHaveLength(cells.length);
  });

  it('finds what people type: issue numbers, engine flags, failing log text', () => {
    expect(visible({ q: '38411' })).toEqual([SEED_IDS.thorVision]);
    expect(visible({ q: 'vllm-project/vllm#28589' })).toContain(SEED_IDS.xpass);
    expect(visible({ q: 'cudaErrorUnsupportedPtxVersion thor' })).toContain(SEED_IDS.thorVision);
    // the engine's own flag, from the docker run line: every cell that passes it
    const triton = visible({ q: '--attention-backend' });
    expect(triton.length).toBeGreaterThan(0);
    expect(triton.every((id) => id.endsWith('/triton-attn'))).toBe(true);
    // a passing cell's log is not searched (every log says it started)
    expect(visible({ q: 'Application startup complete', v: ['pass'] })).toEqual([]);
  });

  it('labels failed cells by category', () => {
    const byId = new Map(cells.map((c) => [c.id, c]));
    expect(shortLabel(byId.get(SEED_IDS.thorVision)!)).toBe('PTX');
    expect(shortLabel(byId.get(SEED_IDS.mtpCapture)!)).toBe('capture');
    expect(shortLabel(byId.get(SEED_IDS.infra)!)).toBe('infra');
  });
});

describe('previousVerdict', () => {
  it('reads the run before the current one, skipping runs the cell missed', () => {
    const data = encodeReport(seedsReportData(4));
    expect(previousVerdict(data, SEED_IDS.regression)).toBe('pass');
    expect(previousVerdict(data, SEED_IDS.thorVision)).toBe('xfail');
    data.hist.cells.x = { v: 'F.P.', startupS: [], ttftMs: [], itlMs: [] };
    expect(previousVerdict(data, 'x')).toBe('fail');
    data.hist.cells.y = { v: '..P', startupS: [], ttftMs: [], itlMs: [] };
    expect(previousVerdict(data, 'y')).toBeNull();
    expect(previousVerdict(data, 'nope')).toBeNull();
  });
});

describe('largestChanges', () => {
  it('compares the last value with the median of the runs before it, largest first', () => {
    const data = encodeReport(seedsReportData(2));
    data.hist.cells = {
      slow: { v: 'PPPP', startupS: [60, 62, 58, 90], ttftMs: [], itlMs: [] },
      fast: { v: 'PPPP', startupS: [60, 60, 60, 48], ttftMs: [], itlMs: [] },
      gap: { v: 'PPF.', startupS: [60, 61, null, null], ttftMs: [], itlMs: [] },
      lone: { v: 'P', startupS: [60], ttftMs: [], itlMs: [] },
    };
    const out = largestChanges(data, ['slow', 'fast', 'gap', 'lone'], 'startupS');
    expect(out.map((c) => c.id)).toEqual(['slow', 'fast', 'gap']);
    expect(out[0]).toMatchObject({ last: 90, baseline: 60 });
    expect(out[0]!.ratio).toBeCloseTo(0.5);
    expect(out[1]!.ratio).toBeCloseTo(-0.2);
    expect(out[2]).toMatchObject({ last: 61, baseline: 60 });
  });
});
