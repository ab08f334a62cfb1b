// A Hugging Face hub on 127.0.0.1 for tests: the endpoints @huggingface/hub calls to download a
// snapshot (model info, recursive tree, paths-info, resolve with Range/ETag/X-Repo-Commit/
// X-Linked-Size), serving files the tests generate, with the failures a night meets: 429 rate
// limits, 401 for gated repos, a transfer cut mid-file, a revision that does not exist.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubRepo {
  name: string;
  /** branch/tag → commit; the first commit is also reachable by its hash. */
  refs: Record<string, string>;
  files: Record<string, Buffer>;
  /** Requests must carry `Authorization: Bearer <token>` (a gated repo). */
  token?: string;
}

export interface HubFaults {
  /** Answer the next N requests with 429 (Retry-After: 0). */
  rateLimit: number;
  /** Cut the body of the first full download of these paths halfway. */
  cutOnce: Set<string>;
}

export interface TestHub {
  url: string;
  faults: HubFaults;
  /** Full (non-Range) body downloads per `repo/path`. */
  downloads: Map<string, number>;
  /** Authorization headers seen (to prove the token went only where it should). */
  authorizations: string[];
  close(): Promise<void>;
}

const LFS_ABOVE = 1024 * 1024;

function gitOid(b: Buffer): string {
  return createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');
}

function entry(path: string, b: Buffer, commit: string) {
  const lfs = b.length > LFS_ABOVE ? { oid: createHash('sha256').update(b).digest('hex'), size: b.length, pointerSize: 134 } : undefined;
  return { type: 'file', path, size: b.length, oid: gitOid(b), ...(lfs ? { lfs } : {}), lastCommit: { id: commit, title: 'upload', date: '2026-01-01T00:00:00Z' } };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A tiny model: config.json, a sharded safetensors index and two shards of `shardBytes` random bytes. */
export function tinyModelFiles(opts: { architecture?: string; vision?: boolean; shardBytes?: number } = {}): Record<string, Buffer> {
  const n = opts.shardBytes ?? 2 * 1024 * 1024;
  const config = { architectures: [opts.architecture ?? 'LlamaForCausalLM'], model_type: 'llama', ...(opts.vision ? { vision_config: { hidden_size: 32 } } : {}), torch_dtype: 'bfloat16' };
  const index = { metadata: { total_size: 2 * n }, weight_map: { 'a.weight': 'model-00001-of-00002.safetensors', 'b.weight': 'model-00002-of-00002.safetensors' } };
  return {
    'config.json': Buffer.from(JSON.stringify(config, null, 2)),
    'model.safetensors.index.json': Buffer.from(JSON.stringify(index)),
    'model-00001-of-00002.safetensors': randomBytes(n),
    'model-00002-of-00002.safetensors': randomBytes(n),
  };
}

export function commitOf(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

export async function startTestHub(repos: HubRepo[]): Promise<TestHub> {
  const faults: HubFaults = { rateLimit: 0, cutOnce: new Set() };
  const downloads = new Map<string, number>();
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => json(res, 500, { error: String(e) }));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    if (faults.rateLimit > 0) {
      faults.rateLimit--;
      return json(res, 429, { error: 'You have been rate-limited' }, { 'retry-after': '0' });
    }
    const url = new URL(req.url!, 'http://hub');
    const m = /^\/(?:api\/models\/)?([\w.-]+\/[\w.-]+)\/(revision|tree|paths-info|resolve)\/([^/]+)(?:\/(.*))?$/.exec(url.pathname);
    const repo = m ? repos.find((r) => r.name === m[1]) : undefined;
    if (!m || !repo) return json(res, 404, { error: 'Repository Not Found' }, { 'x-error-code': 'RepoNotFound' });
    if (repo.token && req.headers.authorization !== `Bearer ${repo.token}`) {
      return json(res, 401, { error: `Access to model ${repo.name} is restricted. You must have access to it and be authenticated to access it. Please log in.` }, { 'x-error-code': 'GatedRepo' });
    }
    const rev = decodeURIComponent(m[3]!);
    const commit = repo.refs[rev] ?? (Object.values(repo.refs).includes(rev) ? rev : null);
    if (!commit) return json(res, 404, { error: `Invalid rev id: ${rev}` }, { 'x-error-code': 'RevisionNotFound' });
    const files = Object.entries(repo.files);
    if (m[2] === 'revision') return json(res, 200, { _id: repo.name, id: repo.name, sha: commit, private: false, gated: repo.token ? 'auto' : false, siblings: files.map(([p]) => ({ rfilename: p })) });
    if (m[2] === 'tree') return json(res, 200, files.map(([p, b]) => { const { lastCommit: _l, ...e } = entry(p, b, commit); return e; }));
    if (m[2] === 'paths-info') {
      const body = JSON.parse(await readBody(req)) as { paths: string[] };
      return json(res, 200, files.filter(([p]) => body.paths.includes(p)).map(([p, b]) => entry(p, b, commit)));
    }
    const path = decodeURIComponent(m[4] ?? '');
    const data = repo.files[path];
    if (!data) return json(res, 404, { error: 'Entry not found' }, { 'x-error-code': 'EntryNotFound' });
    serveFile(req, res, `${repo.name}/${path}`, data, entry(path, data, commit));
  };
  const serveFile = (req: IncomingMessage, res: ServerResponse, key: string, data: Buffer, e: ReturnType<typeof entry>) => {
    const headers: Record<string, string> = { etag: `"${e.lfs?.oid ?? e.oid}"`, 'x-repo-commit': e.lastCommit.id, 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
    if (e.lfs) Object.assign(headers, { 'x-linked-size': String(data.length), 'x-linked-etag': `"${e.lfs.oid}"` });
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${data.length}`, 'content-length': String(end - start + 1) });
      return res.end(req.method === 'HEAD' ? undefined : data.subarray(start, end + 1));
    }
    res.writeHead(200, { ...headers, 'content-length': String(data.length) });
    if (req.method === 'HEAD') return res.end();
    downloads.set(key, (downloads.get(key) ?? 0) + 1);
    if (faults.cutOnce.delete(key.slice(key.indexOf('/', key.indexOf('/') + 1) + 1))) {
      res.write(data.subarray(0, data.length >> 1), () => res.socket?.destroy());
      return;
    }
    res.end(data);
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    downloads,
    authorizations,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.on('data', (d) => (s += d));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}
