// Bundles the CLI and the emulator with esbuild. The CLI keeps its npm packages external
// (native better-sqlite3, dockerode); the emulator is bundled whole, because its image holds
// only the node binary and this one file.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: 'linked', logLevel: 'warning' };
await Promise.all([
  build({
    ...common,
    entryPoints: ['harness/cli/main.ts'],
    outfile: 'dist/matrix.js',
    packages: 'external',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  existsSync('harness/emulator/main.ts') && build({
    ...common,
    entryPoints: ['harness/emulator/main.ts'],
    outfile: 'dist/emulator.mjs',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);
