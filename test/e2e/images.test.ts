// Images as they are in the wild (issue 12), end to end under --emulate: one matrix with a
// vllm/vllm-openai image, the NGC vLLM container (its entrypoint is NVIDIA's wrapper, so the
// matrix gives `command: [vllm, serve]`), a jetson-containers arm64 build on an emulated Thor
// (`command:` too; the seed-001 vision crash is expected) and a NIM (configured by environment,
// NGC_API_KEY from a ${VAR} secret). Each cell gets its verdict; the fingerprint records what each
// image reports; the key never reaches the store, the run directory or the console.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DockerRuntime } from '../../harness/runtime/docker.ts';
import { cli, containersOfRun, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const leaseDir = workdir('leases-');
const runIds: string[] = [];
const KEY = `nvapi-e2e-${randomBytes(12).toString('hex')}`;
const FAST = '{ weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }';

const MATRIX = `version: 1
name: images-in-the-wild
defaults:
  timeouts: { startup: 90s, probe: 30s }
  retries: 0
images:
  - id: openai
    ref: vllm/vllm-openai:v0.19.0
    engine: vllm
    emulate: { personality: vllm-openai, torch_version: "2.9.0", cuda_version: "12.9", startup: ${FAST}, ttft_ms: 5, itl_ms: 1 }
  - id: ngc
    ref: nvcr.io/nvidia/vllm:26.02-py3
    engine: vllm
    command: [vllm, serve]
    emulate: { personality: ngc, version: 0.13.0, release: "26.02", torch_version: "2.10.0a0+a36e1d3", cuda_version: "13.1", image_labels: { com.nvidia.build.id: "245513261" }, startup: ${FAST}, ttft_ms: 5, itl_ms: 1 }
  - id: ngc-py
    ref: nvcr.io/nvidia/vllm:26.02-py3
    engine: vllm
    command: [python3, -m, vllm.entrypoints.openai.api_server, --model]
    emulate: { personality: ngc, version: 0.13.0, startup: ${FAST}, ttft_ms: 5, itl_ms: 1 }
  - id: ngc-bare
    ref: nvcr.io/nvidia/vllm:26.02-py3
    engine: vllm
    emulate: { personality: ngc, version: 0.13.0, startup: ${FAST} }
  - id: jetson
    ref: dustynv/vllm:0.19.0-r39.0
    engine: vllm
    platform: linux/arm64
    runtime: nvidia
    command: [vllm, serve]
    emulate:
      personality: jetson-containers
      torch_version: "2.8.0"
      cuda_version: "13.2"
      kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }
      mm_encoder_follows_attention_backend: false
      driver_cuda: { thor: "13.0" }
      startup: ${FAST}
      ttft_ms: 5
      itl_ms: 1
  - id: nim
    ref: nvcr.io/nim/meta/llama-3.1-8b-instruct:1.8.0
    engine: nim
    env: { NGC_API_KEY: "\${NGC_API_KEY}" }
    emulate: { personality: nim, release: "1.8.0", served_model: meta/llama-3.1-8b-instruct, torch_version: "2.7.1", cuda_version: "12.8", startup: ${FAST}, ttft_ms: 5, itl_ms: 1 }
gpus: [h100, thor]
models:
  - { id: small, name: Qwen/Qwen3-0.6B }
  - { id: vl, name: Qwen/Qwen3.5-35B-A3B, modalities: [text, image], architecture: Qwen3_5MoeForConditionalGeneration, size_gib: 67 }
  - { id: llama, name: meta/llama-3.1-8b-instruct }
flags:
  - { id: default }
  - { id: triton, options: { attention: triton } }
exclude:
  - { image: [openai, ngc, ngc-py, ngc-bare, nim], gpu: thor }
  - { image: jetson, gpu: h100 }
  - { image: [openai, ngc, ngc-py, ngc-bare, jetson], model: llama }
  - { image: nim, model: [small, vl] }
  - { image: [openai, ngc, ngc-py, ngc-bare], model: vl }
  - { image: [openai, ngc, ngc-py, ngc-bare], flags: triton }
  - { image: jetson, flags: default }
probes: [text]
expect:
  - where: { image: ngc-bare }
    fail: engine-command-not-found
    reason: NVIDIA's wrapper exec's the model name; the NGC image needs command [vllm, serve]
  - where: { image: jetson, gpu: thor, model: vl }
    fail: ptx-toolchain
    reason: the vision encoder calls _vllm_fa2_C (sm_80 only) while profiling, whatever --attention-backend says
`;

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))).filter((f) => statSync(f).isFile());
}

