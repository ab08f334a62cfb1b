// B6 report at scale: the report helper's benchmark (report.bench.ts: 365 runs × 500 cells × 4
// probes in a store written through SqliteWriter; load + render + write in-process, HTML size,
// Chromium time to interactive) plus the wall time of the real `matrix report --runs 365` process,
// start to exit, on the same database.
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { b6 as reportBench } from './report.bench.ts';
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
  title: reportBench.title,
  async run(opts) {
    const inner = await reportBench.run(opts);
    const trials = opts.trials ?? 3;
    const cli: number[] = [];
    for (let i = 0; i < trials; i++) cli.push((await cliReport(scaleDb().path)).ms);
    const wall = median(cli);
    return {
      ...inner,
      figures: [{ metric: '`matrix report --runs 365` (CLI process, start to exit)', unit: 'ms', value: wall, goal: '< 5000 ms', met: wall < 5000 }, ...inner.figures],
      notes: [...inner.notes, `CLI wall time: median of ${trials} runs of bin/matrix.js on the same database.`],
      samples: { ...inner.samples, cliMs: cli },
    } satisfies BenchResult;
  },
};
