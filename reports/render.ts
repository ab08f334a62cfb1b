// ReportData → one self-contained HTML page: the page's script and styles inlined, the data
// embedded as JSON that no log text can break out of. Pure apart from the cached asset build.
import type { ReportData } from './data.ts';
import { encodeReport, jsonForScript } from './embed.ts';
import { buildPageAssets, type PageAssets } from './page-assets.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function pageTitle(data: ReportData): string {
  const bad = data.cells.filter((c) => c.verdict === 'fail' || c.verdict === 'xpass' || c.verdict === 'infra').length;
  const run = data.runs[0]?.id ?? 'no run';
  return `${bad ? `${bad} need attention · ` : ''}matrix ${run}`;
}

export function renderReport(data: ReportData, assets: PageAssets = buildPageAssets()): string {
  const csp = [
    "default-src 'none'",
    `script-src '${assets.scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(pageTitle(data))}</title>`,
    `<style>${assets.css}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<aside id="panel" hidden aria-label="cell details"></aside>',
    '<noscript>This report needs JavaScript to draw the matrix.</noscript>',
    `<script type="application/json" id="report-data">${jsonForScript(encodeReport(data))}</script>`,
    `<script>${assets.js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
