// An example probe module (docs/probes.md): structured output. The server must answer with JSON
// that matches a schema, sent as `response_format: { type: 'json_schema' }` (vLLM and SGLang both
// honour it through guided decoding); the answer is validated with zod and checked.
// Use it from a matrix:   probes: [text, ./probes/json-mode.ts]
import { z } from 'zod';
import { chat } from '../../harness/probes/client.ts';
import type { Probe, ProbeContext, ProbeResult } from '../../harness/probes/probe.ts';
import { guarded, type ResultBuilder } from '../../harness/probes/result.ts';

const Answer = z.object({ answer: z.number(), explanation: z.string() }).strict();

const PROMPT =
  'What is 17 + 25? Reply with a JSON object with the keys "answer" (a number) and "explanation" (one short sentence), and nothing else.';

const probe: Probe = {
  name: 'json-mode',
  // Structured output is a text feature: every cell qualifies.
  applies: () => true,
  run: (ctx) => guarded('json-mode', (r) => runJsonMode(ctx, r)),
};

async function runJsonMode(ctx: ProbeContext, r: ResultBuilder): Promise<ProbeResult> {
  const outcome = await chat(
    ctx,
    {
      model: ctx.model,
      messages: [{ role: 'user', content: PROMPT }],
      temperature: 0,
      max_tokens: 96,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'arithmetic_answer', strict: true, schema: z.toJSONSchema(Answer) as Record<string, unknown> },
      },
    },
    'json-0',
  );
  r.requests.push(outcome.timing);
  if (outcome.error) return r.fail(outcome.error.message);
  r.output(PROMPT, outcome.text);
  let json: unknown;
  try {
    json = JSON.parse(outcome.text);
  } catch (err) {
    r.assert('json', false, `not JSON (${(err as Error).message}): ${JSON.stringify(outcome.text.slice(0, 200))}`);
    return r.build();
  }
  r.assert('json', true, 'the answer parses as JSON');
  const parsed = Answer.safeParse(json);
  if (!r.assert('schema', parsed.success, parsed.success ? 'matches the schema' : z.prettifyError(parsed.error).replace(/\n+/g, '; '))) {
    return r.build();
  }
  r.assert('answer', parsed.data!.answer === 42, `answer ${parsed.data!.answer} (expected 42)`);
  return r.build();
}

export default probe;
