// The benchmark table: one row per figure, the harness's median, each peer's median with the
// ratio (peer ÷ harness for lower-is-better figures: "4.0×" means the harness is 4 times faster).
import { ratiosOf, type BenchResult } from './bench.ts';

function fmt(x: number, unit: string): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return `${x} ${unit}`.trim();
  const v = Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
  return `${v} ${unit}`.trim();
}

export function printTable(results: BenchResult[], out: NodeJS.WritableStream): void {
  const rows: string[][] = [['bench', 'N', 'figure', 'harness', 'peers (ratio)', 'goal', 'met']];
  for (const r of results) {
    for (const f of r.figures) {
      const ratios = ratiosOf(f);
      const peers = Object.entries(f.peers ?? {})
        .map(([name, v]) => (ratios ? `${name} ${fmt(v, f.unit)} (${ratios[name]!.toFixed(1)}×)` : `${name} ${fmt(v, f.unit)}`))
        .join('; ');
      rows.push([r.id, String(r.trials), f.metric, fmt(f.value, f.unit), peers || '—', f.goal ?? '—', f.met === undefined ? '—' : f.met ? 'yes' : 'NO']);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  out.write('\n' + line(rows[0]!) + '\n' + widths.map((w) => '-'.repeat(w)).join('-|-') + '\n');
  for (const row of rows.slice(1)) out.write(line(row) + '\n');
  for (const r of results) for (const n of r.notes) out.write(`  ${r.id}: ${n}\n`);
}
