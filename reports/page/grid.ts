// The matrix grid: rows model × flags, columns image × GPU (or pivoted), one coloured cell per
// verdict. Rebuilt from the visible cells on each filter change (500 cells take a few ms).
import { UNFINISHED } from '../../harness/core/cell.ts';
import type { EmbeddedCell } from '../embedded.ts';
import type { App } from './app.ts';
import { h } from './dom.ts';
import { fixText, fmtNum, previousVerdict, shortLabel } from './model.ts';
import { HISTORY_METRICS } from '../embedded.ts';
import { cellFigure, METRIC_LABEL, METRIC_UNIT, runIndex, verdictAt } from './metric-change.ts';

interface Axis {
  outer: (c: EmbeddedCell) => string;
  inner: (c: EmbeddedCell) => string;
}

const MODEL_FLAGS: Axis = { outer: (c) => c.model, inner: (c) => c.flags };
const IMAGE_GPU: Axis = { outer: (c) => c.image, inner: (c) => c.gpu };

function groups(cells: EmbeddedCell[], axis: Axis): Array<[string, string[]]> {
  const m = new Map<string, Set<string>>();
  for (const c of cells) {
    const o = axis.outer(c);
    if (!m.has(o)) m.set(o, new Set());
    m.get(o)!.add(axis.inner(c));
  }
  return [...m.entries()].map(([o, s]) => [o, [...s]]);
}

export function cellText(c: EmbeddedCell): string {
  switch (c.verdict) {
    case 'pass': {
      const s = c.steps.ready;
      return s !== undefined ? `${fmtNum(s)} s` : 'pass';
    }
    case 'skip':
      return 'skip';
    case 'flaky':
    case 'xpass':
    case 'running':
    case 'pending':
      return c.verdict;
    case 'not-run':
      return 'not run';
    default:
      return shortLabel(c);
  }
}

export function cellTitle(c: EmbeddedCell, before: string | null = null): string {
  const lines = [c.id, `${c.verdict}${c.title ? `: ${c.title}` : ''}`];
  if (before && before !== c.verdict) lines.push(`changed: ${before} in the previous run`);
  if (c.reason) lines.push(c.reason);
  if (c.reusedFrom) lines.push(`reused from run ${c.reusedFrom}`);
  const fix = fixText(c);
  if (fix) lines.push(`triage: fixed by ${fix}`);
  if (c.prediction) lines.push(`preflight predicted ${c.prediction.verdict}: ${c.prediction.detail}`);
  if (c.modelPrediction) lines.push(`preflight, model on image: ${c.modelPrediction.detail}`);
  return lines.join('\n');
}

/** Whether the page shows an earlier run than the newest (picked from the embedded history). */
export function showsPastRun(app: App): boolean {
  return app.state.run !== null && app.data.runs[0]?.id !== app.state.run && app.data.hist.runs.includes(app.state.run);
}

/** A cell in an earlier run: its verdict then (no diagnosis is embedded for past runs). */
function pastTd(app: App, c: EmbeddedCell, index: number): HTMLTableCellElement {
  const v = verdictAt(app.data, c.id, index);
  const before = index > 0 ? verdictAt(app.data, c.id, index - 1) : null;
  const changed = v !== null && before !== null && before !== v;
  const startup = app.data.hist.cells[c.id]?.startupS[index];
  const text = v === null ? 'not in run' : v === 'pass' && startup != null ? `${fmtNum(startup)} s` : v;
  return h('td', {
    class: `cell v-${v ?? 'not-run'} past${changed ? ' changed' : ''}`, 'data-cell': c.id, 'data-verdict': v ?? 'none', 'data-before': changed ? before : null,
    title: `${c.id}\n${v ?? 'not in this run'} in run ${app.data.hist.runs[index]}${changed ? `\nchanged: ${before} in the run before` : ''}`, tabindex: 0,
  }, text);
}

/** A cell showing a figure, coloured by its change against the cell's history before the run shown. */
function figureTd(app: App, c: EmbeddedCell, index: number): HTMLTableCellElement {
  const metric = app.state.show as Exclude<typeof app.state.show, 'verdict'>;
  const f = cellFigure(app.data, c.id, metric, index);
  const j = f.judgement;
  const pct = j?.change != null ? `${j.change >= 0 ? '+' : ''}${Math.round(j.change * 100)}%` : null;
  const unit = METRIC_UNIT[metric];
  const tip = [c.id, f.value === null ? `no ${METRIC_LABEL[metric]} in this run` : `${METRIC_LABEL[metric]} ${fmtNum(f.value, unit)}`];
  if (j) tip.push(`history median ${fmtNum(j.before, unit)} (spread ${fmtNum(j.spread, unit)}): ${pct ?? ''} — ${f.cls === 'worse' ? 'a regression' : f.cls === 'better' ? 'better' : 'within its usual range'}`);
  else if (f.cls === 'new') tip.push('no history before this run');
  return h('td', {
    class: `cell figure chg-${f.cls}`, 'data-cell': c.id, 'data-change': f.cls, 'data-value': f.value === null ? null : String(f.value), title: tip.join('\n'), tabindex: 0,
  }, f.value === null ? '–' : fmtNum(f.value), pct && f.cls !== 'same' ? h('small', null, ` ${pct}`) : null);
}

