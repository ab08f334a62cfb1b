// A read-only HTTP server for the report: `/` renders the page from a fresh load on every request,
// (re-rendered only when the loader returns new data),
// `/logs/<name>` streams a cell's full log as plain text, `/api/…` answers JSON (when given an
// `api`). GET and HEAD only.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ReportData } from './data.ts';
import { renderReport } from './render.ts';
import { withLogLinks } from './write.ts';

export interface LoadedForServer {
  data: ReportData;
  logSources: Record<string, string>;
}

const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(head ? undefined : body);
}

/** Answers an /api/ path as JSON (status and body), or null when it is not the API's. */
export type ApiHandler = (path: string, query: URLSearchParams) => { status: number; body: unknown } | null;

export function createReportServer(load: () => LoadedForServer, api: ApiHandler | null = null): Server {
  let files = new Map<string, string>();
  let last: { loaded: LoadedForServer; html: string } | null = null;
  /** Renders again only when the loader hands back new data (it may cache while the database is unchanged). */
  const page = (): string => {
    const loaded = load();
    if (last?.loaded === loaded) return last.html;
    const linked = withLogLinks(loaded.data, loaded.logSources);
    files = linked.files;
    last = { loaded, html: renderReport(linked.data) };
    return last.html;
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'text/plain; charset=utf-8', 'read-only: GET and HEAD only\n', false, { allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const answer = api?.(path, url.searchParams);
    if (answer) {
      send(res, answer.status, 'application/json; charset=utf-8', `${JSON.stringify(answer.body)}\n`, head, { 'access-control-allow-origin': '*' });
      return;
    }
    if (path === '/' || path === '/index.html') {
      send(res, 200, 'text/html; charset=utf-8', page(), head);
      return;
    }
    const m = /^\/logs\/([^/]+)$/.exec(path);
    if (m) {
      const name = decodeURIComponent(m[1]!);
      if (!files.has(name)) page();
      const src = files.get(name);
      if (!src) {
        send(res, 404, 'text/plain; charset=utf-8', `no log ${name}\n`, head);
        return;
      }
      res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': statSync(src).size, 'content-security-policy': "default-src 'none'" });
      if (head) res.end();
      else createReadStream(src).pipe(res);
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
  };
  return createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `report failed: ${(e as Error).message}\n`, false);
      else res.destroy();
    }
  });
}
