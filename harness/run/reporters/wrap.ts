// Text for the console, fitted to the terminal's width by wrapping at spaces: nothing is cut. A
// terminal that reports no width (0 columns: a pty nobody sized, as under `docker exec -t` or
// `script`) and output that is not a terminal get the default width.
export const DEFAULT_WIDTH = 100;

/** The width to fit text to: the terminal's when it reports one, else DEFAULT_WIDTH. */
export function widthOf(out: { columns?: number }): number {
  return out.columns && out.columns > 0 ? out.columns : DEFAULT_WIDTH;
}

/** Wraps at spaces so each line fits `width` with `indent` before it; a word longer than the line stays whole. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(20, width - indent.length - 1);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > room) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(indent + line);
  }
  return lines;
}
