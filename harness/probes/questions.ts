// The deterministic chat questions shared by the text and mtp probes: the text probe checks the
// answers and records the outputs; the mtp probe sends the identical requests (greedy) so its
// outputs can be compared with a non-speculative baseline, prompt by prompt.
import { z } from 'zod';
import type { ChatRequest } from './request.ts';

export const Question = z
  .object({
    prompt: z.string().min(1),
    /** The number the answer must contain; null records the output without checking it. */
    expect: z.string().nullable().default(null),
    max_tokens: z.number().int().positive().default(16),
  })
  .strict();
export type Question = z.infer<typeof Question>;

export const DEFAULT_QUESTIONS: readonly Question[] = [
  { prompt: 'What is 17 + 25? Answer with just the number.', expect: '42', max_tokens: 16 },
  { prompt: 'What is 9 times 8? Answer with just the number.', expect: '72', max_tokens: 16 },
  { prompt: 'What is 100 - 37? Answer with just the number.', expect: '63', max_tokens: 16 },
  // A longer greedy output: nothing to check, but it gives speculative decoding room to draft and
  // gives the lossless comparison more than a number to compare.
  { prompt: 'Describe in two sentences how a GPU runs a neural network.', expect: null, max_tokens: 48 },
];

/**
 * The request for a question: greedy (temperature 0), so the output is reproducible. Thinking is
 * switched off through the chat template (`enable_thinking: false`, the switch of Qwen3-style
 * templates; templates without it ignore the variable) so that a small max_tokens holds the answer.
 */
export function greedyRequest(model: string, q: Question): ChatRequest {
  const body = { model, messages: [{ role: 'user' as const, content: q.prompt }], temperature: 0, max_tokens: q.max_tokens };
  return Object.assign(body, { chat_template_kwargs: { enable_thinking: false } });
}

/** The answer without a leading `<think>…</think>` block (or an unterminated one). */
export function withoutThinking(text: string): string {
  return text.replace(/^\s*<think>[\s\S]*?(?:<\/think>|$)/, '').trim();
}

/** Numbers in a text ("The answer is 42." → ["42"]); commas in thousands are dropped. */
export function numbersIn(text: string): string[] {
  return (text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/-?\d+(?:\.\d+)?/g) ?? []).map((n) => String(Number(n)));
}

/** Whether the answer contains the expected number as a whole number (42 is not in 420). */
export function answerMatches(answer: string, expected: string): boolean {
  return numbersIn(withoutThinking(answer)).includes(String(Number(expected)));
}
