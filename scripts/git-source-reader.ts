// Reads files of one commit out of a bare git dir, for the engine audits (scripts/audit-*.ts): the
// lines of `<ref>:<path>`, or null where the commit has no such file. Each file is read once.
import { execFileSync } from 'node:child_process';

export interface GitSourceReader {
  lines(path: string): readonly string[] | null;
}

export function gitReader(gitDir: string, ref: string): GitSourceReader {
  const cache = new Map<string, readonly string[] | null>();
  return {
    lines(path) {
      if (!cache.has(path)) {
        try {
          const text = execFileSync('git', ['--git-dir', gitDir, 'show', `${ref}:${path}`], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
          cache.set(path, text.split('\n'));
        } catch {
          cache.set(path, null);
        }
      }
      return cache.get(path) ?? null;
    },
  };
}
