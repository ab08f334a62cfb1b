// Pieces of the cell panel: failure, probes, startup timeline, fingerprint, reproduce command.
import type { EmbeddedCell } from '../embedded.ts';
import { h } from './dom.ts';
import { fixText, fmtNum, optionsText } from './model.ts';
import { renderEvidence } from './log-view.ts';

export function section(title: string, ...body: Array<Node | null>): HTMLElement {
  return h('section', { class: 'p-sec' }, h('h3', null, title), ...body);
}

const FAILED = new Set(['fail', 'xfail', 'infra']);

/** The preflight's prediction beside the outcome. */
export function predictionPart(c: EmbeddedCell): HTMLElement | null {
  const p = c.prediction;
  const m = c.modelPrediction;
  if (!p && !m) return null;
  const agrees = p ? (p.verdict === 'fail') === FAILED.has(c.verdict) : false;
  return section('Preflight',
    p ? h('p', { class: 'prediction' }, 'predicted ', h('b', null, p.verdict), ' · outcome ', h('b', null, c.verdict), ' ',
      h('span', { class: `badge ${agrees ? 'agrees' : 'differs'}` }, agrees ? 'agrees' : 'differs')) : null,
    p?.detail ? h('p', { class: 'muted' }, p.detail) : null,
    m ? h('p', { class: 'prediction model-prediction' }, 'model on image: ', h('b', null, m.verdict === 'unsupported' ? 'unsupported model' : m.verdict), m.certain ? ' (certain: the cell was skipped)' : '') : null,
    m?.detail ? h('p', { class: 'muted' }, m.detail) : null);
}

/** `--reuse`: the verdict is an earlier run's, linked; what the panel shows below is that run's attempt. */
export function reusedPart(c: EmbeddedCell): HTMLElement | null {
  if (!c.reusedFrom) return null;
  const href = `#run=${encodeURIComponent(c.reusedFrom)}&cell=${encodeURIComponent(c.id)}`;
  return section('Reused',
    h('p', { class: 'reused' }, 'reused from run ', h('a', { href }, c.reusedFrom), ': nothing that decides this verdict changed since (image digest, model revision, command, GPU and driver, probes, harness), so no container ran for it in this run. The attempt below is that run\'s.'));
}

