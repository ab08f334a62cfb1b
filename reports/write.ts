// Writes a report directory: index.html plus each cell's full log under logs/, linked from the page.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
}

/** A file name for a cell's log: readable, filesystem-safe, unique per id. */
export function logFileName(cellId: string): string {
  const readable = cellId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120);
  const tag = createHash('sha1').update(cellId).digest('hex').slice(0, 8);
  return `${readable}-${tag}.log`;
}

export function writeReport(data: ReportData, outDir: string, opts: WriteReportOptions = {}): WrittenReport {
  mkdirSync(outDir, { recursive: true });
  const sources = opts.logSources ?? {};
  let logs = 0;
  const cells = data.cells.map((c) => {
    const src = sources[c.id];
    if (!src || !existsSync(src)) return c;
    const name = logFileName(c.id);
    mkdirSync(join(outDir, 'logs'), { recursive: true });
    copyFileSync(src, join(outDir, 'logs', name));
    logs++;
    return { ...c, logHref: `logs/${encodeURIComponent(name)}` };
  });
  const html = renderReport({ ...data, cells });
  const index = join(outDir, 'index.html');
  writeFileSync(index, html);
  return { index, bytes: Buffer.byteLength(html), logs };
}
