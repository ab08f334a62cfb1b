// vLLM's metric names per release, end to end in one process: the emulator at a release serves
// exactly the families the facts say that release declares (facts/vllm/metrics.ts), and the mtp
// probe, given the adapter's names for that release (engineAt), reads its acceptance from them.
import { afterEach, describe, expect, it } from 'vitest';
import { factsAt, VLLM_FACTS } from '../../../harness/engines/facts/index.ts';
import { engineAt } from '../../../harness/engines/index.ts';
import { startEmulator, type EmulatorHandle } from '../../../harness/emulator/server.ts';
import { EmulatorTraits } from '../../../harness/core/emulator-traits.ts';
import { mtpProbe } from '../../../harness/probes/mtp.ts';
import { cell, context } from './context.ts';

const MODEL = 'Qwen/Qwen3-0.6B';
const SPEC_ARGS = ['--speculative-config', '{"method":"mtp","num_speculative_tokens":2}'];

const running: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

async function emulator(version: string): Promise<{ h: EmulatorHandle; log: string[] }> {
  const log: string[] = [];
  const h = await startEmulator({
    argv: ['vllm', 'serve', MODEL, '--port', '0', ...SPEC_ARGS],
    config: {
      engine: 'vllm',
      traits: EmulatorTraits.parse({ version, mtp_acceptance: 0.6, startup: { weights_s: 0, compile_s: 0, graphs_s: 0 } }),
      gpu: { name: 'h100', computeCapability: '9.0', memoryGiB: 80, driverCuda: '13.0', count: 1 },
      model: { architecture: null, sizeGiB: 2, modalities: ['text'], mtp: true },
    },
    out: (l) => log.push(l),
    port: 0,
    host: '127.0.0.1',
  });
  running.push(h);
  expect(await h.ready, log.join('\n')).toBe(true);
  return { h, log };
}

/** The families a scrape declares (`# TYPE name type`). */
function families(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('vLLM metric names by release: emulator, facts and probes agree', () => {
  it.each(['0.11.0', '0.14.0', '0.15.0', '0.19.0'])('%s', async (version) => {
    const { h, log } = await emulator(version);
    const spec = cell({ options: { speculative: { method: 'mtp', tokens: 2 } } });
    const engine = engineAt('vllm', version);
    const res = await mtpProbe.run(context(h.url, { model: MODEL, cell: spec, engine, logTail: () => log }));
    expect(res.verdict, JSON.stringify(res.assertions)).toBe('pass');
    expect(res.metrics.spec_drafts).toBeGreaterThan(0);

    const served = families(await (await fetch(`${h.url}/metrics`)).text());
    const declared = new Map(factsAt(VLLM_FACTS, VLLM_FACTS.metrics, version).map((f) => [f.exposed, f.type]));
    expect(served).toEqual(declared);
    const names = Object.values(engine.metrics).filter((n): n is string => n !== null);
    for (const n of names) expect(served.has(n), `${version}: ${n}`).toBe(true);
    expect(served.has('vllm:time_per_output_token_seconds')).toBe(version === '0.11.0' || version === '0.14.0');
  });
});