function td(app: App, c: EmbeddedCell | undefined): HTMLTableCellElement {
  if (!c) return h('td', { class: 'empty' });
  if (app.state.show !== 'verdict') return figureTd(app, c, runIndex(app.data, app.state.run));
  if (showsPastRun(app)) return pastTd(app, c, runIndex(app.data, app.state.run));
  const fix = fixText(c);
  const before = previousVerdict(app.data, c.id);
  const changed = before !== null && before !== c.verdict && !(UNFINISHED as readonly string[]).includes(c.verdict);
  return h('td', {
    class: `cell v-${c.verdict}${fix ? ' has-fix' : ''}${c.prediction?.verdict === 'fail' ? ' predicted-fail' : ''}${changed ? ' changed' : ''}${c.id === app.state.cell ? ' open' : ''}`,
    'data-cell': c.id, 'data-verdict': c.verdict, 'data-before': changed ? before : null, title: cellTitle(c, before), tabindex: 0,
  }, cellText(c));
}

export function renderGrid(app: App, cells: EmbeddedCell[]): HTMLElement {
  if (app.data.cells.length === 0) return h('p', { class: 'empty-state' }, 'No cells yet: this database holds no finished run. Run `matrix run` first.');
  if (cells.length === 0) return h('p', { class: 'empty-state' }, 'No cell matches the filters.');
  const rows = app.state.pivot ? IMAGE_GPU : MODEL_FLAGS;
  const cols = app.state.pivot ? MODEL_FLAGS : IMAGE_GPU;
  const rowGroups = groups(cells, rows);
  const colGroups = groups(cells, cols);
  const at = new Map<string, EmbeddedCell>();
  for (const c of cells) at.set(`${rows.outer(c)}\u0000${rows.inner(c)}\u0000${cols.outer(c)}\u0000${cols.inner(c)}`, c);
  const corner = app.state.pivot ? ['image', 'GPU'] : ['model', 'flags'];
  const about = new Map<string, string>();
  for (const c of cells) {
    about.set(c.image, `${c.image}: ${c.imageRef} (${c.engine})`);
    about.set(c.gpu, `${c.gpu} (${c.arch})`);
  }
  const tip = (v: string) => about.get(v) ?? v;
  const head = h('thead', null,
    h('tr', null, h('th', { class: 'corner', colspan: 2, rowspan: 2 }, `${corner[0]} × ${corner[1]}`),
      colGroups.map(([o, inner]) => h('th', { class: 'group', colspan: inner.length, title: tip(o) }, o))),
    h('tr', null, colGroups.flatMap(([, inner]) => inner.map((i) => h('th', { class: 'sub', title: tip(i) }, i)))),
  );
  const body = h('tbody');
  for (const [ro, rinner] of rowGroups) {
    rinner.forEach((ri, k) => {
      const tr = h('tr', { class: k === 0 ? 'group-start' : null },
        k === 0 ? h('th', { class: 'row-group', rowspan: rinner.length, title: tip(ro) }, ro) : null,
        h('th', { class: 'row-sub', title: tip(ri) }, ri));
      for (const [co, cinner] of colGroups) {
        for (const ci of cinner) tr.appendChild(td(app, at.get(`${ro}\u0000${ri}\u0000${co}\u0000${ci}`)));
      }
      body.appendChild(tr);
    });
  }
  const table = h('table', { class: 'grid' }, head, body);
  const open = (e: Event) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('td[data-cell]');
    if (target) app.update({ cell: target.dataset.cell ?? null });
  };
  table.addEventListener('click', open);
  table.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') open(e);
  });
  return h('div', { class: 'grid-wrap' }, metricSwitch(app), table, app.state.show === 'verdict' ? legend() : changeLegend());
}

/** What the cells show: the verdict, or one figure coloured by its change against the cell's history. */
function metricSwitch(app: App): HTMLElement {
  const choices = [['verdict', 'verdict'], ...HISTORY_METRICS.map((m) => [m, METRIC_LABEL[m]])] as Array<[typeof app.state.show, string]>;
  return h('div', { class: 'metric-switch', role: 'group', 'aria-label': 'what the cells show' }, h('span', { class: 'muted' }, 'show '),
    choices.map(([value, label]) => h('button', { type: 'button', class: app.state.show === value ? 'on' : null, 'data-show': value, onclick: () => app.update({ show: value }) }, label)));
}

function changeLegend(): HTMLElement {
  const items: Array<[string, string]> = [['worse', 'worse than its history (a regression)'], ['better', 'better than its history'], ['same', 'within its usual range'], ['new', 'no history before'], ['none', 'not measured']];
  return h('div', { class: 'legend' }, items.map(([c, t]) => h('span', null, h('i', { class: `swatch chg-${c}` }), t)));
}

function legend(): HTMLElement {
  const items: Array<[string, string]> = [['pass', 'pass (startup s)'], ['fail', 'fail'], ['xfail', 'xfail'], ['xpass', 'xpass'], ['flaky', 'flaky'], ['infra', 'infra'], ['skip', 'skip'], ['running', 'running'], ['pending', 'pending'], ['not-run', 'not run']];
  return h('div', { class: 'legend' }, items.map(([v, t]) => h('span', null, h('i', { class: `swatch v-${v}` }), t)),
    h('span', null, h('i', { class: 'swatch has-fix v-fail' }), 'triage found a fix'),
    h('span', null, h('i', { class: 'swatch predicted-fail v-skip' }), 'preflight predicted a failure'),
    h('span', null, h('i', { class: 'swatch changed v-pass' }), 'verdict changed since the previous run'));
}
