// The one interface behind which all engine knowledge lives (ARCHITECTURE.md rule 2).
// Outside harness/engines/ and harness/emulator/ no code names an engine.
import type { EngineId, SemanticOptions } from '../core/cell.ts';

export interface CommandInput {
  /** Model repo id or path. */
  model: string;
  /** Branch, tag or commit of the model repo (null or absent: the repo's main). */
  revision?: string | null;
  options: SemanticOptions;
  /** Port the server must listen on inside the container. */
  port: number;
  /** Raw args from the matrix escape hatch, appended last. */
  extraArgs: string[];
  /** Engine version of the image (e.g. "0.11.0", see versionFromImageRef), when known; picks flags an old release understands. */
  version?: string | null;
}

export type CommandResult = { argv: string[] } | { unsupported: string };

export interface ReadinessRule {
  /** HTTP path polled until it answers `okStatus`. */
  path: string;
  okStatus: number;
}

export interface MetricNames {
  ttft: string;
  itl: string;
  e2e: string;
  promptTokens: string;
  generationTokens: string;
  /** Speculative decoding counters/gauges; null where the engine has none. */
  specDrafts: string | null;
  specDraftTokens: string | null;
  specAcceptedTokens: string | null;
  specAcceptedPerPos: string | null;
  /** SGLang-style gauge of mean accepted length. */
  specAcceptLength: string | null;
}

/**
 * A native route whose response carries one request's speculative-decoding counts (SGLang's
 * /generate meta_info; its OpenAI routes carry none). Field names from the engine's facts; a field
 * the release does not return is absent from the response.
 */
export interface SpecPerRequest {
  /** POST path, e.g. "/generate". */
  path: string;
  /** The body of a greedy generation of `prompt` with at most `maxTokens` new tokens. */
  body(prompt: string, maxTokens: number): Record<string, unknown>;
  /** The response object holding the counts, e.g. "meta_info". */
  where: string;
  /** Verify steps (target-model forward passes) of the request. */
  verify: string;
  /** Output tokens of the request. */
  completion: string;
  /** Accepted draft tokens (bonus tokens excluded), where the release returns them. */
  accepted: string;
}

export interface Engine {
  id: EngineId;
  /** The entrypoint of the engine's standard image (e.g. ["vllm","serve"]), or null when the image has none. */
  entrypoint: string[] | null;
  /** Default port the engine's server listens on. */
  defaultPort: number;
  /** The engine's argv after the entrypoint for the given semantic options. */
  command(input: CommandInput): CommandResult;
  readiness: ReadinessRule;
  metrics: MetricNames;
  /** Where one request's speculative counts can be read (absent: only the server's counters). */
  specPerRequest?: SpecPerRequest;
  /** The metric names of the release an image runs (version as the image names it; null: unknown), where they change by release. */
  metricsAt?(version: string | null): MetricNames;
  /** Where the running server reports its version, asked in order (default: GET /version, field "version"). */
  versionEndpoints?: Array<{ path: string; field: string }>;
  /** Env variables the engine needs set for the options (e.g. VLLM_* switches). */
  env?(options: SemanticOptions, version?: string | null): Record<string, string>;
}
