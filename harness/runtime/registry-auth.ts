// Registry credentials for pulls: the matrix's `auth:` on the image (values may be ${VAR}
// secrets), else the runner's Docker credentials — ~/.docker/config.json `auths`, a per-registry
// `credHelpers` entry or the global `credsStore` (docker-credential-<helper> get). When a pull is
// denied, the message names the credential that is missing.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RegistryAuth } from './runtime.ts';

export const DOCKER_HUB = 'docker.io';
const HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];

/** The registry host of an image reference: "nvcr.io/nim/x:1" → "nvcr.io"; "vllm/vllm-openai" → "docker.io". */
export function registryHost(ref: string): string {
  const first = ref.split('/')[0]!;
  if (!ref.includes('/') || !(first.includes('.') || first.includes(':') || first === 'localhost')) return DOCKER_HUB;
  return first;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export interface CredentialLookup {
  /** Path of the Docker client config (default $DOCKER_CONFIG/config.json or ~/.docker/config.json). */
  configPath?: string;
  /** Runs a credential helper: `docker-credential-<name> get` with the host on stdin. */
  runHelper?: (helper: string, host: string) => Promise<string>;
}

export interface ResolvedAuth {
  auth: RegistryAuth | null;
  /** Where the credential came from, e.g. "matrix image auth", "~/.docker/config.json auths", "credential helper ecr-login". */
  source: string | null;
}

export function dockerConfigPath(): string {
  return join(process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

function readConfig(path: string): DockerConfig | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DockerConfig;
  } catch {
    return null;
  }
}

function keysFor(host: string): string[] {
  return host === DOCKER_HUB ? HUB_KEYS : [host, `https://${host}`, `http://${host}`];
}

const defaultHelper = (helper: string, host: string) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { timeout: 15_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin?.end(host);
  });

export async function resolveRegistryAuth(ref: string, matrixAuth: { username: string; password: string } | null, lookup: CredentialLookup = {}): Promise<ResolvedAuth> {
  const host = registryHost(ref);
  const serveraddress = host === DOCKER_HUB ? 'https://index.docker.io/v1/' : host;
  if (matrixAuth) return { auth: { username: matrixAuth.username, password: matrixAuth.password, serveraddress }, source: 'matrix image auth' };
  const path = lookup.configPath ?? dockerConfigPath();
  const config = readConfig(path);
  if (!config) return { auth: null, source: null };
  for (const key of keysFor(host)) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) return { auth: { username: decoded.slice(0, i), password: decoded.slice(i + 1), serveraddress }, source: `${path} auths` };
    }
    if (entry.username && entry.password) return { auth: { username: entry.username, password: entry.password, serveraddress }, source: `${path} auths` };
  }
  const helper = keysFor(host).map((k) => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore;
  if (helper) {
    try {
      const out = JSON.parse(await (lookup.runHelper ?? defaultHelper)(helper, host)) as { Username?: string; Secret?: string };
      if (out.Username && out.Secret) return { auth: { username: out.Username, password: out.Secret, serveraddress }, source: `credential helper ${helper}` };
    } catch {
      // the helper knows no credential for this host
    }
  }
  return { auth: null, source: null };
}

/** What to do when a pull of `ref` is denied, naming the credential that is missing. */
export function missingCredentialHint(ref: string, source: string | null): string {
  const host = registryHost(ref);
  const tried = source ? `the credential from ${source} was refused` : `no credential for ${host} in the matrix (image auth) nor in the runner's Docker config (${dockerConfigPath()}: auths, credHelpers, credsStore)`;
  const how =
    host === 'nvcr.io'
      ? `log the runner in with an NGC API key: \`echo "$NGC_API_KEY" | docker login nvcr.io --username '$oauthtoken' --password-stdin\`, or set on the image \`auth: { username: $oauthtoken, password: "\${NGC_API_KEY}" }\``
      : host === 'ghcr.io'
        ? 'log the runner in with a token that has read:packages: `echo "$GHCR_TOKEN" | docker login ghcr.io -u USER --password-stdin`, or set on the image `auth: { username: USER, password: "${GHCR_TOKEN}" }`'
        : `\`docker login ${host === DOCKER_HUB ? '' : host}\` on the runner, or set on the image \`auth: { username: USER, password: "\${TOKEN_VAR}" }\``;
  return `${tried}; ${how}`;
}
