// B9 GPU-seconds of a realistic night (issue #26; the issue calls it B8, taken by the hang bench):
// 49 emulated cells on 8 emulated GPUs, run on two nights with nothing changed in between, by
//   - the harness with issue #26's features: retries only for transient signatures, fail fast on a
//     fatal line, early stop of a broken runner, `--reuse` on night 2 (support/b9-harness-night.ts);
//   - the harness with them off: every failure retried once, no reuse, no fatal grace;
//   - a plain script (peers/b9-script-night.ts): docker run + curl loop, every failure once more,
//     a hung engine waited on until the startup timeout.
// GPU-seconds = Σ over containers of (Docker `die` − `start`) × the cell's GPUs
// (support/container-lifetimes.ts): one measure for all three. Each night the three run back to
// back (script, harness, harness off), so they share the machine's load of that moment.
//
// Startup durations, in the ratios of real logs scaled by 1/10 (the emulator's startup is an image
// trait, so a model size is an image: `-s` small, `-b` big):
//   small (Qwen3-0.6B, seed 002; test/fixtures/logs/graph-capture/seed-002-mtp-full-graph-capture.log):
//     model loading 1.13 s, torch.compile 1.80 s (cached), CUDA graph capture ~11 s (49/49 [00:11])
//     → weights 0.11, compile 0.18, graphs 1.1
//   big (7–13 GiB): model loading 31.7 s (healthy/vllm-38820-worker-tp0-startup.log), 33.0 s
//     (healthy/vllm-pr44106-mrv2-startup.log); graph capture 7 s (healthy/vllm-glm-v-204-compile-
//     cache-graphs.log), 14 s (healthy/vllm-pr11349-graph-capture-progress.log)
//     → weights 3.2, compile 0.18 (no big model's compile time in the logs: the small one's), graphs 1.0
//   `eager` cells (cuda_graphs: off) skip compile and graphs; the harness's fatal grace 5 s → 0.5 s.
//   Startup timeout 20 s for everyone
//   (~4.5× the big start, ~2× the slowest healthy container here under load; real nightlies give
//   10–20 min to starts of 1–3 min).
// Failures (no `expect:`, so unexpected, as a new breakage is): `sm86-*` ship FlashAttention SASS
// for sm_86 only — no kernel image on a100, h100, b200 (12 cells, the engine exits); `ptx-*` ship
// PTX from CUDA 13.2 that the h100's 12.8 driver cannot JIT (the other GPUs' drivers: 13.2), and the engine hangs after its fatal
// traceback (faults.hang_after_crash, 4 cells); 16 of 49 = 33 %. `crashy` is one cell whose first
// start of each night crashes (faults.fail_first_starts: 1): the one transient failure.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Cell } from '../../harness/core/cell.ts';
import { planCells } from '../../harness/plan/plan-files.ts';
import { scriptNight } from './peers/b9-script-night.ts';
import type { Bench, BenchResult } from './support/bench.ts';
import { harnessNight } from './support/b9-harness-night.ts';
import { ContainerLifetimes } from './support/container-lifetimes.ts';
import { benchDir } from './support/emulated.ts';
import { emulatorTag } from './support/harness.ts';
import { round } from './support/stats.ts';

const GPUS = 8;
const STARTUP_S = 20;
const SMALL = '{ weights_s: 0.11, compile_s: 0.18, graphs_s: 1.1 }';
const BIG = '{ weights_s: 3.2, compile_s: 0.18, graphs_s: 1.0 }';
const SM86 = 'kernels: { flash: { sass: [sm_86], ptx: [], toolkit: "12.8", library: _vllm_fa2_C } }';
const PTX_HANG = 'kernels: { flash: { sass: [sm_80, sm_89, sm_100], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }, driver_cuda: { a100: "13.2", l40s: "13.2", b200: "13.2", h100: "12.8" }, faults: { hang_after_crash: true }';

function image(id: string, startup: string, traits = ''): string {
  return `  - { id: ${id}, ref: "vllm/vllm-openai:v0.19.0-${id}", engine: vllm, emulate: { startup: ${startup}, ttft_ms: 20, itl_ms: 5${traits ? `, ${traits}` : ''} } }`;
}

/**
 * The fatal grace of the harness with its features: the default 5 s scaled like the startups (1/10).
 * Unscaled, the 4 hung cells each hold their GPU 4.5 s longer: one run with the default 5 s gave
 * night 1 = 232 s against the script's 361 s (0.64 ×; with 500 ms: 221 s against 389 s, 0.57 ×).
 */
export const SCALED_FATAL_GRACE = '500ms';

