// Everything the harness believes about SGLang releases, each fact with the upstream line it was read from.
import type { EngineFacts } from '../types.ts';
import { SGLANG_ARCHITECTURES } from './architectures.ts';
import { SGLANG_DEFAULTS } from './defaults.ts';
import { SGLANG_ENV } from './env.ts';
import { SGLANG_FLAGS } from './flags.ts';
import { SGLANG_LAUNCHERS } from './launchers.ts';
import { SGLANG_LOG_LINES } from './log-lines.ts';
import { SGLANG_METRICS } from './metrics.ts';
import { SGLANG_PINS } from './pins.ts';
import { SGLANG_READINESS } from './readiness.ts';
import { SGLANG_RELEASES } from './releases.ts';
import { SGLANG_REQUEST_FIELDS } from './request-fields.ts';
import { SGLANG_VALUE_SETS } from './values.ts';

export const SGLANG_FACTS: EngineFacts = {
  engine: 'sglang',
  upstream: 'sgl-project/sglang',
  releases: SGLANG_RELEASES,
  launchers: SGLANG_LAUNCHERS,
  flags: SGLANG_FLAGS,
  values: SGLANG_VALUE_SETS,
  env: SGLANG_ENV,
  defaults: SGLANG_DEFAULTS,
  readiness: SGLANG_READINESS,
  metrics: SGLANG_METRICS,
  logLines: SGLANG_LOG_LINES,
  architectures: SGLANG_ARCHITECTURES,
  pins: SGLANG_PINS,
  requestFields: SGLANG_REQUEST_FIELDS,
};
