// A probe that fails against a live server: the cell's verdict carries the probe's own signature,
// category and evidence (what the probe saw, labelled as the probe's), never log lines it did not
// point at. Through the real CLI and emulator containers that answer HTTP 500 or break SSE.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, containersOfRun, emulatedMatrix, parseRun, query, workdir, writeMatrix } from './support/matrix-cli.ts';

const runIds: string[] = [];

afterAll(async () => {
  for (const id of runIds) expect(await containersOfRun(id)).toEqual([]);
});

async function failingProbe(fault: string, probes: string) {
  const dir = workdir();
  const m = writeMatrix(dir, emulatedMatrix({ traits: `faults: { ${fault} }`, probes }));
  const db = join(dir, 'r.sqlite');
  const r = await cli(['run', m, '--emulate', '--db', db, '--out', join(dir, 'out'), '--json'], { env: { MATRIX_LEASE_DIR: workdir('leases-') } });
  const out = parseRun(r);
  runIds.push(out.run);
  const diagnosis = JSON.parse(query<{ diagnosis: string }>(db, 'SELECT diagnosis FROM attempts')[0]!.diagnosis) as { category: string; signature: string; evidence: Array<{ line: number; text: string; source?: string }> };
  return { code: r.code, cell: out.cells[0]!, diagnosis };
}

describe('a probe failure on a live server', () => {
  it('HTTP 500 from the text probe: signature probe-text, category probe, the probe\'s own evidence', async () => {
    const { code, cell, diagnosis } = await failingProbe('http_500_rate: 1', 'text');
    expect(code).toBe(1);
    expect([cell.verdict, cell.category, cell.signature]).toEqual(['fail', 'probe', 'probe-text']);
    expect(diagnosis.evidence.length).toBeGreaterThan(0);
    for (const e of diagnosis.evidence) expect(e.source).toBe('probe text');
    expect(diagnosis.evidence.some((e) => e.text.includes('HTTP 500'))).toBe(true);
  });

  it('malformed SSE in the stream probe: its evidence is labelled as the probe\'s, not as log lines 1…n', async () => {
    const { cell, diagnosis } = await failingProbe('malformed_sse: true', 'stream');
    expect([cell.category, cell.signature]).toEqual(['probe', 'probe-stream']);
    expect(diagnosis.evidence.every((e) => e.source === 'probe stream')).toBe(true);
    expect(diagnosis.evidence.some((e) => /malformed SSE/.test(e.text))).toBe(true);
  });
});
