// Everything the harness believes about vLLM releases, each fact with the upstream line it was read from.
import type { EngineFacts } from '../types.ts';
import { VLLM_ARCHITECTURES } from './architectures.ts';
import { VLLM_DEFAULTS } from './defaults.ts';
import { VLLM_ENV } from './env.ts';
import { VLLM_FLAGS } from './flags.ts';
import { VLLM_LAUNCHERS } from './launchers.ts';
import { VLLM_LOG_LINES } from './log-lines.ts';
import { VLLM_METRICS } from './metrics.ts';
import { VLLM_PINS } from './pins.ts';
import { VLLM_READINESS } from './readiness.ts';
import { VLLM_RELEASES } from './releases.ts';
import { VLLM_FRAMES } from './traceback-frames.ts';
import { VLLM_VALUE_SETS } from './values.ts';

export const VLLM_FACTS: EngineFacts = {
  engine: 'vllm',
  upstream: 'vllm-project/vllm',
  releases: VLLM_RELEASES,
  launchers: VLLM_LAUNCHERS,
  flags: VLLM_FLAGS,
  values: VLLM_VALUE_SETS,
  env: VLLM_ENV,
  defaults: VLLM_DEFAULTS,
  readiness: VLLM_READINESS,
  metrics: VLLM_METRICS,
  logLines: VLLM_LOG_LINES,
  architectures: VLLM_ARCHITECTURES,
  pins: VLLM_PINS,
  frames: VLLM_FRAMES,
};
