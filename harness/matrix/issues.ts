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
  const out: MatrixIssue[] = [];
  for (const iss of error.issues) {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = valueAt(source.value, path);
    const name = pathText(path);
    if (value === undefined && iss.code !== 'unrecognized_keys') {
      const parent = path.slice(0, -1);
      const key = String(path[path.length - 1]);
      const expected =
        iss.code === 'invalid_type' ? EXPECTED[iss.expected] ?? iss.expected : iss.code === 'invalid_value' ? `one of ${iss.values.map(String).join(', ')}` : 'a value';
      const hint = key === 'version' ? 'start the file with `version: 1`' : `add \`${key}:\` (${expected})`;
      out.push({ loc: source.at(parent), message: `missing required key "${key}"${where(parent)}`, hint });
      continue;
    }
    switch (iss.code) {
      case 'unrecognized_keys': {
        const allowed = keysAt(schema, path);
        for (const key of iss.keys) {
          const hint = didYouMean(key, allowed) ?? (allowed.length ? `allowed keys here: ${allowed.join(', ')}` : undefined);
          out.push({ loc: source.keyAt([...path, key]), message: `unknown key "${key}"${where(path)}`, ...(hint ? { hint } : {}) });
        }
        break;
      }
      case 'invalid_type': {
        const isDuration = path[path.length - 2] === 'timeouts';
        out.push({ loc: source.at(path), message: `${name}: expected ${isDuration ? 'a duration' : EXPECTED[iss.expected] ?? iss.expected}, got ${typeWord(value)}`, ...(isDuration ? { hint: DURATION_HINT } : {}) });
        break;
      }
      case 'invalid_value': {
        const values = iss.values.map(String);
        if (path.length === 1 && path[0] === 'version') {
          out.push({ loc: source.at(path), message: `unsupported matrix format version ${JSON.stringify(value)}`, hint: 'this harness reads `version: 1`' });
          break;
        }
        const hint = typeof value === 'string' ? didYouMean(value, values) : undefined;
        out.push({ loc: source.at(path), message: `${name}: ${typeWord(value)} is not one of ${values.join(', ')}`, ...(hint ? { hint } : {}) });
        break;
      }
      case 'too_small': {
        const isList = iss.origin === 'array';
        const isText = iss.origin === 'string';
        const message = isList || isText
          ? `${name}: must not be empty`
          : `${name}: must be ${iss.inclusive === false ? 'greater than' : 'at least'} ${String(iss.minimum)} (got ${String(value)})`;
        const hint = isList ? 'list at least one entry, or remove the key' : isText ? 'write a value, or remove the key' : undefined;
        out.push({ loc: source.at(path), message, ...(hint ? { hint } : {}) });
        break;
      }
      case 'too_big':
        out.push({ loc: source.at(path), message: `${name}: must be at most ${String(iss.maximum)} (got ${String(value)})` });
        break;
      case 'invalid_union': {
        const wanted = path[0] === 'gpus' ? 'a GPU name' : path[path.length - 2] === 'env' ? 'a string, a number or true/false' : 'a string or a list of strings';
        out.push({ loc: source.at(path), message: `${name}: expected ${wanted}, got ${typeWord(value)}` });
        break;
      }
      case 'invalid_format':
        out.push({ loc: source.at(path), message: `${name}: ${typeWord(value)} is not a valid ${iss.format === 'url' ? 'URL' : iss.format}`, hint: iss.format === 'url' ? 'write a full link, e.g. https://github.com/owner/repo/issues/1' : undefined });
        break;
      case 'custom': {
        const hint = (iss.params as { hint?: string } | undefined)?.hint;
        out.push({ loc: source.at(path), message: `${name}: ${iss.message}`, ...(hint ? { hint } : {}) });
        break;
      }
      default:
        out.push({ loc: source.at(path), message: `${name}: ${iss.message}` });
    }
  }
  return out.map((i) => (i.hint === undefined ? { loc: i.loc, message: i.message } : i));
}
