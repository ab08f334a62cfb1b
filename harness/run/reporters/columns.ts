// The one column printer of the console and the CLI: rows of cells, each column but the last padded
// to its widest cell, two spaces between columns, no trailing blanks. Pure.

/** The width of each column: its widest cell (a short row has no cell in the columns it lacks). */
export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const n = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => (r[i] ?? '').length)));
}

/**
 * The rows as aligned lines, `indent` before each. `widths` lines up several tables printed
 * apart (default: these rows' own widths).
 */
export function columns(rows: readonly (readonly string[])[], opts: { indent?: string; widths?: readonly number[] } = {}): string[] {
  const widths = opts.widths ?? columnWidths(rows);
  return rows.map((r) => (opts.indent ?? '') + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}
