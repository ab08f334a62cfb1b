// Drives peers/b6-sqlite-html.sh on B6's database and opens its page in the same Chromium as the
// report: wall time of the script (start to exit), the HTML's size, and the time from navigation
// start to the first frame after the load event (a static table has no handlers to attach, so
// that frame is when all of it can be read, scrolled and searched), median of `loads` loads (none:
// NaN). Also the first contentful paint: Chromium shows the first rows long before the rest.
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../report.bench.ts';
import { benchDir } from '../support/emulated.ts';
import { median } from '../support/stats.ts';

const SCRIPT = join(import.meta.dirname, 'b6-sqlite-html.sh');

export interface StaticTable {
  wallMs: number;
  htmlBytes: number;
  interactiveMs: number;
  firstPaintMs: number;
}

export async function staticTablePeer(db: string, runs: number, loads = 3): Promise<StaticTable> {
  const out = benchDir('matrix-bench-b6-peer-');
  try {
    const t0 = performance.now();
    const child = spawn('bash', [SCRIPT, db, out, String(runs)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
    const wallMs = performance.now() - t0;
    if (code !== 0) throw new Error(`B6: b6-sqlite-html.sh exited ${code}: ${err.slice(-1500)}`);
    const index = join(out, 'index.html');
    if (loads === 0) return { wallMs, htmlBytes: statSync(index).size, interactiveMs: Number.NaN, firstPaintMs: Number.NaN };
    const browser = await chromium.launch({ ...CHROMIUM, headless: true });
    const times: number[] = [];
    const paints: number[] = [];
    try {
      for (let i = 0; i < loads; i++) {
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(pathToFileURL(index).href, { waitUntil: 'load', timeout: 300_000 });
        times.push(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))));
        paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
        await page.close();
      }
    } finally {
      await browser.close();
    }
    return { wallMs, htmlBytes: statSync(index).size, interactiveMs: median(times), firstPaintMs: median(paints) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
