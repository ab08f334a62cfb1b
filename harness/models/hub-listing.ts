// What a model revision is on the hub: the commit it resolves to and every file with its size
// (model info + the recursive tree, the two calls snapshotDownload makes).
import { listFiles, modelInfo } from '@huggingface/hub';
import type { SnapshotFile } from './complete.ts';

export interface HubListing {
  commit: string;
  files: SnapshotFile[];
}

export interface HubCall {
  name: string;
  revision: string;
  hubUrl: string;
  fetch: typeof fetch;
}

export async function listRevision(c: HubCall): Promise<HubListing> {
  const info = await modelInfo({ name: c.name, revision: c.revision, hubUrl: c.hubUrl, fetch: c.fetch, additionalFields: ['sha'] });
  const commit = (info as { sha?: string }).sha;
  if (!commit) throw new Error(`the hub gave no commit for ${c.name}@${c.revision}`);
  const files: SnapshotFile[] = [];
  for await (const e of listFiles({ repo: { type: 'model', name: c.name }, revision: commit, recursive: true, hubUrl: c.hubUrl, fetch: c.fetch })) {
    if (e.type === 'file') files.push({ path: e.path, size: e.lfs?.size ?? e.size });
  }
  return { commit, files };
}
