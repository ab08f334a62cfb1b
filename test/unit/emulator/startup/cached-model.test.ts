import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedCheckpoint } from '../../../../harness/emulator/startup/cached-model.ts';

const COMMIT = 'a'.repeat(40);

function cache(): string {
  const hub = mkdtempSync(join(tmpdir(), 'emu-hub-'));
  const repo = join(hub, 'models--org--m');
  mkdirSync(join(repo, 'refs'), { recursive: true });
  mkdirSync(join(repo, 'snapshots', COMMIT), { recursive: true });
  writeFileSync(join(repo, 'refs', 'v2'), COMMIT);
  writeFileSync(join(repo, 'snapshots', COMMIT, 'config.json'), JSON.stringify({ architectures: ['Qwen3_5MoeForConditionalGeneration'] }));
  return hub;
}

describe('cachedCheckpoint', () => {
  it('follows refs/<revision> to the snapshot and reads the architecture from config.json', () => {
    const hub = cache();
    expect(cachedCheckpoint('org/m', 'v2', { HF_HUB_CACHE: hub })).toEqual({ architecture: 'Qwen3_5MoeForConditionalGeneration', snapshot: join(hub, 'models--org--m', 'snapshots', COMMIT) });
    expect(cachedCheckpoint('org/m', COMMIT, { HF_HOME: join(hub, '..', 'nowhere') }).snapshot).toBeNull();
  });

  it('finds nothing for a revision the cache does not hold', () => {
    expect(cachedCheckpoint('org/m', 'main', { HF_HUB_CACHE: cache() })).toEqual({ architecture: null, snapshot: null });
  });
});
