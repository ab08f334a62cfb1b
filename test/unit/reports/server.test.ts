import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportServer } from '../../../reports/server.ts';
import { logFileName } from '../../../reports/write.ts';
import { seedsReportData, SEED_IDS } from '../../fixtures/report/generate.ts';

describe('createReportServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'server-'));
  const log = join(dir, 'thor.log');
  writeFileSync(log, 'line 1\n<script>alert(1)</script>\n');
  let loads = 0;
  const server = createReportServer(() => {
    loads++;
    return { data: seedsReportData(3), logSources: { [SEED_IDS.thorVision]: log } };
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('renders the page from a fresh load on each request', async () => {
    const before = loads;
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('id="report-data"');
    expect(html).toContain(`logs/${encodeURIComponent(logFileName(SEED_IDS.thorVision))}`);
    await fetch(`${base}/index.html`);
    expect(loads).toBe(before + 2);
  });

  it('serves a linked log as plain text and nothing else', async () => {
    const ok = await fetch(`${base}/logs/${encodeURIComponent(logFileName(SEED_IDS.thorVision))}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await ok.text()).toBe('line 1\n<script>alert(1)</script>\n');
    expect((await fetch(`${base}/logs/${encodeURIComponent('../../../etc/passwd')}`)).status).toBe(404);
    expect((await fetch(`${base}/logs/nope.log`)).status).toBe(404);
    expect((await fetch(`${base}/etc/passwd`)).status).toBe(404);
  });

  it('is read-only: anything but GET and HEAD is refused', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${base}/`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('renders again only when the loader returns new data', async () => {
    let data = { data: seedsReportData(2), logSources: {} };
    const cached = createReportServer(() => data);
    await new Promise<void>((r) => cached.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(cached.address() as AddressInfo).port}/`;
    const first = await (await fetch(url)).text();
    expect(await (await fetch(url)).text()).toBe(first);
    data = { data: { ...seedsReportData(2), generatedAt: '2030-01-01T00:00:00.000Z' }, logSources: {} };
    expect(await (await fetch(url)).text()).toContain('2030-01-01T00:00:00.000Z');
    await new Promise<void>((r) => cached.close(() => r()));
  });

  it('answers 500 with the message when loading fails', async () => {
    const broken = createReportServer(() => {
      throw new Error('database is locked');
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', () => r()));
    const res = await fetch(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('database is locked');
    await new Promise<void>((r) => broken.close(() => r()));
  });
});
