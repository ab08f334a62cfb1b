// A small results database written through the store's own writer: three cells (pass, a PTX
// failure with a hostile log, a skip) over two runs, with a full log file on disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDb } from '../../harness/store/db.ts';
import { SqliteWriter } from '../../harness/store/writer.ts';
import type { AttemptResult, CellResult, RunInfo } from '../../harness/core/events.ts';
import type { Cell, Verdict } from '../../harness/core/cell.ts';
import { makeCell } from '../support/cell.ts';

export const SMALL_IDS = { pass: 'vllm-0.19/h100/qwen3-8b/default', fail: 'vllm-0.19/thor/qwen3-vl-8b/default', skip: 'sglang-0.5/thor/qwen3-vl-8b/mtp' };
const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

function cell(id: string, skip: string | null = null): Cell {
  const [image, gpu, model] = id.split('/') as [string, string, string, string];
  return makeCell(id, {
    matrix: 'small',
    image: { ref: `example/${image}:latest`, engine: image.startsWith('sglang') ? 'sglang' : 'vllm' },
    gpu: { memoryGiB: 80, ...(gpu === 'thor' ? {} : { arch: 'sm_90', computeCapability: '9.0' }) },
    model: { name: `Qwen/${model}` },
    command: [],
    skip,
  });
}

function attempt(c: Cell, ok: boolean, logPath: string | null): AttemptResult {
  const tail = ok ? ['INFO:     Application startup complete.'] : ['INFO starting', HOSTILE, 'RuntimeError: CUDA error: the provided PTX was compiled with an unsupported toolchain.'];
  return {
    attempt: 1, kind: 'first', options: {}, command: c.command, outcome: ok ? 'pass' : 'fail', exitCode: ok ? null : 1,
    diagnosis: ok ? null : { category: 'ptx-toolchain', signature: 'vllm-fa2-ptx-unsupported', title: 'FlashAttention-2 PTX the driver cannot JIT', explanation: 'PTX from a newer toolkit.', phase: 'profile', evidence: [{ line: 3, text: tail[2]! }], remedies: [{ attention: 'triton' }], links: [] },
    steps: { create: 0.1, ready: ok ? 42 : 20 },
    probes: ok ? [{ name: 'stream', verdict: 'pass', assertions: [], metrics: { ttft_p50_ms: 40, itl_p50_ms: 6, seq_ttft_p50_ms: 40, seq_itl_p50_ms: 6 }, requests: [], evidence: [], error: null }] : [],
    timeline: [{ name: 'model-load', startS: 0, durationS: 10, detail: {} }],
    logPath, logTail: tail.map((text, i) => ({ line: i + 1, text })),
    fingerprint: null, containerId: null, dockerRun: `docker run --gpus all ${c.image.ref}`, error: null,
  };
}

function result(c: Cell, verdict: Verdict, logPath: string | null): CellResult {
  const ok = verdict === 'pass';
  return {
    cell: c, verdict, category: verdict === 'fail' ? 'ptx-toolchain' : null, signature: verdict === 'fail' ? 'vllm-fa2-ptx-unsupported' : null,
    attempts: verdict === 'skip' ? [] : [attempt(c, ok, logPath)], triage: null, reason: verdict === 'skip' ? c.skip : null, durationMs: 1000,
  };
}

const CELLS = () => [cell(SMALL_IDS.pass), cell(SMALL_IDS.fail), cell(SMALL_IDS.skip, 'sglang cannot express speculative: mtp here')];

/** Appends one night to the database: the pass cell passes, the thor cell gets `thor`. */
export function addNight(dbPath: string, id: string, startedAt: string, thor: Verdict): void {
  const dir = dirname(dbPath);
  const logPath = join(dir, 'thor.log');
  const cells = CELLS();
  const db = openDb(dbPath);
  try {
    const w = new SqliteWriter(db);
    const run: RunInfo = { id, startedAt, host: 'ci', runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: true, argv: [], dbPath, outDir: dir, resumedFrom: null };
    w.onRunBegin(run, cells);
    w.onCellEnd(result(cells[0]!, 'pass', null));
    w.onCellEnd(result(cells[1]!, thor, thor === 'fail' ? logPath : null));
    w.onCellEnd(result(cells[2]!, 'skip', null));
    w.onRunEnd(run, { status: 'finished', finishedAt: startedAt.replace('02:00', '02:40'), counts: { pass: thor === 'pass' ? 2 : 1, fail: thor === 'fail' ? 1 : 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 1 }, exitCode: 0 });
  } finally {
    db.close();
  }
}

/** Writes `dir/results.sqlite` (two runs; the thor cell regresses in the second) and returns its path. */
export function writeSmallDb(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'results.sqlite');
  writeFileSync(join(dir, 'thor.log'), `INFO starting\n${HOSTILE}\nRuntimeError: CUDA error: the provided PTX was compiled with an unsupported toolchain.\n`);
  addNight(dbPath, 'run-1', '2026-11-21T02:00:00.000Z', 'pass');
  addNight(dbPath, 'run-2', '2026-11-22T02:00:00.000Z', 'fail');
  return dbPath;
}
