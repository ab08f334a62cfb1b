// A NIM container's start (personality `nim`): NGC_API_KEY is required (it fetches the model
// profile), NIM_MODEL_PROFILE picks a profile or one is selected for the GPUs the container sees,
// the cache lives at NIM_CACHE_PATH (/opt/nim/.cache); the HTTP front answers at once —
// /v1/health/live 200, /v1/health/ready 503 — while the vLLM backend starts, then ready 200.
// Sources: docs.nvidia.com/nim/large-language-models (configuration / environment variables,
// API reference: /v1/health/live, /v1/health/ready, /v1/metadata, /v1/version; deployment/
// model-download: the NGC key is read from NGC_CLI_API_KEY, then NGC_API_KEY). The error wording
// for a missing key is the emulator's own (no verbatim NIM message was at hand).
import { createHash } from 'node:crypto';
import { NIM_CACHE_PATH, NIM_SECRET_ENV } from '../../engines/nim.ts';
import type { EmulatorConfig } from '../../core/emulator-traits.ts';
import { bakedModelOf, releaseOf } from '../argv/personality.ts';
import { vllmStartup } from './startup-vllm.ts';
import type { StartupContext, StartupResult } from './startup-context.ts';

/** The cache directory and the NGC secret as NIM's documentation gives them (engines/facts/nim). */
export const NIM_DEFAULT_CACHE = NIM_CACHE_PATH;
const [NGC_KEY] = NIM_SECRET_ENV;

export interface NimProfile {
  id: string;
  name: string;
  tp: number;
}

/** The profiles a NIM image ships for its model: one vLLM bf16 profile per tensor-parallel size. */
export function nimProfiles(config: EmulatorConfig): NimProfile[] {
  return [1, 2, 4, 8].map((tp) => {
    const name = `vllm-bf16-tp${tp}-pp1`;
    return { id: createHash('sha256').update(`${bakedModelOf(config)}\0${name}`).digest('hex'), name, tp };
  });
}

export type ProfileChoice = { ok: true; profile: NimProfile; how: 'selected' | 'requested' } | { ok: false; message: string };

/** NIM_MODEL_PROFILE (id or name) when set, else the widest profile the visible GPUs can run. */
export function selectProfile(config: EmulatorConfig, env: Record<string, string>): ProfileChoice {
  const profiles = nimProfiles(config);
  const wanted = env['NIM_MODEL_PROFILE']?.trim();
  const fits = (p: NimProfile) => p.tp <= config.gpu.count;
  if (wanted) {
    const p = profiles.find((x) => x.id === wanted || x.name === wanted);
    if (!p) return { ok: false, message: `Profile '${wanted}' is not one of this NIM's profiles: ${profiles.map((x) => `${x.id} (${x.name})`).join(', ')}` };
    if (!fits(p)) return { ok: false, message: `Profile '${wanted}' (${p.name}) needs ${p.tp} GPUs; ${config.gpu.count} visible` };
    return { ok: true, profile: p, how: 'requested' };
  }
  const p = [...profiles].reverse().find(fits) ?? profiles[0]!;
  return { ok: true, profile: p, how: 'selected' };
}

/** "2026-11-22 07:12:03,123" — the Python logging default NIM's own lines use. */
function pyTime(d = new Date()): string {
  return d.toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);
}

/** GET /v1/metadata. */
export function nimMetadata(config: EmulatorConfig, profile: NimProfile | null): object {
  const model = bakedModelOf(config);
  return {
    version: releaseOf(config),
    assetInfo: [],
    licenseInfo: { name: 'NVIDIA AI Product Agreement', path: '/opt/nim/LICENSE', sha: '', type: 'NVIDIA' },
    modelInfo: [{ modelUrl: `ngc://nim/${model}`, shortName: `${model}:${releaseOf(config)}` }],
    repository_override: '',
    selectedModelProfileId: profile?.id ?? '',
  };
}

/** GET /v1/version. */
export function nimVersion(config: EmulatorConfig): object {
  return { release: releaseOf(config), api: '1.0.0' };
}

export async function nimStartup(ctx: StartupContext, env: Record<string, string>, choice: ProfileChoice): Promise<StartupResult> {
  const info = (m: string) => ctx.out(`${pyTime()} [INFO] ${m}`, 'stdout');
  const error = (m: string) => ctx.out(`${pyTime()} [ERROR] ${m}`, 'stderr');
  info(`PyTorch version ${ctx.config.traits.torch_version} available.`);
  if (!env['NGC_CLI_API_KEY'] && !env[NGC_KEY]) {
    error(`${NGC_KEY} is not set: the model profile cannot be downloaded from NGC. Set ${NGC_KEY} (docker run -e ${NGC_KEY}) or mount a cache that holds the model at ${NIM_DEFAULT_CACHE}.`);
    return { ready: false, exitCode: 1 };
  }
  if (!choice.ok) {
    error(choice.message);
    return { ready: false, exitCode: 1 };
  }
  info(`Valid profile: ${choice.profile.id} (${choice.profile.name}) on GPUs [${Array.from({ length: ctx.config.gpu.count }, (_, i) => i).join(', ')}]`);
  info(`${choice.how === 'requested' ? 'Using' : 'Selected'} profile: ${choice.profile.id} (${choice.profile.name})`);
  info(`Using the model cache at ${env['NIM_CACHE_PATH'] ?? NIM_DEFAULT_CACHE}`);
  info(`Serving ${bakedModelOf(ctx.config)} on port ${ctx.args.port}`);
  // The HTTP front is up before the model: live answers 200, ready 503 until the backend is.
  await ctx.listen();
  const args = { ...ctx.args, tensorParallelSize: choice.profile.tp };
  return vllmStartup({ ...ctx, args, listen: async () => {} });
}
