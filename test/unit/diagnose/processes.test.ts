import { describe, expect, it } from 'vitest';
import { readLog } from '../../../harness/diagnose/log-lines.ts';
import { untangle, viewAt } from '../../../harness/diagnose/processes.ts';
import { joinCutFrames } from '../../../harness/diagnose/line-joins.ts';

const LOG = [
  '[rank0]: Traceback (most recent call last):',
  '[rank1]: Traceback (most recent call last):',
  '[rank0]:   File "a.py", line 1, in f',
  'INFO main process line',
  '[rank1]:   File "b.py", line 2, in g',
].join('\n');

describe('untangle', () => {
  it("keeps each rank's lines together, in order, and the untagged main output apart", () => {
    const lines = readLog(LOG);
    const views = untangle(lines);
    expect(views.map((v) => [v.key, v.index])).toEqual([
      ['rank0', [0, 2]],
      ['rank1', [1, 4]],
      [null, [3]],
    ]);
    expect(viewAt(views, lines, 4)).toMatchObject({ pos: 1, view: { key: 'rank1' } });
  });
});

describe('joinCutFrames', () => {
  it('joins a frame cut at the terminal width with the stub on the next line of its process', () => {
    const path = '/opt/venv/lib/python3.12/site-packages/vllm/v1/engine/core.py';
    const lines = readLog([`(EngineCore pid=3)   File "${path}", line 305, in _initialize_k`, 'v_caches', '(EngineCore pid=3)     x = y()'].join('\n'));
    joinCutFrames(lines, untangle(lines));
    expect(lines[0]!.text).toBe(`  File "${path}", line 305, in _initialize_kv_caches`);
    expect(lines[1]!.text).toBe('');
    expect(lines[2]!.text).toBe('    x = y()');
  });

  it('leaves whole frames followed by their indented source line alone', () => {
    const lines = readLog(['  File "/v/core.py", line 1, in run', '    run()', 'ValueError: x'].join('\n'));
    joinCutFrames(lines, untangle(lines));
    expect(lines.map((l) => l.text)).toEqual(['  File "/v/core.py", line 1, in run', '    run()', 'ValueError: x']);
  });
});

describe("SGLang's untagged header", () => {
  it('is a header of its own, not a prefix a carrier wrote: a record logged in the same second after a long line is not its rest', () => {
    const long = `[2026-06-12 04:54:55] Failed to get GPU memory capacity from nvidia-smi. Falling back to torch.cuda.mem_get_info(). Reported total GPU memory per device (MiB): [122501]`;
    const lines = readLog([long, '[2026-06-12 04:54:55] Enable experimental FlashInfer attention backend for Gemma4.', '[2026-06-12 04:54:55] Overlap scheduler is disabled (spec v2 is not supported yet).'].join('\n'));
    expect(lines.map((l) => l.cont)).toEqual([false, false, false]);
    // … while a carrier's timestamp before both pieces of a cut line still carries the rest
    const docker = readLog(['2025-01-02T03:04:05.123456789Z ' + 'x'.repeat(100), '2025-01-02T03:04:05.123456789Z rest of the line'].join('\n'));
    expect(docker.map((l) => l.cont)).toEqual([false, true]);
  });
});
