// Log text made safe to show: ANSI escapes and control characters removed, very long lines cut
// (the full line stays in the full log). Pure; used when the report data is embedded.

const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Longest line kept in the page; longer ones are cut and marked with their full length. */
export const MAX_LINE_CHARS = 4000;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** One log line as inert display text: no ANSI, no control characters (tabs kept). */
export function cleanLogLine(text: string): string {
  return stripAnsi(text).replace(CONTROL, (c) => (c === '\t' ? c : '\uFFFD'));
}

export interface ShownLine {
  line: number;
  text: string;
  /** Original length in characters when the text was cut. */
  cut?: number;
  /** Evidence that is not a line of the log (what a probe saw): where it comes from, e.g. "probe text". */
  source?: string;
}

export function shownLine(line: number, raw: string, max = MAX_LINE_CHARS): ShownLine {
  const clean = cleanLogLine(raw);
  return clean.length > max ? { line, text: clean.slice(0, max), cut: clean.length } : { line, text: clean };
}
