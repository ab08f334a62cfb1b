// The malformed-matrix corpus: every file in test/fixtures/matrices/bad must fail to load (or, for
// a probe module that is not a probe, to plan) with exactly the text in its .expected file, and
// every line must be located as file:line:col.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../../harness/errors.ts';
import { loadMatrixText } from '../../../harness/matrix/load.ts';
import { loadMatrixProbes } from '../../../harness/probes/matrix-probes.ts';

const dir = join(import.meta.dirname, '../../fixtures/matrices/bad');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

const env = { HF_TOKEN: 'hf_test' };

/** The file's error: from loading it, or (a probe module that is not a probe) from planning it. */
async function loadError(file: string): Promise<MatrixError> {
  const text = readFileSync(join(dir, file), 'utf8');
  try {
    loadMatrixText(text, file, { env, fileExists: (p) => existsSync(join(dir, basename(p))) });
  } catch (e) {
    if (e instanceof MatrixError) return e;
    throw e;
  }
  try {
    // Loaded from its real place so its modules resolve; the messages name it as given.
    await loadMatrixProbes([loadMatrixText(text, join(dir, file), { env })]);
  } catch (e) {
    if (e instanceof MatrixError) return new MatrixError(e.issues.map((i) => ({ ...i, loc: { ...i.loc, file } })));
    throw e;
  }
  throw new Error(`${file} loaded and planned without an error`);
}

describe('malformed matrices', () => {
  it('has a corpus of at least 35 files, each with its expected message', () => {
    expect(files.length).toBeGreaterThanOrEqual(35);
    for (const f of files) expect(readdirSync(dir)).toContain(f.replace(/\.yaml$/, '.expected'));
  });

  it.each(files)('%s', async (file) => {
    const err = await loadError(file);
    const expected = readFileSync(join(dir, file.replace(/\.yaml$/, '.expected')), 'utf8');
    expect(err.message + '\n').toBe(expected);
    for (const line of err.message.split('\n')) {
      expect(line).toMatch(line.startsWith('  hint: ') ? /^ {2}hint: \S/ : new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: \\S`));
    }
    expect(err.exitCode).toBe(2);
  });

  it('reports every mistake of a file, in file order', async () => {
    const err = await loadError('44-several-errors.yaml');
    expect(err.issues).toHaveLength(4);
    const lines = err.issues.map((i) => i.loc.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
