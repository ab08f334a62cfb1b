// The category the classifier gives a log made of the given lines: the readings' tests write logs line by line.
import { classifyLog } from '../../harness/diagnose/classify.ts';

export const category = (...lines: string[]): string => classifyLog(lines.join('\n')).category;

/** A line as a terminal `width` columns wide shows it: cut into rows of that width (a line that fits, an empty one too, stays whole). */
export const atWidth = (width: number) => (line: string): string[] => {
  const rows: string[] = [];
  for (let s = line; ; s = s.slice(width)) {
    rows.push(s.slice(0, width));
    if (s.length <= width) return rows;
  }
};
