// Declarative CLI options (the Vitest way): each verb exports a CommandSpec; the parser, the
// help text and the usage errors all come from the table.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { didYouMean } from '../matrix/suggest.ts';
import { columns } from '../run/reporters/columns.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  /** Value name shown in help, e.g. "NAME". */
  arg?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Allowed values for a string option. */
  choices?: readonly string[];
  /** The command refuses to run without it (no default is chosen for the user). */
  required?: boolean;
  /**
   * A string option's typed value (each value of a `multiple` one), from its text and its flag name:
   * throws a UsageError naming the flag when the text is not one. Applied to the default too.
   */
  parse?: (value: string, flag: string) => unknown;
}

/** One option's value as the verb receives it: parsed when the option says how, else its text or boolean. */
type OptionValue<S extends OptionSpec> = S extends { parse: (value: string, flag: string) => infer R }
  ? S['multiple'] extends true ? R[] : R
  : S['type'] extends 'boolean'
    ? boolean
    : S['multiple'] extends true
      ? string[]
      : S extends { choices: readonly (infer C)[] } ? C : string;

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  summary: string;
  /** e.g. "FILE... [options]" */
  usage: string;
  /** Positional arguments: min count, description. */
  positionals?: { min: number; max?: number; name: string };
  options: O;
  examples?: string[];
  run(args: ParsedArgs<O>): Promise<number>;
}

export type ParsedArgs<O extends Record<string, OptionSpec>> = {
  positionals: string[];
  /** An option with a default always has a value; the others may be absent. */
  values: { [K in keyof O]: O[K] extends { default: string | boolean } ? OptionValue<O[K]> : OptionValue<O[K]> | undefined };
};

export function defineCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

export function parseCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: string[]): ParsedArgs<O> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(`matrix ${spec.name}: ${msg}`, optionHint(spec, msg));
  }
  const values = parsed.values as Record<string, unknown>;
  for (const [name, o] of Object.entries(spec.options)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.default;
    const v = values[name];
    if (o.required && v === undefined) {
      throw new UsageError(`matrix ${spec.name}: --${name} is required`, `${o.description}; usage: matrix ${spec.name} ${spec.usage}`);
    }
    if (o.choices && typeof v === 'string' && !o.choices.includes(v)) {
      throw new UsageError(`matrix ${spec.name}: --${name} must be one of ${o.choices.join(', ')} (got "${v}")`);
    }
    const parse = o.parse;
    if (parse && v !== undefined) {
      try {
        values[name] = Array.isArray(v) ? v.map((x: string) => parse(x, name)) : parse(String(v), name);
      } catch (e) {
        // an option's own check says what is wrong with the value; the command says where, the help what it is for
        if (!(e instanceof UsageError) || e.message.startsWith('matrix ')) throw e;
        throw new UsageError(`matrix ${spec.name}: ${e.message}`, e.hint ?? `--${name}: ${o.description}; run \`matrix ${spec.name} --help\` for the options`);
      }
    }
  }
  const pos = spec.positionals;
  if (pos && parsed.positionals.length < pos.min) {
    throw new UsageError(`matrix ${spec.name}: missing ${pos.name}`, `usage: matrix ${spec.name} ${spec.usage}`);
  }
  if (pos?.max !== undefined && parsed.positionals.length > pos.max) {
    throw new UsageError(`matrix ${spec.name}: too many arguments (${parsed.positionals.slice(pos.max).join(' ')})`, `usage: matrix ${spec.name} ${spec.usage}`);
  }
  if (!pos && parsed.positionals.length > 0) {
    throw new UsageError(`matrix ${spec.name}: unexpected argument "${parsed.positionals[0]}"`, `usage: matrix ${spec.name} ${spec.usage}`);
  }
  return { positionals: parsed.positionals, values } as ParsedArgs<O>;
}

/** For an unknown option, the closest options of the command ("did you mean …?"); always how to list them. */
function optionHint(spec: CommandSpec, msg: string): string {
  const list = `run \`matrix ${spec.name} --help\` for the options`;
  const unknown = /^Unknown option '(-[^'=]*)/.exec(msg)?.[1];
  if (!unknown) return list;
  const flags = [...Object.entries(spec.options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]), '--help'];
  const dym = didYouMean(unknown, flags);
  return dym ? `${dym} (${list})` : list;
}

export function helpText(spec: CommandSpec): string {
  const lines = [`matrix ${spec.name} — ${spec.summary}`, '', `usage: matrix ${spec.name} ${spec.usage}`, ''];
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    const extra = [o.required ? 'required' : '', o.choices ? `one of: ${o.choices.join(' | ')}` : '', o.default !== undefined && o.default !== false ? `default: ${o.default}` : '']
      .filter(Boolean)
      .join('; ');
    return [flag, `${o.description}${extra ? ` (${extra})` : ''}`] as const;
  });
  rows.push(['    --help', 'show this help']);
  lines.push('options:', ...columns(rows, { indent: '  ' }));
  if (spec.examples?.length) {
    lines.push('', 'examples:');
    for (const e of spec.examples) lines.push(`  ${e}`);
  }
  return lines.join('\n') + '\n';
}
