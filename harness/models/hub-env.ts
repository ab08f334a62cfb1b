// The hub the harness downloads from and the token it sends, as huggingface_hub reads them:
// HF_ENDPOINT (default https://huggingface.co) and HF_TOKEN (a secret: sent to the hub only,
// never printed, stored or written into a container's spec by the harness).
export const DEFAULT_HUB_URL = 'https://huggingface.co';

export interface HubEnv {
  hubUrl: string;
  token: string | null;
}

export function hubEnv(env: NodeJS.ProcessEnv = process.env): HubEnv {
  return { hubUrl: (env.HF_ENDPOINT || DEFAULT_HUB_URL).replace(/\/+$/, ''), token: env.HF_TOKEN || null };
}
