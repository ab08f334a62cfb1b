// `matrix bisect FILE... CELL --good REF --bad REF [--between REF…]`: which image of an ordered
// list first broke a cell, in at most ⌈log2(C + 1)⌉ normal runs (C: refs between good and bad).
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { BisectError, UsageError } from '../errors.ts';
import { oneCell } from '../plan/one-cell.ts';
import { planWithProbes } from '../plan/plan-files.ts';
import { DockerRuntime } from '../runtime/docker.ts';
import { bisectRefs, type BisectResult } from '../run/bisect.ts';
import { maxRuns } from '../run/bisect-search.ts';
import { bisectRefList } from '../run/bisect-refs.ts';
import { newRunId } from '../run/run-info.ts';
import { fitToRunner, prepareRunner } from '../run/setup.ts';
import type { RunInfo } from '../core/events.ts';
import { secretValues } from '../core/secrets.ts';
import { defaultCacheDir } from '../models/cache-layout.ts';
import { addBisectRun, beginBisect, endBisect } from '../store/bisects.ts';
import { openDb } from '../store/db.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';
import { answerLine, bisectJson, probeLine, startLine, type Answer } from './bisect-output.ts';
import { probeRun, type ProbeContext } from './bisect-probe.ts';
import { defineCommand } from './command.ts';
import { errorText } from './error-text.ts';
import { writeRunReport } from './finish.ts';
import { DB, wholeNumber } from './options.ts';

export const command = defineCommand({
  name: 'bisect',
  summary: 'find the first image of an ordered list (nightly builds) on which a cell stops serving',
  usage: 'FILE... CELL --good REF --bad REF [--between REF,…] [--verify] [--emulate] [options]',
  positionals: { min: 2, name: 'FILE (a matrix file) and CELL (a cell id as `matrix plan` prints it)' },
  options: {
    good: { type: 'string', arg: 'REF', required: true, description: 'the newest image known to serve the cell: a tag of the cell\'s image repository (nightly-01), a digest (sha256:…) or a whole reference' },
    bad: { type: 'string', arg: 'REF', required: true, description: 'an image on which the cell fails (newer than --good)' },
    between: { type: 'string', arg: 'REF', multiple: true, description: 'the images between good and bad, oldest first (repeat the flag or separate with commas)' },
    verify: { type: 'boolean', description: 'run --good and --bad too before searching (by default both are trusted)' },
    emulate: { type: 'boolean', description: 'replace each image by the emulator with its traits (an image labelled matrix.emulate brings its own; no GPU needed)' },
    'emulate-gpus': { type: 'string', arg: 'N', default: '4', description: 'GPU slots of the simulated runner', parse: wholeNumber(1, 256) },
    pull: { type: 'string', arg: 'POLICY', default: 'missing', choices: ['missing', 'always', 'never'] as const, description: 'when to pull a ref (one that cannot be had stops the bisect)' },
    db: DB,
    out: { type: 'string', arg: 'DIR', description: 'directory for the probe runs\' logs and the report (default .matrix/bisects/<bisect id>)' },
    'cache-dir': { type: 'string', arg: 'DIR', description: 'host directory of the managed model cache, mounted as in `matrix run` (default MATRIX_CACHE_DIR or ~/.cache/matrix)' },
    json: { type: 'boolean', description: 'print the result as JSON (progress goes to stderr)' },
  },
  examples: [
    'matrix bisect matrix/nightly.yaml vllm-nightly/h100/qwen3-vl-8b/default --good nightly-01 --between nightly-02,nightly-03,nightly-04,nightly-05 --bad nightly-06',
    'matrix bisect m.yaml img/h100/small/default --good sha256:… --bad sha256:… --verify',
  ],
  async run({ positionals, values }) {
    const files = positionals.slice(0, -1);
    const cellArg = positionals.at(-1)!;
    for (const f of files) if (!existsSync(f)) throw new UsageError(`matrix file not found: ${f}`, 'usage: matrix bisect FILE... CELL --good REF --bad REF');
    if (existsSync(cellArg) && /\.ya?ml$/.test(cellArg)) throw new UsageError(`matrix bisect: missing CELL after the matrix files`, 'give the cell id as `matrix plan FILE` prints it, e.g. img/h100/small/default');
    const plan = await planWithProbes(files);
    const cell = oneCell(plan.cells, cellArg, 'bisect');
    if (cell.skip) throw new UsageError(`matrix bisect: cell ${cell.id} is skipped (${cell.skip}): it never runs`, 'bisect a cell that runs');
    const refs = bisectRefList(cell.image.ref, { good: values.good!, bad: values.bad!, between: values.between });
    const out = values.json ? process.stderr : process.stdout;

    const runtime = new DockerRuntime();
    const setup = await prepareRunner(runtime, { emulate: !!values.emulate, emulateGpus: values['emulate-gpus'], host: hostname(), wantGpus: [] });
    for (const n of setup.notes) process.stderr.write(`${n}\n`);
    fitToRunner([cell], setup, false);
    const id = `bisect-${newRunId()}`;
    const dbPath = resolve(values.db);
    const db = openDb(dbPath);
    const ctx: ProbeContext = { runtime, setup, db, dbPath, files, outDir: resolve(values.out ?? join('.matrix', 'bisects', id)), emulate: !!values.emulate, pull: values.pull, probes: plan.probes, cacheDir: values['cache-dir'] ? resolve(values['cache-dir']) : defaultCacheDir(), secrets: secretValues([cell]) };
    beginBisect(db, { id, cellId: cell.id, refs, verify: !!values.verify, bound: maxRuns(refs.length - 2), argv: process.argv.slice(2) });
    let last: RunInfo | null = null;
    let result: BisectResult;
    const stop = stopBetweenRuns(() => endBisect(db, id, { status: 'failed', error: 'interrupted twice: stopped at once' }));
    try {
      result = await bisectRefs(refs, { verify: !!values.verify }, {
        probe: async (ref) => {
          if (stop.requested) throw new BisectError('interrupted', `matrix bisect: interrupted before the run of ref ${ref}`, 'bisect again; the runs so far are recorded', 130);
          stop.inRun = true;
          const p = await probeRun(ctx, cell, ref).finally(() => (stop.inRun = false));
          last = p.run;
          return p;
        },
        onStart: (o) => out.write(startLine(cell.id, refs, o, cell.image.ref)),
        onProbe: (p, n, planned) => {
          addBisectRun(db, id, p);
          out.write(probeLine(p, n, planned, cell.image.ref));
        },
      });
    } catch (e) {
      endBisect(db, id, { status: 'failed', error: errorText(e).text.split('\n')[0]!.replace(/^matrix bisect: /, '') });
      if (e instanceof BisectError && last) await writeRunReport(db, last, []);
      db.close();
      throw e;
    } finally {
      stop.off();
    }
    const answer = await answerOf(ctx, result);
    endBisect(db, id, { status: 'found', ...answer, signature: result.signature, category: result.category });
    const report = last ? await writeRunReport(db, last, []) : null;
    db.close();
    out.write(answerLine(result, answer, cell.image.ref));
    out.write(`bisect: ${id}\nreport:  ${report ?? '(no run: nothing between good and bad was run)'}\ndb:      ${dbPath}\n`);
    if (values.json) process.stdout.write(JSON.stringify(bisectJson(id, cell.id, result, answer, { db: dbPath, report }), null, 2) + '\n');
    return 0;
  },
});

