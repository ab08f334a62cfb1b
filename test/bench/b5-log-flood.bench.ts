// B5 log flood: a cell whose server writes 1 GiB of log lines during startup (faults.log_flood_mb:
// 1024, a chatty-kernel UserWarning; the emulator blocks on the pipe as a real server does) and
// then dies with a CUDA error (fail_first_starts: 1): the verdict is at the end of 1 GiB of log.
// Harness, end to end: the real CLI (`matrix run --emulate`); its peak RSS from /proc/<pid>/status
// VmHWM (sampled every 100 ms; the kernel's high-water mark, so no peak is missed between
// samples); its rate = log file bytes / (the file's birth → the CLI printing the cell's verdict).
// Peers, on the same cell and flood (peers/): testcontainers-node (its own process: log consumer
// to a file, Wait.forHttp with abortOnContainerExit, then a regex scan of the file for error
// lines) and a plain script (`docker run -d`, `docker logs -f > file`, `grep -E`); their rate =
// log file bytes / (the file's birth → the scan done), their RSS that of the testcontainers
// process, or of `docker logs` + `grep` (each under /usr/bin/time).
// In-process (b5-flood-worker.ts, its own process): LogCapture + classifyLog on a generated 1 GiB
// stream — the harness's pipeline without Docker. BENCH_FLOOD_MB sets both sizes.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { peerContainer, type PeerContainer } from './peers/container.ts';
import { ERROR_LINE_ERE } from './peers/b5-error-line.ts';
import type { Bench, BenchResult, Figure } from './support/bench.ts';
import { TRIAL_LABEL } from './support/docker-events.ts';
import { benchDir, matrixYaml, planBench, type BenchMatrix } from './support/emulated.ts';
import { emulatorTag } from './support/harness.ts';
import { median } from './support/stats.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;

function floodMatrix(floodMb: number): BenchMatrix {
  const flood = floodMb ? `, log_flood_mb: ${floodMb}` : '';
  return {
    images: [{ id: 'flood', emulate: `startup: { weights_s: 0, compile_s: 0, graphs_s: 0 }\nttft_ms: 5\nitl_ms: 1\nfaults: { fail_first_starts: 1${flood} }` }],
    timeouts: '{ startup: 600s, probe: 60s }',
  };
}

function vmHwmKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** One side's result: the log it captured, how fast (first byte → verdict), its peak RSS, and what it concluded. */
interface Side {
  bytes: number;
  seconds: number;
  peakRssMb: number;
  verdict: string;
}

const rate = (s: Side) => s.bytes / MB / s.seconds;

async function endToEnd(floodMb: number): Promise<Side & { captureS: number; wallS: number }> {
  const dir = benchDir('matrix-bench-flood-');
  try {
    return await endToEndIn(dir, floodMb);
  } finally {
    rmSync(dir, { recursive: true, force: true }); // a 1 GiB log, the database, the report
  }
}

async function endToEndIn(dir: string, floodMb: number): Promise<Side & { captureS: number; wallS: number }> {
  const file = join(dir, 'flood.yaml');
  writeFileSync(file, matrixYaml(floodMatrix(floodMb)));
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'matrix.js'), 'run', file, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], {
    cwd: ROOT, env: { ...process.env, CI: '1', MATRIX_LEASE_DIR: join(dir, 'leases') }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid!))), 100);
  let out = '';
  let err = '';
  let verdictAtMs = NaN;
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => {
    err += d;
    // The console reporter's line for the cell's end ("✗ fail  [1/1] …"): the verdict is known.
    if (Number.isNaN(verdictAtMs) && /\[1\/1\]/.test(err)) verdictAtMs = Date.now();
  });
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  clearInterval(timer);
  const wallS = (performance.now() - t0) / 1000;
  let json: { cells: Array<{ verdict: string; signature: string | null; reason: string | null }> };
  try {
    json = JSON.parse(out);
  } catch {
    throw new Error(`B5: matrix run printed no JSON (exit ${code}):\n${err.slice(-2000)}`);
  }
  const logs = join(dir, 'out', 'logs');
  const st = statSync(join(logs, readdirSync(logs)[0]!));
  const cell = json.cells[0]!;
  return {
    bytes: st.size,
    seconds: (verdictAtMs - st.birthtimeMs) / 1000,
    captureS: (st.mtimeMs - st.birthtimeMs) / 1000,
    peakRssMb: (peakKb * 1024) / MB,
    verdict: `${cell.verdict}: ${cell.signature ?? cell.reason}`,
    wallS,
  };
}

