// The fatal lines that start the grace period: each is found in real logs of the corpus, none in a
// healthy one before it was told to stop, and each names where it was read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FATAL_LINES, fatalLineOf } from '../../../harness/diagnose/fatal-lines.ts';
import { isShutdownLine, readLog } from '../../../harness/diagnose/log-lines.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/logs');
const corpus = readdirSync(ROOT).flatMap((category) =>
  readdirSync(join(ROOT, category)).map((name) => ({ category, name, lines: readFileSync(join(ROOT, category, name), 'utf8').split('\n') })),
);
/** The fatal lines of a log (its `# source:`/`# decides:` header left out). */
const fatalIds = (lines: string[]) => new Set(lines.filter((l) => !l.startsWith('# ')).flatMap((l) => fatalLineOf(l)?.id ?? []));

describe('fatal lines', () => {
  it('each is found in at least one real log of the corpus', () => {
    const seen = new Set(corpus.flatMap((log) => [...fatalIds(log.lines)]));
    for (const f of FATAL_LINES) expect(seen, f.id).toContain(f.id);
  });

  it('no healthy log has one before it was told to stop', () => {
    // what fails once a server was told to stop is the stop, not a cause (the labelling guide, rule 2): SGLang's warm-up reporting
    // its request cut off by the SIGTERM a harness sent a server that had come up
    for (const log of corpus.filter((l) => l.category === 'healthy')) {
      const read = readLog(log.lines.map((l) => (l.startsWith('# ') ? '' : l)).join('\n'));
      const stop = read.findIndex(isShutdownLine);
      expect([...fatalIds(stop < 0 ? log.lines : log.lines.slice(0, stop))], log.name).toEqual([]);
    }
  });

  it('each names its source: a commit, path and line read in a mirror, or a corpus log that shows it', () => {
    for (const f of FATAL_LINES) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) {
        if (/^[0-9a-f]{40}:[\w./-]+:\d+$/.test(s)) continue;
        const [path, line] = s.split(' ')[0]!.split(':');
        expect(existsSync(join(import.meta.dirname, '../../..', path!)), s).toBe(true);
        if (line) expect(readFileSync(join(import.meta.dirname, '../../..', path!), 'utf8').split('\n')[Number(line) - 1], s).toMatch(f.pattern);
      }
    }
  });

  it('reads the line the way the engines print it: prefixes, logger headers and colours do not hide it', () => {
    expect(fatalLineOf('(EngineCore_DP0 pid=201) ERROR 12-02 10:00:00 [core.py:708] EngineCore failed to start.')?.id).toBe('vllm-engine-core-failed-to-start');
    expect(fatalLineOf('\x1b[1;36m(APIServer pid=1)\x1b[0m RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}')?.id).toBe('vllm-engine-core-initialization-failed');
    expect(fatalLineOf('[2026-12-02 10:00:00] Received sigquit from a child process. It usually means the child failed.')?.id).toBe('sglang-sigquit-from-child');
    expect(fatalLineOf('[rank0]: torch.AcceleratorError: CUDA error: an illegal memory access was encountered')?.id).toBe('cuda-error-traceback-end');
  });

  it('a CUDA error that is only mentioned (advice, an INFO line) is not one', () => {
    expect(fatalLineOf('INFO 12-02 10:00:00 [x.py:1] RuntimeError: CUDA error: retried')).toBeNull();
    expect(fatalLineOf('If you see RuntimeError: CUDA error: out of memory, lower --gpu-memory-utilization')).toBeNull();
  });
});
