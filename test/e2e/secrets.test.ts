// Secrets that are hard to redact, end to end: those read into the image-level `env` (not the
// cell's) — one of them overridden by an `include:` entry, so only the image env still holds it —
// and values with `"` and `\` (JSON, XML, Markdown and workflow-command escaping all change them).
// A probe module writes the container's own secret env values into the container log and puts the
// runner's secret values into its failure message, evidence and outputs — where a server that echoes
// a token would put them. Then no secret may be found, as written or as any output format escapes
// it, in the database (WAL included), the logs, the report, JUnit, the step summary or the console.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, ROOT, startCli, workdir, writeMatrix, type CliResult } from './support/matrix-cli.ts';
import { checkpoint, imagesMatrix, leftovers } from './support/reliability.ts';

const dir = workdir('secrets-');
const runId = `secrets-${process.pid}`;
const db = join(dir, 'db', 'r.sqlite');
const outDir = join(dir, 'out');
const summary = join(dir, 'step-summary.md');
const rand = Math.random().toString(36).slice(2, 10);
// MATRIX_SEC_IMAGE and MATRIX_SEC_OVERRIDDEN go into the image's env; MATRIX_SEC_QUOTE and
// MATRIX_SEC_SLASH into every cell's (defaults).
const SECRETS = {
  MATRIX_SEC_IMAGE: `nvapi-img${rand}Key`,
  MATRIX_SEC_OVERRIDDEN: `ovr-${rand}-secret`,
  MATRIX_SEC_QUOTE: `pa"ss${rand}"wd`,
  MATRIX_SEC_SLASH: `C:\\tok\\${rand}\\n`,
};
const IN_CONTAINER = ['IMG_KEY', 'OVR_KEY', 'QUOTE_KEY', 'SLASH_KEY'];
const MARK = 'SECRETS-ECHOED';
let r: CliResult;

/** A probe that echoes secrets: the container's into its log, the runner's into its result. */
function writeEchoProbe(): string {
  const inContainer = `require('fs').writeFileSync('/proc/1/fd/1', 'ECHO ' + ${JSON.stringify(IN_CONTAINER)}.map((k) => k + '=' + process.env[k]).join(' ') + '\\n${MARK}\\n')`;
  writeFileSync(
    join(dir, 'echo-probe.mjs'),
    `import { createRequire } from 'node:module';
const Docker = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('dockerode');
export default {
  name: 'echo',
  applies: () => true,
  async run(ctx) {
    const docker = new Docker();
    const [c] = await docker.listContainers({ filters: { label: ['matrix.cell=' + ctx.cell.id, 'matrix.pid=' + process.pid] } });
    const exec = await docker.getContainer(c.Id).exec({ Cmd: ['/usr/bin/node', '-e', ${JSON.stringify(inContainer)}], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({});
    stream.resume();
    await new Promise((ok) => stream.on('end', ok));
    const end = Date.now() + 30000;
    while (!ctx.logTail().some((l) => l.includes(${JSON.stringify(MARK)})) && Date.now() < end) await new Promise((ok) => setTimeout(ok, 100));
    const echoed = ${JSON.stringify(Object.keys(SECRETS))}.map((k) => k + '=' + process.env[k]).join(' ');
    return { name: 'echo', verdict: 'fail', assertions: [{ name: 'echo', ok: false, message: 'the server echoed ' + echoed }], metrics: {}, requests: [], evidence: ['echo: ' + echoed], error: null, outputs: { echoed } };
  },
};
`,
  );
  return './echo-probe.mjs';
}

beforeAll(async () => {
  const m = writeMatrix(
    dir,
    imagesMatrix({
      images: [{ id: 'sec', extra: 'env: { IMG_KEY: "${MATRIX_SEC_IMAGE}", OVR_KEY: "${MATRIX_SEC_OVERRIDDEN}" }' }],
      probes: writeEchoProbe(),
      env: '{ QUOTE_KEY: "${MATRIX_SEC_QUOTE}", SLASH_KEY: "${MATRIX_SEC_SLASH}" }',
      timeouts: '{ startup: 60s, probe: 60s }',
    }) + 'include:\n  - { image: sec, env: { OVR_KEY: "public" } }\n',
  );
  r = await startCli(['run', m, '--emulate', '--db', db, '--out', outDir, '--run-id', runId], {
    env: { MATRIX_LEASE_DIR: workdir('leases-'), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, ...SECRETS },
  }).done;
}, 180_000);

afterAll(async () => {
  expect(await leftovers([runId])).toEqual([]);
});

/** Each secret as written and as JSON, XML/HTML, Markdown and workflow commands escape it. */
function forms(v: string): string[] {
  const json = JSON.stringify(v).slice(1, -1);
  const xml = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [...new Set([v, json, xml, JSON.stringify(json).slice(1, -1), v.replace(/"/g, '&#34;'), v.replace(/"/g, '\\u0022'), v.replace(/%/g, '%25')])];
}

function leaksIn(text: string): string[] {
  return Object.entries(SECRETS).flatMap(([k, v]) => forms(v).filter((f) => text.includes(f)).map((f) => `${k} (as ${JSON.stringify(f)})`));
}

const files = (root: string) => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('secrets in the image env and with " and \\', () => {
  it('the run ends with the probe failure, and the secrets reached the container (its log names them, redacted)', () => {
    expect(r.code, r.stderr).toBe(1);
    const logPath = query<{ log_path: string }>(db, 'SELECT log_path FROM attempts')[0]!.log_path;
    const echo = readFileSync(logPath, 'utf8').split('\n').find((l) => l.startsWith('ECHO '));
    expect(echo).toBe('ECHO IMG_KEY=*** OVR_KEY=public QUOTE_KEY=*** SLASH_KEY=***');
  });

  it('the probe result kept its text with every secret redacted', () => {
    const p = query<{ outputs: string; evidence: string }>(db, "SELECT outputs, evidence FROM probes WHERE name = 'echo'")[0]!;
    const echoed = 'MATRIX_SEC_IMAGE=*** MATRIX_SEC_OVERRIDDEN=*** MATRIX_SEC_QUOTE=*** MATRIX_SEC_SLASH=***';
    expect(JSON.parse(p.outputs).echoed).toBe(echoed);
    expect(JSON.parse(p.evidence)).toEqual([`echo: ${echoed}`]);
  });

  it('no secret, in any escaped form, in the database, logs, report, JUnit, step summary or console', () => {
    checkpoint(db);
    const all = [...files(join(dir, 'db')), ...files(outDir), summary];
    expect(all.some((f) => f.endsWith('junit.xml')) && all.some((f) => f.endsWith('index.html'))).toBe(true);
    const leaks = all.flatMap((f) => leaksIn(readFileSync(f).toString('latin1')).map((l) => `${l} in ${f}`));
    leaks.push(...leaksIn(r.stdout).map((l) => `${l} in stdout`), ...leaksIn(r.stderr).map((l) => `${l} in stderr`));
    expect(leaks).toEqual([]);
  });
});
