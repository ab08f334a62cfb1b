import { describe, expect, it } from 'vitest';
import { HubApiError } from '@huggingface/hub';
import { classifyInfra } from '../../../harness/diagnose/classify.ts';
import { hubError } from '../../../harness/models/hub-errors.ts';
import { retryAfterMs } from '../../../harness/models/hub-fetch.ts';

const ctx = { name: 'org/m', revision: 'main', hubUrl: 'https://huggingface.co', withToken: false };

function api(status: number, error: string): HubApiError {
  const e = new HubApiError('https://huggingface.co/api/models/org/m', status);
  e.message = `${error}. URL: https://huggingface.co/api/models/org/m`;
  e.data = { error };
  return e;
}

describe('hubError', () => {
  it('maps every hub failure to infra model-download, which the infra classifier names with its fix', () => {
    const cases = [api(401, 'Access restricted'), api(403, 'Forbidden'), api(404, 'Revision Not Found'), api(429, 'Too many requests'), api(502, 'Bad gateway'), Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })];
    for (const c of cases) {
      const e = hubError(c, ctx);
      expect(e.kind).toBe('model-download');
      expect(e.phase).toBe('model');
      expect(classifyInfra(e.message).signature).toBe('model-download');
    }
  });

  it('tells a gated model apart with and without a token', () => {
    expect(hubError(api(403, 'Forbidden'), ctx).hint).toMatch(/accept its license.*set HF_TOKEN/);
    expect(hubError(api(403, 'Forbidden'), { ...ctx, withToken: true }).hint).toMatch(/HF_TOKEN does not grant it/);
  });

  it("quotes the hub's reason without the client's URL trailer, and names the network cause", () => {
    expect(hubError(api(404, 'Revision Not Found for url'), ctx).message).toBe('model org/m@main: not found on https://huggingface.co (HTTP 404: Revision Not Found for url)');
    expect(hubError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), ctx).message).toBe('model org/m@main: the download failed (ECONNREFUSED)');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 02 Dec 2026 07:00:10 GMT', Date.parse('Wed, 02 Dec 2026 07:00:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeNull();
  });
});
