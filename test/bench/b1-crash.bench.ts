// B1 crash-to-verdict: an emulated vLLM whose FlashAttention kernels (SASS sm_80, PTX compute_80
// built by CUDA 13.2) cannot run on an H100 with a 12.8 driver: it crashes ~0.1 s into startup
// with the PTX-toolchain error. Measured: the container's exit (Docker's 'die' event, timeNano)
// → the verdict being known. Harness: executeRun in-process; the instant the runner emits
// onCellEnd (the CellResult with verdict, signature and evidence; the exit comes from the 'die'
// event, and the dead container is removed in the background: the run waits for it before it ends).
// testcontainers: start() rejecting (its own abortOnContainerExit path; container removed).
// Plain script: the instant it prints EXITED (curl loop every 1 s + docker inspect).
import { peerContainer } from './peers/container.ts';
import { scriptPeer } from './peers/script-peer.ts';
import { testcontainersPeer } from './peers/testcontainers-peer.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { msBetween } from './support/clock.ts';
import { DieWatcher } from './support/docker-events.ts';
import { planBench } from './support/emulated.ts';
import { emulatorTag, runHarness } from './support/harness.ts';
import { median, speedup } from './support/stats.ts';

const CRASHING = {
  images: [{
    id: 'crash',
    emulate: `startup: { weights_s: 0.05, compile_s: 0.02, graphs_s: 0.02 }
kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }
driver_cuda: { h100: "12.8" }`,
  }],
  timeouts: '{ startup: 120s, probe: 30s }',
};

export const b1: Bench = {
  id: 'B1',
  title: 'crash-to-verdict',
  async run(opts) {
    const trials = opts.trials ?? 9;
    const { cells, file } = planBench(CRASHING);
    const tag = await emulatorTag();
    const peer = peerContainer(cells[0]!, tag);
    const watcher = new DieWatcher();
    await watcher.start();
    const s = { harness: [] as number[], testcontainers: [] as number[], script: [] as number[] };
    const notes: string[] = [];
    try {
      for (let i = 0; i < trials; i++) {
        const h = await runHarness(cells, file);
        const t = [...h.timing.cells.values()][0]!;
        if (t.result.category !== 'ptx-toolchain') throw new Error(`B1: harness verdict ${t.result.verdict}/${t.result.category}, expected ptx-toolchain`);
        const die = await watcher.dieTime(t.result.attempts[0]!.containerId!);
        s.harness.push(msBetween(die, t.endNs));

        const tc = await testcontainersPeer(peer, { requests: false, startupTimeoutMs: 60_000 });
        if (tc.ready) throw new Error('B1: the testcontainers peer saw the crashing server ready');
        s.testcontainers.push(msBetween(await watcher.dieTime(tc.trial), tc.knownNs));

        const sc = await scriptPeer(peer, { requests: false });
        if (sc.ready) throw new Error('B1: the script peer saw the crashing server ready');
        s.script.push(msBetween(await watcher.dieTime(sc.trial), sc.knownNs));
      }
    } finally {
      watcher.stop();
    }
    const h = median(s.harness);
    const peers = { testcontainers: median(s.testcontainers), script: median(s.script) };
    const minRatio = Math.min(speedup(h, peers.testcontainers), speedup(h, peers.script));
    notes.push('exit instant: Docker event "die" timeNano; known instant: wall clock (performance.timeOrigin + performance.now()) when the harness emits onCellEnd / testcontainers start() rejects / the script prints EXITED.');
    notes.push('testcontainers with Wait.forHttp(..., { abortOnContainerExit: true }) (polls every 1 s); without that option it waits for its startup timeout (60 s).');
    return {
      id: 'B1', title: this.title, trials,
      figures: [
        { metric: 'exit → verdict (median)', unit: 'ms', value: h, peers, goal: '< 250 ms and ≥ 4× each peer', met: h < 250 && minRatio >= 4 },
      ],
      notes, samples: s,
    } satisfies BenchResult;
  },
};
