// What one vLLM release's command line accepts, from the facts read from its source
// (harness/engines/facts/vllm/): the flags it defines (a flag of a later release is an
// "unrecognized argument"), whether api_server ignores a positional model, whether
// VLLM_ATTENTION_BACKEND is still read and which backend names the release has. A null version
// (an emulated image of unknown release) accepts everything, as before releases were known. Pure.
import { factsAt, holdsAt, releaseFor, semanticValue, VLLM_FACTS as F } from '../../engines/facts/index.ts';
import type { ArgSpec } from './serve-argparse.ts';
import { vllmSemanticBackend } from './backend-names.ts';

function releaseOf(version: string | null): string | null {
  return version === null ? null : (releaseFor(F, version) ?? F.releases[0]!).version;
}

/** The argument specs the release defines: a spec whose flag the facts date to other releases is left out. */
export function argsAt(args: readonly ArgSpec[], version: string | null): ArgSpec[] {
  const release = releaseOf(version);
  if (release === null) return [...args];
  return args.filter((a) => {
    const main = a.flags[0];
    const facts = F.flags.filter((f) => f.flag === main);
    return facts.length === 0 || facts.some((f) => holdsAt(f, release));
  });
}

/** True when `python3 -m vllm.entrypoints.openai.api_server` takes a positional model it then ignores. */
export function apiServerIgnoresModelTag(version: string | null): boolean {
  const release = releaseOf(version) ?? F.releases.at(-1)!.version;
  return factsAt(F, F.defaults, release).some((d) => d.id === 'api-server-model-tag-ignored');
}

export type EnvBackend = { use: false } | { use: true; name: string } | { invalid: string };

/**
 * How the release reads VLLM_ATTENTION_BACKEND=`name`: not at all (removed), as a backend, or as an
 * invalid name (a backend name of another release: TRITON_ATTN in 0.10.2, TRITON_ATTN_VLLM_V1 later).
 */
export function envBackendAt(name: string, version: string | null): EnvBackend {
  const release = releaseOf(version);
  if (release === null) return { use: true, name };
  if (!factsAt(F, F.env, release).some((e) => e.name === 'VLLM_ATTENTION_BACKEND')) return { use: false };
  const semantic = vllmSemanticBackend(name);
  if (semantic === null || semantic === 'sdpa') return { use: true, name };
  return semanticValue(F, 'attention-backend', semantic, release) === name ? { use: true, name } : { invalid: name };
}
