// Fault injection that is not about one request: the start counter behind fail_first_starts, the
// startup log flood, the fatal crash after N requests, and the every-k-th HTTP 500.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VllmLog, SglangLog, vllmTime, type Out } from './log.ts';
import { vllmTag } from './log-lines-vllm.ts';
import { vllmFrame } from './tracebacks-vllm.ts';

/**
 * Env var naming a directory the harness mounts into the container (the same host directory for
 * every attempt of a cell). The emulator counts its starts in `<dir>/starts`; with
 * faults.fail_first_starts = N the first N starts crash. Without it no start is counted and
 * fail_first_starts has no effect (a fresh container cannot know it is a retry).
 */
export const STATE_DIR_ENV = 'MATRIX_EMULATOR_STATE_DIR';

/** Count this start; returns how many starts happened before it (null without a state directory). */
export function countStart(stateDir: string | undefined): number | null {
  if (!stateDir) return null;
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, 'starts');
  let before: number;
  try {
    before = Number(readFileSync(file, 'utf8').trim()) || 0;
  } catch {
    before = 0;
  }
  writeFileSync(file, String(before + 1));
  return before;
}

/** Whether the k-th chat request (1-based) gets an injected HTTP 500. */
export function isInjected500(k: number, rate: number | undefined): boolean {
  if (!rate || rate <= 0) return false;
  const every = Math.max(1, Math.round(1 / rate));
  return k % every === 0;
}

/**
 * Print about `mb` megabytes of realistic warning lines (what a chatty Triton kernel does at
 * startup), as a real server prints them: blocking on the pipe. Lines go out in batches of about
 * 64 KiB (one `out` call, lines joined by newlines) and each batch waits for `drained`, so a slow
 * reader slows the flood down instead of the emulator queueing it in memory, and the startup
 * goes on only once the whole flood has been written.
 */
export async function floodLog(out: Out, mb: number, enginePid: number, drained: () => Promise<void>): Promise<void> {
  const line = `(EngineCore_DP0 pid=${enginePid}) /usr/local/lib/python3.12/dist-packages/vllm/model_executor/layers/fla/ops/utils.py:113: UserWarning: Input tensor shape suggests potential format mismatch: seq_len (9) < num_heads (16). This may indicate the inputs were passed in head-first format [B, H, T, ...] when head_first=False was specified. Please verify your input tensor format matches the expected shape [B, T, H, ...].`;
  const n = Math.ceil((mb * 1024 * 1024) / (line.length + 1));
  const perBatch = Math.max(1, Math.floor(65536 / (line.length + 1)));
  const lines = (k: number) => Array<string>(k).fill(line).join('\n');
  const batch = lines(perBatch);
  for (let i = 0; i < n; i += perBatch) {
    out(n - i >= perBatch ? batch : lines(n - i), 'stderr');
    await drained();
  }
}

/** The log of an engine that dies while serving (crash_after_requests). */
export function printServingCrash(out: Out, engine: 'vllm' | 'sglang' | 'nim', enginePid: number, version: string | null = null): void {
  if (engine === 'sglang') {
    const log = new SglangLog(out);
    log.line(0, ['Scheduler hit an exception: Traceback (most recent call last):',
      '  File "/sgl-workspace/sglang/python/sglang/srt/managers/scheduler.py", line 2935, in run_scheduler_process',
      '    scheduler.event_loop_overlap()',
      'torch.AcceleratorError: CUDA error: an illegal memory access was encountered', ''].join('\n'), 'stderr');
    log.line(null, 'Received sigquit from a child process. It usually means the child failed.', 'stderr');
    return;
  }
  const log = new VllmLog(out);
  const core = { name: 'EngineCore_DP0', pid: enginePid };
  log.errorBlock(core, vllmTag('EngineCore encountered a fatal error.', version), [
    'EngineCore encountered a fatal error.',
    'Traceback (most recent call last):',
    ...vllmFrame(['vllm/v1/engine/core.py', 924, 'run_engine_core', 'engine_core.run_busy_loop()'], version),
    ...vllmFrame(['vllm/v1/engine/core.py', 951, 'run_busy_loop', 'self._process_engine_step()'], version),
    'torch.AcceleratorError: CUDA error: an illegal memory access was encountered',
  ].join('\n'));
  out(`(APIServer pid=1) ERROR ${vllmTime()} [async_llm.py:480] AsyncLLM output_handler failed.`, 'stdout');
  out('(APIServer pid=1) vllm.v1.engine.exceptions.EngineDeadError: EngineCore encountered an issue. See stack trace (above) for the root cause.', 'stderr');
  out('(APIServer pid=1) INFO:     Shutting down', 'stdout');
}
