// Realistic CellResults for B7, shaped like what `matrix run` stores: 4 in 5 cells pass with a
// text probe (4 requests) and a stream probe (10 streamed requests of 32 tokens, one chunk per
// token), a startup timeline and a short log excerpt; 1 in 5 fails at startup with a diagnosis,
// its evidence and a 120-line log excerpt.
import type { Cell } from '../../../harness/core/cell.ts';
import type { ProbeResult, RequestTiming } from '../../../harness/core/probe-result.ts';
import type { AttemptResult, CellResult } from '../../../harness/core/events.ts';

function request(label: string, t0: number, tokens: number, stream: boolean): RequestTiming {
  const chunks: RequestTiming['chunks'] = stream
    ? [{ atMs: t0 + 2, kind: 'role' }, ...Array.from({ length: tokens }, (_, i) => ({ atMs: t0 + 80 + i * 15 + (i % 3) * 0.37, kind: 'content' as const })), { atMs: t0 + 80 + tokens * 15, kind: 'usage' }]
    : [{ atMs: t0 + 60 + tokens * 15, kind: 'content' }];
  return { label, startMs: t0, chunks, endMs: t0 + 85 + tokens * 15, promptTokens: 24, completionTokens: tokens, status: 200, error: null };
}

function probes(): ProbeResult[] {
  const text: ProbeResult = {
    name: 'text', verdict: 'pass',
    assertions: [0, 1, 2].map((i) => ({ name: `q${i}`, ok: true, message: `"What is 17 + 25? Answer with just the number." → "42" (expected 42)` })),
    metrics: { prompt_tokens: 96, completion_tokens: 60 },
    requests: [0, 1, 2, 3].map((i) => request(`text-${i}`, 1000 + i * 400, i === 3 ? 48 : 4, false)),
    evidence: ['q3 (recorded, not checked): "Describe in two sentences how a GPU runs a neural network." → "A GPU runs a neural network by …"'],
    error: null,
    outputs: { 'What is 17 + 25? Answer with just the number.': '42', 'Describe in two sentences how a GPU runs a neural network.': 'A GPU runs a neural network by spreading its matrix multiplications over thousands of cores.' },
  };
  const metrics: Record<string, number> = {};
  for (const g of ['seq_', 'conc_']) for (const m of ['ttft', 'itl', 'tpot', 'e2e']) for (const p of [50, 90, 99]) metrics[`${g}${m}_p${p}_ms`] = 80 + p / 10;
  const stream: ProbeResult = {
    name: 'stream', verdict: 'pass',
    assertions: Array.from({ length: 9 }, (_, i) => ({ name: i < 5 ? `seq-${i}` : `conc-${i - 5}`, ok: true, message: '32 tokens in 1 role, 32 content, 0 other, 1 usage chunks' })),
    metrics: { ...metrics, seq_output_tokens_per_s: 63.2, conc_output_tokens_per_s: 240.1 },
    requests: Array.from({ length: 10 }, (_, i) => request(i === 0 ? 'warmup' : i < 6 ? `seq-${i - 1}` : `conc-${i - 6}`, 3000 + i * 600, 32, true)),
    evidence: [],
    error: null,
  };
  return [text, stream];
}

const TIMELINE = ['weights', 'model-load', 'compile', 'kv-cache', 'graph-capture', 'ready'].map((name, i) => ({ name, startS: i * 1.5, durationS: 1.5, detail: { gib: 1.12, backend: 'FLASH_ATTN' } }));
const logLine = (i: number) => `(EngineCore_DP0 pid=312) INFO 11-22 07:01:${String(i % 60).padStart(2, '0')} [gpu_model_runner.py:2653] Model loading took 1.1213 GiB and 0.634 seconds (line ${i})`;

/** `lean`: the smallest real result (no probes, no timeline, a 5-line log), for the writer's fixed cost. */
export function cellResult(cell: Cell, k: number, lean = false): CellResult {
  const failed = !lean && k % 5 === 4;
  const attempt: AttemptResult = {
    attempt: 1, kind: 'first', options: cell.options, command: cell.command, outcome: failed ? 'fail' : 'pass', exitCode: failed ? 1 : null,
    diagnosis: failed
      ? {
          category: 'ptx-toolchain', signature: 'ptx-toolchain-attention', title: 'PTX compiled with a newer CUDA toolkit than the driver supports',
          explanation: 'The attention kernels ship PTX built by CUDA 13.2; the 12.8 driver cannot JIT it for sm_90.', phase: 'profile',
          evidence: [{ line: 412, text: 'torch.AcceleratorError: CUDA error: the provided PTX was compiled with an unsupported toolchain.' }, { line: 398, text: 'File "/usr/local/lib/python3.12/dist-packages/vllm/vllm_flash_attn/flash_attn_interface.py", line 233, in flash_attn_varlen_func' }],
          remedies: [{ attention: 'triton' }, { attention: 'flashinfer' }], links: ['https://github.com/vllm-project/vllm/issues/38411'],
        }
      : null,
    steps: failed ? { image: 0.01, create: 0.04, start: 0.3, ready: 1.2, teardown: 0.05 } : { image: 0.01, create: 0.04, start: 0.3, ready: 9.5, probes: 7.1, teardown: 0.4 },
    probes: failed || lean ? [] : probes(), timeline: lean ? [] : TIMELINE,
    logPath: `/runs/r1/logs/${cell.id.replace(/[^\w.-]+/g, '_')}.attempt-1.log`,
    logTail: Array.from({ length: lean ? 5 : failed ? 120 : 20 }, (_, i) => ({ line: 300 + i, text: logLine(i) })),
    fingerprint: { imageRef: cell.image.ref, imageDigest: 'sha256:6c1e…', engineVersion: '0.19.0', gpuName: cell.gpu.name, computeCapability: cell.gpu.computeCapability, driverVersion: '570.133.20', cudaVersion: '12.8', driverCuda: '12.9', torchVersion: '2.9.0', imageLabels: { 'org.opencontainers.image.version': '0.19.0', maintainer: 'vllm' } },
    containerId: '9972b201394f9f7f1df14462a6fe417319c9073f0275802d5c396f86b5316a37',
    dockerRun: `docker run --rm --gpus '"device=0"' --ipc host -p 127.0.0.1:8000:8000 ${cell.image.ref} ${cell.command.join(' ')}`,
    error: null,
  };
  return { cell, verdict: failed ? 'fail' : 'pass', category: attempt.diagnosis?.category ?? null, signature: attempt.diagnosis?.signature ?? null, attempts: [attempt], triage: null, reason: attempt.diagnosis?.title ?? null, durationMs: failed ? 1600 : 17400 };
}
