// The image probe: generated images sent as `image_url` data URLs; the model must name the
// dominant colour. One PNG per colour, one JPEG, and — when the cell allows several images per
// prompt (options.limit_mm_per_prompt.image ≥ 2) — one request with 2–3 images answered in order.
// With `concurrency: [1, 8, …]` the cases are also sent C at a time (2·C requests, cycling through
// them) and scored per concurrency like the accuracy probe: against `floor` and the baseline cell
// (CUDA graphs off, or the flag set `baseline` names); wrong only in a batch → accuracy-drop-batched.
import PQueue from 'p-queue';
import { z } from 'zod';
import type OpenAI from 'openai';
import { baselineScores, judgeAccuracy, type ConcurrencyScore } from './accuracy-score.ts';
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
    concurrency: z.array(z.number().int().positive()).min(1).default([1]),
    floor: z.number().min(0).max(1).default(1),
    tolerance: z.number().min(0).max(1).default(0),
    baseline: z.string().min(1).optional(),
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
  const cases = imageCases(options, perPrompt);
  const request = (c: ImageCase) => ({ model: ctx.model, messages: [message(c.urls)], temperature: 0, max_tokens: options.max_tokens * c.expect.length });
  let right = 0;
  for (const c of cases) {
    const outcome = await chat(ctx, request(c), c.label);
    r.requests.push(outcome.timing);
    if (outcome.error) {
      r.assert(c.label, false, outcome.error.message);
      continue;
    }
    r.output(c.label, outcome.text);
    if (r.assert(c.label, coloursMatch(outcome.text, c.expect), `${c.urls.length} image(s) → ${JSON.stringify(outcome.text)} (expected ${c.expect.join(', ')})`)) right++;
  }
  r.metrics.score_c1 = right / cases.length;
  const batched = options.concurrency.filter((c) => c > 1);
  if (batched.length > 0) {
    const scores: ConcurrencyScore[] = [{ concurrency: 1, correct: right, total: cases.length }];
    for (const c of [...new Set(batched)].sort((a, b) => a - b)) scores.push(await atConcurrency(ctx, r, cases, c, request));
    const baseline = baselineScores(ctx.baselineRun?.() ?? null);
    const judged = judgeAccuracy(scores, { floor: options.floor, tolerance: options.tolerance, graphs: ctx.cell.options.cuda_graphs ?? null, baseline });
    r.assertions.push(...judged.assertions.filter((a) => a.name !== 'floor-c1'));
    if (!r.requests.some((q) => q.error)) r.signature = judged.signature;
  }
  r.metrics.images_per_prompt = Math.min(3, Math.max(1, perPrompt));
  r.metrics.requests = r.requests.length;
  return r.build();
}

/** 2·C requests, C in flight, cycling through the cases: the colours named in a batch of C. */
async function atConcurrency(ctx: ProbeContext, r: ResultBuilder, cases: ImageCase[], c: number, request: (x: ImageCase) => Parameters<typeof chat>[1]): Promise<ConcurrencyScore> {
  const queue = new PQueue({ concurrency: c });
  let correct = 0;
  const total = 2 * c;
  await Promise.all(Array.from({ length: total }, (_, i) => queue.add(async () => {
    const x = cases[i % cases.length]!;
    const out = await chat(ctx, request(x), `c${c}-${i}-${x.label}`);
    r.requests.push(out.timing);
    if (out.error) return;
    r.output(`c${c}/${i}`, out.text);
    if (coloursMatch(out.text, x.expect)) correct++;
    else if (r.evidence.length < 6) r.evidence.push(`concurrency ${c}, ${x.label}: ${JSON.stringify(out.text)} (expected ${x.expect.join(', ')})`);
  })));
  r.metrics[`score_c${c}`] = correct / total;
  return { concurrency: c, correct, total };
}
