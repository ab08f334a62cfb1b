// B5's in-process half, run in its own process so its peak RSS is the pipeline's alone: a 1 GiB
// stream of realistic vLLM log lines (startup INFO lines, the flood's UserWarning, now and then
// an error-looking line) pushed through LogCapture (written to a log file, as the harness does)
// and then classified the way a failed attempt is (classifyLog over the kept lines); the stream
// ends with a real PTX-toolchain crash log, which the classification must still find.
// Prints one JSON line: { bytes, lines, captureMs, classifyMs, mbPerS, vmHwmKb, signature }.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { classifyLog } from '../../harness/diagnose/classify.ts';
import { LogCapture } from '../../harness/run/log-capture.ts';

const MB = Number(process.argv[2] ?? 1024);
const lines = [
  '(EngineCore_DP0 pid=312) /usr/local/lib/python3.12/dist-packages/vllm/model_executor/layers/fla/ops/utils.py:113: UserWarning: Input tensor shape suggests potential format mismatch: seq_len (9) < num_heads (16). This may indicate the inputs were passed in head-first format [B, H, T, ...] when head_first=False was specified.',
  '(APIServer pid=1) INFO 11-22 07:01:02 [loggers.py:127] Engine 000: Avg prompt throughput: 0.0 tokens/s, Avg generation throughput: 12.4 tokens/s, Running: 1 reqs, Waiting: 0 reqs, GPU KV cache usage: 0.1%',
  '(EngineCore_DP0 pid=312) INFO 11-22 07:01:02 [gpu_model_runner.py:2653] Model loading took 1.1213 GiB and 0.634 seconds',
  '(EngineCore_DP0 pid=312) WARNING 11-22 07:01:02 [cuda.py:171] Failed to import from vllm._C with ModuleNotFoundError; falling back (this is harmless here)',
];
const block = Buffer.from(Array.from({ length: 10_000 }, (_, i) => lines[i % lines.length]!).join('\n') + '\n');
const blocks = Math.ceil((MB * 1024 * 1024) / block.length);
const crash = Buffer.from(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'logs', 'ptx-toolchain', 'seed-000-qwen3-vl-rtx-pro-6000.log'), 'utf8'));

async function* stream(): AsyncGenerator<Buffer> {
  // 64 KiB reads, as Docker's log stream delivers them; the crash at the very end.
  for (let b = 0; b < blocks; b++) for (let o = 0; o < block.length; o += 65536) yield block.subarray(o, o + 65536);
  yield crash;
}

const file = join(tmpdir(), `matrix-bench-flood-${process.pid}.log`);
const capture = new LogCapture(file);
const t0 = performance.now();
await capture.consume(Readable.from(stream(), { objectMode: false }));
const captureMs = performance.now() - t0;
const t1 = performance.now();
const d = classifyLog(capture.lines().map((l) => l.text).join('\n'), { engine: 'vllm' });
const classifyMs = performance.now() - t1;
rmSync(file, { force: true });
const vmHwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const bytes = capture.totalBytes;
process.stdout.write(JSON.stringify({ bytes, lines: capture.totalLines, captureMs, classifyMs, mbPerS: bytes / 1048576 / ((captureMs + classifyMs) / 1000), vmHwmKb, signature: d.signature }) + '\n');
