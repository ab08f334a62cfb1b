// The category the classifier gives a log made of the given lines: the readings' tests write logs line by line.
import { classifyLog } from '../../harness/diagnose/classify.ts';

export const category = (...lines: string[]): string => classifyLog(lines.join('\n')).category;
