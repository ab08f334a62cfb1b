// zod issues → located, human matrix issues ("did you mean", missing keys, wrong types). Pure.
import { z } from 'zod';
import type { MatrixIssue } from '../errors.ts';
import { DURATION_HINT } from './duration.ts';
import { didYouMean } from './suggest.ts';
import type { Path, Source } from './source.ts';

/** `images[0].options.attention` */
export function pathText(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out || 'the file';
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export function typeWord(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v}"`;
  return `${typeof v === 'number' && Number.isInteger(v) ? 'the integer' : typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/** Keys of the object schema found by following `path` through wrappers, arrays and records. */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  let s: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    for (let i = 0; i < 10 && s; i++) {
      const def = s._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType;
      else if (def.type === 'pipe') s = def.in;
      else break;
    }
  };
  for (const seg of path) {
    unwrap();
    if (!s) return [];
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return [];
  }
  unwrap();
  const def = s?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function where(path: Path): string {
  return path.length ? ` in ${pathText(path)}` : '';
}

export function zodIssues(error: z.ZodError, source: Source, schema: z.ZodType): MatrixIssue[] {
  const out = error.issues.flatMap((iss) => {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = valueAt(source.value, path);
    return value === undefined && iss.code !== 'unrecognized_keys' ? [missingKey(iss, path, source)] : issuesAt(iss, path, value, source, schema);
  });
  return out.map((i) => (i.hint === undefined ? { loc: i.loc, message: i.message } : i));
}

/** A required key the file does not have: located at its parent, with what to write. */
function missingKey(iss: z.core.$ZodIssue, path: Path, source: Source): MatrixIssue {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const expected =
    iss.code === 'invalid_type' ? EXPECTED[iss.expected] ?? iss.expected : iss.code === 'invalid_value' ? `one of ${iss.values.map(String).join(', ')}` : 'a value';
  const hint = key === 'version' ? 'start the file with `version: 1`' : `add \`${key}:\` (${expected})`;
  return { loc: source.at(parent), message: `missing required key "${key}"${where(parent)}`, hint };
}

/** What one zod issue says about a value the file has, in the matrix's words. */
function issuesAt(iss: z.core.$ZodIssue, path: Path, value: unknown, source: Source, schema: z.ZodType): MatrixIssue[] {
  const name = pathText(path);
  switch (iss.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path);
      return iss.keys.map((key) => {
        const hint = didYouMean(key, allowed) ?? (allowed.length ? `allowed keys here: ${allowed.join(', ')}` : undefined);
        return { loc: source.keyAt([...path, key]), message: `unknown key "${key}"${where(path)}`, ...(hint ? { hint } : {}) };
      });
    }
    case 'invalid_type': {
      const isDuration = path[path.length - 2] === 'timeouts';
      return [{ loc: source.at(path), message: `${name}: expected ${isDuration ? 'a duration' : EXPECTED[iss.expected] ?? iss.expected}, got ${typeWord(value)}`, ...(isDuration ? { hint: DURATION_HINT } : {}) }];
    }
    case 'invalid_value': {
      const values = iss.values.map(String);
      if (path.length === 1 && path[0] === 'version') {
        return [{ loc: source.at(path), message: `unsupported matrix format version ${JSON.stringify(value)}`, hint: 'this harness reads `version: 1`' }];
      }
      const hint = typeof value === 'string' ? didYouMean(value, values) : undefined;
      return [{ loc: source.at(path), message: `${name}: ${typeWord(value)} is not one of ${values.join(', ')}`, ...(hint ? { hint } : {}) }];
    }
    case 'too_small': {
      const isList = iss.origin === 'array';
      const isText = iss.origin === 'string';
      const message = isList || isText
        ? `${name}: must not be empty`
        : `${name}: must be ${iss.inclusive === false ? 'greater than' : 'at least'} ${String(iss.minimum)} (got ${String(value)})`;
      const hint = isList ? 'list at least one entry, or remove the key' : isText ? 'write a value, or remove the key' : undefined;
      return [{ loc: source.at(path), message, ...(hint ? { hint } : {}) }];
    }
    case 'too_big':
      return [{ loc: source.at(path), message: `${name}: must be at most ${String(iss.maximum)} (got ${String(value)})` }];
    case 'invalid_union': {
      const wanted = path[0] === 'gpus' ? 'a GPU name' : path[path.length - 2] === 'env' ? 'a string, a number or true/false' : 'a string or a list of strings';
      return [{ loc: source.at(path), message: `${name}: expected ${wanted}, got ${typeWord(value)}` }];
    }
    case 'invalid_format':
      return [{ loc: source.at(path), message: `${name}: ${typeWord(value)} is not a valid ${iss.format === 'url' ? 'URL' : iss.format}`, hint: iss.format === 'url' ? 'write a full link, e.g. https://github.com/owner/repo/issues/1' : undefined }];
    case 'custom': {
      const hint = (iss.params as { hint?: string } | undefined)?.hint;
      return [{ loc: source.at(path), message: `${name}: ${iss.message}`, ...(hint ? { hint } : {}) }];
    }
    default:
      return [{ loc: source.at(path), message: `${name}: ${iss.message}` }];
  }
}