export function failurePart(c: EmbeddedCell): HTMLElement | null {
  if (!c.title && !c.signature && !c.reason && !c.expect) return null;
  const fix = fixText(c);
  return section('Diagnosis',
    c.title ? h('p', { class: 'f-title' }, c.title) : null,
    h('div', { class: 'f-meta' },
      c.signature ? h('code', { class: 'sig' }, c.signature) : null,
      c.category && c.category !== 'healthy' ? h('span', { class: 'badge' }, c.category) : null,
      c.attempts > 1 ? h('span', { class: 'muted' }, `${c.attempts} attempts`) : null),
    c.explanation ? h('p', { class: 'f-expl' }, c.explanation) : null,
    c.reason && c.reason !== c.title ? h('p', { class: 'f-reason' }, c.reason) : null,
    c.expect ? h('p', { class: 'f-expect' }, 'Expected to fail with ', h('code', null, c.expect.fail), c.expect.issue ? ` (${c.expect.issue})` : '', c.expect.reason ? ` — ${c.expect.reason}` : '') : null,
    c.evidence.length ? h('div', null, h('h4', null, 'Evidence'), renderEvidence(c.evidence)) : null,
    c.remedies.length ? h('div', null, h('h4', null, 'Remedies, in the order triage tries them'),
      h('ol', { class: 'remedies' }, c.remedies.map((r) => h('li', null, h('code', null, optionsText(r as Record<string, unknown>)))))) : null,
    c.triage ? h('div', { class: `triage ${fix ? 'ok' : 'no'}` },
      h('h4', null, 'Triage'),
      fix ? h('p', { class: 'fixed-by' }, '✔ fixed by ', h('code', null, fix)) : h('p', { class: 'no-fix' }, c.triage.tried.length ? 'no remedy passed' : 'no known remedy'),
      c.fix ? h('div', { class: 'fix-paste' },
        h('p', null, 'In the engine\'s flags: ', h('code', { class: 'fix-flags' }, [...Object.entries(c.fix.env).map(([k, v]) => `${k}=${v}`), ...c.fix.flags, ...(c.fix.removed ?? []).map((g) => `without ${g}`)].join(' ') || '(no flag: the engine\'s default)')),
        h('p', { class: 'muted' }, 'Add it to the matrix:'), copyBox(c.fix.yaml, 'fix-yaml')) : null,
      h('ul', null, c.triage.tried.map((t) => h('li', t.after === undefined ? null : { class: 'chained', title: `tried because trial ${t.after + 1} failed with ${c.triage!.tried[t.after]?.signature ?? 'a new signature'}` },
        t.after === undefined ? '' : `↳ after ${c.triage!.tried[t.after]?.signature ?? 'a new signature'}: `,
        h('code', null, optionsText(t.options as Record<string, unknown>)), ` → ${t.outcome}`, t.signature ? ` (${t.signature})` : ''))),
      c.triage.stopped ? h('p', { class: 'muted' }, `triage stopped: ${c.triage.stopped}`) : null) : null,
    c.links.length ? h('div', { class: 'links' }, c.links.map((l) => h('a', { href: l, target: '_blank', rel: 'noopener noreferrer' }, l.replace(/^https:\/\/github\.com\//, '')))) : null,
  );
}

const FAMILIES: Array<[string, string]> = [['ttft', 'TTFT'], ['itl', 'ITL/chunk'], ['itl_token', 'ITL/token'], ['tpot', 'TPOT'], ['e2e', 'e2e']];
const LATENCY = /^(.*?)(ttft|itl_token|itl|tpot|e2e)_p(50|90|99)_ms$/;

function figure(m: Record<string, number>, key: string): HTMLElement | string {
  const [p50, p90, p99] = ['p50', 'p90', 'p99'].map((p) => m[`${key}_${p}_ms`]);
  if (p50 === undefined && p90 === undefined && p99 === undefined) return '–';
  return h('span', { class: 'fig' }, h('b', null, fmtNum(p50)), p90 !== undefined || p99 !== undefined ? h('small', null, `${fmtNum(p90)} · ${fmtNum(p99)}`) : null);
}

/** Latency groups of a probe's metrics: '' for ttft_p50_ms…, 'seq_' and 'conc_' for the stream probe. */
export function latencyPrefixes(metrics: Record<string, number>): string[] {
  const out = new Set<string>();
  for (const k of Object.keys(metrics)) {
    const m = LATENCY.exec(k);
    if (m) out.add(m[1]!);
  }
  return [...out];
}

function otherFigures(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .filter(([k]) => !LATENCY.test(k) && k !== 'acceptance_rate')
    .map(([k, v]) => `${k.replace(/_/g, ' ')} ${fmtNum(v)}`)
    .join(' · ');
}

export function probesPart(c: EmbeddedCell): HTMLElement | null {
  if (c.probes.length === 0) return null;
  const rows = c.probes.flatMap((p) => {
    const prefixes = latencyPrefixes(p.metrics);
    const acc = p.metrics.acceptance_rate;
    const other = otherFigures(p.metrics);
    const dot = h('span', { class: `dot v-${p.verdict === 'pass' ? 'pass' : p.verdict === 'fail' ? 'fail' : 'skip'}`, title: p.verdict });
    const lines = (prefixes.length ? prefixes : ['']).map((prefix, i) => h('tr', { class: `pv-${p.verdict}` },
      h('td', null, i === 0 ? dot : null, i === 0 ? p.name : '', prefix ? h('span', { class: 'muted' }, ` ${prefix.replace(/_$/, '')}`) : null),
      FAMILIES.map(([fam]) => h('td', { class: 'num' }, figure(p.metrics, `${prefix}${fam}`))),
      h('td', { class: 'num' }, i === 0 && acc !== undefined ? `${(acc * 100).toFixed(1)} %` : '–'),
    ));
    if (other) lines.push(h('tr', { class: 'other' }, h('td', null), h('td', { colspan: 5, class: 'muted small' }, other)));
    return lines;
  });
  const failed = c.probes.flatMap((p) => [
    ...(p.error ? [h('li', null, h('b', null, p.name), ': ', p.error)] : []),
    ...p.assertions.filter((a) => !a.ok).map((a) => h('li', null, h('b', null, p.name), ` ✗ ${a.name}: ${a.message}`)),
  ]);
  return section('Probes',
    h('table', { class: 'probes' },
      h('thead', null, h('tr', null, h('th', null, 'probe'), FAMILIES.map(([, l]) => h('th', { class: 'num' }, `${l} ms`)), h('th', { class: 'num' }, 'MTP acc.'))),
      h('tbody', null, rows)),
    h('p', { class: 'muted small' }, 'p50 in bold, p90 · p99 below, over the probe\'s requests (seq: one at a time, conc: concurrent); the formulas are in the Formulas tab.'),
    failed.length ? h('ul', { class: 'probe-errors' }, failed) : null,
  );
}

export function timelinePart(c: EmbeddedCell): HTMLElement | null {
  const phases = c.timeline.filter((p) => p.durationS !== null);
  if (phases.length === 0) return null;
  const end = Math.max(...phases.map((p) => (p.startS ?? 0) + (p.durationS ?? 0)), 1);
  let cursor = 0;
  const rows = phases.map((p) => {
    const start = p.startS ?? cursor;
    cursor = start + (p.durationS ?? 0);
    const detail = Object.entries(p.detail).map(([k, v]) => `${k}=${v}`).join(' ');
    return h('div', { class: 'tl-row', title: detail },
      h('span', { class: 'tl-name' }, p.name),
      h('span', { class: 'tl-track' }, h('span', { class: `tl-bar tl-${p.name}`, style: `left:${(start / end) * 100}%;width:${Math.max(((p.durationS ?? 0) / end) * 100, 0.4)}%` })),
      h('span', { class: 'tl-dur num' }, `${fmtNum(p.durationS)} s`),
    );
  });
  return section(`Startup timeline — ${fmtNum(end)} s`, h('div', { class: 'timeline' }, rows));
}

export function fingerprintPart(c: EmbeddedCell): HTMLElement | null {
  const f = c.fingerprint;
  const rows: Array<[string, string | null | undefined]> = [
    ['image', c.imageRef], ['digest', f?.imageDigest], ['engine', `${c.engine} ${f?.engineVersion ?? ''}`.trim()],
    ['GPU', f?.gpuName ?? c.gpu], ['compute capability', f ? `${f.computeCapability} (${c.arch})` : c.arch],
    ['driver', f?.driverVersion], ['driver CUDA', f?.driverCuda], ['image CUDA', f ? (f.cudaVersion ?? 'not stated by the image') : null], ['torch', f?.torchVersion],
    ['image labels', f ? Object.entries(f.imageLabels).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(' · ') : null], ['options', optionsText(c.options as Record<string, unknown>) || 'defaults'],
  ];
  const order = ['image', 'create', 'start', 'ready', 'probes', 'teardown'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const steps = Object.entries(c.steps).sort((a, b) => rank(a[0]) - rank(b[0])).map(([k, v]) => `${k} ${fmtNum(v)} s`).join(' · ');
  if (steps) rows.push(['steps', steps]);
  if (c.prediction) rows.push(['preflight', `${c.prediction.verdict}: ${c.prediction.detail}`]);
  return section('Environment', h('dl', { class: 'fp' }, rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v!)])));
}

export function reproducePart(c: EmbeddedCell): HTMLElement | null {
  if (!c.dockerRun) return null;
  return section('Reproduce', copyBox(c.dockerRun, 'cmd'));
}

/** Text in a box with a copy button. */
function copyBox(cmd: string, cls: string): HTMLElement {
  const pre = h('pre', { class: cls }, cmd);
  const button = h('button', { class: 'copy', type: 'button' }, 'copy');
  button.addEventListener('click', () => {
    const done = () => {
      button.textContent = 'copied';
      setTimeout(() => (button.textContent = 'copy'), 1500);
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(cmd).then(done, () => selectText(pre));
    else selectText(pre);
  });
  return h('div', { class: 'cmd-box' }, pre, button);
}

function selectText(el: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}
