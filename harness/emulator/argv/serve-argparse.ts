// A small model of Python's argparse, enough to parse an inference server's command line the way
// the real one does and to fail with argparse's own words (usage line, "prog: error: …", exit 2).
// Python's argparse (Lib/argparse.py) formats: "unrecognized arguments: A B", "argument X:
// expected one argument", "argument X: invalid int value: 'v'", "argument X: invalid choice: 'v'
// (choose from 'a', 'b')", "the following arguments are required: X".

export type ArgType = 'str' | 'int' | 'float' | 'json' | 'flag' | 'human-int';

export interface ArgSpec {
  /** Option strings, the long name first (e.g. ['--tensor-parallel-size', '-tp']). */
  flags: readonly string[];
  dest: string;
  type: ArgType;
  choices?: readonly string[];
  /** argparse.BooleanOptionalAction: `--no-<name>` stores false. */
  negatable?: boolean;
  /** nargs='+': one or more values (the first is kept). */
  many?: boolean;
  /** For json args: a custom converter for non-JSON text (e.g. `image=4,video=1`); returns an error text or the value. */
  fallback?: (text: string) => { value: unknown } | { error: string };
}

export interface ParserSpec {
  prog: string;
  usage: string;
  args: readonly ArgSpec[];
  /** Dest of the one optional positional (vLLM's model_tag), if any. */
  positional?: string;
  /** vLLM's FlexibleArgumentParser: `--max_model_len` means `--max-model-len`. */
  underscoresAsDashes: boolean;
  /** Dotted json keys: `--compilation-config.cudagraph_mode=FULL`, `-O.cudagraph_mode=FULL`. */
  dottedJson: boolean;
  required?: readonly string[];
  /** argparse's allow_abbrev (the default; SGLang keeps it): a unique prefix of a long option stands for it. */
  allowAbbrev?: boolean;
}

export type ArgValues = Record<string, unknown>;
export type ArgParseResult = { ok: true; values: ArgValues } | { ok: false; exitCode: 2; stderr: string };

const HUMAN = /^(\d+(?:\.\d+)?)([kmgKMG]?)$/;

function display(spec: ArgSpec): string {
  return spec.flags.join('/');
}

function quote(s: string): string {
  return `'${s}'`;
}

function looksLikeFlag(tok: string | undefined): boolean {
  return tok !== undefined && tok.startsWith('-') && !/^-\d/.test(tok);
}

/** Converts one value; returns the converted value or argparse's error text. */
function convert(spec: ArgSpec, raw: string): { value: unknown } | { error: string } {
  const name = display(spec);
  switch (spec.type) {
    case 'int':
      return /^[-+]?\d+$/.test(raw.trim()) ? { value: Number.parseInt(raw, 10) } : { error: `argument ${name}: invalid int value: ${quote(raw)}` };
    case 'float': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? { value: n } : { error: `argument ${name}: invalid float value: ${quote(raw)}` };
    }
    case 'human-int': {
      // vLLM's human_readable_int: k/m/g are powers of 1000, K/M/G powers of 1024.
      const m = HUMAN.exec(raw.trim());
      if (!m) return { error: `argument ${name}: invalid human_readable_int value: ${quote(raw)}` };
      const unit = m[2] ?? '';
      const scale: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
      return { value: Math.round(Number(m[1]) * (scale[unit] ?? 1)) };
    }
    case 'json':
      try {
        return { value: JSON.parse(raw) as unknown };
      } catch {
        if (spec.fallback) return spec.fallback(raw);
        return { error: `argument ${name}: invalid loads value: ${quote(raw)}` };
      }
    case 'str':
    case 'flag':
      if (spec.choices && !spec.choices.includes(raw)) {
        return { error: `argument ${name}: invalid choice: ${quote(raw)} (choose from ${spec.choices.map(quote).join(', ')})` };
      }
      return { value: raw };
  }
}

/** Parses a dotted value (`true`, `3`, `"x"`, `{…}`) as JSON where it can, else keeps the text. */
function dottedValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
}

function longMatches(name: string, byFlag: ReadonlyMap<string, ArgSpec>): string[] {
  return [...byFlag.keys()].filter((f) => f.startsWith('--') && f.startsWith(name));
}

/** The option a unique prefix stands for (undefined: none; null: ambiguous), when the parser allows abbreviations. */
function abbreviation(name: string, byFlag: ReadonlyMap<string, ArgSpec>, spec: ParserSpec): ArgSpec | null | undefined {
  if (spec.allowAbbrev !== true || !name.startsWith('--')) return undefined;
  const hits = new Set(longMatches(name, byFlag).map((f) => byFlag.get(f)));
  if (hits.size > 1) return null;
  return [...hits][0];
}

/** The option name and any `=value` of a flag token, as the parser rewrites them (underscores, `-O3`). */
function splitFlag(tok: string, spec: ParserSpec): { name: string; inline: string | undefined } {
  const eq = tok.indexOf('=');
  let name = eq >= 0 ? tok.slice(0, eq) : tok;
  let inline = eq >= 0 ? tok.slice(eq + 1) : undefined;
  // FlexibleArgumentParser rewrites underscores only before the first dot (dotted keys keep theirs).
  if (spec.underscoresAsDashes && name.startsWith('--')) name = name.replace(/^--[^.]*/, (key) => key.replace(/_/g, '-'));
  // -O3 is vLLM's optimization-level shorthand: `-O` with the value attached.
  const attached = /^(-O)(\d)$/.exec(name);
  if (attached && inline === undefined) {
    name = attached[1] as string;
    inline = attached[2];
  }
  return { name, inline };
}

