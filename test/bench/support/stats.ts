// Small statistics for the benchmarks: medians over trials and peer ratios.

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** How many times the harness beats a peer, for a figure where smaller is better (peer / harness). */
export function speedup(harness: number, peer: number): number {
  return harness > 0 ? peer / harness : Number.POSITIVE_INFINITY;
}
