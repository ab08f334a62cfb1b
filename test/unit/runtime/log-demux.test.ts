import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DockerLogDemux } from '../../../harness/runtime/log-demux.ts';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const h = Buffer.alloc(8);
  h[0] = stream;
  h.writeUInt32BE(payload.length, 4);
  return Buffer.concat([h, payload]);
}

async function collect(chunks: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks).pipe(new DockerLogDemux())) out.push(c as Buffer);
  return Buffer.concat(out).toString();
}

describe('DockerLogDemux', () => {
  it('joins stdout and stderr payloads in order, whatever the chunk boundaries', async () => {
    const all = Buffer.concat([frame(1, 'line one\n'), frame(2, 'Traceback (most recent call last):\n'), frame(1, 'é€ done\n')]);
    for (const cut of [1, 3, 8, 9, 17, 30, all.length - 1]) {
      expect(await collect([all.subarray(0, cut), all.subarray(cut)])).toBe('line one\nTraceback (most recent call last):\né€ done\n');
    }
    const bytes = [...all].map((b) => Buffer.from([b]));
    expect(await collect(bytes)).toBe('line one\nTraceback (most recent call last):\né€ done\n');
  });

  it('keeps each line whole when the frames of stdout and stderr cut lines anywhere (an attached stream)', async () => {
    const frames = [frame(1, 'INFO loading wei'), frame(2, 'UserWarning: Input tensor'), frame(1, 'ghts\nINFO done\nINFO st'), frame(2, ' shape\n'), frame(1, 'arting\n')];
    expect(await collect(frames)).toBe('INFO loading weights\nINFO done\nUserWarning: Input tensor shape\nINFO starting\n');
    // Unfinished lines at the end of the stream: each on a line of its own.
    expect(await collect([frame(1, 'a\nlast out'), frame(2, 'last err')])).toBe('a\nlast out\nlast err');
  });

  it('lets a line without a newline for 256 KiB through as it is', async () => {
    const long = 'x'.repeat(200 * 1024);
    expect(await collect([frame(2, long), frame(2, long), frame(1, 'ok\n')])).toBe(long + long + 'ok\n');
  });

  it('keeps a payload cut short by the end of the stream', async () => {
    const f = frame(1, 'the last words');
    expect(await collect([f.subarray(0, f.length - 5)])).toBe('the last ');
  });

  it('demultiplexes a million frames (its speed is measured by benchmark B5)', async () => {
    const one = frame(1, 'INFO 11-22 07:00:00 [x.py:1] a typical log line of the flood\n');
    const chunk = Buffer.concat(Array.from({ length: 1000 }, () => one));
    let bytes = 0;
    for await (const c of Readable.from(Array.from({ length: 1000 }, () => chunk)).pipe(new DockerLogDemux())) bytes += (c as Buffer).length;
    expect(bytes).toBe((one.length - 8) * 1_000_000);
  });
});
