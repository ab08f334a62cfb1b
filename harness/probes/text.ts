// The text probe: deterministic questions at temperature 0 whose answers can be checked.
// Options: { questions?: [{ prompt, expect, max_tokens }] } replaces the built-in set.
import { z } from 'zod';
import { chat } from './client.ts';
import { defineBuiltinProbe } from './define.ts';
import { parseOptions } from './options.ts';
import type { Probe, ProbeContext } from './probe.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import { answerMatches, DEFAULT_QUESTIONS, greedyRequest, Question } from './questions.ts';
import type { ResultBuilder } from './result.ts';

export const TextOptions = z
  .object({ questions: z.array(Question).min(1).optional() })
  .strict();

export const textProbe: Probe = defineBuiltinProbe('text', runText);

async function runText(ctx: ProbeContext, r: ResultBuilder): Promise<ProbeResult> {
  const options = parseOptions('text', TextOptions, ctx.options);
  const questions = options.questions ?? DEFAULT_QUESTIONS;
  let prompt = 0;
  let completion = 0;
  for (const [i, q] of questions.entries()) {
    const outcome = await chat(ctx, greedyRequest(ctx.model, q), `text-${i}`);
    r.requests.push(outcome.timing);
    if (outcome.error) {
      r.assert(`q${i}`, false, outcome.error.message);
      continue;
    }
    r.output(q.prompt, outcome.text);
    prompt += outcome.timing.promptTokens ?? 0;
    completion += outcome.timing.completionTokens ?? 0;
    if (q.expect === null) {
      r.evidence.push(`q${i} (recorded, not checked): ${JSON.stringify(q.prompt)} → ${JSON.stringify(outcome.text)}`);
      continue;
    }
    const ok = answerMatches(outcome.text, q.expect);
    const cut = !ok && outcome.finishReason === 'length' ? ` — cut at max_tokens ${q.max_tokens} (finish_reason length)` : '';
    r.assert(`q${i}`, ok, `${JSON.stringify(q.prompt)} → ${JSON.stringify(outcome.text)} (expected ${q.expect})${cut}`);
  }
  r.metrics.prompt_tokens = prompt;
  r.metrics.completion_tokens = completion;
  r.metrics.questions = questions.length;
  return r.build();
}
