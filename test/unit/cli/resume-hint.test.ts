import { describe, expect, it } from 'vitest';
import { command as run } from '../../../harness/cli/run.ts';
import { resumeCommand, shellWord } from '../../../harness/cli/resume-hint.ts';

describe('resumeCommand', () => {
  it('keeps every option as given, in both spellings, and swaps --run-id for --resume', () => {
    const argv = ['run', 'matrix/nightly.yaml', '--gpu', 'h100', '--shard=2/3', '--only', '*/h100/**', '--db', 'out/r.sqlite', '--out', 'out', '--emulate', '--triage', '--run-id', '42', '--emulate-gpus', '2'];
    expect(resumeCommand(argv, run.options, '42')).toBe("matrix run matrix/nightly.yaml --gpu h100 --shard=2/3 --only '*/h100/**' --db out/r.sqlite --out out --emulate --triage --emulate-gpus 2 --resume 42");
  });

  it('replaces an earlier --resume (both spellings) instead of repeating it', () => {
    expect(resumeCommand(['run', 'm.yaml', '--resume', 'r1', '--json'], run.options, 'r1')).toBe('matrix run m.yaml --json --resume r1');
    expect(resumeCommand(['run', 'm.yaml', '--resume=r1'], run.options, 'r1')).toBe('matrix run m.yaml --resume r1');
  });

  it('drops --last-failed (the resumed run keeps its own cells) and keeps --max-failures', () => {
    expect(resumeCommand(['run', 'm.yaml', '--last-failed', '--max-failures', '2'], run.options, 'r1')).toBe('matrix run m.yaml --max-failures 2 --resume r1');
  });

  it('quotes words a shell would change: spaces, globs, quotes', () => {
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('vllm/*/qwen')).toBe("'vllm/*/qwen'");
    expect(shellWord('out/r-1.sqlite')).toBe('out/r-1.sqlite');
  });
});
