import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../../harness/probes/sse.ts';
import { classifyChunk, parseChunkEvent } from '../../../harness/probes/chunks.ts';
import { ProbeError } from '../../../harness/errors.ts';

describe('SseDecoder', () => {
  it('splits events on blank lines across arbitrary read boundaries', () => {
    const d = new SseDecoder();
    const text = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    const events = [];
    for (const ch of text) events.push(...d.push(ch));
    events.push(...d.end());
    expect(events.map((e) => e.data)).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
    expect(events.map((e) => e.line)).toEqual([1, 3, 5]);
  });

  it('handles \\r\\n split across pushes, comments, event and multi-line data', () => {
    const d = new SseDecoder();
    const out = [...d.push(': keep-alive\r'), ...d.push('\nevent: x\r\ndata: a\r\ndata: b\r'), ...d.push('\n\r\n')];
    expect(out).toEqual([{ event: 'x', data: 'a\nb', line: 2 }]);
  });

  it('dispatches an unterminated last event at end of stream', () => {
    const d = new SseDecoder();
    expect(d.push('data: tail')).toEqual([]);
    expect(d.end()).toEqual([{ event: null, data: 'tail', line: 1 }]);
  });

  it('a malformed line is a ProbeError naming the line', () => {
    const d = new SseDecoder();
    d.push('data: {"ok":1}\n\n');
    try {
      d.push('garbage here\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProbeError);
      expect((err as Error).message).toBe('malformed SSE line 3: "garbage here" is not a data/event/id/retry field or a comment');
    }
  });
});

describe('parseChunkEvent', () => {
  it('recognises [DONE]', () => {
    expect(parseChunkEvent({ event: null, data: '[DONE]', line: 9 }, 4)).toBe('done');
  });
  it('non-JSON data names event and line', () => {
    expect(() => parseChunkEvent({ event: null, data: '{"choices": [', line: 7 }, 2)).toThrow(/malformed SSE data in event 3 \(line 7\): not JSON .*"\{\\"choices\\": \["/);
  });
  it('a JSON non-object is malformed', () => {
    expect(() => parseChunkEvent({ event: null, data: '42', line: 1 }, 0)).toThrow(/expected a JSON object, got "42"/);
  });
  it('an error object mid-stream is a ProbeError with its message and code', () => {
    try {
      parseChunkEvent({ event: null, data: '{"error":{"message":"boom","type":"InternalServerError","code":500}}', line: 11 }, 5);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe('server reported an error mid-stream in event 6 (line 11): boom');
      expect((err as ProbeError).detail.status).toBe(500);
    }
  });
});

describe('classifyChunk', () => {
  const base = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
  it('role chunk (role, empty content) is role', () => {
    expect(classifyChunk({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }).kind).toBe('role');
    expect(classifyChunk({ ...base, choices: [{ index: 0, delta: { role: 'assistant' } }] }).kind).toBe('role');
  });
  it('role with content counts as content', () => {
    const c = classifyChunk({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' } }] });
    expect(c).toMatchObject({ kind: 'content', text: 'Hi' });
  });
  it('usage-only chunk (empty choices) is usage and carries the counts', () => {
    const c = classifyChunk({ ...base, choices: [], usage: { prompt_tokens: 9, completion_tokens: 32, total_tokens: 41 } });
    expect(c.kind).toBe('usage');
    expect(c.usage?.completion_tokens).toBe(32);
  });
  it('content chunk with continuous usage stats stays content', () => {
    expect(classifyChunk({ ...base, choices: [{ delta: { content: 'a' } }], usage: { completion_tokens: 1 } }).kind).toBe('content');
  });
  it('reasoning text (reasoning_content or reasoning) is generated output: content, with its text', () => {
    expect(classifyChunk({ ...base, choices: [{ delta: { reasoning_content: 'Let me think' } }] })).toMatchObject({ kind: 'content', text: '', reasoning: 'Let me think' });
    expect(classifyChunk({ ...base, choices: [{ delta: { reasoning: 'Hmm', content: null } }] })).toMatchObject({ kind: 'content', reasoning: 'Hmm' });
  });
  it('finish-reason-only and empty deltas are other', () => {
    const c = classifyChunk({ ...base, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'length' }] });
    expect(c).toMatchObject({ kind: 'other', finishReason: 'length' });
    expect(classifyChunk({ ...base, choices: [{ delta: {} }] }).kind).toBe('other');
  });
});
