// The malformed-matrix corpus: every file in test/fixtures/matrices/bad must fail to load with
// exactly the text in its .expected file, and every line must be located as file:line:col.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../../harness/errors.ts';
import { loadMatrixText } from '../../../harness/matrix/load.ts';

const dir = join(import.meta.dirname, '../../fixtures/matrices/bad');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function loadError(file: string): MatrixError {
  const text = readFileSync(join(dir, file), 'utf8');
  try {
    loadMatrixText(text, file, { env: { HF_TOKEN: 'hf_test' }, fileExists: () => false });
  } catch (e) {
    if (e instanceof MatrixError) return e;
    throw e;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('malformed matrices', () => {
  it('has a corpus of at least 35 files, each with its expected message', () => {
    expect(files.length).toBeGreaterThanOrEqual(35);
    for (const f of files) expect(readdirSync(dir)).toContain(f.replace(/\.yaml$/, '.expected'));
  });

  it.each(files)('%s', (file) => {
    const err = loadError(file);
    const expected = readFileSync(join(dir, file.replace(/\.yaml$/, '.expected')), 'utf8');
    expect(err.message + '\n').toBe(expected);
    for (const line of err.message.split('\n')) {
      expect(line).toMatch(line.startsWith('  hint: ') ? /^ {2}hint: \S/ : new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: \\S`));
    }
    expect(err.exitCode).toBe(2);
  });

  it('reports every mistake of a file, in file order', () => {
    const err = loadError('44-several-errors.yaml');
    expect(err.issues).toHaveLength(4);
    const lines = err.issues.map((i) => i.loc.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
