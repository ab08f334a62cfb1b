// SGLang's native POST /generate (`{text, sampling_params: {max_new_tokens, temperature}}` →
// `{text, meta_info}`), non-streamed: the route whose meta_info carries a request's speculative
// counts, which the OpenAI routes never return. Which fields meta_info has is the emulated
// release's (engines/facts/sglang/request-fields.ts); their values follow SGLang's formulas
// (tokenizer_manager.py, cited there): spec_accept_length = completion_tokens / spec_verify_ct,
// spec_accept_rate = accepted / (spec_verify_ct × draft tokens per step).
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { sglangRequestFields } from '../../engines/sglang-facts.ts';
import { answerFor, tokenize } from './answers.ts';
import type { ResponderContext } from './chat-responder.ts';
import { planGeneration, type GenerationPlan } from './generation.ts';

/** SGLang's default max_new_tokens (sampling_params.py, e.g. 0c006b8809cd:python/sglang/srt/sampling/sampling_params.py:37). */
const DEFAULT_MAX_NEW_TOKENS = 128;

export interface GenerateRequest {
  text: string;
  maxNewTokens: number;
}

/** The request, or why it is not one SGLang would take. Pure. */
export function parseGenerate(raw: unknown): GenerateRequest | string {
  if (typeof raw !== 'object' || raw === null) return 'Expected a JSON object as the request body.';
  const r = raw as { text?: unknown; sampling_params?: { max_new_tokens?: unknown } };
  if (typeof r.text !== 'string') return 'Either text, input_ids or input_embeds should be provided.';
  const max = r.sampling_params?.max_new_tokens;
  return { text: r.text, maxNewTokens: typeof max === 'number' && max >= 0 ? max : DEFAULT_MAX_NEW_TOKENS };
}

/** meta_info of a finished generation, with the speculative fields the release returns. Pure. */
export function metaInfo(plan: GenerationPlan, promptTokens: number, draftPerStep: number | null, version: string): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    id: `${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`,
    finish_reason: plan.finishReason === 'length' ? { type: 'length', length: plan.completionTokens } : { type: 'stop', matched: null },
    prompt_tokens: promptTokens,
    completion_tokens: plan.completionTokens,
    cached_tokens: 0,
  };
  const fields = new Set(sglangRequestFields(version));
  if (draftPerStep === null) {
    if (fields.has('spec_verify_ct')) meta.spec_verify_ct = 0; // set for every request up to 0.5.6 (facts' note)
    return meta;
  }
  const verify = plan.specSteps.length;
  const accepted = plan.specSteps.reduce((n, s) => n + s.accepted, 0);
  const drafts = verify * draftPerStep;
  const values: Record<string, number> = {
    spec_verify_ct: verify,
    spec_accept_length: verify > 0 ? plan.completionTokens / verify : 0,
    spec_accept_rate: drafts > 0 ? accepted / drafts : 0,
    spec_accept_token_num: accepted,
    spec_draft_token_num: drafts,
  };
  for (const [k, v] of Object.entries(values)) if (fields.has(k)) meta[k] = v;
  return meta;
}

export async function respondGenerate(res: ServerResponse, g: GenerateRequest, ctx: ResponderContext, version: string): Promise<void> {
  const t0 = performance.now();
  const m = ctx.metrics;
  m.running++;
  await ctx.at(t0 + ctx.traits.ttft_ms);
  const plan = planGeneration(answerFor({ text: g.text, images: [] }), g.maxNewTokens, ctx.spec, ctx.acceptance);
  m.ttft.observe((performance.now() - t0) / 1000);
  for (let i = 1; i < plan.groups.length; i++) {
    await ctx.at(t0 + ctx.traits.ttft_ms + i * ctx.traits.itl_ms);
    const step = plan.specSteps[i - 1];
    if (step) m.recordSpecStep(step.drafted, step.accepted);
  }
  const promptTokens = tokenize(g.text).length;
  m.running--;
  m.promptTokens += promptTokens;
  m.generationTokens += plan.completionTokens;
  m.requestsByFinish[plan.finishReason] = (m.requestsByFinish[plan.finishReason] ?? 0) + 1;
  m.e2e.observe((performance.now() - t0) / 1000);
  const body = JSON.stringify({ text: plan.text, meta_info: metaInfo(plan, promptTokens, ctx.spec?.numSpeculativeTokens ?? null, version) });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
