// Emulated matrices for the benchmarks: written to a temp file and planned by the harness's own
// planner, so the benchmarks run exactly the cells `matrix run --emulate` would run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCells } from '../../../harness/plan/plan-files.ts';
import type { Cell } from '../../../harness/core/cell.ts';

export interface BenchImage {
  id: string;
  /** YAML lines under `emulate:` (startup, ttft_ms, faults, kernels …). */
  emulate: string;
}

export interface BenchMatrix {
  images: BenchImage[];
  models?: string[];
  /** YAML flow mappings, e.g. `{ id: tp2, options: { tensor_parallel: 2 } }`. */
  flags?: string[];
  probes?: string[];
  timeouts?: string;
  gpus?: string[];
}

const dirs = new Set<string>();
// Every benchmark directory (logs of a 1 GiB flood, reports, databases) goes when the process does.
process.on('exit', () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when this process exits. */
export function benchDir(prefix = 'matrix-bench-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function matrixYaml(m: BenchMatrix): string {
  const images = m.images
    .map((i) => `  - id: ${i.id}\n    ref: vllm/vllm-openai:v0.19.0-${i.id}\n    engine: vllm\n    emulate:\n${i.emulate.trim().replace(/^/gm, '      ')}`)
    .join('\n');
  const models = (m.models ?? ['small']).map((id) => `  - { id: ${id}, name: Qwen/Qwen3-0.6B-${id} }`).join('\n');
  const flags = (m.flags ?? ['{ id: default }']).map((f) => `  - ${f}`).join('\n');
  return `version: 1
defaults:
  timeouts: ${m.timeouts ?? '{ startup: 120s, probe: 60s }'}
  retries: 0
images:
${images}
gpus: [${(m.gpus ?? ['h100']).join(', ')}]
models:
${models}
flags:
${flags}
probes: [${(m.probes ?? ['text']).join(', ')}]
`;
}

/** The planned cells of a generated matrix (and the file they came from). */
export function planBench(m: BenchMatrix, dir = benchDir()): { cells: Cell[]; file: string } {
  const file = join(dir, 'bench.yaml');
  writeFileSync(file, matrixYaml(m));
  return { cells: planCells([file]), file };
}
