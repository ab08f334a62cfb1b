// Bundles the CLI and the emulator with esbuild. The CLI keeps its npm packages external
// (native better-sqlite3, dockerode); the emulator is bundled whole, because its image holds
// only the node binary and this one file. A build that succeeds records what it was built from
// (dist/sources.json), so that tests can refuse a bundle older than the sources.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { writeSourcesStamp } from './bundle-sources.mjs';

// A failed build writes neither bundles nor stamp: the stamp still names the sources of the bundles
// in dist/, which no longer match the edited ones, so check-bundle.mjs calls them stale.
mkdirSync('dist', { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: 'linked', logLevel: 'warning', metafile: true };
const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['harness/cli/main.ts'],
    outfile: 'dist/matrix.js',
    packages: 'external',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  // The report page's script and styles (reports/page/), inlined by reports/render.ts.
  build({ entryPoints: ['reports/page/main.ts'], outfile: 'dist/report-page.js', bundle: true, metafile: true, minify: true, format: 'iife', target: 'es2020', legalComments: 'none', logLevel: 'warning' }),
  existsSync('harness/emulator/main.ts') && build({
    ...common,
    entryPoints: ['harness/emulator/main.ts'],
    outfile: 'dist/emulator.mjs',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);
writeSourcesStamp(results.filter(Boolean).map((r) => r.metafile));
