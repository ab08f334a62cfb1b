// What every probe request shares: the target server, the outcome shape, and one deadline that
// merges the per-request timeout with the run's abort signal.
import type OpenAI from 'openai';
import { ProbeError } from '../errors.ts';
import type { ProbeContext } from './probe.ts';
import type { RequestTiming } from '../core/probe-result.ts';

/** The part of a ProbeContext a request needs. */
export type RequestTarget = Pick<ProbeContext, 'baseUrl' | 'timeoutMs' | 'signal'>;

/** A chat request body without the streaming switches (the client sets those). */
export type ChatRequest = Omit<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, 'stream' | 'stream_options'>;

/** The result of one request. `timing` is always filled (also on failure) so it can be stored. */
export interface ChatOutcome {
  text: string;
  finishReason: string | null;
  timing: RequestTiming;
  /** null on success; on failure the same message is in timing.error. */
  error: ProbeError | null;
}

export function newTiming(label: string, startMs: number): RequestTiming {
  return { label, startMs, chunks: [], endMs: startMs, promptTokens: null, completionTokens: null, status: null, error: null };
}

export function fail(outcome: Omit<ChatOutcome, 'error'>, error: ProbeError): ChatOutcome {
  outcome.timing.error = error.message;
  if (error.detail.status !== undefined && outcome.timing.status === null) outcome.timing.status = error.detail.status;
  return { ...outcome, error };
}

/**
 * One deadline per request: aborts `signal` when `timeoutMs` passes or the run's signal aborts.
 * `timedOut` tells the two apart afterwards. Call `clear()` when the request settles.
 */
export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  onAbort(fn: () => void): void;
  clear(): void;
}

export function deadline(target: RequestTarget): Deadline {
  const controller = new AbortController();
  let expired = false;
  const listeners: Array<() => void> = [];
  const abort = (reason: unknown): void => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    for (const fn of listeners) fn();
  };
  const timer = setTimeout(() => {
    expired = true;
    abort(new Error(`timed out after ${target.timeoutMs} ms`));
  }, target.timeoutMs);
  const onRunAbort = (): void => abort(target.signal.reason);
  if (target.signal.aborted) onRunAbort();
  else target.signal.addEventListener('abort', onRunAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    onAbort: (fn) => {
      if (controller.signal.aborted) fn();
      else listeners.push(fn);
    },
    clear: () => {
      clearTimeout(timer);
      target.signal.removeEventListener('abort', onRunAbort);
    },
  };
}

export function abortReason(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r.message;
  return r === undefined ? 'aborted' : String(r);
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message && cause.message !== err.message ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}
