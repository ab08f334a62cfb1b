import { describe, expect, it } from 'vitest';
import { builtinProbeApplies } from '../../../harness/probes/applicability.ts';
import { formatDuration, parseDuration } from '../../../harness/matrix/duration.ts';
import { interpolate } from '../../../harness/matrix/interpolate.ts';
import { closest, didYouMean, editDistance } from '../../../harness/matrix/suggest.ts';
import type { Cell } from '../../../harness/core/cell.ts';

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['1d12h', 129_600_000],
  ])('%s = %d ms and formats back', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });

  it.each(['', '20', '20 minutes', '1.5h', '30m1h', 'm', '5s5s', '-1s', '1h2d'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('interpolate', () => {
  const lookup = (n: string) => ({ TOKEN: 'abc', EMPTY: '' })[n];
  it('leaves plain values alone and not secret', () => {
    expect(interpolate('INFO', lookup)).toEqual({ ok: true, value: { value: 'INFO', secret: false } });
  });
  it('substitutes variables, marks the value secret and lists its sources once', () => {
    expect(interpolate('Bearer ${TOKEN}:${TOKEN}:${EMPTY}', lookup)).toEqual({ ok: true, value: { value: 'Bearer abc:abc:', secret: true, from: ['TOKEN', 'EMPTY'] } });
  });
  it('uses a fallback only when the variable is unset', () => {
    expect(interpolate('${NOPE:-x}/${TOKEN:-y}', lookup)).toMatchObject({ ok: true, value: { value: 'x/abc' } });
  });
  it('fails on an unset variable or a malformed reference', () => {
    expect(interpolate('${NOPE}', lookup)).toMatchObject({ ok: false, message: 'environment variable NOPE is not set' });
    expect(interpolate('${9X}', lookup)).toMatchObject({ ok: false, message: 'bad variable reference "${9X}"' });
    expect(interpolate('${UNCLOSED', lookup)).toMatchObject({ ok: false });
  });
  it('reads $$ as a literal dollar', () => {
    expect(interpolate('$${TOKEN}', lookup)).toEqual({ ok: true, value: { value: '${TOKEN}', secret: false } });
  });
});

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Models', 'models')).toBe(0);
  });
  it('suggests the closest candidates, best first, and nothing when far', () => {
    expect(closest('modles', ['models', 'images', 'gpus'])).toEqual(['models']);
    expect(didYouMean('trition', ['triton', 'flash', 'sdpa'])).toBe('did you mean "triton"?');
    expect(didYouMean('xyzzy', ['triton', 'flash'])).toBeUndefined();
  });
});

describe('builtinProbeApplies', () => {
  const cell = (modalities: Array<'text' | 'image'>, speculative?: Cell['options']['speculative']) =>
    ({ model: { modalities }, options: speculative ? { speculative } : {} }) as unknown as Cell;
  it('runs text and stream everywhere', () => {
    expect(builtinProbeApplies('text', cell(['text']))).toBe(true);
    expect(builtinProbeApplies('stream', cell(['text']))).toBe(true);
  });
  it('runs image only on image models and mtp only with speculation', () => {
    expect(builtinProbeApplies('image', cell(['text']))).toBe('model has no image modality');
    expect(builtinProbeApplies('image', cell(['text', 'image']))).toBe(true);
    const lmOnly = { model: { modalities: ['text', 'image'] }, options: { language_model_only: true } } as unknown as Cell;
    expect(builtinProbeApplies('image', lmOnly)).toBe('language_model_only: the vision encoder is not served');
    expect(builtinProbeApplies('mtp', cell(['text']))).toBe('speculative decoding not enabled');
    expect(builtinProbeApplies('mtp', cell(['text'], { method: 'mtp', tokens: 2 }))).toBe(true);
  });
});
