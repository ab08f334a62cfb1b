// The end-of-run verdict table: by default only the cells that did not pass (with how many are not
// listed), every cell with --verbose. A row's remedy and reason go on their own lines under it,
// wrapped to the terminal, never cut.
import { describePath } from '../triage.ts';
import { describeRemedy } from '../../diagnose/remedies.ts';
import type { CellResult } from '../../core/events.ts';
import { getEngine } from '../../engines/index.ts';
import { imageEngineVersion } from '../../engines/version.ts';
import { remedyFlags } from '../../engines/remedy-flags.ts';
import type { SignatureHint } from './signature-hints.ts';
import { columns, columnWidths } from './columns.ts';
import { wrap } from './wrap.ts';

export interface TableOptions {
  verbose: boolean;
  width: number;
  /** The run's signature hints: a reason that only repeats a hint's title is not printed again. */
  hints: readonly SignatureHint[];
  /** Strips what a container wrote that could drive the terminal. */
  inert(text: string): string;
}

export function verdictTable(results: readonly CellResult[], o: TableOptions): string {
  const listed = o.verbose ? [...results] : results.filter((r) => r.verdict !== 'pass');
  const rows = listed.sort((a, b) => a.cell.gpu.name.localeCompare(b.cell.gpu.name) || a.cell.id.localeCompare(b.cell.id));
  const title = tableTitle(results.length, rows.length, o.verbose);
  if (!rows.length) return `\n${title}\n`;
  const header = ['VERDICT', 'CELL', 'SIGNATURE', 'TRIES', 'TIME'];
  const body = rows.map((r) => [r.verdict, r.cell.id, o.inert(r.signature ?? ''), r.reusedFrom ? '-' : String(r.attempts.length), r.reusedFrom ? 'reused' : `${(r.durationMs / 1000).toFixed(1)}s`]);
  const widths = columnWidths([header, ...body]);
  const indent = ' '.repeat(widths[0]! + 2);
  const lines = ['', title, ...columns([header], { widths })];
  rows.forEach((r, i) => {
    lines.push(...columns([body[i]!], { widths }));
    for (const d of details(r, o)) lines.push(...wrap(d, o.width, indent));
  });
  return [...lines, ''].join('\n');
}

function tableTitle(total: number, listed: number, verbose: boolean): string {
  if (verbose) return `all ${total} cell${total === 1 ? '' : 's'}:`;
  const passed = total - listed;
  if (!listed) return `all ${total} cell${total === 1 ? '' : 's'} passed (--verbose lists them)`;
  return `${listed} of ${total} cells did not pass${passed ? ` (${passed} pass not listed; --verbose lists every cell)` : ''}:`;
}

/** Triage's fix in the engine's own flags: ": --mm-encoder-attn-backend TORCH_SDPA". */
function engineWords(r: CellResult): string {
  const c = r.cell;
  try {
    const engine = getEngine(c.image.engine);
    const f = remedyFlags(engine, { model: c.model.name, revision: c.model.revision ?? null, options: c.options, port: engine.defaultPort, extraArgs: c.args, version: imageEngineVersion(c.image) }, r.triage!.fixedBy!);
    const words = f ? [...Object.entries(f.env).map(([k, v]) => `${k}=${v}`), ...f.flags, ...f.removed.map((g) => `without ${g}`)] : [];
    return words.length ? `: ${words.join(' ')}` : '';
  } catch {
    return ''; // a cell of an engine this harness does not know (an earlier result)
  }
}

/** The lines under a row: what triage found, and the cell's own reason. */
function details(r: CellResult, o: TableOptions): string[] {
  const out: string[] = [];
  if (r.triage?.fixedBy) out.push(`fixed by ${describeRemedy(r.triage.fixedBy)} (triage)${engineWords(r)}`);
  else if (r.triage?.tried.length) out.push(`no remedy passed (tried ${r.triage.tried.map((t) => describeRemedy(t.options)).join(' · ')})`);
  else if (r.triage) out.push('no known remedy');
  const path = r.triage ? describePath(r.signature, r.triage, describeRemedy) : null;
  if (path) out.push(`triage path: ${path}`);
  if (r.triage?.stopped) out.push(`triage stopped: ${r.triage.stopped}`);
  const hintTitle = o.hints.find((h) => h.signature === r.signature)?.title;
  if (r.reason && r.verdict !== 'pass' && r.reason !== hintTitle) out.push(o.inert(r.reason));
  if (r.reusedFrom) out.push(`reused from run ${r.reusedFrom.runId}: no container ran (nothing that decides it changed)`);
  else if (r.notReused) out.push(`not reused: ${o.inert(r.notReused)}`);
  return out;
}
