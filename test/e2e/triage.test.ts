// Triage and expectations end to end: the seeds under --emulate, re-run with each remedy of their
// signature until one passes; expectations turning failures into xfail, passes into xpass, and a
// different failure into a plain fail (a new failure mode).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, ROOT, workdir, writeMatrix } from './support/matrix-cli.ts';

const runs: string[] = [];
const env = { MATRIX_LEASE_DIR: workdir('leases-') };

afterAll(async () => {
  for (const r of runs) expect(await containersOfRun(r)).toEqual([]);
});

describe('matrix run --triage on the seeds', () => {
  it('finds the fix of each seed failure and keeps them expected failures', async () => {
    const dir = workdir();
    const r = await cli(['run', join(ROOT, 'matrix/seeds.yaml'), '--emulate', '--triage', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env });
    const out = parseRun(r);
    runs.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    const cell = (id: string) => out.cells.find((c) => c.id === id)!;
    const thor = cell('vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton');
    expect([thor.verdict, thor.category, thor.triage?.fixedBy]).toEqual(['xfail', 'ptx-toolchain', { mm_attention: 'sdpa' }]);
    // vLLM 0.11.0 has no remedy among the signature's: Triton and Flex (VLLM_ATTENTION_BACKEND) reach
    // Qwen3-VL's encoder, which refuses them; an SDPA encoder needs --mm-encoder-attn-backend (0.11.1).
    const rtx = cell('vllm-0.11/rtx-pro-6000/qwen3-vl-8b/default');
    expect([rtx.verdict, rtx.category, rtx.triage?.fixedBy ?? null]).toEqual(['xfail', 'ptx-toolchain', null]);
    const refused = cell('vllm-0.11/rtx-pro-6000/qwen3-vl-8b/triton');
    expect([refused.verdict, refused.category]).toEqual(['xfail', 'backend-unsupported']);
    const mtp = cell('vllm-0.17/h100/qwen3.5-0.8b/mtp2');
    expect([mtp.verdict, mtp.category, mtp.triage?.fixedBy]).toEqual(['xfail', 'graph-capture', { cuda_graphs: 'piecewise' }]);
    for (const c of out.cells.filter((x) => x.verdict === 'pass')) expect(c.triage).toBeNull();
    expect(out.cells.filter((c) => c.verdict === 'pass')).toHaveLength(5);
  });
});

describe('expectations', () => {
  it('a pass against an expectation is xpass (exit 1); a different failure is a new failure mode (fail)', async () => {
    const dir = workdir();
    const m = writeMatrix(
      dir,
      emulatedMatrix({
        traits: 'mtp_full_graph_capture_bug: true',
        models: '  - { id: small, name: Qwen/Qwen3.5-0.8B, mtp: true }',
        flags: '  - { id: default }\n  - { id: mtp2, options: { speculative: { method: mtp, tokens: 2 }, cuda_graphs: full } }',
        expect: 'expect:\n  - { where: { flags: default }, fail: ptx-toolchain, reason: "thought broken" }\n  - { where: { flags: mtp2 }, fail: oom }',
      }),
    );
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env });
    const out = parseRun(r);
    runs.push(out.run);
    expect(r.code).toBe(1);
    const byFlags = Object.fromEntries(out.cells.map((c) => [c.id.split('/').at(-1), c]));
    expect(byFlags.default!.verdict).toBe('xpass');
    expect(byFlags.default!.reason).toMatch(/expected ptx-toolchain, but it passed/);
    expect(byFlags.mtp2!.verdict).toBe('fail');
    expect(byFlags.mtp2!.category).toBe('graph-capture');
    expect(byFlags.mtp2!.reason).toMatch(/expected oom, got graph-capture-mtp-triton \(a new failure mode\)/);
  });

  it('a run whose only unexpected outcome is an xpass exits 1 (the other cell an expected failure)', async () => {
    const dir = workdir();
    const m = writeMatrix(
      dir,
      emulatedMatrix({
        traits: 'mtp_full_graph_capture_bug: true',
        models: '  - { id: small, name: Qwen/Qwen3.5-0.8B, mtp: true }',
        flags: '  - { id: default }\n  - { id: mtp2, options: { speculative: { method: mtp, tokens: 2 }, cuda_graphs: full } }',
        expect: 'expect:\n  - { where: { flags: default }, fail: ptx-toolchain }\n  - { where: { flags: mtp2 }, fail: graph-capture }',
      }),
    );
    // As on GitHub Actions, where the nightly runs `matrix run … --json > out/run.json`.
    const summary = join(dir, 'step-summary.md');
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    const out = parseRun(r);
    runs.push(out.run);
    expect(Object.fromEntries(out.cells.map((c) => [c.id.split('/').at(-1), c.verdict]))).toEqual({ default: 'xpass', mtp2: 'xfail' });
    expect(r.code, r.stderr).toBe(1);
    // What CI shows: the xpass fails in JUnit and is annotated (on stderr: stdout is the JSON); the xfail is skipped.
    const xpass = out.cells.find((c) => c.verdict === 'xpass')!.id;
    const junit = readFileSync(join(dir, 'out', 'junit.xml'), 'utf8');
    expect(junit).toContain(`name="${xpass}" `);
    expect(junit).toMatch(/<failure type="xpass" message="expected ptx-toolchain, but it passed[^"]*">/);
    expect(junit).toMatch(/<skipped message="expected failure: graph-capture-mtp-triton"\/>/);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('::error '))).toEqual([`::error title=xpass%3A ${xpass}::${out.cells.find((c) => c.id === xpass)!.reason}`]);
    expect(readFileSync(summary, 'utf8')).toContain(`| xpass | ${xpass} |`);
  });
});
