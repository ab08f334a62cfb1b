// The HTTP surface of the emulated server: /health, /version, /v1/models, /metrics,
// /v1/chat/completions (and NIM's /v1/health/*), with uvicorn-style access log lines.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServeArgs } from '../argv/serve-args.ts';
import type { Failure } from '../startup/failures.ts';
import type { EmulatorConfig } from '../../core/emulator-traits.ts';
import { prepareChat, type ChatLimits } from './chat-request.ts';
import { respondChat, type ResponderContext } from './chat-responder.ts';
import { isInjected500 } from '../startup/faults.ts';
import { renderSglangMetrics } from './metrics.ts';
import { renderVllmMetrics } from './metrics-vllm.ts';
import { errorBody } from './openai-shapes.ts';
import { sglangTime } from '../startup/log.ts';
import { versionBody } from '../argv/personality.ts';
import { nimMetadata, nimVersion, type NimProfile } from '../startup/startup-nim.ts';
import { parseGenerate, respondGenerate } from './generate-responder.ts';

export interface RouteState {
  args: ServeArgs;
  config: EmulatorConfig;
  limits: ChatLimits;
  responder: ResponderContext;
  ready: boolean;
  chatRequests: number;
  /** Called after each chat request finished (crash_after_requests). */
  onChatDone(count: number): void;
  log(line: string): void;
  /** A failure that strikes at the first image request (see failures.isServingFailure). */
  imageCrash: Failure | null;
  /** The NIM profile in use (personality nim), for /v1/metadata. */
  nimProfile: NimProfile | null;
  /** Die of that failure while serving: log it and exit 1 (open connections drop). */
  crash(f: Failure): void;
}

function send(res: ServerResponse, status: number, body: object | string, type = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const REASON: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

function accessLog(s: RouteState, req: IncomingMessage, status: number): void {
  const peer = `${req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1'}:${req.socket.remotePort ?? 0}`;
  const msg = `INFO:     ${peer} - "${req.method} ${req.url} HTTP/1.1" ${status} ${REASON[status] ?? ''}`;
  s.log(s.args.engine === 'sglang' ? `[${sglangTime()}] ${msg}` : `(APIServer pid=1) ${msg}`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function modelList(s: RouteState): object {
  const created = Math.floor(Date.now() / 1000);
  const owned = s.args.engine === 'sglang' ? 'sglang' : 'vllm';
  return {
    object: 'list',
    data: [
      {
        id: s.args.servedModelName,
        object: 'model',
        created,
        owned_by: owned,
        root: s.args.model,
        parent: null,
        max_model_len: s.limits.maxModelLen,
        permission: [{ id: `modelperm-${created}`, object: 'model_permission', created, allow_create_engine: false, allow_sampling: true, allow_logprobs: true, allow_search_indices: false, allow_view: true, allow_fine_tuning: false, organization: '*', group: null, is_blocking: false }],
      },
    ],
  };
}

/** SGLang's ErrorResponse is flat: {"object": "error", "message", "type", "param", "code"}. */
function sglangError(body: object | string): object | string {
  if (typeof body === 'object' && 'error' in body && typeof body.error === 'object') return { object: 'error', ...(body.error as object) };
  return body;
}

type Reply = (status: number, body: object | string, type?: string) => void;

/** /metrics in the engine's own families (SGLang: only with --enable-metrics, else FastAPI's 404). */
function metrics(s: RouteState, reply: Reply): void {
  // SGLang mounts /metrics only with --enable-metrics (facts/sglang/defaults.ts, metrics-endpoint): FastAPI's 404.
  if (s.args.engine === 'sglang' && s.args.metricsEnabled !== true) return reply(404, { detail: 'Not Found' });
  const m = s.responder.metrics;
  const speculative = s.args.speculative !== null;
  const text = s.args.engine === 'sglang'
    ? renderSglangMetrics(m, s.args.servedModelName, speculative, s.config.traits.version)
    : renderVllmMetrics(m, s.args.servedModelName, speculative, s.args.engine === 'vllm' ? s.config.traits.version : null);
  reply(200, text, 'text/plain; version=0.0.4; charset=utf-8');
}

/** POST /v1/chat/completions: injected 500s, bad JSON, refused requests, the image crash, else the answer. */
async function chatCompletions(s: RouteState, req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
  const k = ++s.chatRequests;
  const text = await readBody(req);
  if (isInjected500(k, s.config.traits.faults.http_500_rate)) {
    reply(500, errorBody('EngineCore encountered an issue. See stack trace (above) for the root cause.', 'InternalServerError', 500));
    return s.onChatDone(k);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    reply(400, errorBody('Expecting value: line 1 column 1 (char 0)', 'BadRequestError', 400));
    return s.onChatDone(k);
  }
  const p = prepareChat(raw, s.limits);
  if (!p.ok) {
    reply(p.status, p.body);
    return s.onChatDone(k);
  }
  if (s.imageCrash && p.req.question.images.length > 0) return s.crash(s.imageCrash);
  accessLog(s, req, 200);
  await respondChat(req, res, p.req, s.responder);
  s.onChatDone(k);
}

/** SGLang's native POST /generate: one non-streamed generation whose meta_info carries its speculative counts. */
async function generate(s: RouteState, req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
  let g: ReturnType<typeof parseGenerate>;
  try {
    g = parseGenerate(JSON.parse(await readBody(req)));
  } catch {
    g = 'Expecting value: line 1 column 1 (char 0)';
  }
  if (typeof g === 'string') return reply(400, { error: { message: g } });
  accessLog(s, req, 200);
  await respondGenerate(res, g, s.responder, s.config.traits.version);
}

export async function handle(s: RouteState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  const reply: Reply = (status, body, type) => {
    send(res, status, s.args.engine === 'sglang' ? sglangError(body) : body, type);
    accessLog(s, req, status);
  };
  const nim = s.args.engine === 'nim';
  if (!s.ready) {
    // SGLang and a NIM listen before they are ready. NIM's front answers liveness at once.
    if (nim && req.method === 'GET' && path === '/v1/health/live') return reply(200, { object: 'health.response', message: 'Service is live.' });
    if (nim && req.method === 'GET' && path === '/v1/health/ready') return reply(503, { error: { message: 'Service is not ready.', type: 'ServiceUnavailable', code: 503 } });
    return reply(503, '', 'text/plain');
  }
  if (nim && req.method === 'GET' && path === '/v1/version') return reply(200, nimVersion(s.config));
  if (nim && req.method === 'GET' && path === '/v1/metadata') return reply(200, nimMetadata(s.config, s.nimProfile));
  if (req.method === 'GET' && (path === '/health' || path === '/ping' || path === '/v1/health/ready' || path === '/v1/health/live' || path === '/health_generate')) {
    return reply(200, path.startsWith('/v1/health') ? { object: 'health.response', message: 'Service is ready.' } : '', path.startsWith('/v1/health') ? 'application/json' : 'text/plain');
  }
  const version = versionBody(s.config);
  if (req.method === 'GET' && path === '/version' && version) return reply(200, version);
  if (req.method === 'GET' && path === '/v1/models') return reply(200, modelList(s));
  if (req.method === 'GET' && path === '/metrics') return metrics(s, reply);
  if (req.method === 'POST' && path === '/v1/chat/completions') return chatCompletions(s, req, res, reply);
  if (req.method === 'POST' && path === '/generate' && s.args.engine === 'sglang') return generate(s, req, res, reply);
  return reply(404, { detail: 'Not Found' });
}
