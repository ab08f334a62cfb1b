// Is a model's snapshot whole in the cache? Only a snapshot whose every file was downloaded and
// checked against the size the hub reported gets a marker; a cut download never does. Reading
// checks the marker against the files again, so a blob deleted by hand makes it incomplete.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COMMIT_RE, completeMarkerPath, refPath, snapshotDir } from './cache-layout.ts';

export interface SnapshotFile {
  path: string;
  size: number;
}

export interface CompleteMarker {
  name: string;
  revision: string;
  commit: string;
  files: SnapshotFile[];
  completedAt: string;
}

/** The commit a revision names in the cache (itself when it is a commit hash), or null. */
export function cachedCommit(cacheDir: string, name: string, revision: string): string | null {
  if (COMMIT_RE.test(revision)) return revision;
  try {
    const commit = readFileSync(refPath(cacheDir, name, revision), 'utf8').trim();
    return COMMIT_RE.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

function fileSize(p: string): number | null {
  try {
    return statSync(p).size; // follows the snapshot's symlink to its blob
  } catch {
    return null;
  }
}

/** The marker of a complete snapshot of name@revision, or null when any file is missing or short. */
export function completeSnapshot(cacheDir: string, name: string, revision: string): CompleteMarker | null {
  const commit = cachedCommit(cacheDir, name, revision);
  if (!commit) return null;
  const marker = completeMarkerPath(cacheDir, name, commit);
  if (!existsSync(marker)) return null;
  let m: CompleteMarker;
  try {
    m = JSON.parse(readFileSync(marker, 'utf8')) as CompleteMarker;
  } catch {
    return null;
  }
  const snap = snapshotDir(cacheDir, name, commit);
  return m.files.every((f) => fileSize(join(snap, f.path)) === f.size) ? m : null;
}

/** Records a snapshot as complete (atomically: a reader sees the whole marker or none). */
export function markComplete(cacheDir: string, m: CompleteMarker): void {
  const p = completeMarkerPath(cacheDir, m.name, m.commit);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(`${p}.tmp`, JSON.stringify(m, null, 2));
  renameSync(`${p}.tmp`, p);
}

/** Points refs/<revision> at the commit, as huggingface_hub does after resolving a branch or tag. */
export function writeRef(cacheDir: string, name: string, revision: string, commit: string): void {
  if (revision === commit) return;
  const p = refPath(cacheDir, name, revision);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, commit);
}
