// Writes a report directory: index.html plus each cell's full log under logs/, linked from the page.
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ReportData } from './data.ts';
import { renderReport } from './render.ts';

export interface WriteReportOptions {
  /** Full log file per cell id (absolute paths). */
  logSources?: Record<string, string>;
}

export interface WrittenReport {
  index: string;
  bytes: number;
  logs: number;
  /** Cells whose full log the database names but which could not be found or copied: their panels show the excerpt only. */
  missingLogs: Array<{ cell: string; path: string }>;
}

/** A file name for a cell's log: readable, filesystem-safe, unique per id. */
export function logFileName(cellId: string): string {
  const readable = cellId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120);
  const tag = createHash('sha1').update(cellId).digest('hex').slice(0, 8);
  return `${readable}-${tag}.log`;
}

/** Points each cell that has a readable full log at `logs/<name>`; returns the files to serve or copy. */
export function withLogLinks(data: ReportData, logSources: Record<string, string> = {}): { data: ReportData; files: Map<string, string>; missing: Array<{ cell: string; path: string }> } {
  const files = new Map<string, string>();
  const missing: Array<{ cell: string; path: string }> = [];
  const cells = data.cells.map((c) => {
    const src = logSources[c.id];
    if (!src) return c;
    if (!statSync(src, { throwIfNoEntry: false })?.isFile()) {
      missing.push({ cell: c.id, path: src });
      return c;
    }
    const name = logFileName(c.id);
    files.set(name, src);
    return { ...c, logHref: `logs/${encodeURIComponent(name)}` };
  });
  return { data: { ...data, cells }, files, missing };
}

export function writeReport(data: ReportData, outDir: string, opts: WriteReportOptions = {}): WrittenReport {
  mkdirSync(outDir, { recursive: true });
  const linked = withLogLinks(data, opts.logSources);
  if (linked.files.size) mkdirSync(join(outDir, 'logs'), { recursive: true });
  const failed = new Set<string>();
  const missingLogs = [...linked.missing];
  for (const [name, src] of linked.files) {
    try {
      copyFileSync(src, join(outDir, 'logs', name));
    } catch {
      failed.add(`logs/${encodeURIComponent(name)}`); // unreadable log: the page shows the excerpt without a link
      const cell = linked.data.cells.find((c) => c.logHref === `logs/${encodeURIComponent(name)}`);
      if (cell) missingLogs.push({ cell: cell.id, path: src });
    }
  }
  const cells = failed.size ? linked.data.cells.map((c) => (c.logHref && failed.has(c.logHref) ? { ...c, logHref: null } : c)) : linked.data.cells;
  const html = renderReport({ ...linked.data, cells });
  const index = join(outDir, 'index.html');
  writeFileSync(index, html);
  return { index, bytes: Buffer.byteLength(html), logs: linked.files.size - failed.size, missingLogs };
}
