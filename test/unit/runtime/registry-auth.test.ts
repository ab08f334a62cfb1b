import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingCredentialHint, registryHost, resolveRegistryAuth } from '../../../harness/runtime/registry-auth.ts';

function config(obj: object): string {
  const p = join(mkdtempSync(join(tmpdir(), 'dcfg-')), 'config.json');
  writeFileSync(p, JSON.stringify(obj));
  return p;
}

describe('registryHost', () => {
  it.each([
    ['vllm/vllm-openai:v0.19.0', 'docker.io'],
    ['ubuntu', 'docker.io'],
    ['nvcr.io/nvidia/vllm:26.02-py3', 'nvcr.io'],
    ['ghcr.io/org/img@sha256:abc', 'ghcr.io'],
    ['localhost:5000/x', 'localhost:5000'],
    ['127.0.0.1:5000/x/y:1', '127.0.0.1:5000'],
  ])('%s → %s', (ref, host) => expect(registryHost(ref)).toBe(host));
});

describe('resolveRegistryAuth', () => {
  it('prefers the matrix auth', async () => {
    const r = await resolveRegistryAuth('nvcr.io/nim/x:1', { username: '$oauthtoken', password: 'k' }, { configPath: '/nonexistent' });
    expect(r).toEqual({ auth: { username: '$oauthtoken', password: 'k', serveraddress: 'nvcr.io' }, source: 'matrix image auth' });
  });

  it('reads base64 auths from the Docker config, Docker Hub under its index key', async () => {
    const p = config({ auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('me:pw:with:colons').toString('base64') }, 'nvcr.io': { auth: Buffer.from('$oauthtoken:nvapi-1').toString('base64') } } });
    expect((await resolveRegistryAuth('vllm/vllm-openai:v1', null, { configPath: p })).auth).toEqual({ username: 'me', password: 'pw:with:colons', serveraddress: 'https://index.docker.io/v1/' });
    expect((await resolveRegistryAuth('nvcr.io/nim/x:1', null, { configPath: p })).auth?.password).toBe('nvapi-1');
  });

  it('asks the per-registry credential helper, then the global store', async () => {
    const p = config({ credHelpers: { 'ghcr.io': 'gh' }, credsStore: 'desktop' });
    const calls: string[] = [];
    const runHelper = async (helper: string, host: string) => {
      calls.push(`${helper}:${host}`);
      return JSON.stringify({ Username: `u-${helper}`, Secret: 's' });
    };
    expect((await resolveRegistryAuth('ghcr.io/o/i', null, { configPath: p, runHelper })).source).toBe('credential helper gh');
    expect((await resolveRegistryAuth('nvcr.io/o/i', null, { configPath: p, runHelper })).auth?.username).toBe('u-desktop');
    expect(calls).toEqual(['gh:ghcr.io', 'desktop:nvcr.io']);
  });

  it('finds nothing without a config, and the hint names the registry and how to log in', async () => {
    expect(await resolveRegistryAuth('nvcr.io/nim/x:1', null, { configPath: '/nonexistent' })).toEqual({ auth: null, source: null });
    const hint = missingCredentialHint('nvcr.io/nim/x:1', null);
    expect(hint).toContain('no credential for nvcr.io');
    expect(hint).toContain("docker login nvcr.io --username '$oauthtoken'");
    expect(missingCredentialHint('ghcr.io/o/i', 'credential helper gh')).toContain('the credential from credential helper gh was refused');
  });
});
