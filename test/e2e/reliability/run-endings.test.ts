// Every way a run can end leaves no container and a marked run: a reader that goes away (EPIPE
// through `| head -2`), a second signal (Ctrl-C twice, `timeout` signalling a process group twice,
// GitHub Actions' SIGINT then SIGTERM), an uncaught exception or rejection inside the run (a
// custom probe's bug), and the end of a run, after which nothing keeps the process waiting.
// (One SIGINT: run.test.ts; one SIGTERM and a SIGKILL reaped by the next run: interrupts.test.ts.)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, containersOfRun, emulatedMatrix, parseRun, pathWithFakeNvidiaSmi, query, startCli, waitFor, workdir, writeMatrix, type CliResult } from '../support/matrix-cli.ts';
import { imagesMatrix, integrityCheck, leftovers } from '../support/reliability.ts';
import { readWorkflow, stepOf } from '../../unit/workflow-steps.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];
const SLOW = 'startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }\nfaults: { slow_start_s: 120 }';
const startup = (weightsS: number) => `startup: { weights_s: ${weightsS}, compile_s: 0.05, graphs_s: 0.05 }`;

afterAll(async () => {
  const left = await leftovers(runIds);
  // Never leave a container behind, even when a test failed (the assertion still reports it).
  const docker = new Docker();
  for (const id of runIds) for (const c of await containersOfRun(id)) await docker.getContainer(c).remove({ force: true }).catch(() => {});
  expect(left).toEqual([]);
});

function runArgs(dir: string, matrix: string, runId: string, extra: string[] = []): string[] {
  runIds.push(runId);
  return ['run', matrix, '--emulate', '--emulate-gpus', '3', '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--run-id', runId, ...extra];
}

function runRow(dir: string, runId: string): { status: string; exit_code: number | null } | undefined {
  return query<{ status: string; exit_code: number | null }>(join(dir, 'r.sqlite'), 'SELECT status, exit_code FROM runs WHERE id = ?', runId)[0];
}

/** `matrix ARGS | head -N` through bash (real pipes): the exit status is matrix's, stdout is head's. */
function throughHead(args: string[], lines: number): Promise<CliResult> {
  const t0 = performance.now();
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('bash', ['-c', `${quoted} | head -${lines}; exit \${PIPESTATUS[0]}`], { cwd: ROOT, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0 })));
}

