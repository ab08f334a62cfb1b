// Plan with time (issue #26), end to end: a real emulated run writes its startup steps into a real
// SQLite database; `matrix plan --db` estimates each cell from them (its own run, or the same image
// and model on another GPU) and `matrix plan --github --job-budget` packs the shards by them.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];
afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

/** Two images of one model: `slow` loads its weights for 2 s, `fast` for 0.1 s. */
const matrix = (gpus: string) => `version: 1
defaults:
  timeouts: { startup: 60s, probe: 30s }
images:
  - { id: slow, ref: "vllm/vllm-openai:v0.19.0", engine: vllm, emulate: { startup: { weights_s: 2, compile_s: 0.05, graphs_s: 0.05 }, ttft_ms: 5, itl_ms: 1 } }
  - { id: fast, ref: "vllm/vllm-openai:v0.19.0", engine: vllm, emulate: { startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }, ttft_ms: 5, itl_ms: 1 } }
gpus: [${gpus}]
models:
  - { id: small, name: Qwen/Qwen3-0.6B }
flags:
  - { id: default }
probes: [text]
`;

interface PlanJson {
  estimate_s: number;
  cells: Array<{ id: string; estimate: { seconds: number; basis: string } }>;
}

describe('matrix plan estimates from history', () => {
  const dir = workdir('matrix-plan-time-');
  const db = join(dir, 'r.sqlite');
  const ran = writeMatrix(dir, matrix('h100'), 'ran.yaml');

  it('estimates each cell from the steps its last run stored, and from other GPUs for a new one', async () => {
    const r = await cli(['run', ran, '--emulate', '--db', db, '--out', join(dir, 'out'), '--json'], { env });
    runIds.push(parseRun(r).run);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    // what the run stored: seconds of every lifecycle step of each cell's attempts
    const steps = new Map(query<{ cell_id: string; s: number }>(db, 'SELECT cell_id, SUM(seconds) AS s FROM phases GROUP BY cell_id').map((x) => [x.cell_id, x.s]));
    expect(steps.size).toBe(2);

    const p = await cli(['plan', ran, '--db', db, '--json']);
    expect(p.code, p.stderr).toBe(0);
    const plan = JSON.parse(p.stdout) as PlanJson;
    for (const c of plan.cells) expect(c.estimate, c.id).toEqual({ seconds: Math.round(steps.get(c.id)!), basis: 'from 1 run' });
    const est = (id: string) => plan.cells.find((c) => c.id === id)!.estimate.seconds;
    expect(est('slow/h100/small/default')).toBeGreaterThan(est('fast/h100/small/default'));

    // a GPU the history has never seen borrows from the same image and model on the others
    const wider = writeMatrix(dir, matrix('h100, a100'), 'wider.yaml');
    const text = await cli(['plan', wider, '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/slow\/a100\/small\/default .* \d+s \(from 1 run of slow \+ small on other GPUs\)/);
    expect(text.stdout).toMatch(/fast\/h100\/small\/default .* \d+s \(from 1 run\)/);
    expect(text.stdout).toMatch(/^4 cells: 4 to run, 0 skipped \(h100: 2, a100: 2\); estimated \d+s one after another$/m);
  }, 180_000);

  it('plan --github packs shards by those estimates into the job budget', async () => {
    const roomy = await cli(['plan', ran, '--db', db, '--github', '--job-budget', '1h']);
    expect(roomy.code, roomy.stderr).toBe(0);
    expect(roomy.stderr).toBe('');
    const one = JSON.parse(roomy.stdout) as { include: Array<{ shard: string; only: string; estimate_s: number }> };
    expect(one.include.map((j) => [j.shard, j.only])).toEqual([['1/1', 'fast/h100/small/default,slow/h100/small/default']]);

    // a budget under each cell's estimate: each cell alone in its shard, with a warning
    const tight = await cli(['plan', ran, '--db', db, '--github', '--job-budget', '1s']);
    expect(tight.code, tight.stderr).toBe(0);
    const two = JSON.parse(tight.stdout) as { include: Array<{ shard: string; only: string }> };
    expect(two.include.map((j) => [j.shard, j.only])).toEqual([['1/2', 'slow/h100/small/default'], ['2/2', 'fast/h100/small/default']]);
    expect(tight.stderr.match(/alone is estimated at \d+s, over the job budget of 1s: it gets a shard of its own/g)).toHaveLength(2);

    const bad = await cli(['plan', ran, '--db', db, '--github', '--job-budget', '7h']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--job-budget: 7h is out of range/);
  }, 60_000);
});
