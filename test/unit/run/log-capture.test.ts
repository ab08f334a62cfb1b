import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogCapture } from '../../../harness/run/log-capture.ts';

function* flood(lines: number) {
  for (let i = 1; i <= lines; i++) yield Buffer.from(`INFO line ${i} of the flood\n`);
}

describe('LogCapture', () => {
  it('writes the whole log, redacts secrets, and keeps numbered head, errors and tail', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'cell.log');
    const cap = new LogCapture(file, { headLines: 3, tailLines: 4, secrets: ['hf_SECRET_token'] });
    const text = ['start', 'token hf_SECRET_token here', 'x', 'y', 'RuntimeError: boom', 'a', 'b', 'c', 'd', 'end'].join('\n');
    // Split in awkward places, including inside the secret and inside a multi-byte character.
    const buf = Buffer.from(text + '\n€\n');
    const parts = [buf.subarray(0, 12), buf.subarray(12, 20), buf.subarray(20, buf.length - 3), buf.subarray(buf.length - 3, buf.length - 2), buf.subarray(buf.length - 2)];
    await cap.consume(Readable.from(parts));
    const written = readFileSync(file, 'utf8');
    expect(written).not.toContain('hf_SECRET_token');
    expect(written).toContain('token *** here');
    expect(written.split('\n')).toHaveLength(11 + 1); // 11 lines and the final newline
    expect(cap.totalLines).toBe(11);
    const kept = cap.lines();
    expect(kept.map((l) => l.line)).toEqual([1, 2, 3, 5, 8, 9, 10, 11]);
    expect(kept.find((l) => l.line === 5)?.text).toBe('RuntimeError: boom');
    expect(kept.at(-1)?.text).toBe('€');
  });

  it('writes the bytes as they came, cut anywhere, with only the lines holding a secret rewritten', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'cell.log');
    const cap = new LogCapture(file, { secrets: ['hf_SECRET_token'] });
    const lines = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? 'HF_TOKEN=hf_SECRET_token' : `INFO ${i} é€ ${'x'.repeat(i % 50)}\r`));
    const text = lines.join('\n') + '\nunterminated €';
    const buf = Buffer.from(text);
    // Chunks of 1 to 97 bytes: cuts inside lines, inside characters and inside the secret.
    const parts: Buffer[] = [];
    for (let at = 0, k = 0; at < buf.length; k++) parts.push(buf.subarray(at, (at += 1 + ((k * 37) % 97))));
    await cap.consume(Readable.from(parts));
    expect(readFileSync(file, 'utf8')).toBe(text.replace('hf_SECRET_token', '***') + '\n');
    expect(cap.totalLines).toBe(3001);
    expect(cap.lines().at(-1)).toEqual({ line: 3001, text: 'unterminated €' });
  });

  it('stays bounded on a flood and keeps counting lines', async () => {
    const cap = new LogCapture(null, { headLines: 10, tailLines: 50, interestingLines: 5 });
    await cap.consume(Readable.from(flood(200_000)));
    expect(cap.totalLines).toBe(200_000);
    const kept = cap.lines();
    expect(kept.length).toBeLessThanOrEqual(65);
    expect(kept.at(-1)).toEqual({ line: 200_000, text: 'INFO line 200000 of the flood' });
  });

  it('cuts very long lines in memory but says how much is in the file', async () => {
    const cap = new LogCapture(null, { maxLineChars: 100 });
    await cap.consume(Readable.from([Buffer.from('x'.repeat(10_000) + '\n')]));
    expect(cap.lines()[0]!.text).toMatch(/^x{100} … \[9900 more characters in the full log\]$/);
  });

  it('makes an excerpt that includes the lines asked for', async () => {
    const cap = new LogCapture(null, { headLines: 400 });
    await cap.consume(Readable.from([Buffer.from(Array.from({ length: 700 }, (_, i) => `l${i + 1}`).join('\n') + '\n')]));
    const ex = cap.excerpt([150]);
    expect(ex.some((l) => l.line === 150)).toBe(true);
    expect(ex.some((l) => l.line === 149)).toBe(false);
  });

  it('keeps the last lines of a short log (still in the head buffer) in the excerpt', async () => {
    const cap = new LogCapture(null, { headLines: 400 });
    await cap.consume(Readable.from([Buffer.from(Array.from({ length: 100 }, (_, i) => `l${i + 1}`).join('\n') + '\n')]));
    const lines = cap.excerpt().map((l) => l.line);
    expect(lines).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
