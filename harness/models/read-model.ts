// A model's config.json and safetensors index, read from the managed cache when it holds them
// (no network: what runs use), else from the hub (what `matrix models info` may do).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cachedCommit, completeSnapshot } from './complete.ts';
import { snapshotDir } from './cache-layout.ts';
import { hubError } from './hub-errors.ts';
import type { HubEnv } from './hub-env.ts';
import { hubFetch } from './hub-fetch.ts';
import { listRevision } from './hub-listing.ts';
import { modelFacts, type ModelFacts } from './model-facts.ts';

export const INDEX_FILE = 'model.safetensors.index.json';

export interface ReadModel {
  facts: ModelFacts;
  from: 'cache' | 'hub';
  commit: string | null;
}

function jsonFile(p: string): unknown | null {
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** From the cache only; null when it has no config.json for that revision. */
export function readModelFromCache(cacheDir: string, name: string, revision: string): ReadModel | null {
  const commit = cachedCommit(cacheDir, name, revision);
  if (!commit) return null;
  const snap = snapshotDir(cacheDir, name, commit);
  const config = jsonFile(join(snap, 'config.json'));
  if (config === null) return null;
  const files = completeSnapshot(cacheDir, name, revision)?.files ?? (existsSync(snap) ? readdirSync(snap).filter((f) => f.endsWith('.safetensors')).map((f) => ({ path: f, size: statSync(join(snap, f)).size })) : []);
  return { facts: modelFacts(config, jsonFile(join(snap, INDEX_FILE)), files), from: 'cache', commit };
}

export async function readModel(o: { cacheDir: string; name: string; revision: string; hub: HubEnv }): Promise<ReadModel> {
  const cached = readModelFromCache(o.cacheDir, o.name, o.revision);
  if (cached) return cached;
  const f = hubFetch({ hubUrl: o.hub.hubUrl, token: o.hub.token }).fetch;
  const ctx = { name: o.name, revision: o.revision, hubUrl: o.hub.hubUrl, withToken: !!o.hub.token };
  try {
    const listing = await listRevision({ name: o.name, revision: o.revision, hubUrl: o.hub.hubUrl, fetch: f });
    const get = async (file: string) => {
      if (!listing.files.some((x) => x.path === file)) return null;
      const r = await f(`${o.hub.hubUrl}/${o.name}/resolve/${listing.commit}/${file}`);
      if (!r.ok) throw Object.assign(new Error(`${file}: HTTP ${r.status}`), { statusCode: r.status });
      return (await r.json()) as unknown;
    };
    const config = await get('config.json');
    if (config === null) throw new Error(`${o.name} has no config.json`);
    return { facts: modelFacts(config, await get(INDEX_FILE), listing.files), from: 'hub', commit: listing.commit };
  } catch (e) {
    throw hubError(e, ctx);
  }
}
