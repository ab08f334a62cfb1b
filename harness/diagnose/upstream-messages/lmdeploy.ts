// Messages of LMDeploy's TurboMind engine (InternLM/lmdeploy), by the category they mean, each with the line that
// writes it at a release tag. (The LMDeploy messages read before this file are in sglang.ts, "other engines".)
// TurboMind's C++ writes some failures to stderr with no level and aborts (`std::abort()`: the shell's "Aborted"),
// so these are read on the bare lines it writes, too. Interpolations are bounded wildcards.
import type { UpstreamMessage } from './types.ts';

const of =
  (category: string) =>
  (what: string, re: RegExp, example: string, source: string): UpstreamMessage => ({ category, what, re, example, source });
/** A backend, kernel, data type or quantization refused for this GPU or platform, or for this configuration of the backend. */
const bke = of('backend-unsupported');

export const LMDEPLOY_MESSAGES: readonly UpstreamMessage[] = [
  // the GEMM weight layouts are chosen by data type, fused-MoE and SM; a combination without kernels (MXFP4 `e2m1`
  // experts on an SM 70 V100) falls through to this line and std::abort()
  bke('LMDeploy (InternLM/lmdeploy): TurboMind has no GEMM kernel layout for this weight data type on this GPU (SM)', /\bnot implemented: dtype=\w{1,20}, is_fused_moe=\d, sm=\d{2,3}\b/,
    'not implemented: dtype=e2m1, is_fused_moe=1, sm=70', 'v0.10.0:src/turbomind/models/llama/LlamaDenseWeight.cc:87'),
];
