// B7 store throughput: finished cells written per second through SqliteWriter.onCellEnd — each
// cell in its own transaction, as during a run (a killed run leaves whole cells) — into a fresh
// WAL database on the temp disk. 2,000 realistic CellResults (support/cell-results.ts: 1 attempt,
// phases, timeline, fingerprint, log excerpt; passing cells with 14 requests and their chunks,
// failing ones with a diagnosis) per trial; the cells' rows are inserted by onRunBegin beforehand
// and not timed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInfo } from '../../harness/run/run-info.ts';
import { openDb } from '../../harness/store/db.ts';
import { SqliteWriter } from '../../harness/store/writer.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { cellResult } from './support/cell-results.ts';
import { benchDir, planBench } from './support/emulated.ts';
import { median } from './support/stats.ts';

const CELLS = 2000;

export function storeTrial(cells: ReturnType<typeof planBench>['cells'], file: string, secrets: string[] = [], lean = false): { perS: number; mbPerCell: number } {
  const dir = benchDir('matrix-bench-store-');
  const dbPath = join(dir, 'r.sqlite');
  const db = openDb(dbPath);
  try {
    const run = runInfo({ id: `bench-${Date.now()}`, files: [file], emulate: false, argv: [], dbPath, outDir: dir, resumedFrom: null });
    const writer = new SqliteWriter(db, secrets);
    writer.onRunBegin(run, cells);
    const results = cells.map((c, k) => cellResult(c, k, lean));
    const t0 = performance.now();
    for (const r of results) writer.onCellEnd(r);
    const s = (performance.now() - t0) / 1000;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = db.pragma('page_size', { simple: true }) as number;
    return { perS: results.length / s, mbPerCell: (pages * size) / 1024 / 1024 / results.length };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const b7: Bench = {
  id: 'B7',
  title: 'store throughput',
  async run(opts) {
    const trials = opts.trials ?? 5;
    const models = Array.from({ length: CELLS / 20 }, (_, i) => `m${i}`);
    const { cells, file } = planBench({
      images: [0, 1, 2, 3].map((i) => ({ id: `img${i}`, emulate: 'ttft_ms: 5' })),
      models,
      flags: ['{ id: default }', '{ id: triton, options: { attention: triton } }', '{ id: eager, options: { cuda_graphs: off } }', '{ id: tp2, options: { tensor_parallel: 2 } }', '{ id: flashinfer, options: { attention: flashinfer } }'],
      probes: ['text', 'stream'],
    });
    const rates: number[] = [];
    let mbPerCell = 0;
    for (let i = 0; i < trials; i++) {
      const r = storeTrial(cells, file);
      rates.push(r.perS);
      mbPerCell = r.mbPerCell;
    }
    const withSecret = storeTrial(cells, file, ['hf_bench_secret_token']);
    const lean = storeTrial(cells, file, [], true);
    const rate = median(rates);
    return {
      id: 'B7', title: this.title, trials,
      figures: [
        { metric: `cells written per second (${cells.length} per trial, 1 transaction each)`, unit: 'cells/s', value: rate, lowerIsBetter: false, goal: '≥ 20,000/s', met: rate >= 20_000 },
        { metric: 'the same with one secret to redact (1 trial)', unit: 'cells/s', value: withSecret.perS, lowerIsBetter: false },
        { metric: 'lean cells: no probes, no timeline, 5-line log (1 trial)', unit: 'cells/s', value: lean.perS, lowerIsBetter: false },
        { metric: 'database size per cell', unit: 'KiB', value: mbPerCell * 1024 },
      ],
      notes: ['4 in 5 cells pass (text + stream probes: 14 requests, 330 chunk times), 1 in 5 fails with a diagnosis; WAL, synchronous=NORMAL (openDb).'],
      samples: { perS: rates },
    } satisfies BenchResult;
  },
};
