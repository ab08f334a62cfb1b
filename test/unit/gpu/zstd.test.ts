import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isZstd, zstdDecompress } from '../../../harness/gpu/zstd.ts';
import { input } from '../../fixtures/zstd/inputs.ts';

const dir = fileURLToPath(new URL('../../fixtures/zstd/', import.meta.url));
const frames = readdirSync(dir).filter((f) => f.endsWith('.zst'));

describe('zstdDecompress on frames written by the zstd CLI', () => {
  it('has fixtures', () => expect(frames.length).toBeGreaterThanOrEqual(9));

  it.each(frames)('%s', (f) => {
    const want = input(f.split('.')[0]!);
    const got = zstdDecompress(readFileSync(dir + f));
    expect(got.length).toBe(want.length);
    expect(Buffer.from(got).equals(want)).toBe(true);
  });

  it('stops early when a prefix is enough', () => {
    const frame = readFileSync(dir + 'lines.19.zst');
    const whole = input('lines');
    const prefix = zstdDecompress(frame, 1000);
    expect(prefix.length).toBeGreaterThanOrEqual(1000);
    expect(prefix.length).toBeLessThan(whole.length);
    expect(Buffer.from(prefix).equals(whole.subarray(0, prefix.length))).toBe(true);
  });

  it('refuses what is not a zstd frame, and truncated frames', () => {
    expect(isZstd(Buffer.from('hello'))).toBe(false);
    expect(() => zstdDecompress(Buffer.from('hello world'))).toThrow(/no frame magic/);
    const frame = readFileSync(dir + 'noise.1.zst');
    expect(() => zstdDecompress(frame.subarray(0, frame.length >> 1))).toThrow(/zstd: /);
  });
});