/** The night's matrix with this fatal grace (the "off" harness: the startup timeout). */
export function b9Yaml(fatalGrace: string): string {
  return `version: 1
defaults:
  timeouts: { startup: ${STARTUP_S}s, probe: 30s, fatal_grace: ${fatalGrace} }
  retries: 1
images:
${image('ok-s', SMALL)}
${image('ok-b', BIG)}
${image('sm86-s', SMALL, SM86)}
${image('sm86-b', BIG, SM86)}
${image('ptx-s', SMALL, PTX_HANG)}
${image('ptx-b', BIG, PTX_HANG)}
${image('crashy', SMALL, 'faults: { fail_first_starts: 1 }')}
gpus: [a100, l40s, h100, b200]
models:
  - { id: qwen, name: Qwen/Qwen3-0.6B }
flags:
  - { id: default }
  - { id: eager, options: { cuda_graphs: "off" } }
exclude:
  - { image: crashy }
include:
  - { image: crashy, gpu: a100, model: qwen, flags: default }
probes: [text]
`;
}

function planned(dir: string, name: string, yaml: string): { file: string; cells: Cell[] } {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return { file, cells: planCells([file]) };
}

interface Night {
  gpuS: number;
  containers: number;
  verdicts: Record<string, number>;
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});

export const b9: Bench = {
  id: 'B9',
  title: 'GPU-seconds of a night, two nights',
  async run(opts) {
    const trials = opts.trials ?? 1;
    const tag = await emulatorTag();
    const life = new ContainerLifetimes();
    await life.start();
    const s = { on1: [] as number[], on2: [] as number[], off1: [] as number[], off2: [] as number[], script1: [] as number[], script2: [] as number[] };
    const detail: Record<string, Night> = {};
    try {
      for (let t = 0; t < trials; t++) {
        const dir = benchDir('matrix-bench-b9-');
        const on = planned(dir, 'on.yaml', b9Yaml(SCALED_FATAL_GRACE));
        const off = planned(dir, 'off.yaml', b9Yaml(`${STARTUP_S}s`));
        const gpusOf = new Map(on.cells.map((c) => [c.id, c.gpus] as const));
        const harness = async (key: keyof typeof s, m: typeof on, db: string, features: boolean, reuse: boolean) => {
          const night = await harnessNight({ cells: m.cells, file: m.file, dbPath: join(dir, db), dir, gpus: GPUS, features, reuse });
          const lives = await life.of((l) => l['matrix.run'] === night.runId);
          const gpuS = lives.reduce((a, l) => a + l.seconds * (gpusOf.get(l.labels['matrix.cell'] ?? '') ?? 1), 0);
          s[key].push(gpuS);
          detail[key] = { gpuS, containers: lives.length, verdicts: tally(night.results.map((r) => (r.reusedFrom ? 'reused' : r.verdict))) };
        };
        const script = async (key: keyof typeof s) => {
          const night = await scriptNight(on.cells, tag, GPUS, STARTUP_S);
          const lives = await life.of((l) => night.trials.has(l['matrix.bench.trial'] ?? ''));
          const gpuS = lives.reduce((a, l) => a + l.seconds * night.trials.get(l.labels['matrix.bench.trial']!)!.gpus, 0);
          s[key].push(gpuS);
          detail[key] = { gpuS, containers: lives.length, verdicts: { failed: night.failed.length, retried: night.retried.length, passed: on.cells.length - night.failed.length - night.retried.length } };
        };
        await script('script1');
        await harness('on1', on, 'on.sqlite', true, false);
        await harness('off1', off, 'off1.sqlite', false, false);
        await script('script2');
        await harness('on2', on, 'on.sqlite', true, true);
        await harness('off2', off, 'off2.sqlite', false, false);
        const reused = detail.on2!.verdicts.reused ?? 0;
        if (reused === 0) throw new Error(`B9: night 2 with --reuse reused no verdict (${JSON.stringify(detail.on2!.verdicts)})`);
      }
    } finally {
      life.stop();
    }
    const med = (xs: number[]) => round([...xs].sort((a, b) => a - b)[xs.length >> 1]!, 0);
    const fig = (night: 1 | 2, goal: number) => {
      const h = med(s[`on${night}`]);
      const sc = med(s[`script${night}`]);
      return { metric: `GPU-seconds, night ${night} (49 cells)`, unit: 's', value: h, peers: { 'harness, features off': med(s[`off${night}`]), script: sc }, goal: `≤ ${goal} × script (${round(goal * sc, 0)} s)`, met: h <= goal * sc };
    };
    return {
      id: 'B9', title: this.title, trials,
      figures: [fig(1, 0.6), fig(2, 0.2)],
      notes: [
        `per night, containers and outcomes (last trial): ${Object.entries(detail).map(([k, d]) => `${k} ${round(d.gpuS, 0)} s, ${d.containers} containers, ${JSON.stringify(d.verdicts)}`).join('; ')}`,
        `${GPUS} emulated GPUs, startup timeout ${STARTUP_S} s everywhere; the harness's fatal grace ${SCALED_FATAL_GRACE} when on (the default 5 s scaled like the startups), the startup timeout when off; GPU-seconds from Docker's start → die events × the cell's GPUs.`,
      ],
      samples: s,
    } satisfies BenchResult;
  },
};
