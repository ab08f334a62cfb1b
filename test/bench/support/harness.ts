// Runs cells through the harness in-process, exactly as `matrix run --emulate` does (executeRun
// with the Docker runtime, an emulated pool, the SQLite writer and the built-in probes), and
// records the wall-clock instant of every event. In-process so the verdict's instant is taken at
// the moment the runner emits onCellEnd, with no process start or JSON printing in between.
import { join } from 'node:path';
import { ensureEmulatorImage } from '../../../harness/emulator/image/image.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { ProbeResult } from '../../../harness/probes/probe.ts';
import { resolveProbe } from '../../../harness/probes/registry.ts';
import type { CellResult, Reporter, RunInfo } from '../../../harness/core/events.ts';
import { executeRun, type RunOutcome } from '../../../harness/run/runner.ts';
import { newRunId, runInfo } from '../../../harness/run/run-info.ts';
import { DockerRuntime } from '../../../harness/runtime/docker.ts';
import type { ContainerRuntime } from '../../../harness/runtime/runtime.ts';
import { openDb } from '../../../harness/store/db.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { wallNs } from './clock.ts';
import { benchDir } from './emulated.ts';

let imageTag: Promise<string> | null = null;

/** The emulator image the CLI would use (built from local files when missing); once per process. */
export function emulatorTag(): Promise<string> {
  imageTag ??= ensureEmulatorImage(new DockerRuntime()).then((r) => r.tag);
  return imageTag;
}

export interface CellTimes {
  beginNs: bigint;
  endNs: bigint;
  result: CellResult;
  probes: ProbeResult[];
}

/** A Reporter that stamps events with the wall clock. First in the list: it sees each event first. */
export class TimingReporter implements Reporter {
  readonly cells = new Map<string, CellTimes>();
  private readonly begins = new Map<string, bigint>();
  private readonly probes = new Map<string, ProbeResult[]>();
  onCellBegin(cell: Cell, attempt: number): void {
    if (attempt === 1) this.begins.set(cell.id, wallNs());
  }
  onProbeEnd(cell: Cell, r: ProbeResult): void {
    this.probes.set(cell.id, [...(this.probes.get(cell.id) ?? []), r]);
  }
  onCellEnd(result: CellResult): void {
    const endNs = wallNs();
    this.cells.set(result.cell.id, { beginNs: this.begins.get(result.cell.id) ?? endNs, endNs, result, probes: this.probes.get(result.cell.id) ?? [] });
  }
}

/** Counts image preparations (ensureImage) the runner asks of the runtime. */
export class CountingRuntime extends DockerRuntime {
  ensureCalls: string[] = [];
  override ensureImage(...args: Parameters<DockerRuntime['ensureImage']>) {
    this.ensureCalls.push(args[0]);
    return super.ensureImage(...args);
  }
}

export interface HarnessRun {
  outcome: RunOutcome;
  timing: TimingReporter;
  startNs: bigint;
  endNs: bigint;
  run: RunInfo;
}

export async function runHarness(cells: Cell[], file: string, opts: { gpus?: number; runtime?: ContainerRuntime; extraReporters?: Reporter[] } = {}): Promise<HarnessRun> {
  const tag = await emulatorTag();
  const dir = benchDir('matrix-bench-run-');
  const dbPath = join(dir, 'r.sqlite');
  const db = openDb(dbPath);
  const id = newRunId();
  const run = runInfo({ id, files: [file], emulate: true, argv: ['bench'], dbPath, outDir: join(dir, 'out'), resumedFrom: null });
  const timing = new TimingReporter();
  const probes = new Map<string, Promise<import('../../../harness/probes/probe.ts').Probe>>();
  const probe = (n: string) => {
    let p = probes.get(n);
    if (!p) probes.set(n, (p = resolveProbe(n, dir)));
    return p;
  };
  const startNs = wallNs();
  try {
    const outcome = await executeRun({
      run,
      cells,
      runtime: opts.runtime ?? new DockerRuntime(),
      reporters: [timing, new SqliteWriter(db), ...(opts.extraReporters ?? [])],
      pools: [{ gpus: null, slots: { ids: Array.from({ length: opts.gpus ?? 1 }, (_, i) => String(i)), namespace: `bench-${process.pid}`, facts: { driverVersion: null, cudaVersion: null, torchVersion: null } } }],
      emulate: { imageTag: tag },
      pull: 'never',
      retries: 0,
      triage: false,
      signal: new AbortController().signal,
      secrets: [],
      probesFor: (cell) => Promise.all(cell.probes.map(probe)),
      leaseDir: join(dir, 'leases'),
    });
    const endNs = wallNs();
    return { outcome, timing, startNs, endNs, run };
  } finally {
    db.close();
  }
}
