// The fetch the hub client uses: it adds the token (only towards the hub itself, so a redirect to
// a CDN never carries it), waits and retries when the hub rate-limits (429, honouring Retry-After),
// and counts the bytes of file bodies as they stream, for progress.
export interface HubFetchOptions {
  hubUrl: string;
  token: string | null;
  /** 429 answers retried before giving up (then the client sees the 429). */
  retries?: number;
  /** First backoff; doubles each time, capped by maxDelayMs (Retry-After wins when shorter than the cap). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onBytes?(n: number): void;
  /** Told each time a 429 is waited out. */
  onRateLimited?(attempt: number, waitMs: number): void;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export interface HubFetch {
  fetch: typeof fetch;
  /** 429 answers seen so far (waited out or not). */
  rateLimited(): number;
}

function headersOf(init: RequestInit | undefined): Headers {
  return new Headers(init?.headers);
}

/** Milliseconds the hub asks to wait (Retry-After in seconds or as a date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function counted(resp: Response, onBytes: (n: number) => void): Response {
  if (!resp.body) return resp;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, ctl) {
      onBytes(chunk.byteLength);
      ctl.enqueue(chunk);
    },
  });
  return new Response(resp.body.pipeThrough(counter), { status: resp.status, statusText: resp.statusText, headers: resp.headers });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

export function hubFetch(o: HubFetchOptions): HubFetch {
  const base = o.fetch ?? fetch;
  const origin = new URL(o.hubUrl).origin;
  let limited = 0;
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const headers = headersOf(init);
    if (o.token && url.origin === origin && !headers.has('authorization')) headers.set('authorization', `Bearer ${o.token}`);
    // File bytes: plain downloads (resolve) and, for Xet-stored files, the ranges of the CAS; not the
    // one-byte probes (Range: bytes=0-0) nor the JSON of the API.
    const isBody = (init?.method ?? 'GET') === 'GET' && headers.get('range') !== 'bytes=0-0';
    for (let attempt = 0; ; attempt++) {
      const resp = await base(url, { ...init, headers, signal: init?.signal ?? o.signal });
      if (resp.status === 429) limited++;
      if (resp.status !== 429 || attempt >= (o.retries ?? 5)) return isBody && o.onBytes && resp.ok && !/json/.test(resp.headers.get('content-type') ?? '') ? counted(resp, o.onBytes) : resp;
      await resp.body?.cancel();
      const backoff = Math.min((o.baseDelayMs ?? 1000) * 2 ** attempt, o.maxDelayMs ?? 60_000);
      const wait = Math.min(retryAfterMs(resp.headers.get('retry-after')) ?? backoff, o.maxDelayMs ?? 60_000);
      o.onRateLimited?.(attempt + 1, wait);
      await sleep(wait, o.signal);
    }
  };
  return { fetch: wrapped as typeof fetch, rateLimited: () => limited };
}