describe('images in the wild under --emulate', () => {
  it('runs vllm-openai, NGC, jetson-containers and NIM images to their verdicts, with fingerprints and no leaked key', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, MATRIX);
    const db = join(dir, 'r.sqlite');
    const out = join(dir, 'out');
    const r = await cli(['run', m, '--emulate', '--db', db, '--out', out, '--json'], { env: { MATRIX_LEASE_DIR: leaseDir, NGC_API_KEY: KEY } });
    const run = parseRun(r);
    runIds.push(run.run);
    const verdicts = Object.fromEntries(run.cells.map((c) => [c.id, c.verdict]));
    expect(verdicts, r.stderr).toEqual({
      'openai/h100/small/default': 'pass',
      'ngc/h100/small/default': 'pass',
      'ngc-py/h100/small/default': 'pass',
      'ngc-bare/h100/small/default': 'xfail',
      'jetson/thor/small/triton': 'pass',
      'jetson/thor/vl/triton': 'xfail',
      'nim/h100/llama/default': 'pass',
      'nim/h100/llama/triton': 'skip',
    });
    expect(r.code, r.stderr).toBe(0);
    const cell = (id: string) => run.cells.find((c) => c.id === id)!;
    expect(cell('jetson/thor/vl/triton').signature).toMatch(/ptx/);
    expect(cell('ngc-bare/h100/small/default').signature).toBe('engine-command-not-found');
    expect(cell('nim/h100/llama/triton').reason).toMatch(/nim has no attention backend switch/);

    // What each image reports about itself.
    const fps = query<{ cell_id: string; engine_version: string | null; torch_version: string | null; cuda_version: string | null; image_ref: string; image_labels: string }>(db, 'SELECT * FROM fingerprints ORDER BY cell_id');
    const fp = Object.fromEntries(fps.map((f) => [f.cell_id, [f.image_ref, f.engine_version, f.torch_version, f.cuda_version]]));
    expect(fp).toMatchObject({
      'openai/h100/small/default': ['vllm/vllm-openai:v0.19.0', '0.19.0', '2.9.0', '12.9'],
      'ngc/h100/small/default': ['nvcr.io/nvidia/vllm:26.02-py3', '0.13.0', '2.10.0a0+a36e1d3', '13.1'],
      'jetson/thor/small/triton': ['dustynv/vllm:0.19.0-r39.0', '0.19.0', '2.8.0', '13.2'],
      // A NIM reports no CUDA: read from the image's CUDA_VERSION (the emulated image carries it).
      'nim/h100/llama/default': ['nvcr.io/nim/meta/llama-3.1-8b-instruct:1.8.0', '1.8.0', '2.7.1', '12.8'],
    });
    // The image's labels, as Docker reports them for the (styled) emulated image.
    const labels = Object.fromEntries(fps.map((f) => [f.cell_id, JSON.parse(f.image_labels) as Record<string, string>]));
    expect(labels['ngc/h100/small/default']).toMatchObject({ 'com.nvidia.build.id': '245513261', 'org.opencontainers.image.title': 'matrix-emulator' });
    expect(labels['openai/h100/small/default']).not.toHaveProperty(['com.nvidia.build.id']);

    // The styles start as their images do: NVIDIA's banner before the NGC engine, the NIM banner
    // and profile before its server, the jetson build without either.
    const logOf = (id: string) => readFileSync(filesUnder(join(out)).find((f) => f.includes('logs') && f.includes(id.replace(/\//g, '_')))!, 'utf8');
    expect(logOf('ngc/h100/small/default')).toMatch(/== vLLM ==[\s\S]*NVIDIA Release 26\.02[\s\S]*vLLM API server version 0\.13\.0/);
    expect(logOf('nim/h100/llama/default')).toMatch(/NVIDIA Inference Microservice LLM NIM Version 1\.8\.0[\s\S]*Selected profile: \w+ \(vllm-bf16-tp1-pp1\)/);
    expect(logOf('jetson/thor/small/triton')).not.toContain('NVIDIA Release');

    // The key reached the NIM container (it started) and nothing else.
    expect(r.stdout + r.stderr).not.toContain(KEY);
    for (const f of [db, ...filesUnder(out)]) expect(readFileSync(f).includes(Buffer.from(KEY)), f).toBe(false);
  });

  it("reads an image's configured environment and labels from Docker (the fingerprint's fallback for real images)", async () => {
    const info = await new DockerRuntime().ensureImage(inject('emulatorImage'), 'never');
    expect(info.env).toMatchObject({ NODE_ENV: 'production' });
    expect(info.labels['org.opencontainers.image.title']).toBe('matrix-emulator');
  });

  it('a NIM without NGC_API_KEY fails at startup with its error and signature', async () => {
    const dir = workdir();
    const m = writeMatrix(
      dir,
      MATRIX.replace('    env: { NGC_API_KEY: "${NGC_API_KEY}" }\n', '').replace(/exclude:\n/, 'exclude:\n  - { image: [openai, ngc, ngc-py, ngc-bare, jetson] }\n  - { flags: triton }\n'),
    );
    const r = await cli(['run', m, '--emulate', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: leaseDir } });
    const run = parseRun(r);
    runIds.push(run.run);
    expect(run.cells.map((c) => [c.id, c.verdict, c.signature])).toEqual([['nim/h100/llama/default', 'fail', 'nim-ngc-api-key-missing']]);
    expect(r.code).toBe(1);
    const logs = filesUnder(join(dir, 'out')).filter((f) => f.includes('logs'));
    expect(readFileSync(logs[0]!, 'utf8')).toContain('[ERROR] NGC_API_KEY is not set');
  });
});
