// B2 lifecycle overhead: a healthy emulated vLLM with no startup delay and the text probe (four
// greedy questions). Time per cell, create → start → ready → probe → remove. Harness: one cell
// through executeRun in-process (run begin to run end: the SQLite writes included). Peers do the
// same container and the same four requests: testcontainers (start() with Wait.forHttp, four
// fetches, stop()), the plain script (docker run -d, curl /health every 1 s, four curl POSTs,
// docker rm -f), each timed from its first call to the container being removed.
import { peerContainer } from './peers/container.ts';
import { scriptPeer } from './peers/script-peer.ts';
import { testcontainersPeer } from './peers/testcontainers-peer.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { msBetween } from './support/clock.ts';
import { planBench } from './support/emulated.ts';
import { emulatorTag, runHarness } from './support/harness.ts';
import { median, speedup } from './support/stats.ts';

export const HEALTHY = {
  images: [{ id: 'healthy', emulate: 'startup: { weights_s: 0, compile_s: 0, graphs_s: 0 }\nttft_ms: 5\nitl_ms: 1' }],
  probes: ['text'],
};

export const b2: Bench = {
  id: 'B2',
  title: 'lifecycle overhead',
  async run(opts) {
    const trials = opts.trials ?? 7;
    const { cells, file } = planBench(HEALTHY);
    const peer = peerContainer(cells[0]!, await emulatorTag());
    const s = { harness: [] as number[], testcontainers: [] as number[], script: [] as number[] };
    for (let i = 0; i < trials; i++) {
      const h = await runHarness(cells, file);
      const r = h.outcome.results[0]!;
      if (r.verdict !== 'pass') throw new Error(`B2: harness verdict ${r.verdict} (${r.reason})`);
      s.harness.push(msBetween(h.startNs, h.endNs));
      const tc = await testcontainersPeer(peer, { requests: true });
      if (!tc.ready || tc.error) throw new Error(`B2: testcontainers peer failed: ${tc.error}`);
      s.testcontainers.push(msBetween(tc.startNs, tc.doneNs));
      const sc = await scriptPeer(peer, { requests: true });
      if (!sc.ready || sc.error) throw new Error(`B2: script peer failed: ${sc.error}`);
      s.script.push(msBetween(sc.startNs, sc.doneNs));
    }
    const h = median(s.harness);
    const peers = { testcontainers: median(s.testcontainers), script: median(s.script) };
    const fastest = Math.min(...Object.values(peers));
    return {
      id: 'B2', title: this.title, trials,
      figures: [{ metric: 'time per healthy cell (median)', unit: 'ms', value: h, peers, goal: '≤ fastest peer', met: h <= fastest }],
      notes: [
        `harness ${speedup(h, fastest).toFixed(1)}× the fastest peer; the harness also reads /version, stores the cell in SQLite and stops with SIGTERM (2 s grace), the script kills (rm -f).`,
      ],
      samples: s,
    } satisfies BenchResult;
  },
};
