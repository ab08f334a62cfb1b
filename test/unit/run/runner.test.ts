// The dispatcher over an in-memory runtime: every selected cell ends with a verdict or, after an
// interrupt, as "not run" — an error while a cell is prepared is that cell's verdict, never lost.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../harness/core/cell.ts';
import type { CellResult, ModelPredictionEvent, Reporter, RunSummary } from '../../../harness/core/events.ts';
import { refPath, snapshotDir } from '../../../harness/models/cache-layout.ts';
import { readImageSoftware } from '../../../harness/preflight/image-software.ts';
import { memoryFs, oldVllmImage, SITE } from '../preflight/memory-fs.ts';
import { cutShort, verdictOfError } from '../../../harness/run/lost-verdicts.ts';
import { executeRun, type RunRequest } from '../../../harness/run/runner.ts';
import { cell, info } from '../store/fixtures.ts';
import { makeCell } from '../../support/cell.ts';
import { MemoryRuntime, type ContainerScript } from '../../support/memory-runtime.ts';
import { scriptedProbe } from '../../support/probes.ts';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

/** A reporter that records what it was told. */
class Recorder implements Reporter {
  ended: CellResult[] = [];
  earlier: CellResult[] = [];
  summary: RunSummary | null = null;
  onCellEnd(r: CellResult) {
    this.ended.push(r);
  }
  onEarlierResult(r: CellResult) {
    this.earlier.push(r);
  }
  onRunEnd(_run: unknown, s: RunSummary) {
    this.summary = s;
  }
}

function request(cells: Cell[], over: Partial<RunRequest> = {}): RunRequest & { recorder: Recorder } {
  const recorder = new Recorder();
  const run = { ...info(`unit-${Math.random().toString(16).slice(2, 8)}`), outDir: tmp('out-') };
  return {
    run,
    cells,
    runtime: new MemoryRuntime(),
    reporters: [recorder],
    pools: [{ gpus: null, slots: { ids: ['0', '1'], namespace: 'mem', facts: { driverVersion: null, cudaVersion: null, torchVersion: null } } }],
    emulate: null,
    pull: 'never',
    retries: 0,
    triage: false,
    signal: new AbortController().signal,
    secrets: [],
    probesFor: async () => [],
    leaseDir: tmp('leases-'),
    cacheDir: tmp('cache-'),
    recorder,
    ...over,
  };
}

describe('executeRun: no cell loses its verdict', () => {
  it('an error while a cell is prepared (its probes) is that cell\'s infra verdict; the others still run', async () => {
    const cells = [cell('img/h100/m/a'), cell('img/h100/m/b')];
    const req = request(cells, {
      probesFor: async (c) => {
        if (c.id.endsWith('/b')) throw new Error('probe module ./gone.mjs vanished');
        return [];
      },
    });
    const out = await executeRun(req);
    const byId = Object.fromEntries(out.results.map((r) => [r.cell.id, r]));
    expect(Object.keys(byId).sort()).toEqual(['img/h100/m/a', 'img/h100/m/b']);
    expect(byId['img/h100/m/a']!.verdict).toBe('fail'); // the container exited 1
    expect(byId['img/h100/m/b']).toMatchObject({ verdict: 'infra', category: 'infra-other', signature: 'infra-other' });
    expect(byId['img/h100/m/b']!.reason).toContain('probe module ./gone.mjs vanished');
    expect(byId['img/h100/m/b']!.attempts[0]!.diagnosis!.evidence[0]!.text).toContain('probe module ./gone.mjs vanished');
    expect(req.recorder.ended.map((r) => r.cell.id).sort()).toEqual(['img/h100/m/a', 'img/h100/m/b']);
    expect(out.summary.exitCode).toBe(1);
    expect((req.runtime as MemoryRuntime).remaining).toBe(0);
  });

  it('an InfraError raised while a cell is prepared keeps its kind', async () => {
    const { InfraError } = await import('../../../harness/errors.ts');
    const req = request([cell('img/h100/m/a')], {
      probesFor: async () => {
        throw new InfraError('disk-full', 'no space left on device', 'free space');
      },
    });
    const out = await executeRun(req);
    expect(out.results.map((r) => [r.verdict, r.category])).toEqual([['infra', 'disk-full']]);
    expect(out.summary.exitCode).toBe(3);
  });

  it('an image that is not on the runner makes its cells infra, never lost', async () => {
    const req = request([cell('img/h100/m/a'), cell('img/h100/m/b')], { runtime: new MemoryRuntime({ missing: ['vllm/vllm-openai:v0.19.0'] }) });
    const out = await executeRun(req);
    expect(out.results.map((r) => [r.cell.id, r.verdict, r.category]).sort()).toEqual([
      ['img/h100/m/a', 'infra', 'image-missing'],
      ['img/h100/m/b', 'infra', 'image-missing'],
    ]);
  });

  it('interrupted before any cell started: every selected cell is "not run", none infra, exit 3', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const cells = [cell('img/h100/m/a'), cell('img/h100/m/b'), cell('img/h100/m/c')];
    const req = request(cells, { signal: ctl.signal });
    const out = await executeRun(req);
    expect(out.results).toEqual([]);
    expect([...out.interrupted].sort()).toEqual(cells.map((c) => c.id));
    expect(req.recorder.summary!.notRun!.map((c) => c.id).sort()).toEqual(cells.map((c) => c.id));
    expect(req.recorder.summary!.counts.infra).toBe(0);
    expect(out.summary.exitCode).toBe(3);
  });

  it('after --resume, the summary and exit code cover the earlier verdicts too', async () => {
    const earlier: CellResult = { cell: cell('img/h100/m/old'), verdict: 'fail', category: 'oom', signature: 'oom', attempts: [], triage: null, reason: 'OOM', durationMs: 5 };
    const req = request([cell('img/h100/m/a')], { earlier: [earlier], runtime: new MemoryRuntime({ script: () => ({ log: ['INFO starting'], exit: { code: 0, afterMs: 1 } }) }) });
    const out = await executeRun(req);
    expect(req.recorder.earlier).toEqual([earlier]);
    expect(out.summary.counts.fail).toBeGreaterThanOrEqual(1);
    expect(out.summary.counts.fail).toBe(out.results.filter((r) => r.verdict === 'fail').length + 1);
    expect(out.summary.exitCode).toBe(1);
  });
});

