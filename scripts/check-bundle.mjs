// Exits 1 when a bundle in dist/ is older than its sources (see bundle-sources.mjs), naming them.
// Run from the repository root, after scripts/build.mjs.
import { staleSources } from './bundle-sources.mjs';

const stale = staleSources();
if (stale.length > 0) {
  process.stderr.write(`the CLI bundle in dist/ is older than its sources (${stale.length} changed since it was built):\n${stale.slice(0, 20).map((p) => `  ${p}\n`).join('')}  rebuild it: node scripts/build.mjs\n`);
  process.exit(1);
}
