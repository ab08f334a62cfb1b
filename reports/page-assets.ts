// Bundles the page's code (reports/page/main.ts, with uPlot and the styles) with esbuild's API,
// once per process. Works from the sources and from the CLI bundle in dist/.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeRequire = createRequire(import.meta.url);

export interface PageAssets {
  js: string;
  css: string;
  /** CSP source for the script, e.g. 'sha256-…'. */
  scriptHash: string;
}

let cached: PageAssets | null = null;

/** reports/page/main.ts, found beside this file (sources) or from dist/ (bundled CLI). */
export function pageEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, 'page/main.ts'), resolve(here, '../reports/page/main.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`reports/page/main.ts not found near ${here}`);
}

/** Safe inside an inline <script>: no `</script` can end the element early. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function buildPageAssets(): PageAssets {
  if (cached) return cached;
  const esbuild = nodeRequire('esbuild') as typeof import('esbuild');
  const entry = pageEntry();
  const result = esbuild.buildSync({
    entryPoints: [entry],
    absWorkingDir: resolve(dirname(entry), '../..'),
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outdir: 'page-out',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = inlineScript(result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '');
  const css = (result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '').replace(/<\/(style)/gi, '<\\/$1');
  cached = { js, css, scriptHash: `sha256-${createHash('sha256').update(js).digest('base64')}` };
  return cached;
}