describe('cutShort', () => {
  const base = (verdict: CellResult['verdict'], errors: Array<string | null>): CellResult => ({
    ...verdictOfError(cell('img/h100/m/a'), new Error('x')),
    verdict,
    attempts: errors.map((error, i) => ({ ...verdictOfError(cell('img/h100/m/a'), new Error('x')).attempts[0]!, attempt: i + 1, error })),
  });

  it('is true for an infra verdict whose last attempt the interrupt stopped', () => {
    expect(cutShort(base('infra', ['interrupted']))).toBe(true);
    expect(cutShort(base('infra', [null, 'interrupted']))).toBe(true);
  });

  it('is false for a failure whose triage trial was interrupted, and for a real infra verdict', () => {
    expect(cutShort(base('fail', [null, 'interrupted']))).toBe(false);
    expect(cutShort(base('infra', ['interrupted', 'no space left on device']))).toBe(false);
  });
});

describe('executeRun: the last guard', () => {
  it('a dispatcher that cannot start (GPU leases cannot be kept) gives every selected cell an infra verdict with the error', async () => {
    const { writeFileSync } = await import('node:fs');
    const notADir = join(tmp('leases-'), 'a-file');
    writeFileSync(notADir, '');
    const cells = [cell('img/h100/m/a'), cell('img/h100/m/b')];
    const req = request(cells, { leaseDir: notADir });
    const out = await executeRun(req);
    expect(out.results.map((r) => [r.cell.id, r.verdict, r.category]).sort()).toEqual([
      ['img/h100/m/a', 'infra', 'infra-other'],
      ['img/h100/m/b', 'infra', 'infra-other'],
    ]);
    expect(out.results[0]!.reason).toMatch(/EEXIST|ENOTDIR/);
    expect(req.recorder.summary!.exitCode).toBe(3);
  });
});

const PTX_CRASH: ContainerScript = {
  log: ['INFO Loading vision_tower weights'],
  exitLog: ['RuntimeError: CUDA error: the provided PTX was compiled with an unsupported toolchain.'],
  exit: { code: 1, afterMs: 10 },
};
const SERVES: ContainerScript = { log: ['INFO Application startup complete.'], readyAfterMs: 0 };
const vision = (id: string, over: Parameters<typeof makeCell>[1] = {}) =>
  makeCell(id, { model: { name: 'Qwen/Qwen3.5-35B-A3B', modalities: ['text', 'image'] }, probes: ['text'], timeouts: { startupMs: 5000, probeMs: 5000 }, ...over });

