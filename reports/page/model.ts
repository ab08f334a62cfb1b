// What the page knows about cells: verdict names and colours, short signature labels, option
// text, history decoding and the filter predicate. No DOM.
import { ENGINE_IDS, type CellState, type Verdict, type SemanticOptions } from '../../harness/core/cell.ts';
import { CODE_VERDICT, type EmbeddedCell, type EmbeddedReport } from '../embedded.ts';

/** Verdicts, then the states of cells without one (never counted as infra). */
export const VERDICT_ORDER: CellState[] = ['fail', 'xpass', 'flaky', 'infra', 'xfail', 'pass', 'skip', 'running', 'pending', 'not-run'];

export const VERDICT_HELP: Record<CellState, string> = {
  pass: 'served and answered every probe',
  fail: 'failed unexpectedly',
  xfail: 'failed as the matrix expects (same signature)',
  xpass: 'expected to fail, now passes: drop the expectation',
  flaky: 'failed, then passed on retry',
  infra: 'the runner could not test',
  skip: 'does not apply',
  running: 'being tested now',
  pending: 'waiting to be tested',
  'not-run': 'not tested: the run ended first (--resume runs it)',
};

const CATEGORY_SHORT: Record<string, string> = {
  'ptx-toolchain': 'PTX', 'no-kernel-image': 'no kernel', 'graph-capture': 'capture', oom: 'OOM',
  'unsupported-model': 'model', 'backend-unsupported': 'backend', nccl: 'NCCL', 'driver-mismatch': 'driver',
  'import-error': 'import', other: 'other', infra: 'infra',
};

/** A signature id's engine prefix ("vllm-", "sglang-", "nim-"): the cell's column already names the engine. */
const ENGINE_PREFIX = new RegExp(`^(?:${ENGINE_IDS.join('|')})-`);

/** The short label drawn on a failed cell. */
export function shortLabel(c: EmbeddedCell): string {
  if (c.category && CATEGORY_SHORT[c.category]) return CATEGORY_SHORT[c.category]!;
  return c.signature ? c.signature.replace(ENGINE_PREFIX, '').slice(0, 14) : c.verdict;
}

export function optionsText(o: Record<string, unknown> | null | undefined): string {
  if (!o) return '';
  return Object.entries(o)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? Object.values(v).join('×') : String(v)}`)
    .join(', ');
}

export function fixText(c: EmbeddedCell): string | null {
  return c.triage?.fixedBy ? optionsText(c.triage.fixedBy as SemanticOptions as Record<string, unknown>) : null;
}

export interface CellHistory {
  at: number[];
  verdicts: Array<Verdict | null>;
  startupS: Array<number | null>;
  ttftMs: Array<number | null>;
  itlMs: Array<number | null>;
}

export function cellHistory(data: EmbeddedReport, id: string): CellHistory | null {
  const h = data.hist.cells[id];
  if (!h) return null;
  return { at: data.hist.at, verdicts: [...h.v].map((c) => CODE_VERDICT[c] ?? null), startupS: h.startupS, ttftMs: h.ttftMs, itlMs: h.itlMs };
}

/** The cell's verdict in the run before the current one (the last two points of its history), or null. */
export function previousVerdict(data: EmbeddedReport, id: string): Verdict | null {
  const v = data.hist.cells[id]?.v;
  if (!v) return null;
  let seen = 0;
  for (let i = v.length - 1; i >= 0; i--) {
    const verdict = CODE_VERDICT[v[i]!];
    if (!verdict) continue;
    if (++seen === 2) return verdict;
  }
  return null;
}

export interface Filters {
  gpu: string;
  image: string;
  model: string;
  flags: string;
  sig: string;
  q: string;
  v: CellState[];
}

export const NO_FILTERS: Filters = { gpu: '', image: '', model: '', flags: '', sig: '', q: '', v: [] };

/**
 * What search looks through: the cell's names, signature, reason and options, the engine's own
 * flags (its `docker run` line), the expectation's issue, the links, and the failing log text
 * (evidence lines; the log excerpt of a cell that did not pass; a flaky cell's failed attempt).
 */
export function searchText(c: EmbeddedCell): string {
  const failing = c.verdict !== 'pass' && c.verdict !== 'skip';
  return [
    c.id, c.imageRef, c.engine, c.arch, c.signature, c.category, c.title, c.reason, c.verdict, optionsText(c.options as Record<string, unknown>),
    c.dockerRun, c.expect?.issue, c.expect?.reason, ...c.links, ...c.evidence.map((l) => l.text),
    ...(failing ? c.logExcerpt.map((l) => l.text) : []),
    c.failedAttempt?.signature, ...(c.failedAttempt?.evidence ?? []).map((l) => l.text),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

export function matches(c: EmbeddedCell, f: Filters, text: string): boolean {
  if (f.gpu && c.gpu !== f.gpu) return false;
  if (f.image && c.image !== f.image) return false;
  if (f.model && c.model !== f.model) return false;
  if (f.flags && c.flags !== f.flags) return false;
  if (f.sig && (c.signature ?? '') !== f.sig) return false;
  if (f.v.length && !f.v.includes(c.verdict)) return false;
  if (f.q) {
    for (const word of f.q.toLowerCase().split(/\s+/).filter(Boolean)) if (!text.includes(word)) return false;
  }
  return true;
}

export function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

export function fmtNum(n: number | null | undefined, unit = ''): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (Number.isInteger(n)) return unit ? `${n} ${unit}` : String(n);
  const s = Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
  return unit ? `${s} ${unit}` : s;
}

export function fmtTime(iso: string | null): string {
  if (!iso) return '–';
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}
