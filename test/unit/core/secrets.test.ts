// The one place that knows secrets: which values are secret (cell env, image env, registry auth),
// how a cell is stored (secret values replaced), and how text and JSON are redacted — also for
// secrets with characters that JSON escapes (" and \).
import { describe, expect, it } from 'vitest';
import type { EnvValue } from '../../../harness/core/cell.ts';
import { redactCell, redactDeep, redactText, secretValues } from '../../../harness/core/secrets.ts';
import { cell } from '../store/fixtures.ts';

const secret = (value: string): EnvValue => ({ value, secret: true, from: ['X'] });
const plain = (value: string): EnvValue => ({ value, secret: false, from: [] });
const QUOTED = 'pa"ss\\word-1';

function withSecrets() {
  const c = cell('img/h100/m/default');
  return {
    ...c,
    env: { HF_TOKEN: secret('hf_cellTOKEN1'), LOG_LEVEL: plain('debug') },
    image: { ...c.image, env: { NGC_API_KEY: secret('nvapi-imageKEY2'), QUOTED: secret(QUOTED), CUDA_HOME: plain('/usr/local/cuda') }, auth: { username: plain('bot'), password: secret('registryPASS3') } },
  };
}

describe('secretValues', () => {
  it('collects the secrets of the cell env, the image env and the registry auth, longest first', () => {
    expect(secretValues([withSecrets()])).toEqual(['nvapi-imageKEY2', 'hf_cellTOKEN1', 'registryPASS3', QUOTED]);
  });
});

describe('redactCell', () => {
  it('replaces secret values of the cell env, the image env and the auth; keeps the rest', () => {
    const r = redactCell(withSecrets());
    expect(r.env).toEqual({ HF_TOKEN: { ...secret('***') }, LOG_LEVEL: plain('debug') });
    expect(r.image.env).toEqual({ NGC_API_KEY: secret('***'), QUOTED: secret('***'), CUDA_HOME: plain('/usr/local/cuda') });
    expect(r.image.auth).toEqual({ username: plain('bot'), password: secret('***') });
    expect(JSON.stringify(r)).not.toMatch(/hf_cellTOKEN1|nvapi-imageKEY2|registryPASS3|pa\\\\"ss/);
  });
});

describe('redactText and redactDeep', () => {
  it('redactText replaces every occurrence as written', () => {
    expect(redactText(`a ${QUOTED} b ${QUOTED}`, [QUOTED])).toBe('a *** b ***');
  });

  it('redactDeep finds a secret with " and \\ inside JSON strings, at any depth', () => {
    const v = { argv: ['run', `--token=${QUOTED}`], deep: { list: [{ msg: `saw ${QUOTED}!` }] } };
    expect(redactDeep(v, [QUOTED])).toEqual({ argv: ['run', '--token=***'], deep: { list: [{ msg: 'saw ***!' }] } });
  });
});
