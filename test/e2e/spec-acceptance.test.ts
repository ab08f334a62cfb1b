// Speculative acceptance on one scale through the real CLI and emulator containers (issue 24):
// SGLang MTP cells measure it from each request's /generate meta_info (the release's fields, per the
// facts), vLLM MTP cells from the deltas of its counters; both report mean_acceptance_length as
// tokens per verify step with the bonus token included.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];
afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

const KERNELS = '{ flash: { sass: [sm_80, sm_90], ptx: [compute_90], toolkit: "12.9" }, flashinfer: { sass: [sm_80, sm_90, sm_100, sm_120], toolkit: "12.9" } }';
const MATRIX = `version: 1
defaults: { timeouts: { startup: 60s, probe: 30s }, retries: 0 }
images:
  - { id: sglang-0.5.6, ref: lmsysorg/sglang:v0.5.6, engine: sglang, emulate: { version: 0.5.6, ttft_ms: 5, itl_ms: 1, mtp_acceptance: 0.5, kernels: ${KERNELS}, startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 } } }
  - { id: sglang-0.5.2, ref: lmsysorg/sglang:v0.5.2, engine: sglang, emulate: { version: 0.5.2, ttft_ms: 5, itl_ms: 1, mtp_acceptance: 0.5, kernels: ${KERNELS}, startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 } } }
  - { id: vllm-0.19, ref: vllm/vllm-openai:v0.19.0, engine: vllm, emulate: { version: 0.19.0, ttft_ms: 5, itl_ms: 1, mtp_acceptance: 0.5, startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 } } }
gpus: [h100]
models:
  - { id: small, name: Qwen/Qwen3-0.6B, mtp: true }
flags:
  - { id: mtp, options: { speculative: { method: mtp, tokens: 2 } } }
probes: [mtp]
`;

describe('speculative acceptance', () => {
  it('SGLang from per-request meta_info, vLLM from its counters: both ≈ 1 + 0.5 × 2 tokens a verify step', { timeout: 180_000 }, async () => {
    const dir = workdir();
    const db = join(dir, 'r.sqlite');
    const r = await cli(['run', writeMatrix(dir, MATRIX), '--emulate', '--db', db, '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, JSON.stringify(out.cells.map((c) => [c.id, c.verdict, c.reason]))).toBe(0);
    const evidence = (cell: string) => JSON.parse(query<{ evidence: string }>(db, "SELECT evidence FROM probes WHERE cell_id LIKE ? AND name = 'mtp'", `${cell}/%`)[0]!.evidence) as string[];
    const metrics = (image: string) => out.cells.find((c) => c.id.startsWith(`${image}/`))!.probes[0]!.metrics;
    for (const image of ['sglang-0.5.6', 'sglang-0.5.2', 'vllm-0.19']) {
      expect(metrics(image).mean_acceptance_length, image).toBeCloseTo(2, 1);
      expect(metrics(image).acceptance_rate, image).toBeCloseTo(0.5, 1);
    }
    expect(metrics('sglang-0.5.6')).toMatchObject({ spec_requests: 4 });
    expect(metrics('sglang-0.5.6').gauge_mean_acceptance_length).toBeDefined();
    expect(evidence('sglang-0.5.6')).toContain("acceptance from 4 requests' own counts (/generate meta_info): mean acceptance length = 1 + Σaccepted / Σverify steps");
    expect(evidence('sglang-0.5.2')).toContain("acceptance from 4 requests' own counts (/generate meta_info): mean acceptance length = Σ(completion tokens − 1) / Σverify steps");
    expect(metrics('vllm-0.19').spec_drafts).toBeGreaterThan(0);
    // every native request is stored beside the chat requests
    const labels = query<{ label: string }>(db, "SELECT label FROM requests WHERE cell_id LIKE 'sglang-0.5.6/%' AND probe = 'mtp'").map((x) => x.label);
    expect(labels.filter((l) => l.startsWith('mtp-native-'))).toHaveLength(4);
  });
});
