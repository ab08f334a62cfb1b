// Hub failures as the runner's user needs to read them: what went wrong with which model, and
// what to do. Every one is an infra error of kind `model-download` (the runner could not get the
// weights; the image was never tested), never a cell failure. The token is never part of a message.
import { InfraError } from '../errors.ts';

export interface HubFailureContext {
  name: string;
  revision: string;
  hubUrl: string;
  /** Whether a token was sent (its value never appears anywhere). */
  withToken: boolean;
  /** Requests answered 429 before giving up, when rate limited. */
  attempts?: number;
}

interface HubLikeError {
  statusCode?: number;
  message?: string;
  data?: { error?: string; message?: string };
  code?: string;
  cause?: { code?: string; message?: string };
}

/** The first line of the hub's own answer, without the URL trailer the client appends. */
function hubSays(e: HubLikeError): string {
  const said = e.data?.error ?? e.data?.message ?? e.message ?? '';
  return said.split('. URL: ')[0]!.split('\n')[0]!.slice(0, 200);
}

export function hubError(e: unknown, ctx: HubFailureContext): InfraError {
  if (e instanceof InfraError) return e;
  const err = (e ?? {}) as HubLikeError;
  const model = `model ${ctx.name}@${ctx.revision}`;
  const status = err.statusCode;
  const fail = (msg: string, hint: string) => new InfraError('model-download', `${model}: ${msg}`, hint, 'model');
  if (status === 401 || status === 403) {
    return fail(
      `the hub refused access (HTTP ${status}: ${hubSays(err)})`,
      ctx.withToken
        ? 'the model is gated or private and HF_TOKEN does not grant it: accept the license on the model page with the account of that token (or use a token with read access to the repo)'
        : 'the model is gated or private: accept its license on the model page, create a read token and set HF_TOKEN on the runner (it is passed as a secret, never printed or stored)',
    );
  }
  if (status === 404) {
    return fail(
      `not found on ${ctx.hubUrl} (HTTP 404: ${hubSays(err)})`,
      `check the model's name and revision (${ctx.revision}) in the matrix${ctx.withToken ? '' : '; a private repo also answers 404 without HF_TOKEN'}`,
    );
  }
  if (status === 429) {
    return fail(
      `the hub kept rate-limiting the download (HTTP 429${ctx.attempts ? ` on ${ctx.attempts} attempts` : ''})`,
      'set HF_TOKEN (signed-in requests get a higher limit), pull the models once before the run with `matrix models pull FILE`, or retry later',
    );
  }
  if (status !== undefined) return fail(`the hub answered HTTP ${status}: ${hubSays(err)}`, 'retry later; if it persists, check HF_ENDPOINT and the hub status');
  const cause = err.cause?.code ?? err.code ?? err.cause?.message ?? err.message ?? String(e);
  return fail(`the download failed (${cause})`, `check the runner's network and HF_ENDPOINT (now ${ctx.hubUrl}); a rerun resumes from the files already complete`);
}
