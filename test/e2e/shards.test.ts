// The nightly's fan-out, end to end on the real Docker engine with the emulator image: shards 1/3,
// 2/3 and 3/3 of the seeds run as three parallel processes (sharing the default lease directory,
// so they never share a GPU slot), `matrix merge` joins them into exactly the cells and verdicts of
// one unsharded run, a second merge changes nothing, and a second night whose image regressed
// shows up as a regression in the report rendered from the merged history.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EmbeddedReport } from '../../reports/embedded.ts';
import { openDb } from '../../harness/store/db.ts';
import { loadReport } from '../../harness/store/report-data.ts';
import { contentHash } from '../unit/store/content-hash.ts';
import { cli, containersOfRun, parseRun, query, ROOT, workdir, writeMatrix, type CliResult } from './support/matrix-cli.ts';

const SEEDS = join(ROOT, 'matrix/seeds.yaml');
const tag = Date.now().toString(36);
const SHARDED = `shards-${tag}`;
const SINGLE = `single-${tag}`;
const NIGHT2 = `night2-${tag}`;
const dir = workdir('matrix-shards-');

interface CellRow {
  cell_id: string;
  verdict: string | null;
  category: string | null;
  signature: string | null;
  attempts: number;
}
const cellsOf = (db: string, run: string) => query<CellRow>(db, 'SELECT cell_id, verdict, category, signature, attempts FROM cells WHERE run_id = ? ORDER BY cell_id', run);

const ok = (r: CliResult, what: string) => expect(r.code, `${what} exited ${r.code}\n${r.stderr.slice(-3000)}`).toBe(0);
const run = (file: string, runId: string, db: string, out: string, extra: string[] = []) =>
  cli(['run', file, '--emulate', '--emulate-gpus', '2', '--run-id', runId, '--db', db, '--out', out, '--json', ...extra]);

afterAll(async () => {
  const left = (await Promise.all([SHARDED, SINGLE, NIGHT2].map(containersOfRun))).flat();
  expect(left, 'containers labelled matrix.run survived').toEqual([]);
});

