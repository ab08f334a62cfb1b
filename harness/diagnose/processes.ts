// Untangling interleaved processes: the lines of each process (or rank) in log order, so that a
// traceback is read with its own frames and message, not with a neighbour's lines. Pure.
import type { LogLine } from './log-lines.ts';

/** One process's lines, as indexes into the whole log (ascending). */
export interface ProcessView {
  key: string | null;
  index: number[];
}

/** Every process's view, in the order each process first wrote a line. */
export function untangle(lines: readonly LogLine[]): ProcessView[] {
  const views = new Map<string | null, ProcessView>();
  lines.forEach((l, i) => {
    if (l.header) return;
    let v = views.get(l.proc);
    if (!v) views.set(l.proc, (v = { key: l.proc, index: [] }));
    v.index.push(i);
  });
  return [...views.values()];
}

/** The view that line i belongs to, and i's position in it. */
export function viewAt(views: readonly ProcessView[], lines: readonly LogLine[], i: number): { view: ProcessView; pos: number } | null {
  const view = views.find((v) => v.key === lines[i]!.proc);
  const pos = view ? view.index.indexOf(i) : -1;
  return view && pos >= 0 ? { view, pos } : null;
}
