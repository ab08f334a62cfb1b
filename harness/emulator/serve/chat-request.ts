// Validation of a POST /v1/chat/completions body, with the errors vLLM answers (400 for bad
// requests, 404 for an unknown model), and extraction of the question to answer. Pure.
import { tokenize, type Question } from './answers.ts';
import { errorBody } from './openai-shapes.ts';

export interface ChatLimits {
  servedModelName: string;
  maxModelLen: number;
  /** Images allowed per prompt (0 when the model has no vision encoder or it is off). */
  maxImages: number;
  /** The model itself takes images (vLLM then hints at --limit-mm-per-prompt). */
  modelTakesImages: boolean;
}

export interface ChatRequest {
  question: Question;
  maxTokens: number | null;
  stream: boolean;
  includeUsage: boolean;
  promptTokens: number;
  temperature: number;
}

export type Prepared = { ok: true; req: ChatRequest } | { ok: false; status: number; body: object };

const IMAGE_TOKENS = 64;
const TEMPLATE_TOKENS = 9;

function bad(message: string, param: string | null = null): Prepared {
  return { ok: false, status: 400, body: errorBody(message, 'BadRequestError', 400, param) };
}

interface Part {
  type?: string;
  text?: string;
  image_url?: { url?: string } | string;
}

export function prepareChat(raw: unknown, limits: ChatLimits): Prepared {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('Expected a JSON object as the request body.');
  const body = raw as Record<string, unknown>;
  if (typeof body.model === 'string' && body.model !== limits.servedModelName) {
    return { ok: false, status: 404, body: errorBody(`The model \`${body.model}\` does not exist.`, 'NotFoundError', 404, 'model') };
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) return bad("1 validation error:\n  {'type': 'missing', 'loc': ('body', 'messages'), 'msg': 'Field required'}", 'messages');
  let text = '';
  let allText = '';
  const images: string[] = [];
  let lastUserImages: string[] = [];
  for (const m of body.messages as Array<Record<string, unknown>>) {
    if (typeof m !== 'object' || m === null || typeof m.role !== 'string') return bad('Each message needs a role.', 'messages');
    const parts: Part[] = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : Array.isArray(m.content) ? (m.content as Part[]) : [];
    const msgImages: string[] = [];
    let msgText = '';
    for (const p of parts) {
      if (p.type === 'text' && typeof p.text === 'string') msgText += (msgText ? '\n' : '') + p.text;
      else if (p.type === 'image_url') {
        const url = typeof p.image_url === 'string' ? p.image_url : p.image_url?.url;
        if (typeof url !== 'string') return bad('image_url must carry a url.', 'messages');
        msgImages.push(url);
      }
    }
    images.push(...msgImages);
    allText += msgText + ' ';
    if (m.role === 'user') {
      text = msgText;
      lastUserImages = msgImages;
    }
  }
  if (images.length > limits.maxImages) {
    const hint = limits.modelTakesImages ? ' Set `--limit-mm-per-prompt` to increase this limit.' : '';
    return bad(`At most ${limits.maxImages} image(s) may be provided in one prompt.${hint}`, 'image');
  }
  const maxTokensRaw = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokensRaw !== undefined && maxTokensRaw !== null && (typeof maxTokensRaw !== 'number' || !Number.isInteger(maxTokensRaw) || maxTokensRaw < 1)) {
    return bad('max_tokens must be at least 1, got ' + String(maxTokensRaw) + '.', 'max_tokens');
  }
  const maxTokens = typeof maxTokensRaw === 'number' ? maxTokensRaw : null;
  const promptTokens = tokenize(allText).length + TEMPLATE_TOKENS + images.length * IMAGE_TOKENS;
  if (promptTokens + (maxTokens ?? 0) > limits.maxModelLen) {
    return bad(
      `This model's maximum context length is ${limits.maxModelLen} tokens. However, you requested ${promptTokens + (maxTokens ?? 0)} tokens (${promptTokens} in the messages, ${maxTokens ?? 0} in the completion). Please reduce the length of the messages or completion.`,
    );
  }
  const opts = body.stream_options as { include_usage?: boolean } | undefined;
  return {
    ok: true,
    req: {
      question: { text, images: lastUserImages },
      maxTokens,
      stream: body.stream === true,
      includeUsage: body.stream === true && opts?.include_usage === true,
      promptTokens,
      temperature: typeof body.temperature === 'number' ? body.temperature : 1,
    },
  };
}
