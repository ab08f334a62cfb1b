#!/usr/bin/env node
// The `matrix` command. The TypeScript sources are bundled into dist/ by `npm run build`
// (run automatically by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/matrix.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('matrix: dist/matrix.js is missing. Run `npm run build` (npm ci runs it for you).\n');
  process.exit(2);
}
await import(entry);
