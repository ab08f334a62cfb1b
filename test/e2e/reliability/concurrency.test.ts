// Concurrency: two `matrix run` processes writing one database at the same time leave it whole
// with both runs' cells; `matrix serve` binds to localhost by default and changes nothing.
// (Two runs never sharing a GPU: test/e2e/run.test.ts.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, parseRun, query, startCli, workdir, writeMatrix } from '../support/matrix-cli.ts';
import { checkpoint, imagesMatrix, integrityCheck, leftovers } from '../support/reliability.ts';

const runIds: string[] = [];
const FLAGS = '  - { id: f1 }\n  - { id: f2 }\n  - { id: f3 }';

afterAll(async () => {
  expect(await leftovers(runIds)).toEqual([]);
});

describe('two runs, one database', () => {
  it('both write the same --db at once: integrity ok, every cell of both runs stored', async () => {
    const dir = workdir();
    const db = join(dir, 'shared.sqlite');
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'a' }, { id: 'b' }], flags: FLAGS, probes: 'text, stream' }));
    const ids = [`same-db-1-${process.pid}`, `same-db-2-${process.pid}`];
    runIds.push(...ids);
    // Separate lease directories: the two runs really run side by side.
    const rs = await Promise.all(
      ids.map((id, i) =>
        cli(['run', m, '--emulate', '--emulate-gpus', '3', '--db', db, '--out', join(dir, `out-${i}`), '--run-id', id, '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } }),
      ),
    );
    for (const r of rs) expect(r.code, r.stderr).toBe(0);
    expect(rs.map((r) => parseRun(r).cells.length)).toEqual([6, 6]);
    expect(integrityCheck(db)).toBe('ok');
    const runs = query<{ id: string; status: string }>(db, 'SELECT id, status FROM runs ORDER BY id');
    expect(runs).toEqual(ids.map((id) => ({ id, status: 'finished' })).sort((x, y) => x.id.localeCompare(y.id)));
    for (const id of ids) {
      const cells = query<{ n: number; passed: number }>(db, "SELECT COUNT(*) AS n, SUM(verdict = 'pass') AS passed FROM cells WHERE run_id = ?", id)[0]!;
      expect(cells).toEqual({ n: 6, passed: 6 });
      const probes = query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM probes WHERE run_id = ?', id)[0]!;
      expect(probes.n).toBe(12);
      const reqs = query<{ n: number }>(db, "SELECT COUNT(*) AS n FROM requests WHERE run_id = ? AND probe = 'stream'", id)[0]!;
      expect(reqs.n).toBeGreaterThan(0);
    }
    expect(query<{ fk: number }>(db, 'SELECT COUNT(*) AS fk FROM pragma_foreign_key_check')[0]!.fk).toBe(0);
  });
});

describe('matrix serve', () => {
  it('binds to 127.0.0.1 by default, refuses POST/PUT/DELETE/PATCH, serves no file outside its logs, and leaves the database unchanged', async () => {
    const dir = workdir();
    const db = join(dir, 'r.sqlite');
    const runId = `serve-${process.pid}`;
    runIds.push(runId);
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'a' }] }));
    const run = await cli(['run', m, '--emulate', '--db', db, '--out', join(dir, 'out'), '--run-id', runId], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
    expect(run.code, run.stderr).toBe(0);
    checkpoint(db);
    const digest = () => createHash('sha256').update(readFileSync(db)).digest('hex');
    const before = digest();

    const serve = startCli(['serve', '--db', db, '--port', '0']);
    let printed = '';
    serve.stdout!.on('data', (d) => (printed += d));
    try {
      let url = '';
      for (let i = 0; i < 100 && !url; i++) {
        url = /http:\/\/[^\s/]+:\d+\//.exec(printed)?.[0] ?? '';
        if (!url) await new Promise((r) => setTimeout(r, 100));
      }
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const port = Number(new URL(url).port);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<html');

      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await fetch(url, { method, body: method === 'DELETE' ? undefined : '{"runs":[]}', headers: { 'content-type': 'application/json' } });
        expect(res.status, method).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
      }
      for (const path of ['logs/..%2f..%2f..%2fetc%2fpasswd', 'logs/%2e%2e/r.sqlite', '../r.sqlite', 'r.sqlite']) {
        const res = await fetch(url + path);
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(await res.text()).not.toContain('root:');
      }
      // Not reachable on any other address of this machine.
      const others = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address);
      for (const addr of others) {
        await expect(fetch(`http://${addr}:${port}/`, { signal: AbortSignal.timeout(3000) }), addr).rejects.toThrow();
      }
    } finally {
      serve.kill('SIGTERM');
      await serve.done;
    }
    expect(digest()).toBe(before);
    expect(integrityCheck(db)).toBe('ok');
  });
});
