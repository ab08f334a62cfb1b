// B6, the report at scale: 365 runs × 500 cells × 4 probes. Measures render time, HTML size and
// time to interactive in Chromium (navigation start → grid drawn and handlers attached), plus the
// time to open a cell panel. `benchReport()` returns the figures for the bench runner;
// `benchReport({ fromDb: true })` first writes (once, cached in the temp dir) a store database at
// that scale and measures loadReportData too. CLI: `npx tsx test/bench/report.bench.ts [--db]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { scaleReportData, type ScaleOptions } from '../fixtures/report/generate.ts';
import { buildPageAssets } from '../../reports/page-assets.ts';
import { writeReport } from '../../reports/write.ts';
import { loadReportData } from '../../harness/store/report-data.ts';
import type { ReportData } from '../../reports/data.ts';
import { scaleDb } from './report-db.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { median } from './support/stats.ts';

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

export interface ReportBenchFigures {
  /** 'database': loaded from a store written at scale (what `matrix report` does); 'fixture': the ReportData directly. */
  source: 'database' | 'fixture';
  /** Building the scale database (0 when cached from an earlier bench). */
  dbBuildMs: number;
  /** loadReportData over all runs (database source only). */
  loadMs: number;
  /** load + render + write: the work of `matrix report` without process start-up. */
  reportMs: number;
  cells: number;
  runs: number;
  assetBuildMs: number;
  renderMs: number;
  htmlBytes: number;
  /** Median over the loads of navigation start → page ready. */
  interactiveMs: number;
  openPanelMs: number;
  goals: { renderMs: number; htmlBytes: number; interactiveMs: number };
}

export async function benchReport(opts: ScaleOptions & { loads?: number; fromDb?: boolean } = {}): Promise<ReportBenchFigures> {
  let data: ReportData;
  let dbBuildMs = 0;
  let loadMs = 0;
  let logSources: Record<string, string> = {};
  if (opts.fromDb) {
    const db = scaleDb(opts);
    dbBuildMs = db.builtMs;
    const t0 = performance.now();
    const loaded = loadReportData(db.path, { runs: opts.runs ?? 365 });
    loadMs = Math.round(performance.now() - t0);
    data = loaded.data;
    logSources = loaded.logSources;
  } else {
    data = scaleReportData(opts);
  }
  const dir = mkdtempSync(join(tmpdir(), 'report-bench-'));
  try {
    let t = performance.now();
    buildPageAssets();
    const assetBuildMs = performance.now() - t;
    t = performance.now();
    const written = writeReport(data, dir, { logSources });
    const renderMs = performance.now() - t;
    const browser = await chromium.launch({ ...CHROMIUM, headless: true });
    const loads: number[] = [];
    let openPanelMs = 0;
    try {
      for (let i = 0; i < (opts.loads ?? 3); i++) {
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(pathToFileURL(written.index).href);
        await page.waitForSelector('html[data-ready]');
        loads.push(Number(await page.getAttribute('html', 'data-ready')));
        if (i === 0) {
          const id = data.cells.find((c) => c.verdict === 'fail')?.id ?? data.cells[0]!.id;
          const t0 = Date.now();
          await page.click(`td[data-cell="${id}"]`);
          await page.waitForSelector('#panel .u-legend, #panel .p-sec');
          openPanelMs = Date.now() - t0;
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
    loads.sort((a, b) => a - b);
    return {
      source: opts.fromDb ? 'database' : 'fixture', dbBuildMs, loadMs, reportMs: loadMs + Math.round(renderMs),
      cells: data.cells.length, runs: data.runs.length, assetBuildMs: Math.round(assetBuildMs), renderMs: Math.round(renderMs),
      htmlBytes: written.bytes, interactiveMs: loads[loads.length >> 1]!, openPanelMs,
      goals: { renderMs: 5000, htmlBytes: 15 * 1024 * 1024, interactiveMs: 2000 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** B6 for test/bench/run.ts: `matrix report`'s work from a store at scale, and the page in Chromium. */
export const b6: Bench = {
  id: 'B6',
  title: 'report at scale (365 runs × 500 cells × 4 probes)',
  async run(opts): Promise<BenchResult> {
    const trials = opts.trials ?? 1;
    const runs: ReportBenchFigures[] = [];
    for (let i = 0; i < trials; i++) runs.push(await benchReport({ fromDb: true }));
    const m = (pick: (f: ReportBenchFigures) => number) => median(runs.map(pick));
    const report = m((f) => f.reportMs);
    const bytes = m((f) => f.htmlBytes);
    const tti = m((f) => f.interactiveMs);
    return {
      id: 'B6', title: this.title, trials,
      figures: [
        { metric: 'matrix report (load + render + write)', unit: 'ms', value: report, goal: '< 5000 ms', met: report < 5000 },
        { metric: 'HTML size', unit: 'MB', value: Math.round(bytes / 1e4) / 100, goal: '< 15 MB', met: bytes < 15 * 1024 * 1024 },
        { metric: 'time to interactive (Chromium)', unit: 'ms', value: tti, goal: '< 2000 ms', met: tti < 2000 },
        { metric: 'loadReportData', unit: 'ms', value: m((f) => f.loadMs), comparison: true },
        { metric: 'render + write', unit: 'ms', value: m((f) => f.renderMs), comparison: true },
        { metric: 'open a cell panel', unit: 'ms', value: m((f) => f.openPanelMs), comparison: true },
      ],
      notes: [
        `database built through SqliteWriter in ${runs[0]!.dbBuildMs} ms (0: cached in the temp dir from an earlier run)`,
        'time to interactive: navigation start → grid drawn and handlers attached (html[data-ready]), median of 3 loads',
      ],
      samples: { reportMs: runs.map((f) => f.reportMs), interactiveMs: runs.map((f) => f.interactiveMs), loadMs: runs.map((f) => f.loadMs) },
    };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchReport({ fromDb: process.argv.includes('--db') }).then((f) => console.log(JSON.stringify(f, null, 2)));
}
