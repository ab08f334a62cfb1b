// One clock for the harness process and the Docker engine: wall-clock nanoseconds. Docker's event
// stream stamps each event with `timeNano` (the daemon's CLOCK_REALTIME, same host); in this
// process the wall clock is performance.timeOrigin (wall time at process start) plus the
// monotonic performance.now(), which is sub-millisecond and never jumps.

/** Wall-clock time now, in nanoseconds since the epoch. */
export function wallNs(): bigint {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
}

/** Milliseconds between two wall-clock instants in nanoseconds (b − a). */
export function msBetween(a: bigint, b: bigint): number {
  return Number(b - a) / 1e6;
}

/** A `date +%s.%N` string (seconds with fraction) as nanoseconds. */
export function parseEpochSeconds(s: string): bigint {
  const [sec, frac = ''] = s.trim().split('.');
  return BigInt(sec!) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
}