describe('executeRun over the in-memory runtime: retries, expectations, triage, interrupts', () => {
  it('a cell that fails, then passes on a fresh container, is flaky; each attempt had a container of its own, all removed', async () => {
    const runtime = new MemoryRuntime({ script: (_spec, n) => (n === 1 ? PTX_CRASH : SERVES) });
    const req = request([vision('img/h100/m/a', { retries: 2 })], { runtime, retries: null, probesFor: async () => [scriptedProbe('text', () => 'pass')] });
    const out = await executeRun(req);
    expect(out.results.map((r) => [r.verdict, r.attempts.map((a) => [a.kind, a.outcome, a.containerId])])).toEqual([
      ['flaky', [['first', 'fail', 'mem-1'], ['retry', 'pass', 'mem-2']]],
    ]);
    expect(out.results[0]!.reason).toBe('failed (ptx-toolchain-vision-encoder), then passed on retry 1');
    expect(runtime.created.map((s) => s.labels['matrix.attempt'])).toEqual(['1', '2']);
    expect(runtime.remaining).toBe(0);
    expect(out.summary.exitCode).toBe(0);
  });

  it('an expected failure is xfail at once, with no retry, and the run exits 0', async () => {
    const runtime = new MemoryRuntime({ script: () => PTX_CRASH });
    const req = request([vision('img/h100/m/a', { retries: 3, expect: { fail: 'ptx-toolchain', issue: null, reason: null } })], { runtime, retries: null });
    const out = await executeRun(req);
    expect(out.results.map((r) => [r.verdict, r.signature, r.attempts.length])).toEqual([['xfail', 'ptx-toolchain-vision-encoder', 1]]);
    expect(out.summary.exitCode).toBe(0);
  });

  it('triage re-runs the failed cell with its remedies, each a container with the remedy in its command, and proves the first that passes', async () => {
    // The engine serves once the vision encoder no longer uses the broken library.
    const runtime = new MemoryRuntime({ script: (spec) => (spec.cmd.includes('--mm-encoder-attn-backend') ? SERVES : PTX_CRASH) });
    const req = request([vision('img/thor/m/a')], { runtime, triage: true, probesFor: async () => [scriptedProbe('text', () => 'pass')] });
    const out = await executeRun(req);
    const r = out.results[0]!;
    expect(r.verdict).toBe('fail'); // triage proves a remedy; it does not change the verdict
    expect(r.triage?.fixedBy).toEqual({ mm_attention: 'sdpa' });
    expect(r.attempts.map((a) => [a.kind, a.outcome])).toEqual([['first', 'fail'], ['triage', 'pass']]);
    expect(runtime.created[1]!.cmd.join(' ')).toMatch(/--mm-encoder-attn-backend \S+/);
    expect(runtime.created[0]!.cmd).not.toContain('--mm-encoder-attn-backend');
    expect(runtime.remaining).toBe(0);
  });

  it('an interrupt while cells run: the cells cut short are "not run", never infra; every container is removed; exit 3', async () => {
    const ctl = new AbortController();
    const runtime = new MemoryRuntime({ script: () => ({ log: ['INFO loading weights'], readyAfterMs: 60_000 }) });
    const cells = [vision('img/h100/m/a', { timeouts: { startupMs: 60_000, probeMs: 1000 } }), vision('img/h100/m/b', { timeouts: { startupMs: 60_000, probeMs: 1000 } })];
    const req = request(cells, { runtime, signal: ctl.signal });
    const began: string[] = [];
    req.reporters.push({ onCellBegin: (c) => void began.push(c.id) });
    const waitForBoth = setInterval(() => runtime.created.length === 2 && (clearInterval(waitForBoth), ctl.abort()), 5);
    const out = await executeRun(req);
    expect(began.sort()).toEqual(['img/h100/m/a', 'img/h100/m/b']);
    expect(out.results).toEqual([]);
    expect([...out.interrupted].sort()).toEqual(['img/h100/m/a', 'img/h100/m/b']);
    expect(out.summary).toMatchObject({ status: 'interrupted', exitCode: 3 });
    expect(out.summary.counts.infra).toBe(0);
    expect(runtime.remaining).toBe(0);
    expect(runtime.journal.filter((j) => j.startsWith('stop'))).toEqual([]); // removed at once, no graceful stop on an interrupt
  });

  it('a GPU slot is held by one cell at a time: with one slot, the second container is created after the first is gone', async () => {
    const runtime = new MemoryRuntime({ script: () => ({ ...PTX_CRASH, exit: { code: 1, afterMs: 30 } }) });
    const req = request([vision('img/h100/m/a'), vision('img/h100/m/b')], {
      runtime,
      pools: [{ gpus: null, slots: { ids: ['0'], namespace: 'mem', facts: { driverVersion: null, cudaVersion: null, torchVersion: null } } }],
    });
    const out = await executeRun(req);
    expect(out.results.map((r) => r.verdict)).toEqual(['fail', 'fail']);
    expect(runtime.journal.slice(0, 4)).toEqual(['create 1', 'start 1', 'discard 1', 'remove 1']);
    expect(runtime.created.map((s) => s.labels['matrix.cell'])).toEqual(['img/h100/m/a', 'img/h100/m/b']);
  });
});

