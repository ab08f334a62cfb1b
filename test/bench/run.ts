// `npm run bench [-- --only B1,B4] [--json] [--trials N]` (`npm run -s` keeps npm's banner out of the JSON): runs the benchmarks, each against its
// peers in the same run, and prints one table (medians over N trials, the ratio to each peer) and,
// with --json, the figures and raw samples as JSON. Benchmarks are not tests: nothing here gates CI.
import { cpus, loadavg } from 'node:os';
import Docker from 'dockerode';
import { parseArgs } from 'node:util';
import { b1 } from './b1-crash.bench.ts';
import { b2 } from './b2-lifecycle.bench.ts';
import { b3 } from './b3-schedule.bench.ts';
import { b4 } from './b4-latency.bench.ts';
import { b5 } from './b5-log-flood.bench.ts';
import { b6 } from './b6-report.bench.ts';
import { b7 } from './b7-store.bench.ts';
import { b8 } from './b8-hang.bench.ts';
import { b9 } from './b9-gpu-seconds.bench.ts';
import { ratiosOf, type Bench, type BenchResult } from './support/bench.ts';
import { TRIAL_LABEL } from './support/docker-events.ts';
import { printTable } from './support/table.ts';

const BENCHES: Bench[] = [b1, b2, b3, b4, b5, b6, b7, b8, b9];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    trials: { type: 'string' },
  },
});
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim().toUpperCase())) : null;
const selected = BENCHES.filter((b) => !only || only.has(b.id));
if (only && selected.length !== only.size) {
  process.stderr.write(`unknown benchmark in --only ${values.only} (have: ${BENCHES.map((b) => b.id).join(', ')})\n`);
  process.exit(2);
}
const trials = values.trials ? Number(values.trials) : undefined;
const log = (s: string) => process.stderr.write(s + '\n');
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadBefore: loadavg().map((x) => Math.round(x * 100) / 100), loadAfter: [] as number[], node: process.version };
const t0 = performance.now();
const results: BenchResult[] = [];
const failures: Array<{ id: string; error: string }> = [];
for (const b of selected) {
  log(`${b.id} ${b.title} …`);
  const t = performance.now();
  try {
    results.push(await b.run({ trials }));
    log(`${b.id} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (e) {
    failures.push({ id: b.id, error: (e as Error).stack ?? String(e) });
    log(`${b.id} failed: ${(e as Error).stack ?? e}`);
  }
}
// Nothing leaks: a peer that failed midway may have left its container (each carries a trial label).
const docker = new Docker();
for (const c of await docker.listContainers({ all: true, filters: { label: [TRIAL_LABEL] } })) {
  log(`removing a container left by a peer: ${c.Id.slice(0, 12)}`);
  await docker.getContainer(c.Id).remove({ force: true }).catch(() => {});
}
machine.loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
const totalS = (performance.now() - t0) / 1000;
const out = values.json ? process.stderr : process.stdout;
printTable(results, out);
out.write(`\n${results.length} benchmark(s) in ${totalS.toFixed(0)} s on ${machine.cpus}× ${machine.cpuModel}, node ${machine.node}; load average before ${machine.loadBefore.join(' ')}, after ${machine.loadAfter.join(' ')}\n`);
if (values.json) {
  const withRatios = results.map((r) => ({ ...r, figures: r.figures.map((f) => ({ ...f, ratios: ratiosOf(f) })) }));
  process.stdout.write(JSON.stringify({ machine, totalS, results: withRatios, failures }, null, 2) + '\n');
}
process.exit(failures.length ? 1 : 0);
