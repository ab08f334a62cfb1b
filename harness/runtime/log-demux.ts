// Docker's multiplexed output stream (non-TTY containers): frames of an 8-byte header — stream
// type (1 stdout, 2 stderr), three zero bytes, payload size (uint32, big-endian) — then the
// payload. Out come the payloads as one byte stream of whole lines: a frame of an attached stream
// is whatever dockerd read from the pipe, so it may end mid-line while the other stream's next
// frame begins a line of its own; each stream's unfinished line waits for the rest of it (as
// Docker's log driver assembles lines per stream). A flood is millions of frames: this Transform
// cuts every complete frame out of each chunk at once and pushes their lines together, and, being
// a stream, passes backpressure on.
import { Transform, type TransformCallback } from 'node:stream';

const NL = 0x0a;
const EMPTY = Buffer.alloc(0);
/** An unfinished line longer than this goes out as it is (no newline for 256 KiB: not a log line). */
const MAX_PARTIAL = 256 * 1024;

export class DockerLogDemux extends Transform {
  private pending: Buffer = EMPTY;
  /** Per stream type (index 1 stdout, 2 stderr, else 0): the bytes after its last newline. */
  private readonly partial: Buffer[] = [EMPTY, EMPTY, EMPTY];

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let at = 0;
    while (buf.length - at >= 8) {
      const size = buf.readUInt32BE(at + 4);
      if (buf.length - at - 8 < size) break;
      this.cutLines(buf[at] ?? 0, buf.subarray(at + 8, at + 8 + size), out);
      at += 8 + size;
    }
    this.pending = at < buf.length ? Buffer.from(buf.subarray(at)) : EMPTY;
    if (out.length) this.push(out.length === 1 ? out[0] : Buffer.concat(out));
    done();
  }

  /** Moves the whole lines of one payload (after its stream's unfinished line) to `out`. */
  private cutLines(type: number, payload: Buffer, out: Buffer[]): void {
    const s = type === 1 || type === 2 ? type : 0;
    // Most frames end a line (each frame of a followed log is one): no search needed.
    const last = payload[payload.length - 1] === NL ? payload.length - 1 : payload.lastIndexOf(NL);
    const before = this.partial[s]!;
    if (last < 0) {
      const joined = before.length ? Buffer.concat([before, payload]) : Buffer.from(payload);
      if (joined.length > MAX_PARTIAL) {
        out.push(joined);
        this.partial[s] = EMPTY;
      } else this.partial[s] = joined;
      return;
    }
    if (before.length) out.push(before);
    out.push(payload.subarray(0, last + 1));
    // Copied: the payload's chunk is not kept alive for a few bytes.
    this.partial[s] = last + 1 < payload.length ? Buffer.from(payload.subarray(last + 1)) : EMPTY;
  }

  override _flush(done: TransformCallback): void {
    // A stream cut mid-frame (container removed): keep what arrived of the last payload.
    const out: Buffer[] = [];
    if (this.pending.length > 8) this.cutLines(this.pending[0] ?? 0, this.pending.subarray(8), out);
    // Each stream's last unfinished line, on a line of its own.
    this.partial.filter((p) => p.length).forEach((p, i) => out.push(...(i ? [Buffer.from('\n'), p] : [p])));
    if (out.length) this.push(Buffer.concat(out));
    done();
  }
}
