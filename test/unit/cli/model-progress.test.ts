import { describe, expect, it } from 'vitest';
import { modelDone, modelProgress } from '../../../harness/cli/model-progress.ts';

function sink(isTTY: boolean) {
  let text = '';
  return { out: { isTTY, write: (s: string) => (text += s) }, text: () => text };
}

const plan = { kind: 'plan', name: 'o/m', revision: 'main', commit: 'c'.repeat(40), files: 3, bytes: 3 * 1024 ** 2, missingFiles: 2, missingBytes: 2 * 1024 ** 2 } as const;

describe('modelProgress', () => {
  it('writes a line per event in a log: the plan, each file with the running totals, retries', () => {
    const s = sink(false);
    const on = modelProgress(s.out, 'o/m@main');
    on(plan);
    on({ kind: 'bytes', n: 1024 ** 2 });
    on({ kind: 'file-end', path: 'a.safetensors', size: 1024 ** 2, seconds: 0.5 });
    on({ kind: 'retry', path: 'b.safetensors', attempt: 2, reason: 'terminated' });
    expect(s.text().split('\n')).toEqual([
      '  model o/m@main: main = cccccccccccc, 3 files 3.0 MiB; downloading 2 (2.0 MiB)',
      '  model o/m@main: a.safetensors 1.0 MiB in 0.5 s — 1/2 files, 1.0 MiB of 2.0 MiB (50%)',
      '  model o/m@main: b.safetensors: transfer failed (terminated); restarting the file (attempt 2)',
      '',
    ]);
  });

  it('rewrites one line on a terminal and ends it with the result', () => {
    const s = sink(true);
    const on = modelProgress(s.out, 'o/m@main');
    on(plan);
    on({ kind: 'file-end', path: 'a.safetensors', size: 1024 ** 2, seconds: 0.5 });
    modelDone(s.out, 'o/m@main', { alreadyComplete: false, downloadedBytes: 2 * 1024 ** 2, marker: { name: 'o/m', revision: 'main', commit: plan.commit, files: [], completedAt: '' } });
    expect(s.text()).toContain('\r\x1b[2K  model o/m@main: 1/2 files, 0 B of 2.0 MiB (0%)');
    expect(s.text().endsWith('\r\x1b[2K  model o/m@main: downloaded 2.0 MiB (0 files, main = cccccccccccc)\n')).toBe(true);
  });
});
