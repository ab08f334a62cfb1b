// The accuracy probe (issue 24): a server that answers is not one that answers right. ≥ 200
// generated questions with checkable answers (or the user's JSONL dataset), sent greedily at
// several concurrencies — each a different captured batch size — and scored per concurrency. It
// passes when every score is above the floor and within the tolerance of the baseline cell (same
// image × GPU × model with CUDA graphs off, or the flag set `baseline` names); a drop only once
// requests share a batch fails as `accuracy-drop-batched`, naming the concurrency.
// Every request's timing (requests) and answer (outputs, keyed `c<concurrency>/<index>`) is stored.
// Options: { questions: 200, seed: 1, dataset?: path.jsonl, concurrency: [1, 8, 32],
//            max_tokens: 32, floor: 0.8, tolerance: 0.05, baseline?: flag set id }.
import PQueue from 'p-queue';
import { z } from 'zod';
import { generateQuestions, type AccuracyQuestion } from './accuracy-questions.ts';
import { readDataset } from './accuracy-dataset.ts';
import { baselineScores, isRightAnswer, judgeAccuracy, type ConcurrencyScore } from './accuracy-score.ts';
import { chat } from './client.ts';
import { defineBuiltinProbe } from './define.ts';
import { parseOptions } from './options.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { greedyRequest } from './questions.ts';
import type { ResultBuilder } from './result.ts';

export const AccuracyOptions = z
  .object({
    questions: z.number().int().positive().default(200),
    seed: z.number().int().nonnegative().default(1),
    /** A JSONL file of {prompt, answer}; relative paths are resolved from the matrix file's folder. */
    dataset: z.string().min(1).optional(),
    concurrency: z.array(z.number().int().positive()).min(1).default([1, 8, 32]),
    max_tokens: z.number().int().positive().default(32),
    floor: z.number().min(0).max(1).default(0.8),
    tolerance: z.number().min(0).max(1).default(0.05),
    baseline: z.string().min(1).optional(),
  })
  .strict();
export type AccuracyOptions = z.infer<typeof AccuracyOptions>;

export const accuracyProbe: Probe = defineBuiltinProbe('accuracy', runAccuracy);

/** The questions a run asks: the dataset's, or `questions` generated from `seed`. */
export function accuracyQuestions(o: AccuracyOptions): AccuracyQuestion[] {
  return o.dataset ? readDataset(o.dataset) : generateQuestions(o.questions, o.seed);
}

async function runAccuracy(ctx: ProbeContext, r: ResultBuilder): Promise<ProbeResult> {
  const o = parseOptions('accuracy', AccuracyOptions, ctx.options);
  const questions = accuracyQuestions(o);
  const scores: ConcurrencyScore[] = [];
  let errors = 0;
  for (const c of [...new Set(o.concurrency)].sort((a, b) => a - b)) {
    const t0 = performance.now();
    const s = await askAll(ctx, r, questions, c, o.max_tokens);
    errors += s.total - s.answered;
    scores.push({ concurrency: c, correct: s.correct, total: s.total });
    r.metrics[`score_c${c}`] = s.total === 0 ? 0 : s.correct / s.total;
    r.metrics[`correct_c${c}`] = s.correct;
    r.metrics[`seconds_c${c}`] = (performance.now() - t0) / 1000;
  }
  const baseline = baselineScores(ctx.baselineRun?.() ?? null);
  if (baseline) for (const [c, v] of baseline.scores) r.metrics[`baseline_score_c${c}`] = v;
  else r.evidence.push(`no baseline cell (${o.baseline ? `flags ${o.baseline}` : 'CUDA graphs off'}) of this image × GPU × model finished in this run: scores checked against the floor only`);
  const judged = judgeAccuracy(scores, { floor: o.floor, tolerance: o.tolerance, graphs: ctx.cell.options.cuda_graphs ?? null, baseline });
  r.assertions.push(...judged.assertions);
  if (errors > 0) r.assert('requests', false, `${errors} request(s) failed: ${r.requests.find((q) => q.error)?.error ?? ''}`);
  else r.signature = judged.signature;
  r.metrics.questions = questions.length;
  r.metrics.requests = r.requests.length;
  r.metrics.prompt_tokens = r.requests.reduce((n, q) => n + (q.promptTokens ?? 0), 0);
  r.metrics.completion_tokens = r.requests.reduce((n, q) => n + (q.completionTokens ?? 0), 0);
  return r.build();
}

/** Every question at `concurrency` requests in flight; the first wrong answers become evidence. */
async function askAll(ctx: ProbeContext, r: ResultBuilder, questions: readonly AccuracyQuestion[], concurrency: number, maxTokens: number) {
  const queue = new PQueue({ concurrency });
  let correct = 0;
  let answered = 0;
  let shown = 0;
  await Promise.all(questions.map((q, i) => queue.add(async () => {
    if (ctx.signal.aborted) return;
    const out = await chat(ctx, greedyRequest(ctx.model, { prompt: q.prompt, expect: q.answer, max_tokens: maxTokens }), `acc-c${concurrency}-${i}`);
    r.requests.push(out.timing);
    if (out.error) return;
    answered++;
    r.output(`c${concurrency}/${i}`, out.text);
    if (isRightAnswer(out.text, q.answer)) correct++;
    else if (shown++ < 3) r.evidence.push(`concurrency ${concurrency}, question ${i}: ${JSON.stringify(q.prompt)} → ${JSON.stringify(out.text.slice(0, 120))} (expected ${q.answer})`);
  })));
  return { correct, answered, total: questions.length };
}
