// The summary band: counts per verdict (click to filter), the run's environment, and the three
// lists that matter most — regressions, newly fixed, flaky.
import type { CellState } from '../../harness/core/cell.ts';
import type { App } from './app.ts';
import { h } from './dom.ts';
import { historyText, perfChangeText, sinceTitle } from '../since/block.ts';
import { showsPastRun } from './grid.ts';
import { pastSince, runIndex } from './metric-change.ts';
import { VERDICT_HELP, VERDICT_ORDER, fmtTime, shortLabel, uniq } from './model.ts';

export function renderSummary(app: App): HTMLElement {
  const { data } = app;
  const counts = new Map<CellState, number>();
  const past = showsPastRun(app) ? data.runs.find((r) => r.id === app.state.run) : undefined;
  if (past) for (const [v, n] of Object.entries(past.counts)) counts.set(v as CellState, n);
  else for (const c of data.cells) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  const chips = h('div', { class: 'counts' }, VERDICT_ORDER.map((v) =>
    h('button', {
      class: `count v-${v}${app.state.filters.v.includes(v) ? ' on' : ''}${counts.get(v) ? '' : ' zero'}`,
      'data-verdict': v,
      title: `${v}: ${VERDICT_HELP[v]} — click to filter`,
      onclick: () => {
        const cur = app.state.filters.v;
        const next = cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v];
        app.update({ filters: { ...app.state.filters, v: next }, tab: 'grid' });
      },
    }, h('b', null, counts.get(v) ?? 0), ` ${v}`),
  ));
  const banner = past ? h('p', { class: 'past-banner' }, `Showing run ${past.id} from the history: its verdicts and figures (diagnoses, logs and the cell panel are the newest run's). `,
    h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); app.update({ run: null }); } }, 'back to the newest run')) : null;
  return h('section', { class: 'summary' }, h('div', { class: 'summary-top' }, chips, environment(app)), banner, lists(app));
}

/** The run picker: every run of the embedded history, newest first, with its failures. */
function runPicker(app: App): HTMLElement {
  const shown = showsPastRun(app) ? app.state.run : app.data.runs[0]?.id;
  return h('select', { class: 'run-picker', 'aria-label': 'run', onchange: (e: Event) => {
    const id = (e.target as HTMLSelectElement).value;
    app.update({ run: id === app.data.runs[0]?.id ? null : id });
  } }, app.data.runs.map((r, i) => {
    const bad = (r.counts.fail ?? 0) + (r.counts.infra ?? 0);
    return h('option', { value: r.id, selected: r.id === shown ? true : null, disabled: i > 0 && !app.data.hist.runs.includes(r.id) ? true : null },
      `${r.id} · ${fmtTime(r.startedAt)}${bad ? ` · ${bad} failing` : ''}${i === 0 ? ' (newest)' : ''}`);
  }));
}

function environment(app: App): HTMLElement {
  const run = (showsPastRun(app) ? app.data.runs.find((r) => r.id === app.state.run) : undefined) ?? app.data.runs[0];
  const fps = app.data.cells.map((c) => c.fingerprint).filter((f) => f !== null);
  const drivers = uniq(fps.map((f) => f.driverVersion ?? '?')).join(', ');
  const cudas = uniq(fps.map((f) => f.cudaVersion ?? 'not stated')).join(', ');
  const driverCudas = uniq(fps.map((f) => f.driverCuda ?? '?')).join(', ');
  const gpus = uniq(app.data.cells.map((c) => `${c.gpu} (${c.arch})`)).join(', ');
  const dur = run?.finishedAt ? Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 60000) : null;
  const kv = (k: string, v: string | null | undefined) => (v ? h('span', { class: 'kv' }, h('i', null, k), ' ', v) : null);
  return h('div', { class: 'env' },
    h('span', { class: 'kv' }, h('i', null, 'run'), ' ', runPicker(app)),
    kv('started', run ? fmtTime(run.startedAt) : null),
    kv('took', dur !== null ? `${dur} min` : 'running'),
    kv('host', run?.host),
    kv('commit', run?.gitCommit?.slice(0, 10)),
    run?.emulate ? h('span', { class: 'badge' }, 'emulated') : null,
    kv('GPUs', gpus),
    kv('drivers', drivers),
    kv('driver CUDA', driverCudas),
    kv('image CUDA', cudas),
    kv('history', `${app.data.hist.runs.length} run${app.data.hist.runs.length === 1 ? '' : 's'}`),
  );
}

function lists(app: App): HTMLElement {
  const since = showsPastRun(app) ? pastSince(app.data, runIndex(app.data, app.state.run)) : app.data.since;
  const cellLink = (id: string) => {
    const c = app.cells.get(id);
    return [h('a', { href: `#cell=${encodeURIComponent(id)}`, 'data-open': id }, id), c && c.verdict !== 'pass' ? h('span', { class: `tag v-${c.verdict}` }, shortLabel(c)) : null];
  };
  const box = (title: string, cls: string, items: Array<{ id: string; extra?: HTMLElement; tip?: string }>, empty: string) =>
    h('div', { class: `list ${cls}` },
      h('h3', null, title, ' ', h('span', { class: 'n' }, items.length)),
      items.length === 0 ? h('p', { class: 'muted' }, empty) : h('ul', null, items.slice(0, 50).map((it) =>
        h('li', it.tip ? { title: it.tip } : null, ...cellLink(it.id), it.extra ?? null),
      ), items.length > 50 ? h('li', { class: 'muted' }, `… ${items.length - 50} more`) : null),
    );
  const ids = (xs: string[]) => xs.map((id) => ({ id }));
  if (!since) {
    return h('div', { class: 'lists' },
      box('Regressions', 'regressions', ids(app.data.regressions), 'nothing broke since the previous run'),
      box('Newly fixed', 'fixed', ids(app.data.fixed), 'nothing newly fixed'),
      box('Flaky', 'flaky', ids(app.data.flaky), 'no flaky cells'),
    );
  }
  const prev = since.previous ? `the previous run` : 'a previous run (this is the first)';
  return h('div', { class: 'since' },
    h('h2', { class: 'since-title' }, sinceTitle(since), since.previous ? h('span', { class: 'muted' }, ` (${fmtTime(since.previous.startedAt)})`) : null,
      since.reportUrl ? h('a', { class: 'report-url', href: since.reportUrl }, 'published report') : null),
    h('div', { class: 'lists' },
      box('New failures', 'regressions', ids(since.newFailures), `nothing broke since ${prev}`),
      box('Newly fixed', 'fixed', ids(since.newlyFixed), 'nothing newly fixed'),
      box('Newly flaky', 'flaky', ids(since.newlyFlaky), 'nothing newly flaky'),
      box('Performance regressions', 'perf', since.perf.map((r) => ({ id: r.cell, extra: h('span', { class: 'perf-change' }, perfChangeText(r)), tip: `${historyText(r)} → ${r.run}` })), 'no figure moved beyond its history'),
    ),
  );
}
