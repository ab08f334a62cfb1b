// The cell panel: a drawer on the right, built only when a cell is opened (click or #cell=<id>).
import type { App } from './app.ts';
import { byId, clear, h } from './dom.ts';
import { cellHistory } from './model.ts';
import { renderLog } from './log-view.ts';
import { lineChart, verdictStrip } from './charts.ts';
import { failurePart, reusedPart, fingerprintPart, predictionPart, probesPart, reproducePart, section, timelinePart } from './panel-parts.ts';
import { failedAttemptPart } from './failed-attempt-part.ts';
import { bisectPart } from './bisect-part.ts';

const WIDTH = 600;

export function renderPanel(app: App): void {
  const panel = byId('panel');
  const id = app.state.cell;
  const c = id ? app.cells.get(id) : undefined;
  if (!id || panel.dataset.cell === id) {
    if (!id) closeDom(panel);
    return;
  }
  clear(panel);
  panel.dataset.cell = id;
  panel.hidden = false;
  document.body.classList.add('panel-open');
  const nav = h('div', { class: 'p-nav' },
    h('button', { type: 'button', title: 'previous visible cell (k)', onclick: () => step(app, -1) }, '‹'),
    h('button', { type: 'button', title: 'next visible cell (j)', onclick: () => step(app, 1) }, '›'),
    h('button', { class: 'close', type: 'button', title: 'close (Esc)', onclick: () => app.update({ cell: null }) }, '×'));
  if (!c) {
    panel.append(nav, h('p', { class: 'empty-state' }, `No cell "${id}" in this report.`));
    return;
  }
  panel.append(
    h('header', { class: 'p-head' }, nav,
      h('div', { class: `p-verdict v-${c.verdict}` }, c.verdict),
      h('h2', null, c.id),
      h('p', { class: 'muted' }, `${c.imageRef} · ${c.gpu} (${c.arch}) · ${c.model} · ${c.flags}`)),
    ...[reusedPart(c), failurePart(c), failedAttemptPart(c), bisectPart(c, app.data.runs.map((r) => r.id)), predictionPart(c), probesPart(c), timelinePart(c)].filter((x) => x !== null),
    section('Log', renderLog(c.logExcerpt, c.evidence, c.logHref)),
    ...[fingerprintPart(c), reproducePart(c)].filter((x) => x !== null),
    historyPart(app, c.id),
  );
  panel.scrollTop = 0;
}

/** Opens the next (1) or previous (-1) visible cell, in grid data order. */
export function step(app: App, by: 1 | -1): void {
  const list = app.visible();
  if (list.length === 0) return;
  const i = list.findIndex((c) => c.id === app.state.cell);
  const next = list[(i + by + list.length) % list.length];
  if (next) app.update({ cell: next.id });
}

function closeDom(panel: HTMLElement): void {
  panel.hidden = true;
  delete panel.dataset.cell;
  clear(panel);
  document.body.classList.remove('panel-open');
}

function historyPart(app: App, id: string): HTMLElement {
  const hist = cellHistory(app.data, id);
  if (!hist) return section('History', h('p', { class: 'muted' }, 'No history for this cell.'));
  const chartBox = h('div');
  const box = section(`History — ${hist.at.length} runs`, verdictStrip(hist.at, hist.verdicts, WIDTH - 40), chartBox);
  const hasNumbers = hist.startupS.some((v) => v !== null) || hist.ttftMs.some((v) => v !== null);
  if (hasNumbers) {
    // uPlot measures its host; draw after the panel is in the document.
    requestAnimationFrame(() => chartBox.append(lineChart(hist.at, [
      { label: 'startup', values: hist.startupS, unit: 's', scale: 'left' },
      { label: 'TTFT p50', values: hist.ttftMs, unit: 'ms', scale: 'right' },
      { label: 'ITL p50', values: hist.itlMs, unit: 'ms', scale: 'right' },
    ], WIDTH - 40, 170)));
  } else {
    chartBox.append(h('p', { class: 'muted' }, 'No latency figures: the cell never served in these runs.'));
  }
  return box;
}
