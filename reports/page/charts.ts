// Charts with uPlot: a cell's latency trend, the trends tab's series, and the verdict strip
// (a canvas, one bar per run).
import uPlot from 'uplot';
import type { Verdict } from '../../harness/core/cell.ts';
import { h } from './dom.ts';

export const VERDICT_COLOURS: Record<Verdict, string> = {
  pass: '#2f9e57', fail: '#d64541', xfail: '#d99a22', xpass: '#8e5bd6', flaky: '#e8772e', infra: '#5b7fa6', skip: '#9aa3ad',
};

const PALETTE = ['#3b82f6', '#e8772e', '#2f9e57', '#8e5bd6', '#d64541', '#0ea5a4', '#c2410c', '#64748b', '#ca8a04', '#db2777'];

export function seriesColour(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

function axisColour(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#888';
}

export interface LineSeries {
  label: string;
  values: Array<number | null>;
  unit: string;
  /** Which y-scale: 'left' or 'right'. */
  scale?: 'left' | 'right';
  /** Drawn thicker (e.g. the median). */
  emphasis?: boolean;
}

export function lineChart(at: number[], series: LineSeries[], width: number, height = 180): HTMLElement {
  const host = h('div', { class: 'chart' });
  const stroke = axisColour();
  const grid = { stroke: 'rgba(128,128,128,0.15)', width: 1 };
  const scales = uniqScales(series);
  const opts: uPlot.Options = {
    width, height,
    cursor: { drag: { x: true, y: false } },
    legend: { live: true },
    scales: { x: { time: true } },
    axes: [
      { stroke, grid, ticks: grid },
      { stroke, grid, ticks: grid, scale: scales[0], label: series.find((s) => (s.scale ?? 'left') === 'left')?.unit, size: 52 },
      ...(scales.includes('right') ? [{ stroke, grid: { show: false }, ticks: grid, scale: 'right', side: 1 as const, label: series.find((s) => s.scale === 'right')?.unit, size: 52 }] : []),
    ],
    series: [
      { label: 'run' },
      ...series.map((s, i) => ({ label: s.label, stroke: seriesColour(i), width: s.emphasis ? 2.5 : 1.25, scale: s.scale ?? 'left', spanGaps: false, points: { show: at.length < 60 }, value: (_u: uPlot, v: number | null) => (v === null ? '–' : `${v} ${s.unit}`) })),
    ],
  };
  new uPlot(opts, [at, ...series.map((s) => s.values)] as uPlot.AlignedData, host);
  return host;
}

function uniqScales(series: LineSeries[]): string[] {
  return [...new Set(series.map((s) => s.scale ?? 'left'))];
}

/** One thin bar per run, coloured by verdict; hover shows the run's date and verdict. */
export function verdictStrip(at: number[], verdicts: Array<Verdict | null>, width: number): HTMLElement {
  const height = 18;
  const canvas = h('canvas', { class: 'strip', width: width * 2, height: height * 2, style: `width:${width}px;height:${height}px` });
  const ctx = canvas.getContext('2d');
  const n = verdicts.length;
  const w = (width * 2) / Math.max(n, 1);
  if (ctx) {
    verdicts.forEach((v, i) => {
      if (!v) return;
      ctx.fillStyle = VERDICT_COLOURS[v];
      ctx.fillRect(i * w, 0, Math.max(w - (w > 4 ? 1 : 0), 1), height * 2);
    });
  }
  const tip = h('span', { class: 'strip-tip muted' }, n ? `${n} runs, oldest left` : 'no history');
  canvas.addEventListener('mousemove', (e) => {
    const i = Math.min(n - 1, Math.floor((e.offsetX / width) * n));
    const t = at[i];
    tip.textContent = t !== undefined ? `${new Date(t * 1000).toISOString().slice(0, 10)}: ${verdicts[i] ?? 'not run'}` : '';
  });
  return h('div', { class: 'strip-box' }, canvas, tip);
}
