// The shape every built-in probe shares: applicability from the matrix's single rule table, and a
// body that fills a ResultBuilder (exceptions become a failed result with the message).
import { builtinProbeApplies } from './applicability.ts';
import type { BuiltinProbe } from '../core/cell.ts';
import type { Probe, ProbeContext } from './probe.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import { guarded, type ResultBuilder } from './result.ts';

export function defineBuiltinProbe(name: BuiltinProbe, body: (ctx: ProbeContext, r: ResultBuilder) => Promise<ProbeResult>): Probe {
  return {
    name,
    applies: (cell) => builtinProbeApplies(name, cell),
    run: (ctx) => guarded(name, (r) => body(ctx, r)),
  };
}
