// Docker's multiplexed log stream (non-TTY containers): frames of an 8-byte header — stream type,
// three zero bytes, payload size (uint32, big-endian) — then the payload. One log line is often one
// frame, so a flood is millions of frames: this Transform cuts every complete frame out of each
// chunk at once and pushes their payloads together, and, being a stream, passes backpressure on.
import { Transform, type TransformCallback } from 'node:stream';

export class DockerLogDemux extends Transform {
  private pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Buffer[] = [];
    let at = 0;
    while (buf.length - at >= 8) {
      const size = buf.readUInt32BE(at + 4);
      if (buf.length - at - 8 < size) break;
      out.push(buf.subarray(at + 8, at + 8 + size));
      at += 8 + size;
    }
    this.pending = at < buf.length ? Buffer.from(buf.subarray(at)) : Buffer.alloc(0);
    if (out.length) this.push(out.length === 1 ? out[0] : Buffer.concat(out));
    done();
  }

  override _flush(done: TransformCallback): void {
    // A stream cut mid-frame (container removed): keep what arrived of the last payload.
    if (this.pending.length > 8) this.push(this.pending.subarray(8));
    done();
  }
}
