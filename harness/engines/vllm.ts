// vLLM: the engine adapter. Every choice it makes per release comes from the facts read from that
// release's source (harness/engines/facts/vllm/, see `matrix engines vllm@X`): the launcher (the
// images up to 0.11.0 run api_server, which ignores a positional model, so the model goes as
// --model), the flags and values of vllm-options.ts, VLLM_ATTENTION_BACKEND for releases without
// --attention-backend, readiness and metric names.
import type { SemanticOptions } from '../core/cell.ts';
import type { CommandInput, CommandResult, Engine, MetricNames } from './engine.ts';
import { factsAt, releaseFor, VLLM_FACTS as F } from './facts/index.ts';
import { revisionFlag } from './flags.ts';
import { attentionByEnv, vllmAttentionName, vllmOptionFlags, vllmRelease } from './vllm-options.ts';

export { VLLM_NGRAM_LOOKUP, vllmOptionFlags, vllmRelease } from './vllm-options.ts';

/** How the release's official image takes the model: positional (`vllm serve MODEL`) or only as --model. */
export function vllmModelArgs(model: string, version: string | null | undefined): string[] {
  const launcher = factsAt(F, F.launchers, vllmRelease(version))[0];
  return launcher?.model === 'flag' ? ['--model', model] : [model];
}

/**
 * A release older than every release read has no facts: its launcher, flags and values are not
 * known, so the cell is refused (shown at plan time) rather than run with 0.10.2's.
 */
export function vllmUnread(version: string | null | undefined): string | null {
  if (version === null || version === undefined || releaseFor(F, version) !== null) return null;
  const oldest = F.releases[0]!.version;
  return `vLLM ${version} is older than ${oldest}, the oldest release whose source the harness has read (facts start at ${oldest}, see \`matrix engines vllm\`): its launcher and flags are not known`;
}

function command(input: CommandInput): CommandResult {
  const unread = vllmUnread(input.version);
  if (unread !== null) return { unsupported: unread };
  const mapped = vllmOptionFlags(input.options, input.extraArgs, input.version ?? null);
  if ('unsupported' in mapped) return mapped;
  return {
    // --revision (ModelConfig.revision) is accepted by every release read (vllm/engine/arg_utils.py).
    argv: [...vllmModelArgs(input.model, input.version), ...revisionFlag(input.revision), '--host', '0.0.0.0', '--port', String(input.port), ...mapped.flags, ...input.extraArgs],
  };
}

/** VLLM_ATTENTION_BACKEND for releases that take the decoder backend from it; nothing otherwise. */
function env(options: SemanticOptions, version?: string | null): Record<string, string> {
  const a = options.attention;
  const release = vllmRelease(version);
  if (a === undefined || a === 'auto' || !attentionByEnv(release)) return {};
  const name = vllmAttentionName(a, release);
  return name === null ? {} : { VLLM_ATTENTION_BACKEND: name };
}

/** The name a scrape shows for a declared metric (the newest release read). */
function exposed(declared: string): string {
  const m = F.metrics.find((x) => x.declared === declared && x.until === null);
  if (m === undefined) throw new Error(`no vLLM metric ${declared} in the newest release read`);
  return m.exposed;
}

const METRICS: MetricNames = {
  ttft: exposed('vllm:time_to_first_token_seconds'),
  itl: exposed('vllm:inter_token_latency_seconds'),
  e2e: exposed('vllm:e2e_request_latency_seconds'),
  promptTokens: exposed('vllm:prompt_tokens'),
  generationTokens: exposed('vllm:generation_tokens'),
  specDrafts: exposed('vllm:spec_decode_num_drafts'),
  specDraftTokens: exposed('vllm:spec_decode_num_draft_tokens'),
  specAcceptedTokens: exposed('vllm:spec_decode_num_accepted_tokens'),
  specAcceptedPerPos: exposed('vllm:spec_decode_num_accepted_tokens_per_pos'),
  specAcceptLength: null,
};

const newest = <T>(list: readonly T[]): T => list.at(-1)!;

export const vllm: Engine = {
  id: 'vllm',
  entrypoint: newest(F.launchers).entrypoint,
  defaultPort: 8000,
  command,
  readiness: { path: newest(F.readiness).path, okStatus: newest(F.readiness).okStatus },
  metrics: METRICS,
  env,
};
