// The image probe: generated images sent as `image_url` data URLs; the model must name the
// dominant colour. One PNG per colour, one JPEG, and — when the cell allows several images per
// prompt (options.limit_mm_per_prompt.image ≥ 2) — one request with 2–3 images answered in order.
import { z } from 'zod';
import type OpenAI from 'openai';
import { chat } from './client.ts';
import { coloursIn, jpegDataUrl, pngDataUrl, type TestColour } from './images.ts';
import { defineBuiltinProbe } from './define.ts';
import { parseOptions } from './options.ts';
import type { Probe, ProbeContext } from './probe.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import type { ResultBuilder } from './result.ts';

export const SINGLE_PROMPT = 'What is the dominant colour of this image? Answer with one word.';
export const MULTI_PROMPT = 'For each image, in order, name its dominant colour in one word. Answer with the colours separated by commas.';

export const ImageOptions = z
  .object({
    colours: z.array(z.enum(['red', 'green', 'blue', 'yellow'])).min(1).default(['red', 'green', 'blue']),
    jpeg: z.boolean().default(true),
    max_tokens: z.number().int().positive().default(16),
  })
  .strict();

interface ImageCase {
  label: string;
  urls: string[];
  expect: TestColour[];
}

export const imageProbe: Probe = defineBuiltinProbe('image', runImage);

/** The requests this probe makes for a cell (pure, exported for tests). */
export function imageCases(options: z.infer<typeof ImageOptions>, perPrompt: number): ImageCase[] {
  const cases: ImageCase[] = options.colours.map((c, i) => ({ label: `png-${c}`, urls: [pngDataUrl(c, 64, i + 1)], expect: [c] }));
  if (options.jpeg) {
    const c = options.colours[options.colours.length - 1]!;
    cases.push({ label: `jpeg-${c}`, urls: [jpegDataUrl(c, 64, 99)], expect: [c] });
  }
  if (perPrompt >= 2) {
    const order: TestColour[] = ['yellow', 'blue', 'red'].slice(0, Math.min(3, perPrompt)) as TestColour[];
    cases.push({ label: `multi-${order.length}`, urls: order.map((c, i) => pngDataUrl(c, 64, 50 + i)), expect: order });
  }
  return cases;
}

function message(urls: string[]): OpenAI.Chat.ChatCompletionMessageParam {
  const text = urls.length === 1 ? SINGLE_PROMPT : MULTI_PROMPT;
  return {
    role: 'user',
    content: [...urls.map((url) => ({ type: 'image_url' as const, image_url: { url } })), { type: 'text' as const, text }],
  };
}

/** Pass when the answer's first colour words, in order, are the expected colours. */
export function coloursMatch(answer: string, expected: readonly TestColour[]): boolean {
  const found = coloursIn(answer);
  return found.length >= expected.length && expected.every((c, i) => found[i] === c);
}

async function runImage(ctx: ProbeContext, r: ResultBuilder): Promise<ProbeResult> {
  const options = parseOptions('image', ImageOptions, ctx.options);
  const perPrompt = ctx.cell.options.limit_mm_per_prompt?.image ?? 1;
  for (const c of imageCases(options, perPrompt)) {
    const outcome = await chat(ctx, { model: ctx.model, messages: [message(c.urls)], temperature: 0, max_tokens: options.max_tokens * c.expect.length }, c.label);
    r.requests.push(outcome.timing);
    if (outcome.error) {
      r.assert(c.label, false, outcome.error.message);
      continue;
    }
    r.output(c.label, outcome.text);
    r.assert(c.label, coloursMatch(outcome.text, c.expect), `${c.urls.length} image(s) → ${JSON.stringify(outcome.text)} (expected ${c.expect.join(', ')})`);
  }
  r.metrics.images_per_prompt = Math.min(3, Math.max(1, perPrompt));
  r.metrics.requests = r.requests.length;
  return r.build();
}
