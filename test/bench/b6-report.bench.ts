// B6 report at scale: 365 runs × 500 cells × 4 probes in a store database written through the
// SqliteWriter (report-db.ts, cached in the temp dir after the first build). Figures:
// `matrix report --runs 365` wall time (the real CLI process, start to exit), the HTML size, and
// time to interactive in Chromium (navigation start → grid drawn and handlers attached, median of
// 3 loads) from report.bench.ts, which also gives the in-process load + render time.
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchReport } from './report.bench.ts';
import { scaleDb } from './report-db.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { benchDir } from './support/emulated.ts';
import { median } from './support/stats.ts';

const ROOT = join(import.meta.dirname, '..', '..');

async function cliReport(db: string): Promise<{ ms: number; htmlBytes: number }> {
  const out = benchDir('matrix-bench-report-');
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'matrix.js'), 'report', '--db', db, '--runs', '365', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`B6: matrix report exited ${code}: ${err.slice(-1500)}`);
  const htmlBytes = statSync(join(out, 'index.html')).size;
  rmSync(out, { recursive: true, force: true });
  return { ms, htmlBytes };
}

export const b6: Bench = {
  id: 'B6',
  title: 'report at scale (365 × 500 × 4)',
  async run(opts) {
    const trials = opts.trials ?? 3;
    const db = scaleDb();
    const cli: Array<{ ms: number; htmlBytes: number }> = [];
    for (let i = 0; i < trials; i++) cli.push(await cliReport(db.path));
    const f = await benchReport({ fromDb: true, loads: trials });
    const reportS = median(cli.map((c) => c.ms)) / 1000;
    const htmlMb = median(cli.map((c) => c.htmlBytes)) / 1024 / 1024;
    const ttiS = f.interactiveMs / 1000;
    return {
      id: 'B6', title: this.title, trials,
      figures: [
        { metric: '`matrix report --runs 365` (CLI process, wall)', unit: 's', value: reportS, goal: '< 5 s', met: reportS < 5 },
        { metric: 'HTML size', unit: 'MiB', value: htmlMb, goal: '< 15 MB', met: htmlMb * 1024 * 1024 < 15 * 1024 * 1024 },
        { metric: 'time to interactive (Chromium)', unit: 's', value: ttiS, goal: '< 2 s', met: ttiS < 2 },
        { metric: 'in-process load + render', unit: 's', value: f.reportMs / 1000, peers: { load: f.loadMs / 1000, render: f.renderMs / 1000 }, comparison: true },
        { metric: 'open a cell panel', unit: 'ms', value: f.openPanelMs },
      ],
      notes: [`${f.runs} runs, ${f.cells} cells; database ${db.builtMs ? `built in ${(db.builtMs / 1000).toFixed(0)} s` : 'cached'}; Chromium headless, ${trials} loads.`],
      samples: { cliMs: cli.map((c) => c.ms) },
    } satisfies BenchResult;
  },
};
