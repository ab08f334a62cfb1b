import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../harness/cli/diagnose.ts';
import { parseCommand } from '../../../harness/cli/command.ts';

const fixture = (n: string): string => new URL(`../../fixtures/logs/${n}`, import.meta.url).pathname;

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await command.run(parseCommand(command, argv));
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('matrix diagnose', () => {
  it('prints an array in file order with --json', async () => {
    const files = [fixture('graph-capture/seed-002-mtp-full-graph-capture.log'), fixture('healthy/sglang-pr11830-capture-to-ready.log')];
    const r = await run(['--json', ...files]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(json.map((j) => j.file)).toEqual(files);
    expect(json[0]).toMatchObject({ category: 'graph-capture', signature: 'graph-capture-mtp-triton', remedies: [{ cuda_graphs: 'piecewise' }, { cuda_graphs: 'off' }] });
    expect(json[0]!.evidence).toContainEqual({ line: 83, text: 'RuntimeError: Triton Error [CUDA]: operation not permitted when stream is capturing' });
    expect(json[1]).toMatchObject({ category: 'healthy', signature: null });
  });

  it('prints title, explanation, numbered evidence and remedies for people', async () => {
    const r = await run([fixture('ptx-toolchain/seed-001-thor-vision-encoder.log')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✗ ptx-toolchain / ptx-toolchain-vision-encoder  (phase: profile)  [confidence: signature (a known failure)]');
    expect(r.out).toMatch(/evidence:\n\s+41 │ /);
    expect(r.out).toContain('1. mm_attention: sdpa');
    expect(r.out).toContain('2. attention: triton');
  });

  it('reads a log pasted from an issue, with markdown fences and quote marks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagnose-'));
    const file = join(dir, 'pasted.md');
    writeFileSync(file, ['Here is my log:', '', '```', '> (EngineCore_DP0 pid=7) ERROR 01-05 12:12:01 [core.py:842] torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.', '```'].join('\n'));
    const r = await run(['--json', file]);
    expect(JSON.parse(r.out)[0]).toMatchObject({ category: 'oom', signature: 'oom-cuda', evidence: [{ line: 4 }] });
  });

  it('shows how sure it is: a known signature, or only generic evidence of the category', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagnose-'));
    const file = join(dir, 'new-wording.log');
    writeFileSync(file, 'RuntimeError: The FooMLA kernels require compute capability 10.0 or newer.\n');
    const human = await run([file, fixture('ptx-toolchain/seed-001-thor-vision-encoder.log')]);
    expect(human.out).toContain('✗ backend-unsupported  [confidence: generic (new wording;');
    expect(human.out).toContain('ptx-toolchain-vision-encoder  (phase: profile)  [confidence: signature');
    const json = JSON.parse((await run(['--json', file])).out) as Array<Record<string, unknown>>;
    expect(json[0]).toMatchObject({ category: 'backend-unsupported', confidence: 'generic', signature: null });
  });

  it('exits 2 on a missing file and still diagnoses the others', async () => {
    const r = await run(['--json', '/nonexistent/x.log', fixture('oom/vllm-20581-llama4-worker-rank5.log')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read /nonexistent/x.log: ENOENT');
    expect(JSON.parse(r.out)).toHaveLength(1);
  });

  it('shows the startup timeline with --timeline', async () => {
    const r = await run(['--timeline', fixture('graph-capture/seed-002-mtp-full-graph-capture.log')]);
    expect(r.out).toContain('startup timeline:');
    expect(r.out).toMatch(/graph-capture\s+12s\s+modes=mixed prefill-decode, PIECEWISE; decode, FULL/);
  });
});
