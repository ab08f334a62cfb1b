// The accuracy probe through the real CLI and emulator containers (issue 24): with
// faults.corrupt_batched the FULL-graph cell answers right alone and wrong in a batch, so its
// accuracy probe fails as accuracy-drop-batched naming the concurrency, while its eager baseline
// (same image × GPU × model, CUDA graphs off) passes; a user's JSONL dataset replaces the
// generated questions. Prints what the default probe costs (requests, tokens, seconds).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

async function run(yaml: string, dir = workdir()) {
  const m = writeMatrix(dir, yaml);
  const db = join(dir, 'r.sqlite');
  // four simulated GPUs: the FULL cell could start beside its baseline, and must wait for it instead
  const r = await cli(['run', m, '--emulate', '--emulate-gpus', '4', '--db', db, '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
  const out = parseRun(r);
  runIds.push(out.run);
  return { code: r.code, out, db };
}

describe('accuracy probe', () => {
  it('FULL graphs wrong in a batch: accuracy-drop-batched at concurrency 8, its eager baseline passes', { timeout: 240_000 }, async () => {
    const { code, out, db } = await run(emulatedMatrix({
      traits: 'faults: { corrupt_batched: { min_batch: 2, graphs: full } }',
      flags: '  - { id: full, options: { cuda_graphs: full } }\n  - { id: eager, options: { cuda_graphs: "off" } }',
      probes: 'accuracy',
    }));
    expect(code).toBe(1);
    const eager = out.cells.find((c) => c.id.endsWith('/eager'))!;
    const full = out.cells.find((c) => c.id.endsWith('/full'))!;
    expect(eager.verdict).toBe('pass');
    expect([full.verdict, full.category, full.signature]).toEqual(['fail', 'probe', 'accuracy-drop-batched']);
    const e = eager.probes[0]!.metrics;
    const f = full.probes[0]!.metrics;
    expect([e.score_c1, e.score_c8, e.score_c32]).toEqual([1, 1, 1]);
    expect(f.score_c1).toBe(1);
    // which requests share a batch depends on timing, as on a real engine (on a loaded 2-core
    // machine fewer overlap): the contract is a drop beyond the 5 % tolerance, not its size
    expect(f.score_c8).toBeLessThan(0.95);
    expect(f.score_c32).toBeLessThan(0.95);
    expect(f.baseline_score_c8).toBe(1);
    const d = JSON.parse(query<{ diagnosis: string }>(db, "SELECT diagnosis FROM attempts WHERE cell_id LIKE '%/full'")[0]!.diagnosis) as { title: string };
    expect(d.title).toMatch(/wrong at batch 8 with FULL graphs, right in eager \(eager: 100\.0 %\) — dropped at concurrency 8, 32/);
    // every request of both cells stored, with its answer
    const stored = query<{ cell_id: string; n: number }>(db, "SELECT cell_id, COUNT(*) AS n FROM requests WHERE probe = 'accuracy' GROUP BY cell_id ORDER BY cell_id");
    expect(stored.map((s) => s.n)).toEqual([600, 600]);
    const outputs = JSON.parse(query<{ outputs: string }>(db, "SELECT outputs FROM probes WHERE cell_id LIKE '%/full'")[0]!.outputs) as Record<string, string>;
    expect(Object.keys(outputs)).toHaveLength(600);
    console.log(`accuracy probe, defaults (200 questions × concurrency 1, 8, 32) on the emulator (ttft 5 ms, itl 1 ms): ${e.requests} requests, ${e.prompt_tokens} prompt + ${e.completion_tokens} completion tokens, ${e.seconds_c1!.toFixed(1)} s + ${e.seconds_c8!.toFixed(1)} s + ${e.seconds_c32!.toFixed(1)} s`);
  });

  it("a user's JSONL dataset, its path relative to the matrix file, scored per concurrency", { timeout: 120_000 }, async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'data'));
    const lines = [
      { prompt: 'What is 6 times 7? Answer with just the number.', answer: 42 },
      { prompt: 'Convert 3 hours to minutes. Answer with just the number.', answer: '180' },
      { prompt: 'How many times does the letter "s" appear in "mississippi"? Answer with just the number.', answer: 4 },
      { prompt: 'How many items are in this list: oak, elm, ash? Answer with just the number.', answer: 3 },
      { prompt: 'What is the capital of France? Answer with one word.', answer: 'Paris' },
    ];
    writeFileSync(join(dir, 'data', 'qs.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const { code, out } = await run(emulatedMatrix({ probes: '{ name: accuracy, options: { dataset: ./data/qs.jsonl, concurrency: [1, 4], floor: 0.8 } }' }), dir);
    expect(code, JSON.stringify(out.cells[0])).toBe(0);
    // the emulator knows arithmetic, counting and conversions, not capitals: 4 of 5 right
    expect(out.cells[0]!.probes[0]!.metrics).toMatchObject({ questions: 5, requests: 10, correct_c1: 4, correct_c4: 4, score_c1: 0.8 });
  });
});
