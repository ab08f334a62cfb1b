// A small Server-Sent Events decoder (pure): bytes-as-text in, events out, with line numbers so a
// malformed line yields a precise error. Follows the WHATWG event-stream rules (lines end in
// \n, \r\n or \r; a blank line dispatches; `data:` lines join with \n; one leading space after
// the colon is dropped; `:` lines are comments), but is strict where an OpenAI-compatible server
// must be: a line whose field is not data/event/id/retry is reported as malformed instead of
// being ignored silently.
import { ProbeError } from '../errors.ts';

export interface SseEvent {
  /** `event:` field, or null for the default "message". */
  event: string | null;
  data: string;
  /** 1-based line number of the event's first field line in the stream. */
  line: number;
}

const KNOWN_FIELDS = new Set(['data', 'event', 'id', 'retry']);

export class SseDecoder {
  private buffer = '';
  private lineNo = 0;
  private pendingCr = false;
  private data: string[] = [];
  private event: string | null = null;
  private startLine = 0;

  /** Feed decoded text; returns the events completed by it. Throws ProbeError on a malformed line. */
  push(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    let chunk = text;
    // A \r at the end of the previous push may be the first half of \r\n.
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = false;
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (ch === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** End of stream: an unterminated last event is dispatched (lenient, like browsers are not). */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.buffer.length > 0) {
      const last = this.line(this.buffer);
      this.buffer = '';
      if (last) events.push(last);
    }
    const tail = this.dispatch();
    if (tail) events.push(tail);
    return events;
  }

  /** Line number of the last complete line seen (1-based). */
  get lines(): number {
    return this.lineNo;
  }

  private line(line: string): SseEvent | null {
    this.lineNo++;
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (!KNOWN_FIELDS.has(field)) {
      throw new ProbeError(`malformed SSE line ${this.lineNo}: ${JSON.stringify(excerpt(line, 200))} is not a data/event/id/retry field or a comment`, {
        body: excerpt(line, 500),
      });
    }
    if (this.data.length === 0 && this.event === null) this.startLine = this.lineNo;
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    return null;
  }

  private dispatch(): SseEvent | null {
    if (this.data.length === 0) {
      this.event = null;
      return null;
    }
    const event: SseEvent = { event: this.event, data: this.data.join('\n'), line: this.startLine };
    this.data = [];
    this.event = null;
    return event;
  }
}

export function excerpt(text: string, max = 500): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
