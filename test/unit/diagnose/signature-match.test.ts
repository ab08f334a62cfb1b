import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../../harness/diagnose/knowledge-base.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';
import { untangle } from '../../../harness/diagnose/processes.ts';
import { blockStart, matchSignature } from '../../../harness/diagnose/signature-match.ts';

function view(log: string[]) {
  const lines = readLog(log.join('\n'));
  return { lines, v: untangle(lines)[0]! };
}

describe('matchSignature', () => {
  it('matches a message broken across lines, with or without the space the break took', () => {
    const { lines, v } = view(['ValueError: No available memory for the cache bl', 'ocks. Try increasing gpu_memory_utilization.']);
    expect(matchSignature(lines, v, [0, 1], SIGNATURES)).toMatchObject({ index: 0, sig: { id: 'oom-kv-cache' } });
    expect(matchSignature(lines, v, [0], SIGNATURES)).toBeNull();
  });

  it("lets the message's first line decide before a later line matches an earlier signature", () => {
    const { lines, v } = view(["ImportError: cannot import name 'X' from 'transformers'", "ValueError: Model architectures ['Foo'] are not supported for now."]);
    expect(matchSignature(lines, v, [0, 1], SIGNATURES)).toMatchObject({ index: 0, sig: { id: 'python-import-failed' } });
  });

  it("finds a signature's context in its own traceback only", () => {
    const { lines, v } = view(['Traceback (most recent call last):', '  File "/v/layers/attention/mm_encoder_attention.py", line 1, in forward', 'RuntimeError: CUDA error: no kernel image is available for execution on the device']);
    expect(blockStart(lines, v, 2)).toBe(0);
    expect(matchSignature(lines, v, [2], SIGNATURES)).toMatchObject({ sig: { id: 'no-kernel-image-vision-encoder' }, contextIndex: 1 });
  });
});
