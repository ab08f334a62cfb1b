// What an image's Python packages say about themselves, read from their files' text (pure): a
// distribution's version (dist-info METADATA, or the package's own version file) and which model
// types the image's transformers knows (CONFIG_MAPPING_NAMES). The model-against-image preflight
// uses them to find what seed 001 met: a container whose transformers is too old for the model.
//
// Formats, as upstream defines them:
// - METADATA: "Name: …" and "Version: …" header fields of the core metadata, one per line, before
//   the first blank line (https://packaging.python.org/en/latest/specifications/core-metadata/,
//   fields "Name" and "Version"); its directory is `{name}-{version}.dist-info`
//   (https://packaging.python.org/en/latest/specifications/recording-installed-packages/).
// - transformers' version: huggingface/transformers 00031785a846:src/transformers/__init__.py:25
//   `__version__ = "4.3.0.dev0"` (the same assignment in every release since).
// - model types: huggingface/transformers 001002320fa0:src/transformers/models/auto/configuration_auto.py:35
//   `CONFIG_MAPPING_NAMES = OrderedDict[str, str](` then one `("afmoe", "AfmoeConfig"),` per line;
//   older releases spell it `OrderedDict(` and newer ones may build it in auto_mappings.py, so the
//   parser reads any CONFIG_MAPPING_NAMES assignment's pairs, tuple or dict or keyword spelled.

/** A value read at a line of a file. */
export interface LineValue {
  value: string;
  /** 1-based line of the file. */
  line: number;
}

/** Name and Version of a dist-info METADATA file, or null when the headers lack either. */
export function parseDistMetadata(text: string): { name: LineValue; version: LineValue } | null {
  let name: LineValue | null = null;
  let version: LineValue | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') break; // the headers end at the first blank line; the description follows
    const m = /^(Name|Version):\s*(\S+)\s*$/i.exec(l);
    if (m && m[1]!.toLowerCase() === 'name') name ??= { value: m[2]!, line: i + 1 };
    if (m && m[1]!.toLowerCase() === 'version') version ??= { value: m[2]!, line: i + 1 };
  }
  return name && version ? { name, version } : null;
}

/** Is this path a dist-info METADATA of one of `packages` (normalized names: `-`/`.` as `_`, any case)? */
export function distInfoPackage(path: string, packages: readonly string[]): string | null {
  const m = /\/([^/]+?)-[^/-]+\.dist-info\/METADATA$/.exec(path);
  if (!m) return null;
  const norm = (s: string) => s.toLowerCase().replace(/[-.]/g, '_');
  return packages.find((p) => norm(p) === norm(m[1]!)) ?? null;
}

/**
 * `__version__ = "x"` of a package's version file: transformers' `__init__.py`, SGLang's old
 * `version.py`, or the `_version.py` setuptools-scm writes (`__version__ = version = '0.11.0'`).
 */
export function parseVersionAssignment(text: string): LineValue | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^__version__\s*(?::\s*str\s*)?=\s*(?:version\s*=\s*)?(["'])([^"']+)\1/.exec(lines[i]!);
    if (m) return { value: m[2]!, line: i + 1 };
  }
  return null;
}

/** A line without its `#` comment (quotes respected). */
export function stripPythonComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/**
 * The lines (0-based start, end inclusive) of every Python assignment to `name` at the start of a
 * line, up to where its brackets balance: `NAME = {`, `NAME: dict[…] = Lazy(…`, `NAME = [`.
 */
export function assignmentBlocks(lines: readonly string[], name: string): Array<{ start: number; end: number }> {
  const head = new RegExp(`^${name}\\s*(?::[^=]*)?=(?!=)`);
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!head.test(lines[i]!)) continue;
    let depth = 0;
    let j = i;
    for (; j < lines.length; j++) {
      for (const c of stripPythonComment(lines[j]!).replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""')) {
        if (c === '(' || c === '[' || c === '{') depth++;
        else if (c === ')' || c === ']' || c === '}') depth--;
      }
      if (depth <= 0) break;
    }
    out.push({ start: i, end: Math.min(j, lines.length - 1) });
    i = j;
  }
  return out;
}

export type KeyStyle = 'tuple' | 'dict' | 'keyword';

const KEY_PATTERNS: Record<KeyStyle, RegExp> = {
  tuple: /\(\s*(["'])([^"']+)\1\s*,/g, // ("key", "Value")
  dict: /(["'])([^"']+)\1\s*:/g, // "key": Value
  keyword: /(?:^|[\s(,])()([A-Za-z_]\w*)\s*=\s*["']/g, // key="Value"
};

/** The string keys of a mapping block, spelled in the given styles, with their (1-based) lines. */
export function mappingKeys(lines: readonly string[], block: { start: number; end: number }, styles: readonly KeyStyle[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (let i = block.start; i <= block.end; i++) {
    const l = stripPythonComment(lines[i]!);
    const body = i === block.start ? l.slice(l.indexOf('=') + 1) : l;
    for (const re of styles.map((s) => KEY_PATTERNS[s])) {
      for (const m of body.matchAll(re)) if (!keys.has(m[2]!)) keys.set(m[2]!, i + 1);
    }
  }
  return keys;
}

/**
 * The model types transformers' configuration_auto.py (or auto_mappings.py) maps to a config
 * class, each with its line; null when the file holds no CONFIG_MAPPING_NAMES assignment (a
 * layout this parser does not know: the caller says the file could not be read).
 */
export function parseConfigMappingNames(text: string): Map<string, number> | null {
  const lines = text.split(/\r?\n/);
  const blocks = assignmentBlocks(lines, 'CONFIG_MAPPING_NAMES');
  if (blocks.length === 0) return null;
  const types = new Map<string, number>();
  for (const b of blocks) for (const [k, line] of mappingKeys(lines, b, ['tuple', 'dict', 'keyword'])) if (!types.has(k)) types.set(k, line);
  return types.size > 0 ? types : null;
}
