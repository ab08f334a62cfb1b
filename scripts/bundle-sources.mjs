// What each bundle in dist/ was built from: scripts/build.mjs records the sha-256 of every source
// file esbuild read (its metafile's inputs) in dist/sources.json, and staleSources() says which of
// them changed since. A bundle is fresh when none did: tests run the CLI only when it is.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export const STAMP = 'dist/sources.json';

const sha = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Writes the stamp from esbuild metafiles (node_modules left out: the lock file pins those). */
export function writeSourcesStamp(metafiles) {
  const inputs = {};
  for (const m of metafiles) for (const path of Object.keys(m.inputs)) if (!path.includes('node_modules/')) inputs[path] = sha(path);
  // Written aside and renamed: a concurrent check never reads half a stamp.
  const tmp = `${STAMP}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1) + '\n');
  renameSync(tmp, STAMP);
}

/** The sources changed (or gone) since the last successful build; every source when there is no stamp. */
export function staleSources() {
  if (!existsSync(STAMP)) return [`(no ${STAMP}: the bundle was never built by scripts/build.mjs)`];
  const { inputs } = JSON.parse(readFileSync(STAMP, 'utf8'));
  return Object.entries(inputs)
    .filter(([path, hash]) => !existsSync(path) || sha(path) !== hash)
    .map(([path]) => path);
}
