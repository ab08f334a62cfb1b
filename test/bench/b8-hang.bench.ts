// B8 fatal-line-to-verdict when the engine hangs after its error: an emulated vLLM whose
// FlashAttention kernels cannot run on an H100 prints "EngineCore failed to start." and its
// traceback, then keeps running (faults.hang_after_crash), as an engine does whose workers wait on
// NCCL. Measured: the first fatal line (when it arrives through an attach) → the verdict being
// known. Harness: executeRun in-process, default grace period (5 s); the instant it emits
// onCellEnd. testcontainers: Wait.forHttp with abortOnContainerExit — the container never exits, so
// start() rejects at its startup timeout. Plain script: docker run + curl /health every 1 s until
// its timeout. All three get the same startup timeout (STARTUP_S).
import { peerContainer } from './peers/container.ts';
import { scriptPeer } from './peers/script-peer.ts';
import { testcontainersPeer } from './peers/testcontainers-peer.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { msBetween } from './support/clock.ts';
import { FatalLineWatcher } from './support/fatal-line-watcher.ts';
import { planBench } from './support/emulated.ts';
import { emulatorTag, runHarness } from './support/harness.ts';
import { median } from './support/stats.ts';
import { DEFAULT_TIMEOUTS } from '../../harness/matrix/matrix.ts';

const STARTUP_S = 20;

const HANGING = {
  images: [{
    id: 'hang',
    emulate: `startup: { weights_s: 0.05, compile_s: 0.02, graphs_s: 0.02 }
kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }
driver_cuda: { h100: "12.8" }
faults: { hang_after_crash: true }`,
  }],
  timeouts: `{ startup: ${STARTUP_S}s, probe: 30s }`,
};

export const b8: Bench = {
  id: 'B8',
  title: 'fatal-line-to-verdict, engine hung',
  async run(opts) {
    const trials = opts.trials ?? 3;
    const { cells, file } = planBench(HANGING);
    const peer = peerContainer(cells[0]!, await emulatorTag());
    const watcher = new FatalLineWatcher();
    await watcher.start();
    const s = { harness: [] as number[], testcontainers: [] as number[], script: [] as number[] };
    try {
      for (let i = 0; i < trials; i++) {
        const h = await runHarness(cells, file);
        const t = [...h.timing.cells.values()][0]!;
        const d = t.result.attempts[0]?.diagnosis;
        if (t.result.category !== 'ptx-toolchain' || d?.stopped?.reason !== 'fatal-hang') throw new Error(`B8: harness verdict ${t.result.verdict}/${t.result.category} (stopped: ${d?.stopped?.reason}), expected ptx-toolchain stopped after its fatal line`);
        s.harness.push(msBetween(await watcher.fatalTime(t.result.attempts[0]!.containerId!), t.endNs));

        const tc = await testcontainersPeer(peer, { requests: false, startupTimeoutMs: STARTUP_S * 1000 });
        if (tc.ready) throw new Error('B8: the testcontainers peer saw the hung server ready');
        s.testcontainers.push(msBetween(await watcher.fatalTime(tc.trial), tc.knownNs));

        const sc = await scriptPeer(peer, { requests: false, timeoutS: STARTUP_S });
        if (sc.ready) throw new Error('B8: the script peer saw the hung server ready');
        s.script.push(msBetween(await watcher.fatalTime(sc.trial), sc.knownNs));
      }
    } finally {
      watcher.stop();
    }
    const grace = DEFAULT_TIMEOUTS.fatalGraceMs;
    const h = median(s.harness);
    return {
      id: 'B8', title: this.title, trials,
      figures: [
        { metric: 'fatal line → verdict, hung engine (median)', unit: 'ms', value: h, peers: { testcontainers: median(s.testcontainers), script: median(s.script) }, goal: `≤ grace period + 1 s (${grace + 1000} ms)`, met: h <= grace + 1000 },
      ],
      notes: [
        'fatal-line instant: wall clock when the container\'s first fatal line arrives through an attach of the benchmark\'s own (support/fatal-line-watcher.ts); known instant: wall clock when the harness emits onCellEnd / testcontainers start() rejects / the script prints TIMEOUT.',
        `grace period: the default timeouts.fatal_grace (${grace / 1000} s); every side has a ${STARTUP_S} s startup timeout (the harness's default is 20 min: a peer's figure is its timeout).`,
      ],
      samples: s,
    } satisfies BenchResult;
  },
};
