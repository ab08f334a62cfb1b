import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InfraError } from '../../../harness/errors.ts';
import { repoDir, snapshotDir } from '../../../harness/models/cache-layout.ts';
import { completeSnapshot } from '../../../harness/models/complete.ts';
import { pullModel, type PullOptions } from '../../../harness/models/pull.ts';
import { ModelWarmer } from '../../../harness/models/warmer.ts';
import { commitOf, startTestHub, tinyModelFiles, type TestHub } from '../../support/hub-server.ts';

const COMMIT = commitOf('tiny');
const GATED_COMMIT = commitOf('gated');
const files = tinyModelFiles();
let hub: TestHub;
let cacheDir: string;

beforeAll(async () => {
  hub = await startTestHub([
    { name: 'test-org/tiny', refs: { main: COMMIT }, files },
    { name: 'test-org/gated', refs: { main: GATED_COMMIT }, files: tinyModelFiles({ shardBytes: 1000 }), token: 'hf_secret_token_value' },
  ]);
});
afterAll(() => hub.close());
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'matrix-models-'));
  hub.downloads.clear();
  hub.faults.rateLimit = 0;
  hub.faults.cutOnce.clear();
});

const opts = (over: Partial<PullOptions> = {}): PullOptions => ({ cacheDir, name: 'test-org/tiny', revision: 'main', hubUrl: hub.url, token: null, rateLimit: { baseDelayMs: 1, maxDelayMs: 5 }, ...over });
const shard = 'model-00001-of-00002.safetensors';

async function failure(p: Promise<unknown>): Promise<InfraError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(InfraError);
  return e as InfraError;
}

