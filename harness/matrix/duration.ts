// Durations in the matrix format: "90s", "20m", "1h30m", "500ms", "7d" — units in descending
// order, each at most once. Pure.

export const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** "1h30m" → 5_400_000, "7d" → 604_800_000; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const m = DURATION_RE.exec(t);
  if (!m || t === '') return null;
  const [, d, h, min, s, ms] = m;
  return Number(d ?? 0) * 86_400_000 + Number(h ?? 0) * 3_600_000 + Number(min ?? 0) * 60_000 + Number(s ?? 0) * 1000 + Number(ms ?? 0);
}

/** 5_400_000 → "1h30m"; 500 → "500ms"; 0 → "0s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('');
}

export const DURATION_HINT = 'write a duration as a number with units: 90s, 20m, 1h30m or 500ms';
