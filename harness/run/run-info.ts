// Facts about this run: id, host, runner labels, git commit, matrix file hashes.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { RunInfo } from '../core/events.ts';

/** A sortable run id: 20261122-063512-1a2b. GITHUB_RUN_ID-based ids come from --run-id / MATRIX_RUN_ID. */
export function newRunId(now = new Date()): string {
  const iso = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${iso}-${randomBytes(2).toString('hex')}`;
}

export function gitCommit(cwd = process.cwd()): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return process.env.GITHUB_SHA ?? null;
  }
}

export function runnerLabels(): string[] {
  const raw = process.env.MATRIX_RUNNER_LABELS ?? process.env.RUNNER_LABELS ?? '';
  const labels = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (process.env.RUNNER_NAME) labels.unshift(`runner:${process.env.RUNNER_NAME}`);
  return labels;
}

export function fileHashes(paths: string[]): RunInfo['matrixFiles'] {
  return paths.map((path) => ({ path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') }));
}

export function runInfo(input: { id: string; files: string[]; emulate: boolean; argv: string[]; dbPath: string; outDir: string; resumedFrom: string | null }): RunInfo {
  return {
    id: input.id,
    startedAt: new Date().toISOString(),
    host: hostname(),
    runnerLabels: runnerLabels(),
    gitCommit: gitCommit(),
    matrixFiles: fileHashes(input.files),
    emulate: input.emulate,
    argv: input.argv,
    dbPath: input.dbPath,
    outDir: input.outDir,
    resumedFrom: input.resumedFrom,
  };
}
