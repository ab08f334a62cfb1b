// Which cells `matrix run` may reuse: --reuse all of them (their matrix's max age, else 7d), a
// matrix's `reuse:` its own cells, --no-reuse and --last-failed none.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harnessVersion, reuseSource } from '../../../harness/cli/reuse-options.ts';
import { UsageError } from '../../../harness/errors.ts';
import { openDb } from '../../../harness/store/db.ts';
import { makeCell } from '../../support/cell.ts';

const db = openDb(join(mkdtempSync(join(tmpdir(), 'reuse-opts-')), 'r.sqlite'));
const plain = makeCell('a/h100/m/default');
const withMatrixReuse = makeCell('b/h100/m/default', { reuse: { maxAgeMs: 3_600_000 } });

describe('reuseSource', () => {
  it('--reuse: every cell, up to its matrix max age or 7d', () => {
    const s = reuseSource(db, 'r', { reuse: true })!;
    expect(s.maxAgeOf(plain)).toBe(7 * 86_400_000);
    expect(s.maxAgeOf(withMatrixReuse)).toBe(3_600_000);
    expect(s.earlier([plain.id]).size).toBe(0);
  });

  it('without a flag: only the cells of a matrix with reuse:', () => {
    const s = reuseSource(db, 'r', {})!;
    expect(s.maxAgeOf(plain)).toBeNull();
    expect(s.maxAgeOf(withMatrixReuse)).toBe(3_600_000);
  });

  it('--no-reuse and --last-failed reuse nothing; --reuse with --no-reuse is a usage error', () => {
    expect(reuseSource(db, 'r', { 'no-reuse': true })).toBeNull();
    expect(reuseSource(db, 'r', { reuse: true, 'last-failed': true })).toBeNull();
    expect(() => reuseSource(db, 'r', { reuse: true, 'no-reuse': true })).toThrow(UsageError);
  });

  it('names the harness by its package version (run from sources: +source)', () => {
    expect(harnessVersion()).toMatch(/^\d+\.\d+\.\d+\+source$/);
  });
});
