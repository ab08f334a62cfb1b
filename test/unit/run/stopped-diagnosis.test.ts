// The verdict of a start the watchdog stopped: after a fatal line, the failure the log names (its
// signature and evidence), told as a hang the harness ended; after a stall, startup-stalled naming
// the last phase and its line, with what to do.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../harness/emulator/server.ts';
import { fatalLineOf } from '../../../harness/diagnose/fatal-lines.ts';
import { diagnoseAttempt } from '../../../harness/run/diagnosis.ts';
import { LogCapture } from '../../../harness/run/log-capture.ts';
import { signatureHints } from '../../../harness/run/reporters/signature-hints.ts';
import type { CellResult } from '../../../harness/core/events.ts';
import type { Diagnosis } from '../../../harness/core/diagnosis.ts';
import { config } from '../emulator/fixtures.ts';
import { cell } from '../store/fixtures.ts';

/** The emulator's startup output with some faults, as the container would log it. */
async function emulatorLog(traits: Record<string, unknown>, model: Record<string, unknown> = {}): Promise<LogCapture> {
  const lines: string[] = [];
  const h = await startEmulator({ argv: ['vllm', 'serve', 'm'], config: config({ traits, model }), listen: false, out: (l) => lines.push(...l.split('\n')), env: {} });
  await new Promise((r) => setTimeout(r, 200));
  await h.close();
  const capture = new LogCapture(null);
  await capture.consume(Readable.from([Buffer.from(lines.join('\n') + '\n')]));
  return capture;
}

const VLLM_CELL = cell('c');

describe('a hang after a fatal line', () => {
  it("gets the log's own failure: signature and evidence, with the stop told in title and explanation", async () => {
    const capture = await emulatorLog({ faults: { hang_after_crash: true } }, { sizeGiB: 200 });
    const fatal = capture.lines().find((l) => fatalLineOf(l.text))!;
    const plain = diagnoseAttempt(capture, VLLM_CELL, { exitCode: 1, phase: 'startup' });
    const d = diagnoseAttempt(capture, VLLM_CELL, { phase: 'startup', stopped: { kind: 'fatal-hang', graceMs: 5000, line: fatal, fatal: fatalLineOf(fatal.text)! } });
    expect(plain.category).toBe('oom');
    expect(d).toMatchObject({ category: plain.category, signature: plain.signature, remedies: plain.remedies, stopped: { reason: 'fatal-hang', afterS: 5, line: { line: fatal.line } } });
    expect(d.title).toBe(`${plain.title} — the engine did not exit: stopped 5s after its fatal line`);
    expect(d.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([...plain.evidence.map((e) => e.line), fatal.line]));
    expect(d.explanation).toContain(`line ${fatal.line}`);
  });
});

describe('a stalled start', () => {
  it('is startup-stalled, naming the last phase, its line and the last line, with what to do', async () => {
    const capture = await emulatorLog({ faults: { stall_at: 'graph-capture' } });
    const lines = capture.lines().filter((l) => l.text.trim() !== '');
    const phaseLine = lines.at(-1)!;
    const lastLine = lines.at(-1)!;
    const d = diagnoseAttempt(capture, VLLM_CELL, { phase: 'startup', stopped: { kind: 'stalled', stallMs: 600_000, phase: 'graph-capture', phaseLine, lastLine } });
    expect(d).toMatchObject({ signature: 'startup-stalled', category: 'other', phase: 'graph-capture', stopped: { reason: 'stalled', afterS: 600, line: { line: lastLine.line } } });
    expect(d.title).toBe('startup stalled in phase graph-capture: no output for 10m');
    expect(d.evidence).toEqual([{ line: lastLine.line, text: lastLine.text }]);
    expect(d.explanation).toContain(`Last phase: graph-capture, begun at line ${phaseLine.line}: "${phaseLine.text.trim()}".\nThat was its last line.`);
    const hint = signatureHints([result(d)])[0]!;
    expect(hint.todo).toContain('CUDA graph capture');
    expect(hint.todo).toContain('`timeouts.stall` (now 10m)');
  });

  it('a failure the log names before the stall stays the verdict, told as stopped', async () => {
    const capture = await emulatorLog({ faults: { hang_after_crash: true } }, { sizeGiB: 200 });
    const last = capture.lines().at(-1)!;
    const d = diagnoseAttempt(capture, VLLM_CELL, { phase: 'startup', stopped: { kind: 'stalled', stallMs: 60_000, phase: 'load', phaseLine: null, lastLine: last } });
    expect(d).toMatchObject({ category: 'oom', stopped: { reason: 'stalled' } });
    expect(d.title).toMatch(/ — then no output for 1m: stopped$/);
  });
});

function result(d: Diagnosis): CellResult {
  return { cell: VLLM_CELL, verdict: 'fail', category: d.category, signature: d.signature, attempts: [{ attempt: 1, kind: 'first', options: {}, command: [], outcome: 'fail', exitCode: null, diagnosis: d, steps: {}, probes: [], timeline: [], logPath: null, logTail: [], fingerprint: null, containerId: null, dockerRun: null, error: null }], triage: null, reason: d.title, durationMs: 1 };
}
