// One POST of JSON to an engine's native route (e.g. SGLang's /generate), with the probe's
// deadline, timed like a non-streamed chat completion so it is stored with the others.
import { ProbeError } from '../errors.ts';
import type { RequestTarget } from './request.ts';
import { deadline, errorMessage, newTiming } from './request.ts';
import type { RequestTiming } from './probe.ts';
import { excerpt } from './sse.ts';

export interface NativeOutcome {
  json: Record<string, unknown> | null;
  timing: RequestTiming;
  error: ProbeError | null;
}

export async function postNative(target: RequestTarget, path: string, body: Record<string, unknown>, label: string): Promise<NativeOutcome> {
  const timing = newTiming(label, performance.now());
  const limit = deadline(target);
  const where = `POST ${target.baseUrl}${path}`;
  const failed = (message: string) => {
    timing.endMs = performance.now();
    timing.error = message;
    return { json: null, timing, error: new ProbeError(message) };
  };
  try {
    const res = await fetch(`${target.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: limit.signal });
    const text = await res.text();
    timing.endMs = performance.now();
    timing.status = res.status;
    if (!res.ok) return failed(`${label}: HTTP ${res.status} from ${where}: ${excerpt(text, 300)}`);
    const json = JSON.parse(text) as Record<string, unknown>;
    timing.chunks.push({ atMs: timing.endMs, kind: 'content' });
    return { json, timing, error: null };
  } catch (err) {
    return failed(limit.timedOut() ? `${label}: timed out after ${target.timeoutMs} ms — ${where}` : `${label}: ${errorMessage(err)} — ${where}`);
  } finally {
    limit.clear();
  }
}
