// The user's own accuracy questions: a JSONL file, one `{"prompt": "...", "answer": "..."}` per
// line (blank lines skipped). A line that is not such an object fails the probe naming the line.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ProbeError } from '../errors.ts';
import type { AccuracyQuestion } from './accuracy-questions.ts';

const Line = z.object({ prompt: z.string().min(1), answer: z.union([z.string().min(1), z.number()]) });

/** Parse JSONL text into questions; `source` names the file in messages. Pure. */
export function parseDataset(text: string, source: string): AccuracyQuestion[] {
  const out: AccuracyQuestion[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new ProbeError(`${source}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const parsed = Line.safeParse(value);
    if (!parsed.success) throw new ProbeError(`${source}:${i + 1}: expected {"prompt": string, "answer": string | number}: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}`);
    out.push({ prompt: parsed.data.prompt, answer: String(parsed.data.answer) });
  }
  if (out.length === 0) throw new ProbeError(`${source}: no questions (one {"prompt", "answer"} object per line)`);
  return out;
}

export function readDataset(file: string): AccuracyQuestion[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ProbeError(`accuracy dataset ${file} could not be read: ${(e as Error).message}`);
  }
  return parseDataset(text, file);
}
