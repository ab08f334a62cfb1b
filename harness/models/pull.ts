// Downloads one model revision into the managed cache with @huggingface/hub, the way
// snapshotDownload does (model info → tree → downloadFileToCacheDir per file), plus what a night
// of unattended runs needs: a disk check before the first byte, a size check of every file, a
// file cut mid-transfer restarted cleanly (the client writes `<blob>.incomplete` and renames it
// only when whole), 429s waited out, one download per model across processes, and a completion
// marker only when the whole snapshot is there.
import { readlinkSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { downloadFileToCacheDir } from '@huggingface/hub';
import { InfraError } from '../errors.ts';
import { hubCacheDir, lockPath, snapshotDir } from './cache-layout.ts';
import { completeSnapshot, markComplete, writeRef, type CompleteMarker, type SnapshotFile } from './complete.ts';
import { ensureRoom, freeBytes } from './disk-space.ts';
import { hubError } from './hub-errors.ts';
import { hubFetch } from './hub-fetch.ts';
import { listRevision } from './hub-listing.ts';
import { withLockFile } from './lock.ts';
import type { PullEvent } from './pull-events.ts';

export interface PullOptions {
  cacheDir: string;
  name: string;
  revision: string;
  hubUrl: string;
  /** HF_TOKEN's value, or null. */
  token: string | null;
  onEvent?(e: PullEvent): void;
  /** Ask the hub again even when the cache holds a complete snapshot of the revision. */
  refresh?: boolean;
  /** Attempts per file (a cut transfer restarts the file). */
  fileAttempts?: number;
  rateLimit?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number };
  free?(dir: string): number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface PullResult {
  marker: CompleteMarker;
  /** Bytes fetched by this call (0 when the cache already had everything). */
  downloadedBytes: number;
  alreadyComplete: boolean;
}

function sizeOf(p: string): number | null {
  try {
    return statSync(p).size;
  } catch {
    return null;
  }
}

export async function pullModel(o: PullOptions): Promise<PullResult> {
  const cached = o.refresh ? null : completeSnapshot(o.cacheDir, o.name, o.revision);
  if (cached) return { marker: cached, downloadedBytes: 0, alreadyComplete: true };
  const ctx = { name: o.name, revision: o.revision, hubUrl: o.hubUrl, withToken: !!o.token };
  let downloaded = 0;
  const hf = hubFetch({ hubUrl: o.hubUrl, token: o.token, ...o.rateLimit, signal: o.signal, fetch: o.fetch, onBytes: (n) => ((downloaded += n), o.onEvent?.({ kind: 'bytes', n })), onRateLimited: (attempt, waitMs) => o.onEvent?.({ kind: 'rate-limited', attempt, waitMs }) });
  return withLockFile(lockPath(o.cacheDir, o.name), async () => {
    const again = o.refresh ? null : completeSnapshot(o.cacheDir, o.name, o.revision);
    if (again) return { marker: again, downloadedBytes: 0, alreadyComplete: true };
    try {
      const listing = await listRevision({ name: o.name, revision: o.revision, hubUrl: o.hubUrl, fetch: hf.fetch });
      const snap = snapshotDir(o.cacheDir, o.name, listing.commit);
      const missing = listing.files.filter((f) => sizeOf(join(snap, f.path)) !== f.size);
      const need = missing.reduce((s, f) => s + f.size, 0);
      o.onEvent?.({ kind: 'plan', name: o.name, revision: o.revision, commit: listing.commit, files: listing.files.length, bytes: listing.files.reduce((s, f) => s + f.size, 0), missingFiles: missing.length, missingBytes: need });
      ensureRoom(`model ${o.name}@${o.revision}`, hubCacheDir(o.cacheDir), need, (o.free ?? freeBytes)(hubCacheDir(o.cacheDir)));
      for (const f of missing) await pullFile(o, hf.fetch, listing.commit, f);
      writeRef(o.cacheDir, o.name, o.revision, listing.commit);
      const marker: CompleteMarker = { name: o.name, revision: o.revision, commit: listing.commit, files: listing.files, completedAt: new Date().toISOString() };
      markComplete(o.cacheDir, marker);
      return { marker, downloadedBytes: downloaded, alreadyComplete: false };
    } catch (e) {
      throw hubError(e, { ...ctx, attempts: hf.rateLimited() });
    }
  }, { signal: o.signal, onWait: (h) => o.onEvent?.({ kind: 'waiting', pid: h.pid, host: h.host }) });
}

// @huggingface/hub announces each file with console.debug, which Node writes to stdout: that would
// corrupt `matrix run --json`. Its "Downloading …" lines are dropped while pulls run (the progress
// events say the same on stderr); anything else it logs goes through.
let muted = 0;
let originalDebug = console.debug;
async function withClientQuiet<T>(fn: () => Promise<T>): Promise<T> {
  if (muted++ === 0) {
    originalDebug = console.debug;
    console.debug = (...a: unknown[]) => (typeof a[0] === 'string' && a[0].startsWith('Downloading ') ? undefined : originalDebug(...a));
  }
  try {
    return await fn();
  } finally {
    if (--muted === 0) console.debug = originalDebug;
  }
}

/** One file, restarted from scratch when a transfer is cut or comes out the wrong size. */
async function pullFile(o: PullOptions, f: typeof fetch, commit: string, file: SnapshotFile): Promise<void> {
  const attempts = o.fileAttempts ?? 3;
  o.onEvent?.({ kind: 'file-begin', path: file.path, size: file.size });
  const t0 = performance.now();
  for (let n = 1; ; n++) {
    try {
      const pointer = await withClientQuiet(() => downloadFileToCacheDir({ repo: { type: 'model', name: o.name }, path: file.path, revision: commit, hubUrl: o.hubUrl, cacheDir: hubCacheDir(o.cacheDir), fetch: f }));
      const got = sizeOf(pointer);
      if (got === file.size) break;
      // A transfer that ended early without an error: the blob is wrong, remove it and the link.
      const blob = join(dirname(pointer), readlinkSync(pointer));
      rmSync(pointer, { force: true });
      rmSync(blob, { force: true });
      throw new Error(`${file.path} came out ${got ?? 0} bytes, the hub says ${file.size}`);
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      const final = n >= attempts || o.signal?.aborted || e instanceof InfraError || (status !== undefined && status !== 429 && status < 500);
      if (final) throw e;
      o.onEvent?.({ kind: 'retry', path: file.path, attempt: n + 1, reason: (e as Error).message.split('\n')[0]!.slice(0, 160) });
    }
  }
  o.onEvent?.({ kind: 'file-end', path: file.path, size: file.size, seconds: (performance.now() - t0) / 1000 });
}
