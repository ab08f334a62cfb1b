// The startup faults that hang instead of ending: hang_after_crash and stall_at.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../../harness/emulator/server.ts';
import { STALL_PHASES } from '../../../../harness/core/emulator-traits.ts';
import { fatalLineOf } from '../../../../harness/diagnose/fatal-lines.ts';
import { cleanLine } from '../../../../harness/diagnose/line-clean.ts';
import { MARKED_PHASES, phaseMarkedBy } from '../../../../harness/engines/phase-at.ts';
import { config } from '../fixtures.ts';

let handles: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
});

/** Weights larger than the GPU: the engine core (vLLM) or the scheduler (SGLang) dies loading them. */
const TOO_BIG = { sizeGiB: 200 };

async function start(engine: 'vllm' | 'sglang', traits: Record<string, unknown>, model: Record<string, unknown> = {}) {
  const lines: string[] = [];
  const argv = engine === 'vllm' ? ['vllm', 'serve', 'm'] : ['python3', '-m', 'sglang.launch_server', '--model-path', 'm'];
  const h = await startEmulator({ argv, config: config({ engine, traits, model }), port: 0, host: '127.0.0.1', out: (l) => lines.push(...l.split('\n')), env: {} });
  handles.push(h);
  return { h, lines };
}

/** Whether the promise settles within ms. */
const settlesWithin = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((ok) => setTimeout(() => ok(false), ms))]);

describe('hang_after_crash', () => {
  for (const engine of ['vllm', 'sglang'] as const) {
    it(`${engine}: prints the fatal traceback, then keeps running until closed`, async () => {
      const { h, lines } = await start(engine, { faults: { hang_after_crash: true } }, TOO_BIG);
      expect(lines.some((l) => fatalLineOf(l))).toBe(true);
      expect(await settlesWithin(h.exited, 300)).toBe(false);
      expect(await settlesWithin(h.ready, 10)).toBe(false);
      await h.close();
      expect(await h.exited).toBe(0);
    });
  }

  it('without it the same start exits 1', async () => {
    const { h } = await start('vllm', {}, TOO_BIG);
    expect(await h.exited).toBe(1);
  });
});

describe('stall_at', () => {
  it('names only phases the harness reads from the log', () => {
    for (const p of STALL_PHASES) expect(MARKED_PHASES).toContain(p);
  });

  for (const engine of ['vllm', 'sglang'] as const) {
    for (const phase of ['load', 'kv-cache', 'graph-capture'] as const) {
      it(`${engine}: goes silent at ${phase} and is never ready`, async () => {
        const { h, lines } = await start(engine, { faults: { stall_at: phase } });
        const phases = lines.map((l) => phaseMarkedBy(cleanLine(l).text)).filter(Boolean);
        expect(phases.at(-1)).toBe(phase);
        const printed = lines.length;
        expect(await settlesWithin(h.ready, 300)).toBe(false);
        expect(lines.length).toBe(printed);
        expect(await settlesWithin(h.exited, 10)).toBe(false);
      });
    }
  }

});