describe('every way a run ends', () => {
  it('`| head -2`: the reader going away (EPIPE) stops neither the run nor its cleanup', async () => {
    const dir = workdir();
    const runId = `epipe-${process.pid}`;
    // Line 1 is the run's header, line 2 the fast cell: head exits, and the next cells' lines meet a closed pipe.
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'fast', traits: startup(0.1) }, { id: 'mid', traits: startup(2) }, { id: 'slow', traits: startup(4) }] }));
    const r = await throughHead(runArgs(dir, m, runId), 2);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toContain(`matrix run ${runId}`);
    expect(r.code, r.stderr).toBe(0); // the run's exit code: every cell passed
    expect(r.stderr).not.toContain('EPIPE');
    expect(await containersOfRun(runId)).toEqual([]);
    expect(runRow(dir, runId)).toEqual({ status: 'finished', exit_code: 0 });
    const verdicts = query<{ cell_id: string; verdict: string | null }>(join(dir, 'r.sqlite'), 'SELECT cell_id, verdict FROM cells ORDER BY cell_id');
    expect(verdicts.map((c) => c.verdict)).toEqual(['pass', 'pass', 'pass']);
    expect(existsSync(join(dir, 'out', 'report', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'junit.xml'))).toBe(true);
  });

  it('a second signal at once (SIGINT then SIGTERM, as `timeout` or a double Ctrl-C): containers removed, run marked interrupted', async () => {
    const dir = workdir();
    const runId = `twice-${process.pid}`;
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'fast' }, { id: 'slow1', traits: SLOW }, { id: 'slow2', traits: SLOW }], timeouts: '{ startup: 5m, probe: 20s }' }));
    const child = startCli(runArgs(dir, m, runId), { env });
    await waitFor(() => query<{ verdict: string }>(join(dir, 'r.sqlite'), "SELECT verdict FROM cells WHERE cell_id LIKE 'fast/%' AND verdict IS NOT NULL")[0], 60_000, 'the fast cell to finish');
    await waitFor(async () => ((await containersOfRun(runId)).length >= 2 ? true : null), 30_000, 'two slow containers');
    child.kill('SIGINT');
    child.kill('SIGTERM');
    const r = await child.done;
    // The process exits within 2 s (GitHub kills 2.5 s after its SIGTERM); a busy engine may finish
    // a removal it was asked for just after that: asked for, the containers go (before: never).
    await waitFor(async () => ((await containersOfRun(runId)).length === 0 ? true : null), 15_000, 'the containers of the run to be gone');
    expect(runRow(dir, runId)).toEqual({ status: 'interrupted', exit_code: 130 });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/SIG(INT|TERM) again: forced stop/); // two signals sent at once may arrive in either order
    // The finished cell keeps its verdict; the slow ones keep none, so --resume runs them again.
    const cells = query<{ cell_id: string; verdict: string | null }>(join(dir, 'r.sqlite'), 'SELECT cell_id, verdict FROM cells ORDER BY cell_id');
    expect(cells.map((c) => c.verdict)).toEqual(['pass', null, null]);
    expect(integrityCheck(join(dir, 'r.sqlite'))).toBe('ok');
  });

  it('GitHub Actions cancellation (SIGINT, SIGTERM 7.5 s later if still running): the run ends inside the window, with its partial report', async () => {
    const dir = workdir();
    const runId = `gha-${process.pid}`;
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'fast' }, { id: 'slow1', traits: SLOW }, { id: 'slow2', traits: SLOW }, { id: 'slow3', traits: SLOW }], timeouts: '{ startup: 5m, probe: 20s }' }));
    const child = startCli(runArgs(dir, m, runId, ['--emulate-gpus', '4']), { env });
    await waitFor(async () => ((await containersOfRun(runId)).length >= 3 ? true : null), 60_000, 'three slow containers');
    const t0 = performance.now();
    child.kill('SIGINT');
    const late = setTimeout(() => child.kill('SIGTERM'), 7_500);
    const r = await child.done;
    clearTimeout(late);
    // The figure for docs/runners.md (not asserted: behaviour is, below).
    console.log(`first signal to exit with 3 running cells: ${Math.round(performance.now() - t0)} ms`);
    expect(r.stderr).not.toContain('forced stop'); // no second signal was needed
    expect(r.code).toBe(3);
    expect(await containersOfRun(runId)).toEqual([]);
    expect(runRow(dir, runId)?.status).toBe('interrupted');
    expect(existsSync(join(dir, 'out', 'report', 'index.html'))).toBe(true);
  });

  it("GitHub Actions cancellation through the nightly's step: the shell passes the signals on to the run", async () => {
    const dir = workdir();
    const runId = `gha-step-${process.pid}`;
    runIds.push(runId);
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'fast' }, { id: 'slow1', traits: SLOW }, { id: 'slow2', traits: SLOW }], timeouts: '{ startup: 5m, probe: 20s }' }));
    // The runner signals the step's shell only; the step as written, on the emulator.
    const script = stepOf(readWorkflow('nightly.yml'), 'run', 'Run the shard').run!.replace('node bin/matrix.js run "$MATRIX"', `node ${CLI} run "$MATRIX" --emulate --emulate-gpus 3`);
    const step = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env: { ...process.env, ...env, MATRIX: m, GPU: 'h100', SHARD: '1/1', RUN_ID: runId, TRIAGE: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    step.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<void>((resolve) => step.on('close', () => resolve()));
    await waitFor(async () => ((await containersOfRun(runId)).length >= 2 ? true : null), 60_000, 'two slow containers');
    step.kill('SIGINT');
    const late = setTimeout(() => step.kill('SIGTERM'), 7_500);
    await exited;
    clearTimeout(late);
    await waitFor(async () => ((await containersOfRun(runId)).length === 0 ? true : null), 15_000, 'the containers of the run to be gone');
    expect(query<{ status: string }>(join(dir, 'shard.sqlite'), 'SELECT status FROM runs WHERE id = ?', runId)[0]?.status).toBe('interrupted');
    expect(readFileSync(join(dir, 'out', 'exit-code'), 'utf8').trim()).toBe('3');
    expect(stdout).toContain('matrix run exited with 3');
  });

  it('SIGINT during an image pull: the pull is cut short and the run ends marked interrupted', async () => {
    const dir = workdir();
    const runId = `pull-${process.pid}`;
    runIds.push(runId);
    const { registry, asked, image } = await stalledRegistry();
    try {
      const m = writeMatrix(dir, emulatedMatrix({ image }));
      const child = startCli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--run-id', runId, '--pull', 'always', '--model-download', 'never'], {
        env: { ...env, PATH: pathWithFakeNvidiaSmi(dir), DOCKER_CONFIG: join(dir, 'no-docker-config') },
      });
      await waitFor(() => (asked.some((u) => u.includes('/manifests/')) ? true : null), 60_000, 'the engine to ask for the manifest');
      child.kill('SIGINT');
      const r = await child.done;
      expect(r.stderr).not.toContain('still busy'); // nothing, the pull included, outlived the run
      expect(r.code, r.stderr).toBe(3);
      expect(runRow(dir, runId)?.status).toBe('interrupted');
    } finally {
      registry.closeAllConnections();
      await new Promise<void>((r) => registry.close(() => r()));
    }
  });

  it('a pull whose cells all ended otherwise (the model could not be downloaded) does not keep the run alive', async () => {
    const dir = workdir();
    const runId = `pull-orphan-${process.pid}`;
    runIds.push(runId);
    const { registry, image } = await stalledRegistry();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const hubPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r())); // nothing listens there: the hub is refused at once
    try {
      const m = writeMatrix(dir, emulatedMatrix({ image }));
      const r = await startCli(['run', m, '--db', join(dir, 'r.sqlite'), '--out', join(dir, 'out'), '--run-id', runId, '--pull', 'always', '--json'], {
        env: { ...env, PATH: pathWithFakeNvidiaSmi(dir), DOCKER_CONFIG: join(dir, 'no-docker-config'), HF_ENDPOINT: `http://127.0.0.1:${hubPort}` },
      }).done;
      expect(r.stderr).not.toContain('still busy');
      expect(r.code, r.stderr).toBe(3);
      expect(parseRun(r).cells.map((c) => c.signature)).toEqual(['model-download']);
      expect(runRow(dir, runId)?.status).toBe('finished');
    } finally {
      registry.closeAllConnections();
      await new Promise<void>((r) => registry.close(() => r()));
    }
  });

  it.each([
    ['an uncaught exception', "setTimeout(() => { throw new Error('probe bug: thrown from a timer'); }, 10);"],
    ['an unhandled rejection', "void Promise.reject(new Error('probe bug: a rejection nobody handles'));"],
  ])('%s inside the run (a custom probe): containers removed, run marked failed, exit 1', async (_what, bug) => {
    const dir = workdir();
    const runId = `crash-${runIds.length}-${process.pid}`;
    writeFileSync(
      join(dir, 'buggy.mjs'),
      `export default { name: 'buggy', applies: () => true, async run({ signal }) {\n  ${bug}\n  await new Promise((r) => { const t = setTimeout(r, 30_000); signal.addEventListener('abort', () => { clearTimeout(t); r(); }); });\n  return { name: 'buggy', verdict: 'pass', assertions: [], metrics: {}, requests: [], evidence: [] };\n} };\n`,
    );
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'buggy', traits: startup(1) }, { id: 'slow1', traits: SLOW }, { id: 'slow2', traits: SLOW }], timeouts: '{ startup: 5m, probe: 60s }', probes: './buggy.mjs' }));
    const child = startCli(runArgs(dir, m, runId), { env, cwd: dir });
    const r = await child.done;
    await waitFor(async () => ((await containersOfRun(runId)).length === 0 ? true : null), 15_000, 'the containers of the run to be gone');
    expect(runRow(dir, runId)).toEqual({ status: 'failed', exit_code: 1 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('internal error');
    expect(r.stderr).toContain('probe bug');
  });

  it('nothing keeps the process alive after the summary: it exits at once', async () => {
    const dir = workdir();
    const runId = `exit-${process.pid}`;
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'fast' }, { id: 'crash', traits: `${startup(0.1)}\nfaults: { crash_after_requests: 1 }` }] }));
    const child = startCli(runArgs(dir, m, runId), { env });
    let lastOutput = performance.now();
    child.stdout!.on('data', () => (lastOutput = performance.now()));
    child.stderr!.on('data', () => (lastOutput = performance.now()));
    const r = await child.done;
    expect(r.stdout).toContain('junit:');
    // Had anything held the event loop after the summary (before: an uncancelled 10 s timer of the
    // log settle), exitWhenDone would have named it, 2 s later, in this line.
    expect(r.stderr).not.toContain('still busy');
    console.log(`last output to exit: ${Math.round(performance.now() - lastOutput)} ms`);
  });
});

/** A registry on loopback that never answers for the manifest: a pull of many GiB, stalled. */
async function stalledRegistry(): Promise<{ registry: ReturnType<typeof createServer>; asked: string[]; image: string }> {
  const asked: string[] = [];
  const registry = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (req.url === '/v2/') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => registry.listen(0, '127.0.0.1', () => r()));
  return { registry, asked, image: `127.0.0.1:${(registry.address() as AddressInfo).port}/slow/vllm:0.19.0` };
}