describe('executeRun --preflight: the model against the image', () => {
  /** A model in the managed cache as huggingface_hub lays it out: refs/main → snapshots/<commit>/config.json. */
  function cacheModel(cacheDir: string, name: string, config: object): void {
    const commit = 'c'.repeat(40);
    mkdirSync(join(snapshotDir(cacheDir, name, commit)), { recursive: true });
    writeFileSync(join(snapshotDir(cacheDir, name, commit), 'config.json'), JSON.stringify(config));
    mkdirSync(dirname(refPath(cacheDir, name, 'main')), { recursive: true });
    writeFileSync(refPath(cacheDir, name, 'main'), commit);
  }
  const withModel = (id: string, name: string): Cell => ({ ...cell(id), model: { ...cell(id).model, id: name.split('/')[1]!, name } });

  it('a certain "unsupported model" is skipped before any container, with the file evidence; a loadable one runs; each prediction is an event', async () => {
    const cacheDir = tmp('cache-');
    cacheModel(cacheDir, 'org/qwen35', { architectures: ['Qwen3_5MoeForConditionalGeneration'], model_type: 'qwen3_5_moe' });
    cacheModel(cacheDir, 'org/qwen3', { architectures: ['Qwen3ForCausalLM'], model_type: 'qwen3' });
    const predictions: Array<[string, ModelPredictionEvent]> = [];
    let reads = 0;
    const req = request([withModel('img/h100/qwen35/default', 'org/qwen35'), withModel('img/h100/qwen3/default', 'org/qwen3')], {
      cacheDir,
      modelPreflight: async () => {
        reads++;
        return readImageSoftware(memoryFs(oldVllmImage()));
      },
    });
    req.reporters.push({ onModelPrediction: (c, p) => void predictions.push([c.id, p]) });
    const out = await executeRun(req);
    const byId = Object.fromEntries(out.results.map((r) => [r.cell.id, r]));
    expect(byId['img/h100/qwen35/default']).toMatchObject({ verdict: 'skip', attempts: [] });
    expect(byId['img/h100/qwen35/default']!.reason).toContain('preflight: the image cannot load the model: vllm/vllm-openai:v0.19.0: unsupported model (vLLM 0.15.1, transformers 4.57.1): transformers 4.57.1 does not know model_type qwen3_5_moe');
    expect(byId['img/h100/qwen35/default']!.reason).toContain(`${SITE}/transformers/models/auto/configuration_auto.py`);
    expect(byId['img/h100/qwen3/default']!.verdict).not.toBe('skip');
    const runtime = req.runtime as MemoryRuntime;
    expect(runtime.created.map((s) => s.labels['matrix.cell'])).toEqual(['img/h100/qwen3/default']);
    expect(Object.fromEntries(predictions.map(([id, p]) => [id, [p.verdict, p.certain]]))).toEqual({ 'img/h100/qwen35/default': ['unsupported', true], 'img/h100/qwen3/default': ['loads', false] });
    expect(reads).toBe(1); // one read per image
  });

  it('an uncertain "unsupported" runs the cell and warns', async () => {
    const cacheDir = tmp('cache-');
    cacheModel(cacheDir, 'org/qwen3vl', { architectures: ['Qwen3VLForConditionalGeneration'], model_type: 'qwen3_vl' });
    const warnings: string[] = [];
    const req = request([withModel('img/h100/qwen3vl/default', 'org/qwen3vl')], { cacheDir, modelPreflight: async () => readImageSoftware(memoryFs(oldVllmImage())), onModelWarning: (_c, t) => void warnings.push(t) });
    const out = await executeRun(req);
    expect(out.results[0]!.verdict).not.toBe('skip');
    expect((req.runtime as MemoryRuntime).created).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/^img\/h100\/qwen3vl\/default: preflight predicts vllm\/vllm-openai:v0\.19\.0: unsupported model \(vLLM 0\.15\.1, transformers 4\.57\.1\): Qwen3VLForConditionalGeneration not among .*Transformers backend \(not certain: the cell runs\)$/)]);
  });

  it('a model not in the cache, or an image that cannot be read, is "unknown" and runs', async () => {
    const req = request([withModel('img/h100/a/default', 'org/absent')], { modelPreflight: async () => Promise.reject(new Error('image gone')) });
    const predictions: ModelPredictionEvent[] = [];
    req.reporters.push({ onModelPrediction: (_c, p) => void predictions.push(p) });
    const out = await executeRun(req);
    expect(out.results[0]!.verdict).not.toBe('skip');
    expect(predictions).toEqual([{ verdict: 'unknown', certain: false, detail: 'config.json of org/absent@main is not in the managed cache (matrix models pull)' }]);
  });
});