/** The option a name stands for: itself, a unique abbreviation, or `--no-X` of a negatable X (null: ambiguous). */
function optionFor(name: string, byFlag: ReadonlyMap<string, ArgSpec>, spec: ParserSpec): { a: ArgSpec | undefined; negated: boolean } | null {
  const a = byFlag.get(name) ?? abbreviation(name, byFlag, spec);
  if (a === null) return null;
  if (a === undefined && name.startsWith('--no-')) {
    const positive = byFlag.get(`--${name.slice(5)}`);
    if (positive?.negatable) return { a: positive, negated: true };
  }
  return { a, negated: false };
}

interface ParseState {
  readonly argv: readonly string[];
  i: number;
  readonly values: ArgValues;
  readonly dotted: Map<string, Record<string, unknown>>;
  readonly unrecognized: string[];
}

/** `--json-flag.key.sub value`: one key of a JSON option (vLLM's dotted arguments). Returns an error, true when taken, false when not dotted. */
function takeDotted(st: ParseState, name: string, inline: string | undefined, byFlag: ReadonlyMap<string, ArgSpec>, spec: ParserSpec): string | boolean {
  const dot = spec.dottedJson ? name.indexOf('.') : -1;
  if (dot <= 0) return false;
  const base = byFlag.get(name.slice(0, dot));
  if (base?.type !== 'json') return false;
  const raw = inline ?? st.argv[st.i + 1];
  if (raw === undefined) return `argument ${display(base)}: expected one argument`;
  if (inline === undefined) st.i++;
  const obj = st.dotted.get(base.dest) ?? {};
  setPath(obj, name.slice(dot + 1).split('.'), dottedValue(raw));
  st.dotted.set(base.dest, obj);
  return true;
}

/** The value(s) of a valued option (inline or the tokens after it), converted; an error message on failure. */
function takeValue(st: ParseState, a: ArgSpec, inline: string | undefined): string | null {
  const raws: string[] = [];
  if (inline !== undefined) raws.push(inline);
  else {
    while (st.i + 1 < st.argv.length && !looksLikeFlag(st.argv[st.i + 1])) {
      raws.push(st.argv[++st.i] as string);
      if (!a.many) break;
    }
  }
  if (raws.length === 0) return `argument ${display(a)}: expected ${a.many ? 'at least one argument' : 'one argument'}`;
  const converted = convert(a, raws[0] as string);
  if ('error' in converted) return converted.error;
  st.values[a.dest] = converted.value;
  return null;
}

/** One flag token at st.i; an error message, or null. */
function takeFlag(st: ParseState, tok: string, byFlag: ReadonlyMap<string, ArgSpec>, spec: ParserSpec): string | null {
  const { name, inline } = splitFlag(tok, spec);
  const dotted = takeDotted(st, name, inline, byFlag, spec);
  if (typeof dotted === 'string') return dotted;
  if (dotted) return null;
  const found = optionFor(name, byFlag, spec);
  if (found === null) return `ambiguous option: ${name} could match ${longMatches(name, byFlag).join(', ')}`;
  const { a, negated } = found;
  if (a === undefined) {
    st.unrecognized.push(tok);
    return null;
  }
  if (a.type !== 'flag') return takeValue(st, a, inline);
  if (inline !== undefined) return `argument ${display(a)}: ignored explicit argument ${quote(inline)}`;
  st.values[a.dest] = !negated;
  return null;
}

/** argparse's checks after the last token: dotted keys merged, required options, unrecognized arguments. */
function finish(st: ParseState, spec: ParserSpec): string | null {
  for (const [dest, obj] of st.dotted) {
    const prior = st.values[dest];
    st.values[dest] = typeof prior === 'object' && prior !== null ? { ...(prior as object), ...obj } : obj;
  }
  const missing = (spec.required ?? []).filter((dest) => !(dest in st.values));
  if (missing.length > 0) {
    const names = missing.map((d) => spec.args.find((a) => a.dest === d)).map((a) => (a ? display(a) : ''));
    return `the following arguments are required: ${names.join(', ')}`;
  }
  return st.unrecognized.length > 0 ? `unrecognized arguments: ${st.unrecognized.join(' ')}` : null;
}

export function parseArgs(argv: readonly string[], spec: ParserSpec): ArgParseResult {
  const byFlag = new Map<string, ArgSpec>();
  for (const a of spec.args) for (const f of a.flags) byFlag.set(f, a);
  const st: ParseState = { argv, i: 0, values: {}, dotted: new Map(), unrecognized: [] };
  const fail = (message: string): ArgParseResult => ({ ok: false, exitCode: 2, stderr: `${spec.usage}\n${spec.prog}: error: ${message}\n` });
  for (; st.i < argv.length; st.i++) {
    const tok = argv[st.i] as string;
    if (!looksLikeFlag(tok)) {
      if (spec.positional !== undefined && !(spec.positional in st.values)) st.values[spec.positional] = tok;
      else st.unrecognized.push(tok);
      continue;
    }
    const error = takeFlag(st, tok, byFlag, spec);
    if (error !== null) return fail(error);
  }
  const error = finish(st, spec);
  return error === null ? { ok: true, values: st.values } : fail(error);
}
