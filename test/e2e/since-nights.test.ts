// Three emulated nights into one database, the third with a latency fault (the emulator answers
// 150 ms later): the run's end on the console, the GitHub step summary, the report's summary and
// `matrix since` all name the cell, the metric, before → after and the runs compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, startCli, waitFor, workdir, writeMatrix, type CliResult } from './support/matrix-cli.ts';

const CELL = 'img/h100/small/default';
const dir = workdir('since-');
const db = join(dir, 'history.sqlite');
const summary = join(dir, 'step-summary.md');
const nights: CliResult[] = [];
const runIds = ['night-1', 'night-2', 'night-3'];

async function night(id: string, traits: string): Promise<CliResult> {
  const m = writeMatrix(dir, emulatedMatrix({ traits, probes: 'stream' }), `${id}.yaml`);
  const env: Record<string, string> = { MATRIX_LEASE_DIR: workdir('leases-'), MATRIX_REPORT_URL: 'https://example.org/matrix/' };
  if (id === 'night-3') Object.assign(env, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
  return cli(['run', m, '--emulate', '--db', db, '--out', join(dir, id), '--run-id', id], { env });
}

beforeAll(async () => {
  nights.push(await night('night-1', ''));
  nights.push(await night('night-2', ''));
  nights.push(await night('night-3', 'faults: { slow_first_token_ms: 150 }'));
}, 400_000);

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

describe('what changed since last night', () => {
  it('every night passed; the first two say so, the third names the TTFT regression on the console', () => {
    expect(nights.map((n) => n.code)).toEqual([0, 0, 0]);
    expect(nights[0]!.stdout).toContain('first run: nothing to compare with');
    expect(nights[1]!.stdout).toContain('since night-1:\n  no new failures, nothing newly fixed or flaky, no performance regressions');
    const end = nights[2]!.stdout;
    expect(end).toContain('since night-2:\n  performance regressions');
    expect(end).toMatch(new RegExp(`${CELL}: TTFT p50 [\\d.]+ → 1[5-9]\\d(\\.\\d)? ms \\(\\+\\d+%\\) — median of 2 runs \\(night-1, night-2\\) → night-3`));
    expect(end).toContain('report: https://example.org/matrix/');
  });

  it('the GitHub step summary carries the same block', () => {
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('### since night-2');
    expect(md).toMatch(/\| img\/h100\/small\/default \| TTFT p50 \| [\d.]+ → 1[5-9]\d(\.\d)? ms \(\+\d+%\) \| median of 2 runs \(night-1, night-2\) \|/);
    expect(md).toContain('Report: https://example.org/matrix/');
  });

  it("the report's summary has it too, in the page's embedded data and its text", () => {
    const html = readFileSync(join(dir, 'night-3', 'report', 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html)![1]!;
    const since = (JSON.parse(json) as { since: { previous: { id: string }; perf: Array<{ cell: string; metric: string; before: number; after: number; history: string[]; run: string }> } }).since;
    expect(since.previous.id).toBe('night-2');
    expect(since.perf.map((r) => [r.cell, r.metric, r.history, r.run])[0]).toEqual([CELL, 'ttft_p50_ms', ['night-1', 'night-2'], 'night-3']);
    // the late first token may also lower the output rate (tokens over the whole request) beyond its spread
    expect(since.perf.slice(1).map((r) => r.metric)).toEqual(since.perf.length > 1 ? ['output_tokens_per_s'] : []);
    expect(since.perf[0]!.after - since.perf[0]!.before).toBeGreaterThan(100);
  });

  it('`matrix since` prints it for the merged database (the workflow summary), as Markdown and JSON', async () => {
    const md = await cli(['since', '--db', db, '--markdown'], { env: { MATRIX_REPORT_URL: 'https://example.org/matrix/' } });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### since night-2');
    expect(md.stdout).toMatch(/\*\*Performance regressions\*\* \([12]\)\n\n\| cell \| metric \| before → after \| history \|\n\| --- \| --- \| --- \| --- \|\n\| img\/h100\/small\/default \| TTFT p50 \|/);
    const json = await cli(['since', '--db', db, '--run', 'night-2', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ run: 'night-2', previous: { id: 'night-1' }, perf: [] });
    const bad = await cli(['since', '--db', db, '--run', 'night-9']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--run night-9: no such run')]);
  });


  it('`matrix runs` lists the three nights, newest first, with status, counts and host', async () => {
    const r = await cli(['runs', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^run\s+started \(UTC\)\s+status\s+cells\s+commit\s+host$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['night-3', 'night-2', 'night-1']);
    for (const l of lines.slice(1)) expect(l).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+finished\s+1 pass\s/);
    const json = JSON.parse((await cli(['runs', '--db', db, '--json', '--limit', '2'])).stdout) as { runs: Array<{ id: string; counts: Record<string, number> }> };
    expect(json.runs.map((x) => [x.id, x.counts.pass])).toEqual([['night-3', 1], ['night-2', 1]]);
  });

  it('`matrix serve` answers the JSON API, read-only', async () => {
    const serve = startCli(['serve', '--db', db, '--port', '0']);
    let out = '';
    serve.stdout!.on('data', (d) => (out += d));
    try {
      const base = await waitFor(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0], 20_000, 'matrix serve to listen');
      const get = async (path: string) => {
        const res = await fetch(new URL(path, base));
        return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
      };
      const runs = await get('/api/runs');
      expect(runs.type).toBe('application/json; charset=utf-8');
      expect((runs.body.runs as Array<{ id: string }>).map((x) => x.id)).toEqual(['night-3', 'night-2', 'night-1']);
      const cells = await get('/api/runs/night-3/cells');
      expect(cells.body).toMatchObject({ run: 'night-3', cells: [{ id: CELL, verdict: 'pass', engine: 'vllm', gpu: 'h100' }] });
      expect((cells.body.cells as Array<{ ttftMs: number }>)[0]!.ttftMs).toBeGreaterThan(150);
      const history = await get(`/api/cells/${CELL}/history`);
      expect((history.body.history as Array<{ run: string; verdict: string }>).map((x) => [x.run, x.verdict])).toEqual([['night-1', 'pass'], ['night-2', 'pass'], ['night-3', 'pass']]);
      expect((await get(`/api/cells/${encodeURIComponent(CELL)}/history`)).status).toBe(200);
      expect((await get('/api/runs/night-9/cells')).status).toBe(404);
      expect((await fetch(new URL('/api/runs', base), { method: 'POST' })).status).toBe(405);
    } finally {
      serve.kill('SIGINT');
      await serve.done;
    }
  });
});

describe('a fix you can paste', () => {
  it("`matrix issue` prints the seed Thor failure as a vLLM bug report: environment, evidence, command, what fixed it", async () => {
    const seedDb = join(dir, 'seed.sqlite');
    const id = 'vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton';
    const run = await cli(['run', join('matrix', 'seeds.yaml'), '--emulate', '--triage', '--only', id, '--db', seedDb, '--out', join(dir, 'seed'), '--run-id', 'seed-thor'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
    runIds.push('seed-thor');
    expect(run.code).toBe(0);
    const r = await cli(['issue', id, '--db', seedDb]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# \[Bug\]: .*on thor \(dustynv\/vllm:0\.19\.0-r39\.0\)\n/);
    expect(md.indexOf('### Your current environment')).toBeLessThan(md.indexOf('### 🐛 Describe the bug'));
    expect(md).toContain('- image: dustynv/vllm:0.19.0-r39.0');
    expect(md).toContain('matrix signature `ptx-toolchain-vision-encoder`');
    expect(md).toMatch(/```text\n[^`]*\d+: [^\n]*the provided PTX was compiled with an unsupported toolchain/);
    expect(md).toContain('**What fixed it:** The same command passes with `--mm-encoder-attn-backend TORCH_SDPA` (mm_attention: sdpa).');
    expect(md).toMatch(/\*\*Command:\*\*\n\n```bash\ndocker run [^]*--attention-backend \\\n {2}TRITON_ATTN/);
    expect(md).toContain('cell `vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton`, run seed-thor');
    const passing = await cli(['issue', 'img/h100/small/default', '--db', db]);
    expect([passing.code, passing.stderr]).toEqual([2, expect.stringContaining('did not fail in run night-3 (pass)')]);
  });
});
