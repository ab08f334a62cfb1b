// A misbehaving server (emulator faults): every probe ends at its timeout at the latest, with an
// error that names what happened, and a log flood does not grow the CLI's memory.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeLogTail } from '../../../harness/store/codec.ts';
import { parseRun, query, startCli, workdir, writeMatrix } from '../support/matrix-cli.ts';
import { imagesMatrix, integrityCheck, leftovers, sampleRss } from '../support/reliability.ts';

const env = { MATRIX_LEASE_DIR: workdir('leases-') };
const runIds: string[] = [];
const PROBE_S = 6;

afterAll(async () => {
  expect(await leftovers(runIds)).toEqual([]);
});

interface Assertion {
  name: string;
  ok: boolean;
  message: string;
}

/** Every failure text of a cell's probes: assertion messages and evidence lines. */
function probeTexts(db: string, cellId: string): Record<string, string[]> {
  const rows = query<{ name: string; assertions: string; evidence: string; error: string | null }>(db, 'SELECT name, assertions, evidence, error FROM probes WHERE cell_id = ?', cellId);
  return Object.fromEntries(
    rows.map((r) => [
      r.name,
      [...(JSON.parse(r.assertions) as Assertion[]).filter((a) => !a.ok).map((a) => a.message), ...(JSON.parse(r.evidence) as string[]), ...(r.error ? [r.error] : [])],
    ]),
  );
}

describe('a misbehaving server', () => {
  it('hang mid-stream, malformed SSE, HTTP 500s and a crash after one request: precise errors, a hung stream ended by its probe timeout', async () => {
    const dir = workdir();
    const m = writeMatrix(
      dir,
      imagesMatrix({
        images: [
          { id: 'hang', traits: 'faults: { hang_mid_stream_after_chunks: 3 }' },
          { id: 'sse', traits: 'faults: { malformed_sse: true }' },
          { id: 'e500', traits: 'faults: { http_500_rate: 1 }' },
          { id: 'crash', traits: 'faults: { crash_after_requests: 1 }' },
        ],
        probes: 'text, stream',
        timeouts: `{ startup: 60s, probe: ${PROBE_S}s }`,
      }),
    );
    const db = join(dir, 'r.sqlite');
    const child = startCli(['run', m, '--emulate', '--emulate-gpus', '4', '--db', db, '--out', join(dir, 'out'), '--json'], { env });
    const r = await child.done;
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(1);
    // The harness never waits on a hung server: the hung stream ends at its probe timeout (below).
    const cell = (id: string) => out.cells.find((c) => c.id === `${id}/h100/small/default`)!;
    for (const id of ['hang', 'sse', 'e500', 'crash']) expect(cell(id).verdict, id).toBe('fail');

    const hang = probeTexts(db, 'hang/h100/small/default');
    expect(hang.stream!.join('\n')).toMatch(new RegExp(`exceeded its ${PROBE_S}s timeout\\) \\(stream stalled after \\d+ chunks`));
    expect(cell('hang').reason).toMatch(/timeout/);

    const sse = probeTexts(db, 'sse/h100/small/default');
    expect(sse.stream!.join('\n')).toMatch(/malformed SSE data in event \d+ \(line \d+\): not JSON/);
    expect(cell('sse').probes.find((p) => p.name === 'text')!.verdict).toBe('pass');
    expect(cell('sse').reason).toContain('malformed SSE');

    const e500 = probeTexts(db, 'e500/h100/small/default');
    expect(e500.text!.join('\n')).toMatch(/HTTP 500 from POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: .*InternalServerError/);
    expect(e500.stream!.join('\n')).toContain('HTTP 500');
    expect(cell('e500').reason).toContain('HTTP 500');

    // The first request is answered, then the server dies: the next requests cannot connect, and
    // the cell's reason is the crash in the server's log, not a probe timeout.
    const crash = probeTexts(db, 'crash/h100/small/default');
    expect(Object.values(crash).flat().join('\n')).toMatch(/connection failed|ECONNREFUSED|ECONNRESET|socket hang up|other side closed/);
    expect(cell('crash').reason).toContain('illegal memory access');
    expect(cell('crash').reason).not.toMatch(/timeout|timed out/);
    expect(integrityCheck(db)).toBe('ok');
  });

  it('a 200 MB log flood: the run finishes, the CLI stays under 300 MB of memory, the stored tail is bounded', async () => {
    const dir = workdir();
    const m = writeMatrix(dir, imagesMatrix({ images: [{ id: 'flood', traits: 'faults: { log_flood_mb: 200 }' }], timeouts: '{ startup: 120s, probe: 20s }' }));
    const db = join(dir, 'r.sqlite');
    const child = startCli(['run', m, '--emulate', '--db', db, '--out', join(dir, 'out'), '--json'], { env });
    const rss = sampleRss(child.pid!, 50);
    const r = await child.done;
    const peakMiB = rss.stop();
    const out = parseRun(r);
    runIds.push(out.run);
    expect(r.code, r.stderr).toBe(0);
    expect(rss.samples()).toBeGreaterThan(5);
    expect(peakMiB).toBeGreaterThan(20); // the sampler really read the CLI's memory
    expect(peakMiB).toBeLessThan(300);
    const a = query<{ log_path: string; log_tail: string }>(db, 'SELECT log_path, log_tail FROM attempts')[0]!;
    // Megabytes of the flood went through the capture into the log file …
    expect(statSync(a.log_path).size).toBeGreaterThan(5 * 1024 * 1024);
    // … while the database keeps a bounded excerpt.
    expect(a.log_tail.length).toBeLessThan(1024 * 1024);
    expect(decodeLogTail(a.log_tail).some((l) => l.text.includes('Input tensor shape suggests potential format mismatch'))).toBe(true);
  });
});
