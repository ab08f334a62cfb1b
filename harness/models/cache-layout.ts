// Where the harness-managed model cache keeps things on the host. The Hugging Face part is the
// layout `huggingface_hub` (and @huggingface/hub) writes, so engines read it unchanged:
//   <cache>/huggingface/hub/models--org--name/{blobs/<etag>, snapshots/<commit>/<file>, refs/<revision>}
// Beside it, outside the hub's folder (so `huggingface-cli scan-cache` sees nothing foreign):
//   <cache>/models/complete/models--org--name/<commit>.json   a snapshot known to be whole
//   <cache>/models/locks/models--org--name.lock              one download per model across processes
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `--cache-dir`, else MATRIX_CACHE_DIR, else ~/.cache/matrix. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MATRIX_CACHE_DIR || join(homedir(), '.cache', 'matrix');
}

/** HF_HOME on the host: mounted at the engine's Hugging Face cache path. */
export function hfHomeDir(cacheDir: string): string {
  return join(cacheDir, 'huggingface');
}

/** HF_HUB_CACHE on the host. */
export function hubCacheDir(cacheDir: string): string {
  return join(hfHomeDir(cacheDir), 'hub');
}

/** `org/name` → `models--org--name`, as huggingface_hub's repo_folder_name. */
export function repoFolderName(name: string): string {
  return ['models', ...name.split('/')].join('--');
}

export function repoDir(cacheDir: string, name: string): string {
  return join(hubCacheDir(cacheDir), repoFolderName(name));
}

export function snapshotDir(cacheDir: string, name: string, commit: string): string {
  return join(repoDir(cacheDir, name), 'snapshots', commit);
}

export function refPath(cacheDir: string, name: string, revision: string): string {
  return join(repoDir(cacheDir, name), 'refs', revision);
}

export function completeMarkerPath(cacheDir: string, name: string, commit: string): string {
  return join(cacheDir, 'models', 'complete', repoFolderName(name), `${commit}.json`);
}

export function lockPath(cacheDir: string, name: string): string {
  return join(cacheDir, 'models', 'locks', `${repoFolderName(name)}.lock`);
}

/** A model the harness downloads: a hub repo id (`org/name`), not a local path. */
export function isHubModel(name: string): boolean {
  return /^[\w.-]+\/[\w.-]+$/.test(name) && !name.startsWith('.');
}

export const COMMIT_RE = /^[0-9a-f]{40}$/;
