import { afterEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../../../harness/run/settle.ts';

afterEach(() => void vi.useRealTimers());

describe('settle', () => {
  it('a promise that settles first wins, and the bounding timer is cleared with it', async () => {
    vi.useFakeTimers();
    expect(await settle(Promise.resolve(), 10_000)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(await settle(Promise.reject(new Error('stream cut')), 10_000)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a promise that never settles loses to the timer', async () => {
    vi.useFakeTimers();
    const r = settle(new Promise(() => {}), 300);
    await vi.advanceTimersByTimeAsync(300);
    expect(await r).toBe(false);
  });
});
