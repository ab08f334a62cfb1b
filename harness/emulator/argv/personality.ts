// Image styles (traits.personality): the same engine ships in images that start differently.
//   vllm-openai        vllm/vllm-openai: ENTRYPOINT ["vllm", "serve"]; no banner.
//   ngc                nvcr.io/nvidia/vllm:YY.MM-py3: ENTRYPOINT NVIDIA's nvidia_entrypoint.sh, which
//                      prints the NGC banner and exec's its arguments ("$@", or bash when none):
//                      there is no `vllm serve` entrypoint, the matrix gives `command:`.
//   jetson-containers  dustynv/vllm:<version>-r39.0 (arm64): no ENTRYPOINT, CMD /bin/bash; the
//                      matrix gives `command:` (or `entrypoint:`).
//   nim                nvcr.io/nim/<org>/<model>:<release>: NVIDIA's wrapper with the NIM banner,
//                      then the image's default action (`nim-serve`, configured by environment).
// Pure: what the real image would run for a given Docker entrypoint/Cmd, and its banner.
import type { EmulatorConfig, Personality } from '../../core/emulator-traits.ts';

export const NGC_ENTRYPOINT = '/opt/nvidia/nvidia_entrypoint.sh';
/** The model a NIM image serves when the traits name none. */
export const NIM_BAKED_MODEL = 'meta/llama-3.1-8b-instruct';

/** The image's own ENTRYPOINT per style. */
const IMAGE_ENTRYPOINT: Record<Personality, string[]> = {
  'vllm-openai': ['vllm', 'serve'],
  ngc: [NGC_ENTRYPOINT],
  'jetson-containers': [],
  nim: [NGC_ENTRYPOINT],
};

export function personalityOf(config: EmulatorConfig): Personality | null {
  return config.traits.personality ?? null;
}

/** The container release a banner and NIM's metadata name (NGC month, NIM release). */
export function releaseOf(config: EmulatorConfig): string {
  const p = personalityOf(config);
  if (config.traits.release) return config.traits.release;
  return p === 'ngc' ? '26.02' : config.traits.version;
}

/** The model a NIM image serves (its name as /v1/models lists it). */
export function bakedModelOf(config: EmulatorConfig): string {
  return config.traits.served_model ?? NIM_BAKED_MODEL;
}

/**
 * What a style's container runs, from Docker's view of it. `argv` is the container's Cmd when the
 * config carries no `launch` (in-process callers); `wrapped` says NVIDIA's entrypoint script runs
 * first (banner, then `exec "$@"`); `command` is what is exec'd.
 */
export function resolveLaunch(config: EmulatorConfig, argv: string[]): { wrapped: boolean; command: string[] } {
  const p = personalityOf(config);
  if (p === null) return { wrapped: false, command: argv };
  const launch = config.launch ?? { entrypoint: null, cmd: argv };
  const full = [...(launch.entrypoint ?? IMAGE_ENTRYPOINT[p]), ...launch.cmd];
  if (full[0] === NGC_ENTRYPOINT) return { wrapped: true, command: full.slice(1) };
  return { wrapped: false, command: full };
}

/** NVIDIA's container banner (nvidia_entrypoint.sh) for the NGC vLLM container. */
export function ngcBanner(config: EmulatorConfig): string[] {
  const release = releaseOf(config);
  const year = `20${release.slice(0, 2)}`;
  const build = Array.from(release).reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 90_000_000, 7) + 10_000_000;
  return [
    '',
    '==========',
    '== vLLM ==',
    '==========',
    '',
    `NVIDIA Release ${release} (build ${build})`,
    `vLLM Version ${config.traits.version}`,
    '',
    `Container image Copyright (c) ${year}, NVIDIA CORPORATION & AFFILIATES. All rights reserved.`,
    '',
    'GOVERNING TERMS: The software and materials are governed by the NVIDIA Software License Agreement',
    '(found at https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-software-license-agreement/)',
    '',
  ];
}

/** The NIM container banner (its entrypoint prints it before the server starts). */
export function nimBanner(config: EmulatorConfig): string[] {
  const title = '== NVIDIA Inference Microservice LLM NIM ==';
  return [
    '',
    '='.repeat(title.length),
    title,
    '='.repeat(title.length),
    '',
    `NVIDIA Inference Microservice LLM NIM Version ${releaseOf(config)}`,
    `Model: nim/${bakedModelOf(config)}`,
    '',
    'Container image Copyright (c) 2016-2026, NVIDIA CORPORATION & AFFILIATES. All rights reserved.',
    '',
    'This NIM container is governed by the NVIDIA AI Product Agreement.',
    'A copy of this license can be found under /opt/nim/LICENSE.',
    '',
  ];
}

/** The wrapper's banner for a style, or none. */
export function bannerOf(config: EmulatorConfig): string[] {
  const p = personalityOf(config);
  return p === 'ngc' ? ngcBanner(config) : p === 'nim' ? nimBanner(config) : [];
}

/** What `/version` answers: vLLM's {"version"} plus the image's torch and CUDA (emulator extras); null = no such route (NIM). */
export function versionBody(config: EmulatorConfig): Record<string, string> | null {
  if (personalityOf(config) === 'nim') return null;
  const body: Record<string, string> = { version: config.traits.version };
  if (personalityOf(config) !== null) Object.assign(body, { torch_version: config.traits.torch_version, cuda_version: config.traits.cuda_version });
  return body;
}
