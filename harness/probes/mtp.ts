// The mtp probe (seed 002): with speculative decoding on, the server must have captured its CUDA
// graphs (log lines kept as evidence), drafts must be accepted (engine counters scraped before
// and after K greedy generations), and speculation must be lossless: greedy outputs equal those
// of the same image/GPU/model without speculation (ctx.baseline()), prompt by prompt.
// Where the engine returns each request's speculative counts (ctx.engine.specPerRequest: SGLang's
// /generate meta_info), acceptance is measured from those requests instead of from a gauge over
// recent batches; the gauge's reading is kept as gauge_mean_acceptance_length.
// Options: { questions?: [...] (keep them equal to the text probe's), repeats: 1 }.
import { z } from 'zod';
import { chat } from './client.ts';
import { scrapeMetrics, type MetricSnapshot } from './metrics.ts';
import { defineBuiltinProbe } from './define.ts';
import { parseOptions } from './options.ts';
import type { Probe, ProbeContext } from './probe.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import { postNative } from './native-request.ts';
import { DEFAULT_QUESTIONS, greedyRequest, Question } from './questions.ts';
import type { ResultBuilder } from './result.ts';
import { acceptanceFigures, captureEvidence, losslessDiffs, perRequestAcceptance, type AcceptanceFigures, type RequestCounts } from './spec-decode.ts';

export const MtpOptions = z
  .object({
    questions: z.array(Question).min(1).optional(),
    repeats: z.number().int().positive().default(1),
  })
  .strict();

const CAPTURE_ERROR = /stream is capturing|cudaErrorStreamCapture\w*|graph capture failed/i;

export const mtpProbe: Probe = defineBuiltinProbe('mtp', runMtp);

async function runMtp(ctx: ProbeContext, r: ResultBuilder): Promise<ProbeResult> {
  const o = parseOptions('mtp', MtpOptions, ctx.options);
  const questions = o.questions ?? DEFAULT_QUESTIONS;
  checkCapture(ctx, r);

  const before = await scrapeMetrics(ctx);
  const outputs: Record<string, string> = {};
  for (let rep = 0; rep < o.repeats; rep++) {
    for (const [i, q] of questions.entries()) {
      const outcome = await chat(ctx, greedyRequest(ctx.model, q), `mtp-${rep}-${i}`);
      r.requests.push(outcome.timing);
      if (outcome.error) throw outcome.error;
      if (rep === 0) {
        outputs[q.prompt] = outcome.text;
        r.output(q.prompt, outcome.text);
      }
    }
  }
  const after = await scrapeMetrics(ctx);

  const figures = await measureAcceptance(ctx, r, questions, before, after);
  Object.assign(r.metrics, figures.metrics);
  r.metrics.generations = questions.length * o.repeats;
  const summary = ['acceptance_rate', 'mean_acceptance_length']
    .filter((k) => figures.metrics[k] !== undefined)
    .map((k) => `${k}=${figures.metrics[k]!.toFixed(3)}`)
    .join(', ');
  r.assert('drafts-accepted', figures.problems.length === 0, figures.problems.join('; ') || summary);

  const baseline = ctx.baseline();
  if (baseline !== null) {
    const { compared, diffs } = losslessDiffs(baseline, outputs);
    const shown = diffs
      .map((d) => `prompt ${JSON.stringify(d.prompt)}: baseline ${JSON.stringify(d.baseline)} ≠ speculative ${JSON.stringify(d.speculative)}`)
      .join('; ');
    if (compared === 0) {
      r.assert('lossless', false, 'the baseline has none of these prompts: use the same questions in the text and mtp probes');
    } else {
      r.assert('lossless', diffs.length === 0, diffs.length === 0 ? `${compared} greedy outputs equal the baseline` : `speculation changed greedy output — ${shown}`);
    }
  } else {
    r.evidence.push('no baseline without speculation in this run: losslessness not checked');
  }
  return r.build();
}

/** Acceptance from each request's own counts where the engine returns them, else from its metrics' deltas. */
async function measureAcceptance(ctx: ProbeContext, r: ResultBuilder, questions: readonly Question[], before: MetricSnapshot, after: MetricSnapshot): Promise<AcceptanceFigures> {
  const tokensPerStep = ctx.cell.options.speculative?.tokens ?? 0;
  const fromMetrics = acceptanceFigures(ctx.engine.metrics, before, after, ctx.model, tokensPerStep);
  const rows = ctx.engine.specPerRequest ? await requestCounts(ctx, r, questions) : [];
  if (rows.length > 0) {
    if (fromMetrics.metrics.mean_acceptance_length !== undefined) r.metrics.gauge_mean_acceptance_length = fromMetrics.metrics.mean_acceptance_length;
    const { path, where } = ctx.engine.specPerRequest!;
    const formula = rows.every((x) => x.accepted !== null) ? '1 + Σaccepted / Σverify steps' : 'Σ(completion tokens − 1) / Σverify steps';
    r.evidence.push(`acceptance from ${rows.length} requests' own counts (${path} ${where}): mean acceptance length = ${formula}`);
  } else if (ctx.engine.specPerRequest) {
    r.evidence.push(`the server returned no per-request speculative counts (${ctx.engine.specPerRequest.where}.${ctx.engine.specPerRequest.verify}): acceptance from its metrics`);
  }
  return rows.length > 0 ? perRequestAcceptance(rows, tokensPerStep) : fromMetrics;
}

/** The questions once more through the engine's native route, keeping each request's counts. */
async function requestCounts(ctx: ProbeContext, r: ResultBuilder, questions: readonly Question[]): Promise<RequestCounts[]> {
  const spec = ctx.engine.specPerRequest!;
  const rows: RequestCounts[] = [];
  for (const [i, q] of questions.entries()) {
    const out = await postNative(ctx, spec.path, spec.body(q.prompt, q.max_tokens), `mtp-native-${i}`);
    r.requests.push(out.timing);
    if (out.error) throw out.error;
    const info = (out.json?.[spec.where] ?? {}) as Record<string, unknown>;
    const num = (k: string) => (typeof info[k] === 'number' ? (info[k] as number) : null);
    const verify = num(spec.verify);
    out.timing.completionTokens = num(spec.completion);
    if (verify === null) continue; // a release without per-request counts
    rows.push({ verify, completion: num(spec.completion) ?? 0, accepted: num(spec.accepted) });
  }
  return rows;
}

function checkCapture(ctx: ProbeContext, r: ResultBuilder): void {
  const log = ctx.logTail();
  const errors = log.filter((l) => CAPTURE_ERROR.test(l));
  const lines = captureEvidence(log);
  r.evidence.push(...lines, ...errors.slice(0, 3));
  if (errors.length > 0) {
    r.assert('cuda-graphs-captured', false, `CUDA graph capture failed: ${errors[0]!.trim().slice(0, 300)}`);
  } else if (ctx.cell.options.cuda_graphs === 'off') {
    r.assert('cuda-graphs-captured', true, 'CUDA graphs are off for this cell: no capture expected');
  } else if (lines.length === 0) {
    r.assert('cuda-graphs-captured', false, `no CUDA graph capture line in the server log (${log.length} lines searched) although CUDA graphs are ${ctx.cell.options.cuda_graphs ?? 'on by default'}`);
  } else {
    r.assert('cuda-graphs-captured', true, `${lines.length} capture line(s), last: ${lines[lines.length - 1]}`);
  }
}