/**
 * Ctrl-C (or SIGTERM) between two probe runs, e.g. while a ref is pulled: the bisect stops before
 * its next run and is recorded as failed; a second one stops at once. During a run, the run's own
 * guard (run-ending.ts) ends that run gracefully and the bisect stops after it.
 */
function stopBetweenRuns(markStoppedNow: () => void): { readonly requested: boolean; inRun: boolean; off(): void } {
  const state = { requested: false, inRun: false };
  const onSignal = () => {
    if (state.inRun) {
      state.requested = true;
      return;
    }
    if (state.requested) {
      markStoppedNow();
      process.exit(130);
    }
    state.requested = true;
    process.stderr.write('matrix bisect: stopping before the next run (Ctrl-C again to stop now)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get requested() {
      return state.requested;
    },
    get inRun() {
      return state.inRun;
    },
    set inRun(v: boolean) {
      state.inRun = v;
    },
    off() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The last good and first bad refs with their digests: from their probe runs, else as the engine has them (null when it has not). */
async function answerOf(ctx: { runtime: ContainerRuntime }, r: BisectResult): Promise<Answer> {
  const digestOf = async (index: number) => {
    const probed = r.probes.find((p) => p.index === index && p.digest);
    if (probed) return probed.digest;
    const info = await ctx.runtime.inspectImage(r.refs[index]!).catch(() => null);
    return info ? (info.digest ?? info.id) : null;
  };
  return {
    lastGood: { ref: r.refs[r.lastGood]!, digest: await digestOf(r.lastGood) },
    firstBad: { ref: r.refs[r.firstBad]!, digest: await digestOf(r.firstBad) },
  };
}
