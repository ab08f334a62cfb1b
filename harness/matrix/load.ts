// Matrix files → validated Matrix values. Every mistake in a file is collected and thrown as
// one MatrixError whose lines read `file:line:col: message` with a hint. Reading files is the
// only effect; loadMatrixText is pure given its options.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { MatrixError, type MatrixIssue } from '../errors.ts';
import { buildMatrix } from './build.ts';
import type { Lookup } from './interpolate.ts';
import { zodIssues } from './issues.ts';
import type { Matrix } from './matrix.ts';
import { checkRefs } from './refs.ts';
import { MatrixSchema, type RawMatrix } from './schema.ts';
import { parseSource } from './source.ts';

export interface LoadOptions {
  /** Reads `${VAR}`; defaults to process.env. */
  env?: Lookup | Record<string, string | undefined>;
  /** Does a custom probe module (absolute path) exist? Defaults to the file system. */
  fileExists?: (absPath: string) => boolean;
}

function byPosition(a: MatrixIssue, b: MatrixIssue): number {
  return a.loc.line - b.loc.line || a.loc.col - b.loc.col;
}

function lookupOf(env: LoadOptions['env']): Lookup {
  if (typeof env === 'function') return env;
  const vars = env ?? process.env;
  return (name) => vars[name];
}

/** Validate matrix text; `file` is used in messages and to resolve custom probe modules. */
export function loadMatrixText(text: string, file: string, opts: LoadOptions = {}): Matrix {
  const parsed = parseSource(text, file);
  if (!parsed.ok) throw new MatrixError(parsed.issues);
  const { source } = parsed;
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new MatrixError([{ loc: { file, line: 1, col: 1 }, message: 'a matrix file must be a mapping with version, images, gpus and models', hint: 'see docs/matrix.md for the format' }]);
  }
  const dir = dirname(resolve(file));
  const exists = opts.fileExists ?? existsSync;
  const lookup = lookupOf(opts.env);
  const result = MatrixSchema.safeParse(source.value);
  const issues = result.success ? [] : zodIssues(result.error, source, MatrixSchema);
  issues.push(...checkRefs({ source, lookup, probeExists: (p) => exists(resolve(dir, p)) }));
  if (issues.length > 0 || !result.success) {
    throw new MatrixError(dedupe(issues).sort(byPosition));
  }
  return buildMatrix({
    raw: result.data as RawMatrix,
    source,
    file,
    dir,
    defaultName: basename(file, extname(file)),
    lookup,
    resolveProbe: (p) => resolve(dir, p),
  });
}

function dedupe(issues: MatrixIssue[]): MatrixIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.loc.line}:${i.loc.col}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function loadMatrix(path: string, opts: LoadOptions = {}): Matrix {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new MatrixError([{ loc: { file: path, line: 1, col: 1 }, message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`, hint: 'check the path of the matrix file' }]);
  }
  return loadMatrixText(text, path, opts);
}

/** Load several files; mistakes of all files are reported together. */
export function loadMatrices(paths: string[], opts: LoadOptions = {}): Matrix[] {
  const out: Matrix[] = [];
  const issues: MatrixIssue[] = [];
  for (const p of paths) {
    try {
      out.push(loadMatrix(p, opts));
    } catch (e) {
      if (e instanceof MatrixError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new MatrixError(issues);
  return out;
}
