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

/** The name a scrape shows for `declared` at the release standing for `version` (null: the newest read); null when it has none. */
function exposedAt(version: string | null, declared: string): string | null {
  return factsAt(F, F.metrics, vllmRelease(version)).find((x) => x.declared === declared)?.exposed ?? null;
}

/**
 * The metric names of the release that stands for `version` (facts/vllm/metrics.ts; null: the newest
 * read), the families the emulator serves at that release. Every release read declares the ones
 * the probes need; a release that did not would fail here, not in a probe.
 */
export function vllmMetricsAt(version: string | null): MetricNames {
  const need = (declared: string): string => {
    const name = exposedAt(version, declared);
    if (name === null) throw new Error(`vLLM ${vllmRelease(version)} declares no ${declared}`);
    return name;
  };
  return {
    ttft: need('vllm:time_to_first_token_seconds'),
    itl: need('vllm:inter_token_latency_seconds'),
    e2e: need('vllm:e2e_request_latency_seconds'),
    promptTokens: need('vllm:prompt_tokens'),
    generationTokens: need('vllm:generation_tokens'),
    specDrafts: exposedAt(version, 'vllm:spec_decode_num_drafts'),
    specDraftTokens: exposedAt(version, 'vllm:spec_decode_num_draft_tokens'),
    specAcceptedTokens: exposedAt(version, 'vllm:spec_decode_num_accepted_tokens'),
    specAcceptedPerPos: exposedAt(version, 'vllm:spec_decode_num_accepted_tokens_per_pos'),
    specAcceptLength: null,
  };
}

const newest = <T>(list: readonly T[]): T => list.at(-1)!;

export const vllm: Engine = {
  id: 'vllm',
  entrypoint: newest(F.launchers).entrypoint,
  defaultPort: 8000,
  command,
  readiness: { path: newest(F.readiness).path, okStatus: newest(F.readiness).okStatus },
  // The newest release read's names; metricsAt gives a release's own.
  metrics: vllmMetricsAt(null),
  metricsAt: vllmMetricsAt,
  env,
};
