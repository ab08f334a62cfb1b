// The emulated engine loads its model the way the real one does: from the Hugging Face cache
// mounted at HF_HUB_CACHE (refs/<revision> → snapshots/<commit>/config.json). When the matrix does
// not name the architecture, the checkpoint's config.json does; offline (HF_HUB_OFFLINE=1) with no
// such snapshot, the start fails as huggingface_hub fails it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMIT_RE, repoFolderName } from '../../models/cache-layout.ts';

export interface CachedCheckpoint {
  /** config.json's first architecture, or null when the cache has no snapshot of the revision. */
  architecture: string | null;
  snapshot: string | null;
}

export function cachedCheckpoint(name: string | undefined, revision: string | null | undefined, env: NodeJS.ProcessEnv = process.env): CachedCheckpoint {
  const hub = env.HF_HUB_CACHE ?? (env.HF_HOME ? join(env.HF_HOME, 'hub') : null);
  if (!name || !hub) return { architecture: null, snapshot: null };
  const repo = join(hub, repoFolderName(name));
  try {
    const rev = revision ?? 'main';
    const commit = COMMIT_RE.test(rev) ? rev : readFileSync(join(repo, 'refs', rev), 'utf8').trim();
    const snapshot = join(repo, 'snapshots', commit);
    const config = JSON.parse(readFileSync(join(snapshot, 'config.json'), 'utf8')) as { architectures?: unknown };
    const arch = Array.isArray(config.architectures) && typeof config.architectures[0] === 'string' ? config.architectures[0] : null;
    return { architecture: arch, snapshot };
  } catch {
    return { architecture: null, snapshot: null };
  }
}

/** huggingface_hub's error when offline mode finds nothing in the cache (what vLLM and SGLang print). */
export function offlineMissLines(name: string): string[] {
  return [
    'Traceback (most recent call last):',
    `huggingface_hub.errors.LocalEntryNotFoundError: Cannot find an appropriate cached snapshot folder for the specified revision on the local disk and outgoing traffic has been disabled. To enable repo look-ups and downloads online, pass 'local_files_only=False' as input. (repo ${name})`,
  ];
}