describe('pullModel', () => {
  it('writes the huggingface_hub layout: blobs, snapshot links, refs, and marks the snapshot complete', async () => {
    const r = await pullModel(opts());
    expect(r.alreadyComplete).toBe(false);
    expect(r.marker.commit).toBe(COMMIT);
    expect(r.downloadedBytes).toBe(Object.values(files).reduce((s, b) => s + b.length, 0));
    const repo = repoDir(cacheDir, 'test-org/tiny');
    expect(repo.endsWith(join('huggingface', 'hub', 'models--test-org--tiny'))).toBe(true);
    expect(readFileSync(join(repo, 'refs', 'main'), 'utf8')).toBe(COMMIT);
    const link = join(snapshotDir(cacheDir, 'test-org/tiny', COMMIT), shard);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toMatch(/^\.\.\/\.\.\/blobs\/[0-9a-f]{64}$/);
    expect(readFileSync(link).equals(files[shard]!)).toBe(true);
    expect(completeSnapshot(cacheDir, 'test-org/tiny', 'main')?.files).toHaveLength(4);
  });

  it('does not ask the hub again for a complete snapshot', async () => {
    await pullModel(opts());
    const before = [...hub.downloads.values()].reduce((a, b) => a + b, 0);
    const again = await pullModel(opts({ hubUrl: 'http://127.0.0.1:9' }));
    expect(again.alreadyComplete).toBe(true);
    expect([...hub.downloads.values()].reduce((a, b) => a + b, 0)).toBe(before);
  });

  it('downloads each file once when cells warm the same model concurrently', async () => {
    const warmer = new ModelWarmer(opts());
    await Promise.all([warmer.warm('test-org/tiny', 'main'), warmer.warm('test-org/tiny', 'main'), pullModel(opts())]);
    expect([...hub.downloads.entries()].filter(([k]) => k.endsWith(shard))).toEqual([[`test-org/tiny/${shard}`, 1]]);
  });

  it('ends a download when the signal given to warm() aborts, though the warmer has a signal of its own', async () => {
    const warmer = new ModelWarmer({ ...opts(), signal: new AbortController().signal });
    const stop = new AbortController();
    stop.abort();
    await expect(warmer.warm('test-org/tiny', 'main', stop.signal)).rejects.toBeTruthy();
    expect(completeSnapshot(cacheDir, 'test-org/tiny', 'main')).toBeNull();
  });

  it('restarts a file whose transfer was cut, and the result is whole', async () => {
    hub.faults.cutOnce.add(shard);
    const events: string[] = [];
    await pullModel(opts({ onEvent: (e) => e.kind === 'retry' && events.push(e.path) }));
    expect(events).toEqual([shard]);
    expect(hub.downloads.get(`test-org/tiny/${shard}`)).toBe(2);
    expect(readFileSync(join(snapshotDir(cacheDir, 'test-org/tiny', COMMIT), shard)).equals(files[shard]!)).toBe(true);
  });

  it('never counts a snapshot with a cut file as complete, and a rerun fetches only what is missing', async () => {
    hub.faults.cutOnce.add(shard);
    await failure(pullModel(opts({ fileAttempts: 1 })));
    expect(completeSnapshot(cacheDir, 'test-org/tiny', 'main')).toBeNull();
    expect(existsSync(join(snapshotDir(cacheDir, 'test-org/tiny', COMMIT), shard))).toBe(false);
    const r = await pullModel(opts());
    expect(r.alreadyComplete).toBe(false);
    expect(completeSnapshot(cacheDir, 'test-org/tiny', 'main')).not.toBeNull();
    // The rerun resumes: files that arrived whole the first time are not fetched again.
    expect(hub.downloads.get('test-org/tiny/config.json')).toBe(1);
    expect(hub.downloads.get(`test-org/tiny/${shard}`)).toBe(2);
  });

  it('waits out 429s, then fails with a clear model-download error when they do not stop', async () => {
    hub.faults.rateLimit = 2;
    const waits: number[] = [];
    await pullModel(opts({ onEvent: (e) => e.kind === 'rate-limited' && waits.push(e.attempt) }));
    expect(waits).toEqual([1, 2]);
    hub.faults.rateLimit = 100;
    const e = await failure(pullModel(opts({ cacheDir: mkdtempSync(join(tmpdir(), 'matrix-models-')), rateLimit: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } })));
    expect(e.kind).toBe('model-download');
    expect(e.message).toMatch(/HTTP 429 on 3 attempts/);
    expect(e.hint).toMatch(/HF_TOKEN/);
  });

  it('explains a gated model (401) and succeeds with the token, which appears in no message', async () => {
    const e = await failure(pullModel(opts({ name: 'test-org/gated' })));
    expect(e.kind).toBe('model-download');
    expect(e.message).toMatch(/refused access \(HTTP 401/);
    expect(e.hint).toMatch(/accept its license.*HF_TOKEN/);
    const wrong = await failure(pullModel(opts({ name: 'test-org/gated', token: 'hf_wrong' })));
    expect(wrong.hint).toMatch(/does not grant it/);
    expect(`${wrong.message} ${wrong.hint}`).not.toContain('hf_wrong');
    const r = await pullModel(opts({ name: 'test-org/gated', token: 'hf_secret_token_value' }));
    expect(r.marker.commit).toBe(GATED_COMMIT);
  });

  it('names a missing revision (404)', async () => {
    const e = await failure(pullModel(opts({ revision: 'v9-does-not-exist' })));
    expect(e.kind).toBe('model-download');
    expect(e.message).toContain('test-org/tiny@v9-does-not-exist: not found');
    expect(e.message).toContain('Invalid rev id');
  });

  it('refuses before downloading when the disk cannot hold the snapshot, with the arithmetic', async () => {
    const e = await failure(pullModel(opts({ free: () => 1024 * 1024 })));
    expect(e.kind).toBe('disk-full');
    expect(e.message).toMatch(/needs 4\.0 MiB more .* has 1\.0 MiB free \(short by 3\.0 MiB\)/);
    expect(hub.downloads.size).toBe(0);
    expect(readdirSync(cacheDir)).not.toContain('models-complete');
  });
});