/** Removes what a peer left behind (its containers carry the trial label). */
async function sweep(trial: string): Promise<void> {
  const docker = new Docker();
  for (const c of await docker.listContainers({ all: true, filters: { label: [`${TRIAL_LABEL}=${trial}`] } })) {
    await docker.getContainer(c.Id).remove({ force: true }).catch(() => {});
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; out: string; err: string }> {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((r) => child.on('close', (code) => r({ code: code ?? -1, out, err })));
}

async function testcontainersSide(c: PeerContainer): Promise<Side> {
  const trial = randomUUID();
  const dir = benchDir('matrix-bench-tc-flood-');
  const log = join(dir, 'container.log');
  try {
    const r = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'peers', 'b5-testcontainers-flood.ts'), JSON.stringify(c), log, trial]);
    const line = r.out.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`B5 testcontainers peer printed no result (exit ${r.code}):\n${r.err.slice(-2000)}`);
    const p = JSON.parse(line) as { ready: boolean; error: string | null; bytes: number; birthMs: number; classifiedMs: number; errorLines: number; firstError: string | null; vmHwmKb: number };
    return { bytes: p.bytes, seconds: (p.classifiedMs - p.birthMs) / 1000, peakRssMb: (p.vmHwmKb * 1024) / MB, verdict: p.errorLines ? `${p.errorLines} error lines, first: ${p.firstError!.slice(0, 120)}` : `no error line (${p.error ?? 'ready'})` };
  } finally {
    await sweep(trial);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function scriptSide(c: PeerContainer): Promise<Side> {
  const trial = randomUUID();
  const dir = benchDir('matrix-bench-script-flood-');
  const envFile = join(dir, 'env');
  // --env-file takes each line literally (no quoting): the JSON configuration is one line.
  writeFileSync(envFile, Object.entries(c.env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  const log = join(dir, 'container.log');
  try {
    const r = await run('bash', [join(import.meta.dirname, 'peers', 'b5-flood-script.sh'), trial, c.image, envFile, c.mounts[0]!, log, ERROR_LINE_ERE, '--', ...c.cmd]);
    const classified = /^CLASSIFIED (\S+) (\d+)/m.exec(r.out);
    const rss = /^RSS_KB (\d+) (\d+)/m.exec(r.out);
    if (!classified || !rss) throw new Error(`B5 plain script printed no result (exit ${r.code}):\n${r.out}\n${r.err.slice(-2000)}`);
    const st = statSync(log);
    const first = /^FIRST (.*)$/m.exec(r.out)?.[1] ?? '';
    return {
      bytes: st.size,
      seconds: Number(classified[1]) - st.birthtimeMs / 1000,
      // docker logs and grep run one after the other; both counted, as the brief of the peer says.
      peakRssMb: ((Number(rss[1]) + Number(rss[2])) * 1024) / MB,
      verdict: Number(classified[2]) ? `${classified[2]} error lines, first: ${first.slice(0, 120)}` : 'no error line',
    };
  } finally {
    await sweep(trial);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inProcess(floodMb: number): Promise<{ peakRssMb: number; mbPerS: number; signature: string; bytes: number; classifyMs: number }> {
  const r = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'b5-flood-worker.ts'), String(floodMb)]);
  const j = JSON.parse(r.out.trim().split('\n').pop()!) as { vmHwmKb: number; mbPerS: number; signature: string; bytes: number; classifyMs: number };
  return { peakRssMb: (j.vmHwmKb * 1024) / MB, mbPerS: j.mbPerS, signature: j.signature, bytes: j.bytes, classifyMs: j.classifyMs };
}

export const b5: Bench = {
  id: 'B5',
  title: 'log flood',
  async run(opts) {
    const trials = opts.trials ?? 1;
    const floodMb = Number(process.env.BENCH_FLOOD_MB ?? 1024);
    const tag = await emulatorTag();
    const cell = planBench(floodMatrix(floodMb)).cells[0]!;
    const baseline = await endToEnd(0);
    const s = { harness: [] as Array<Awaited<ReturnType<typeof endToEnd>>>, testcontainers: [] as Side[], script: [] as Side[], inproc: [] as Array<Awaited<ReturnType<typeof inProcess>>> };
    for (let i = 0; i < trials; i++) {
      s.harness.push(await endToEnd(floodMb));
      // A fresh state directory each: the first start of each container crashes (fail_first_starts).
      s.testcontainers.push(await testcontainersSide(peerContainer(cell, tag)));
      s.script.push(await scriptSide(peerContainer(cell, tag)));
      s.inproc.push(await inProcess(floodMb));
    }
    const med = (xs: Side[], f: (x: Side) => number) => median(xs.map(f));
    const peersOf = (f: (x: Side) => number) => ({ testcontainers: med(s.testcontainers, f), script: med(s.script, f) });
    const rss = med(s.harness, (x) => x.peakRssMb);
    const e2eRate = med(s.harness, rate);
    const ipRss = median(s.inproc.map((r) => r.peakRssMb));
    const ipRate = median(s.inproc.map((r) => r.mbPerS));
    const mib = (x: Side) => x.bytes / MB;
    const figures: Figure[] = [
      { metric: `peak RSS, ${floodMb} MiB flood end to end (CLI; peer process; docker logs + grep)`, unit: 'MB', value: rss, peers: peersOf((x) => x.peakRssMb), goal: '< 200 MB', met: rss < 200 },
      { metric: 'CLI peak RSS, same cell without the flood (baseline)', unit: 'MB', value: baseline.peakRssMb },
      { metric: 'log rate end to end: log bytes / (first byte → verdict)', unit: 'MB/s', value: e2eRate, peers: peersOf(rate), lowerIsBetter: false, goal: '≥ 100 MB/s', met: e2eRate >= 100 },
      { metric: `log captured of the ${floodMb} MiB flood`, unit: 'MiB', value: med(s.harness, mib), peers: peersOf(mib), lowerIsBetter: false },
      { metric: `in-process LogCapture + classifyLog, ${floodMb} MiB: throughput`, unit: 'MB/s', value: ipRate, lowerIsBetter: false, goal: '≥ 100 MB/s', met: ipRate >= 100 },
      { metric: 'in-process peak RSS', unit: 'MB', value: ipRss, goal: '< 200 MB', met: ipRss < 200 },
    ];
    const h = s.harness;
    return {
      id: 'B5', title: this.title, trials, figures,
      notes: [
        `end to end: ${h.map((r) => r.verdict).join(' | ')}; log written over ${median(h.map((r) => r.captureS)).toFixed(1)} s (${median(h.map((r) => r.bytes / MB / r.captureS)).toFixed(0)} MB/s), verdict ${median(h.map((r) => r.seconds - r.captureS)).toFixed(1)} s after the last line, run ${median(h.map((r) => r.wallS)).toFixed(1)} s.`,
        `testcontainers: ${s.testcontainers.map((r) => r.verdict).join(' | ')}.`,
        `script: ${s.script.map((r) => r.verdict).join(' | ')}.`,
        `in-process: ${(median(s.inproc.map((r) => r.bytes)) / MB).toFixed(0)} MiB with a PTX crash at the end, classified as ${s.inproc[0]!.signature} (classifyLog over the kept lines: ${median(s.inproc.map((r) => r.classifyMs)).toFixed(0)} ms); MB = 2^20 bytes.`,
      ],
      samples: {
        e2eRssMb: h.map((r) => r.peakRssMb), e2eMbPerS: h.map(rate),
        testcontainersMbPerS: s.testcontainers.map(rate), testcontainersRssMb: s.testcontainers.map((r) => r.peakRssMb),
        scriptMbPerS: s.script.map(rate), scriptRssMb: s.script.map((r) => r.peakRssMb),
        inprocMbPerS: s.inproc.map((r) => r.mbPerS), inprocRssMb: s.inproc.map((r) => r.peakRssMb),
      },
    } satisfies BenchResult;
  },
};
