// One night of B9 through the harness, in-process as `matrix run --emulate --emulate-gpus N` runs it
// (executeRun, the Docker runtime, the SQLite writer, the built-in probes), with the features of
// issue #26 on or off:
//   on:  retries only for transient signatures (the run uses each cell's `retries`), fail fast on a
//        fatal line (the matrix's default fatal grace), early stop of a broken runner (--infra-stop 3),
//        and on night 2 `--reuse` (reuseOf, as the CLI wires it, over the database of night 1);
//   off: no reuse, no early stop, and every failure run once more — the run with `retries: 0`, then
//        its non-pass cells again under the same run id, as `--resume` does (a retry for every
//        failure, as `retries: 1` did before the transient-only policy; the same emulator state
//        directory, so a transient failure passes on its retry); the matrix's fatal grace is its
//        startup timeout (no fail-fast).
import { join } from 'node:path';
import { harnessVersion, reuseOf } from '../../../harness/cli/reuse-options.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import type { Probe } from '../../../harness/probes/probe.ts';
import { resolveProbe } from '../../../harness/probes/registry.ts';
import { EarlyStop } from '../../../harness/run/early-stop.ts';
import { newRunId, runInfo } from '../../../harness/run/run-info.ts';
import { executeRun } from '../../../harness/run/runner.ts';
import { DockerRuntime } from '../../../harness/runtime/docker.ts';
import { openDb } from '../../../harness/store/db.ts';
import { SqliteWriter } from '../../../harness/store/writer.ts';
import { emulatorTag } from './harness.ts';

export interface NightOptions {
  cells: Cell[];
  file: string;
  /** The night's database (night 2 with --reuse reads night 1's there). */
  dbPath: string;
  dir: string;
  gpus: number;
  features: boolean;
  reuse: boolean;
}

/** The night's run id and every cell's last result (off: a retried cell's retry). */
export async function harnessNight(o: NightOptions): Promise<{ runId: string; results: CellResult[] }> {
  const id = newRunId();
  const first = await oneRun(o, id, o.cells, o.features ? null : 0);
  if (o.features) return { runId: id, results: first };
  const again = new Set(first.filter((r) => r.verdict !== 'pass').map((r) => r.cell.id));
  const second = again.size ? await oneRun(o, id, o.cells.filter((c) => again.has(c.id)), 0) : [];
  const last = new Map([...first, ...second].map((r) => [r.cell.id, r] as const));
  return { runId: id, results: [...last.values()] };
}

async function oneRun(o: NightOptions, id: string, cells: Cell[], retries: number | null): Promise<CellResult[]> {
  const tag = await emulatorTag();
  const db = openDb(o.dbPath);
  const run = runInfo({ id, files: [o.file], emulate: true, argv: ['bench', 'B9'], dbPath: o.dbPath, outDir: join(o.dir, 'out'), resumedFrom: null });
  const probes = new Map<string, Promise<Probe>>();
  const probe = (n: string) => probes.get(n) ?? probes.set(n, resolveProbe(n, o.dir)).get(n)!;
  try {
    const outcome = await executeRun({
      run,
      cells,
      runtime: new DockerRuntime(),
      reporters: [new SqliteWriter(db)],
      pools: [{ gpus: null, slots: { ids: Array.from({ length: o.gpus }, (_, i) => String(i)), namespace: `b9-${process.pid}`, facts: { driverVersion: null, cudaVersion: null, torchVersion: null } } }],
      emulate: { imageTag: tag },
      pull: 'never',
      retries,
      triage: false,
      signal: new AbortController().signal,
      secrets: [],
      probesFor: (cell) => Promise.all(cell.probes.map(probe)),
      leaseDir: join(o.dir, 'leases'),
      earlyStop: new EarlyStop({ maxFailures: null, infraStreak: o.features ? 3 : 0 }),
      ...(o.reuse ? reuseOf(db, id, { reuse: true }) : { harnessVersion: harnessVersion() }),
    });
    return outcome.results;
  } finally {
    db.close();
  }
}
