// The page's code (reports/page/main.ts, with uPlot and the styles) as one script and one
// stylesheet, once per process: from dist/report-page.{js,css} when running as the built CLI
// (scripts/build.mjs writes them), else bundled on the spot with esbuild's API.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

function assets(rawJs: string, rawCss: string): PageAssets {
  const js = inlineScript(rawJs);
  const css = rawCss.replace(/<\/(style)/gi, '<\\/$1');
  return { js, css, scriptHash: `sha256-${createHash('sha256').update(js).digest('base64')}` };
}

/** In the CLI bundle (dist/matrix.js), `npm run build` has put the page beside it: no esbuild needed. */
function prebuilt(): PageAssets | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const js = resolve(here, 'report-page.js');
  const css = resolve(here, 'report-page.css');
  if (!existsSync(js) || !existsSync(css)) return null;
  return assets(readFileSync(js, 'utf8'), readFileSync(css, 'utf8'));
}

export function buildPageAssets(): PageAssets {
  if (cached) return cached;
  cached = prebuilt();
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
  cached = assets(result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '', result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '');
  return cached;
}
