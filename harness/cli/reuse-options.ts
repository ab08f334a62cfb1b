// `matrix run --reuse / --no-reuse` and the matrix's `reuse:`: which cells may keep an unchanged
// earlier verdict, and the harness version their reuse keys name.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { UsageError } from '../errors.ts';
import { DEFAULT_MAX_AGE_MS } from '../run/reuse.ts';
import type { ReuseSource } from '../run/reuse-step.ts';
import { reuseCandidates } from '../store/reuse-candidates.ts';
import type { Db } from '../store/db.ts';

export const REUSE_OPTIONS = {
  reuse: {
    type: 'boolean',
    description:
      "keep a cell's earlier verdict without starting it when nothing that decides it changed (image digest, model revision, engine command and environment, GPU and driver, probes and their options, timeouts, harness version); never a flaky or infra verdict or a cell whose verdict changed within its last 3 runs; up to the matrix's reuse.max_age or 7d old",
  },
  'no-reuse': { type: 'boolean', description: 'run every cell, also when the matrix turns reuse on (`reuse:`)' },
} as const;

/**
 * What the dispatcher may reuse, or null: `--no-reuse`, and `--last-failed` (it asks to run those
 * cells again), reuse nothing; `--reuse` every cell (its matrix's max age, else 7d); otherwise the
 * cells of a matrix with `reuse:`.
 */
export function reuseSource(db: Db, runId: string, o: { reuse?: boolean; 'no-reuse'?: boolean; 'last-failed'?: boolean }): ReuseSource | null {
  if (o.reuse && o['no-reuse']) throw new UsageError('matrix run: --reuse and --no-reuse cannot be combined', 'give one: --reuse keeps unchanged verdicts, --no-reuse runs every cell');
  if (o['no-reuse'] || o['last-failed']) return null;
  return {
    maxAgeOf: (cell) => cell.reuse?.maxAgeMs ?? (o.reuse ? DEFAULT_MAX_AGE_MS : null),
    earlier: (ids) => reuseCandidates(db, runId, ids),
  };
}

/** The run request's `reuse` and `harnessVersion`. */
export function reuseOf(db: Db, runId: string, o: Parameters<typeof reuseSource>[2]): { reuse: ReuseSource | null; harnessVersion: string } {
  return { reuse: reuseSource(db, runId, o), harnessVersion: harnessVersion() };
}

/**
 * The harness in reuse keys: the package version and the sha-256 of the bundle running it (any
 * change to the build changes it); run from sources (tsx, tests) the build is unknown: "+source".
 */
export function harnessVersion(): string {
  const file = fileURLToPath(import.meta.url);
  if (file.endsWith('.ts')) return `${pkg.version}+source`;
  return `${pkg.version}+${createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12)}`;
}
