import { describe, expect, it } from 'vitest';
import { processKey, processKeys } from '../../../harness/diagnose/process-key.ts';

describe('processKey', () => {
  it.each([
    ['(VllmWorker rank=1 pid=242) INFO 04-11 13:15:00 [pynccl.py:69] using nccl', 'VllmWorker rank=1 242'],
    ['(Worker_TP1 pid=9) ERROR 05-08 19:06:38 [x.py:1] boom', 'Worker_TP1 9'],
    ['(EngineCore_DP0 pid=73) Traceback (most recent call last):', 'EngineCore_DP0 73'],
    ['(RayWorkerWrapper pid=11, ip=10.0.0.2) INFO loaded', 'RayWorkerWrapper 11'],
    ['[rank1]: RuntimeError: boom', 'rank1'],
    ['[2025-01-01 10:00:00 DP0 TP6] Scheduler hit an exception', 'DP0 TP6'],
    ['Aug 18 14:15:04 host python3[28059]: INFO ready', '28059'],
  ])('%s → %s', (line, key) => {
    expect(processKey(line)).toBe(key);
  });

  it('names no process for untagged lines and plain SGLang timestamps', () => {
    expect(processKey('INFO 01-01 00:00:00 [core.py:1] hello')).toBeNull();
    expect(processKey('[2025-01-01 10:00:00] Load weight end.')).toBeNull();
  });
});

describe('processKeys', () => {
  it('gives the untagged lines of an SGLang multi-line message the tag of its first line', () => {
    const keys = processKeys(['[2025-01-01 10:00:00 TP3] Scheduler hit an exception: Traceback (most recent call last):', '  File "s.py", line 1, in run', 'ValueError: bad', '', 'plain line']);
    expect(keys).toEqual(['TP3', 'TP3', 'TP3', null, 'TP3']);
  });

  it('gives the rest of a long line that a terminal cut the tag of that line, not a new record', () => {
    const long = `(EngineCore pid=5) ValueError: ${'x'.repeat(80)}`;
    expect(processKeys([long, 'e is needed, which is larger', 'Traceback (most recent call last):'])).toEqual(['EngineCore 5', 'EngineCore 5', null]);
    expect(processKeys(['(EngineCore pid=5) short', 'next line'])).toEqual(['EngineCore 5', null]);
    // a line with a prefix or header of its own (not bare) is a record of its own
    expect(processKeys([long, 'svc  | DEBUG connecting'], [true, false])).toEqual(['EngineCore 5', null]);
  });
});
