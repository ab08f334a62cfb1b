import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { diagnoseAttempt } from '../../../harness/run/diagnosis.ts';
import { LogCapture } from '../../../harness/run/log-capture.ts';
import type { Cell } from '../../../harness/matrix/types.ts';

/** diagnoseAttempt reads only the engine of the cell's image. */
const CELL = { image: { engine: 'vllm' } } as unknown as Cell;

async function capture(lines: string[]): Promise<LogCapture> {
  const cap = new LogCapture(null);
  await cap.consume(Readable.from([Buffer.from(lines.join('\n') + '\n')]));
  return cap;
}

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