describe('shards of one run, merged', () => {
  const history = join(dir, 'history.sqlite');
  let seedsCells: string[] = [];

  it('three parallel shards merge into exactly the cells and verdicts of one unsharded run', async () => {
    const shards = await Promise.all([1, 2, 3].map((i) => run(SEEDS, SHARDED, join(dir, `s${i}.sqlite`), join(dir, `o${i}`), ['--shard', `${i}/3`])));
    shards.forEach((r, i) => ok(r, `shard ${i + 1}/3`));
    const perShard = shards.map((r) => parseRun(r).cells.map((c) => c.id));
    // the shards split the seeds without overlap
    expect(new Set(perShard.flat()).size).toBe(perShard.flat().length);
    expect(perShard.map((ids) => ids.length).sort()).toEqual([3, 3, 4]);

    const single = await run(SEEDS, SINGLE, join(dir, 'single.sqlite'), join(dir, 'single'));
    ok(single, 'unsharded run');
    seedsCells = parseRun(single).cells.map((c) => c.id).sort();
    expect(perShard.flat().sort()).toEqual(seedsCells);

    ok(await cli(['merge', ...[1, 2, 3].map((i) => join(dir, `s${i}.sqlite`)), '--into', history]), 'merge');
    const strip = (rows: CellRow[]) => rows.map(({ cell_id, verdict, category, signature }) => ({ cell_id, verdict, category, signature }));
    expect(strip(cellsOf(history, SHARDED))).toEqual(strip(cellsOf(join(dir, 'single.sqlite'), SINGLE)));
    expect(cellsOf(history, SHARDED).map((c) => c.verdict)).toContain('xfail');

    const runs = query<{ id: string; status: string; started_at: string; finished_at: string }>(history, 'SELECT id, status, started_at, finished_at FROM runs');
    const shardRuns = [1, 2, 3].map((i) => query<{ started_at: string; finished_at: string }>(join(dir, `s${i}.sqlite`), 'SELECT started_at, finished_at FROM runs')[0]!);
    expect(runs).toEqual([
      {
        id: SHARDED,
        status: 'finished',
        started_at: shardRuns.map((r) => r.started_at).sort()[0],
        finished_at: shardRuns.map((r) => r.finished_at).sort()[2],
      },
    ]);
    // every shard's attempts, probes and requests came along
    const count = (db: string, t: string) => query<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${t}`)[0]!.n;
    for (const t of ['attempts', 'probes', 'requests']) {
      expect(count(history, t), t).toBe([1, 2, 3].reduce((n, i) => n + count(join(dir, `s${i}.sqlite`), t), 0));
    }
  }, 300_000); // three runs wait for two GPU slots, then one more run: minutes on a busy 2-core box

  it('merging the same shards again changes nothing', async () => {
    const before = contentHash(history);
    const again = await cli(['merge', ...[3, 1, 2].map((i) => join(dir, `s${i}.sqlite`)), '--into', history, '--json']);
    ok(again, 'second merge');
    const added = (JSON.parse(again.stdout) as { added: Record<string, number> }).added;
    expect(Object.values(added).every((n) => n === 0), JSON.stringify(added)).toBe(true);
    expect(contentHash(history)).toBe(before);
  });

  it('a second night with a regressed image shows the regression in the report of the merged history', async () => {
    // night 2: the vllm-0.11 image no longer knows the Qwen3-VL architecture
    const seeds = readFileSync(SEEDS, 'utf8');
    const changed = seeds.replace(/(\n {4}emulate:\n {6}version: 0\.11\.0\n)/, '$1      unknown_architectures: [Qwen3VLForConditionalGeneration]\n');
    expect(changed).not.toBe(seeds);
    const file = writeMatrix(dir, changed, 'seeds-night2.yaml');
    const night2 = await run(file, NIGHT2, join(dir, 'n2.sqlite'), join(dir, 'n2'), ['--only', 'vllm-0.11/h100/**']);
    expect(night2.code, night2.stderr.slice(-3000)).toBe(1); // an unexpected failure
    expect(parseRun(night2).cells.map((c) => [c.id, c.verdict])).toEqual([
      ['vllm-0.11/h100/qwen3-vl-8b/default', 'fail'],
      ['vllm-0.11/h100/qwen3-vl-8b/triton', 'fail'],
    ]);
    ok(await cli(['merge', join(dir, 'n2.sqlite'), '--into', history]), 'merge night 2');

    const db = openDb(history, { readonly: true });
    const { data } = loadReport(db);
    db.close();
    expect(data.runs.map((r) => r.id)).toEqual([NIGHT2, SHARDED]);
    // The triton cell was an expected failure already on night 1 (vLLM 0.11's Qwen3-VL encoder refuses
    // TRITON_ATTN, matrix/seeds.yaml): a regression is a cell that passed and now fails.
    expect(data.regressions).toEqual(['vllm-0.11/h100/qwen3-vl-8b/default']);
    expect(data.history['vllm-0.11/h100/qwen3-vl-8b/default']!.map((p) => p.verdict)).toEqual(['pass', 'fail']);
    // the older night's other cells are all still there
    expect(cellsOf(history, SHARDED).map((c) => c.cell_id)).toEqual(seedsCells);

    // the page `matrix report` writes carries the same regressions in its embedded data
    const site = join(dir, 'site');
    ok(await cli(['report', '--db', history, '--out', site]), 'report');
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
    expect(m, 'embedded report data').not.toBeNull();
    const embedded = JSON.parse(m![1]!) as EmbeddedReport;
    expect(embedded.regressions).toEqual(data.regressions);
    expect(embedded.hist.runs).toEqual([SHARDED, NIGHT2]);
  });
});
