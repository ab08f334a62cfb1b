// Log lines written as JSON records (NIM, structured logging): read for their message and level.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { jsonRecord } from '../../../harness/diagnose/json-record.ts';
import { cleanLine } from '../../../harness/diagnose/line-clean.ts';

const record = (fields: Record<string, string>): string => JSON.stringify({ time: 'None', file_name: 'None', ...fields });

describe('jsonRecord', () => {
  it('gives the message and level of a record, the last traceback line when the message is empty, nothing for other lines', () => {
    expect(jsonRecord(record({ level: 'WARNING', message: 'slow tokenizer\nsecond line' }))).toEqual({ text: 'slow tokenizer', level: 'WARNING' });
    expect(jsonRecord(record({ level: 'ERROR', message: '', exc_info: 'Traceback (most recent call last):\n  File "x.py", line 1, in f\nValueError: boom\n' }))).toEqual({ text: 'ValueError: boom', level: 'ERROR' });
    expect(jsonRecord(record({ level: 'None', message: 'hello' }))).toEqual({ text: 'hello', level: null });
    expect(jsonRecord('{"a": 1}')).toBeNull();
    expect(jsonRecord('INFO plain line')).toBeNull();
  });

  it('reads a record cut off inside a field as far as it goes', () => {
    expect(jsonRecord('{"level": "ERROR", "message": "torch.OutOfMemoryError: CUDA out of mem')).toEqual({ text: 'torch.OutOfMemoryError: CUDA out of mem', level: 'ERROR' });
  });

  it('lets the header inside the message say its level (a log relayed as JSON)', () => {
    expect(cleanLine(record({ level: 'None', message: 'ERROR 01-02 03:04:05 [core.py:1] RuntimeError: CUDA error: no kernel image is available for execution on the device' }))).toEqual({
      text: 'RuntimeError: CUDA error: no kernel image is available for execution on the device',
      level: 'ERROR',
    });
  });
});

describe('a log of JSON records', () => {
  it('is classified by what its records say', () => {
    const oom = [record({ level: 'INFO', message: 'Loading model weights took 14.9 GB' }), record({ level: 'ERROR', message: '', exc_info: 'Traceback (most recent call last):\n  File "/x/worker.py", line 1, in load\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB' })];
    expect(classifyLog(oom.join('\n'), { signatures: [] })).toMatchObject({ category: 'oom', evidence: [{ line: 2 }] });
    const ready = [record({ level: 'WARNING', message: 'CUDA out of memory while probing the batch size' }), record({ level: 'INFO', message: 'Application startup complete.' })];
    expect(classifyLog(ready.join('\n'))).toMatchObject({ category: 'healthy', evidence: [{ line: 2 }] });
  });
});
