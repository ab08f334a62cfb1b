// Which failure a cell's verdict carries when a probe failed: the probe's own, unless the server's
// log explains it (the server died, a known signature, or a failure logged while the probes ran).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diagnoseAttempt } from '../../../harness/run/diagnosis.ts';
import { LogCapture } from '../../../harness/run/log-capture.ts';
import type { ProbeResult } from '../../../harness/core/probe-result.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import { cell } from '../store/fixtures.ts';

const STARTUP = ['INFO starting', 'Traceback (most recent call last):', '  File "x.py", line 1, in <module>', 'ValueError: optional plugin could not be imported', 'INFO:     Application startup complete.'];
const CRASH = ['Traceback (most recent call last):', '  File "core.py", line 924, in run_engine_core', 'torch.AcceleratorError: CUDA error: an illegal memory access was encountered'];

const wrongAnswer: ProbeResult = {
  name: 'text', verdict: 'fail', assertions: [{ name: 'answer', ok: false, message: 'expected "Paris", got "Lyon"' }], metrics: {}, requests: [], evidence: ['q1: "Lyon"'], error: null,
};

async function capture(lines: string[]): Promise<LogCapture> {
  const c = new LogCapture(null);
  await c.consume(Readable.from([Buffer.from(lines.join('\n') + '\n')]));
  expect(c.totalLines).toBe(lines.length);
  return c;
}

describe('diagnoseAttempt after a probe failed on a live server', () => {
  it("an exception logged at startup, before the probes, is not the probe's failure", async () => {
    const d = diagnoseAttempt(await capture(STARTUP), cell('c'), { exitCode: null, phase: 'serve', probes: [wrongAnswer], probesFromLine: STARTUP.length });
    expect(d).toMatchObject({ signature: 'probe-text', category: 'probe', evidence: [{ line: 1, text: 'q1: "Lyon"', source: 'probe text' }] });
  });

  it('a probe that names its own signature gives it to the cell, titled by its first failed assertion', async () => {
    const dropped: ProbeResult = { ...wrongAnswer, name: 'accuracy', signature: 'accuracy-drop-batched', assertions: [{ name: 'batched', ok: false, message: 'wrong at batch 8 with FULL graphs, right in eager' }] };
    const d = diagnoseAttempt(await capture(STARTUP), cell('c'), { exitCode: null, phase: 'serve', probes: [dropped], probesFromLine: STARTUP.length });
    expect(d).toMatchObject({ signature: 'accuracy-drop-batched', category: 'probe', title: 'probe accuracy failed: wrong at batch 8 with FULL graphs, right in eager' });
  });

  it('a failure logged while the probes ran is: the crash in progress, with its log line', async () => {
    const d = diagnoseAttempt(await capture([...STARTUP, ...CRASH]), cell('c'), { exitCode: null, phase: 'serve', probes: [wrongAnswer], probesFromLine: STARTUP.length });
    expect(d.category).toBe('other');
    expect(d.evidence).toEqual([{ line: STARTUP.length + 3, text: CRASH[2] }]);
  });
});

/** diagnoseAttempt reads only the engine of the cell's image. */
const CELL = { image: { engine: 'vllm' } } as unknown as Cell;

describe('diagnoseAttempt with a log whose cause is not in it', () => {
  const killed = ['INFO 01-02 03:04:05 [loader.py:1] Loading weights took 3 s', 'Segmentation fault (core dumped)'];

  it('names the timeout the harness saw rather than "unknown"', async () => {
    const d = diagnoseAttempt(await capture(killed), CELL, { phase: 'ready', timeoutS: 600, lastStatus: 'connection refused' });
    expect(d).toMatchObject({ category: 'other', signature: 'startup-timeout' });
  });

  it('keeps "unknown" with its evidence over a bare exit code', async () => {
    const d = diagnoseAttempt(await capture(killed), CELL, { phase: 'ready', exitCode: 139 });
    expect(d).toMatchObject({ category: 'unknown', confidence: 'none', evidence: [{ line: 2 }] });
  });
});
