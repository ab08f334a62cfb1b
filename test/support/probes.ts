// Probes for the dispatcher's unit tests: what a probe answers is scripted, so a test decides
// whether the server "served" without an engine behind it.
import type { Probe, ProbeContext, ProbeResult } from '../../harness/probes/probe.ts';

/** A probe whose verdict `answer` decides (from the cell and the number of the call, 1 first). */
export function scriptedProbe(name: string, answer: (ctx: ProbeContext, call: number) => 'pass' | 'fail' | Promise<'pass' | 'fail'>): Probe & { calls: ProbeContext[] } {
  const calls: ProbeContext[] = [];
  return {
    name,
    calls,
    applies: () => true,
    async run(ctx): Promise<ProbeResult> {
      calls.push(ctx);
      const verdict = await answer(ctx, calls.length);
      return { name, verdict, assertions: [{ name: 'answered', ok: verdict === 'pass', message: verdict }], metrics: {}, requests: [], evidence: verdict === 'fail' ? ['the answer was wrong'] : [], error: null };
    },
  };
}

/** A probe that waits until its signal aborts (a stuck request), then rejects as fetch does. */
export function hangingProbe(name = 'hang'): Probe & { started: Promise<void> } {
  let began!: () => void;
  const started = new Promise<void>((r) => (began = r));
  return {
    name,
    started,
    applies: () => true,
    run: (ctx) =>
      new Promise<ProbeResult>((_, reject) => {
        began();
        ctx.signal.addEventListener('abort', () => reject(new Error('This operation was aborted')), { once: true });
      }),
  };
}
