// What the harness believes about NVIDIA NIM for LLMs, from its documentation (NIM's source is not
// public): launcher, environment, readiness, defaults. Flags, metric names, log lines and architectures
// are vLLM's (NIM 2.x serves through it) and are not repeated here.
import type { EngineFacts } from '../types.ts';
import { NIM_DEFAULTS } from './defaults.ts';
import { NIM_ENV } from './env.ts';
import { NIM_LAUNCHERS } from './launchers.ts';
import { NIM_READINESS } from './readiness.ts';
import { NIM_RELEASES } from './releases.ts';

export const NIM_FACTS: EngineFacts = {
  engine: 'nim',
  upstream: 'docs.nvidia.com/nim/large-language-models',
  releases: NIM_RELEASES,
  launchers: NIM_LAUNCHERS,
  flags: [],
  values: [],
  env: NIM_ENV,
  defaults: NIM_DEFAULTS,
  readiness: NIM_READINESS,
  metrics: [],
  logLines: [],
  architectures: [],
  pins: [],
};
