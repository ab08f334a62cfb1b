// Pulls from a private registry: a minimal registry on loopback that demands Basic auth. The real
// Docker engine pulls from it (127.0.0.0/8 registries may speak plain HTTP). Without credentials
// the cell is infra and the message names the missing credential; with the matrix's `auth:` the
// credential is sent (the registry then says the manifest does not exist).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, emulatedMatrix, parseRun, pathWithFakeNvidiaSmi, workdir, writeMatrix } from './support/matrix-cli.ts';
import { readFileSync, readdirSync } from 'node:fs';

const USER = 'robot';
const PASS = 'regpass-7f3a9c';
let server: Server;
let port = 0;
const seen: Array<{ path: string; auth: string | null }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const auth = req.headers.authorization ?? null;
    seen.push({ path: req.url ?? '', auth });
    const ok = auth === `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (!ok) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test-registry"', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    if (req.url === '/v2/') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('private registry credentials', () => {
  it('a pull denied for lack of credentials is infra and names the missing credential', async () => {
    const dir = workdir();
    const image = `127.0.0.1:${port}/private/vllm:0.19.0`;
    const m = writeMatrix(dir, emulatedMatrix({ image }));
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--pull', 'always', '--model-download', 'never'], {
      env: { PATH: pathWithFakeNvidiaSmi(dir), DOCKER_CONFIG: join(dir, 'no-docker-config'), MATRIX_LEASE_DIR: join(dir, 'leases') },
    });
    const out = parseRun(r);
    expect(r.code).toBe(3);
    const c = out.cells[0]!;
    expect(c.verdict).toBe('infra');
    expect(c.category).toBe('registry-auth');
    expect(c.reason).toContain(`no credential for 127.0.0.1:${port}`);
    expect(c.reason).toMatch(/docker login|auth: \{ username/);
  });

  it('sends the matrix auth (a ${VAR} secret) and keeps it out of every output', async () => {
    const dir = workdir();
    const image = `127.0.0.1:${port}/private/vllm:0.19.0`;
    const m = writeMatrix(dir, emulatedMatrix({ image }).replace('    engine: vllm\n', `    engine: vllm\n    auth: { username: ${USER}, password: "\${REG_PASS}" }\n`));
    const r = await cli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json', '--pull', 'always', '--model-download', 'never'], {
      env: { PATH: pathWithFakeNvidiaSmi(dir), DOCKER_CONFIG: join(dir, 'no-docker-config'), REG_PASS: PASS, MATRIX_LEASE_DIR: join(dir, 'leases') },
    });
    const out = parseRun(r);
    expect(out.cells[0]!.verdict).toBe('infra');
    expect(out.cells[0]!.category).toBe('image-missing'); // authenticated: the registry got as far as the manifest
    expect(seen.some((s) => s.auth?.startsWith('Basic '))).toBe(true);
    expect(r.stdout + r.stderr).not.toContain(PASS);
    const files = [join(dir, 'r.sqlite'), ...readdirSync(join(dir, 'out'), { recursive: true }).map((f) => join(dir, 'out', String(f)))];
    for (const f of files) {
      try {
        expect(readFileSync(f).includes(Buffer.from(PASS)), f).toBe(false);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
      }
    }
  });
});
