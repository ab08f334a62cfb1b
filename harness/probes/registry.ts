// Probe lookup: the built-ins by name, and local modules by path (`probes: [text,
// ./probes/json-mode.ts]`, relative to the matrix file's folder). A module's default export or
// its `probe` export must be a Probe. TypeScript modules load through tsx's programmatic API, so
// they work from the bundled CLI too; .js/.mjs modules load with plain import().
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.ts';
import { BUILTIN_PROBES, type BuiltinProbe } from '../core/cell.ts';
import { accuracyProbe } from './accuracy.ts';
import { imageProbe } from './image.ts';
import { mtpProbe } from './mtp.ts';
import type { Probe } from './probe.ts';
import { streamProbe } from './stream.ts';
import { textProbe } from './text.ts';

export const builtinProbes: Readonly<Record<BuiltinProbe, Probe>> = {
  text: textProbe,
  image: imageProbe,
  stream: streamProbe,
  mtp: mtpProbe,
  accuracy: accuracyProbe,
};

export function isBuiltinProbe(name: string): name is BuiltinProbe {
  return (BUILTIN_PROBES as readonly string[]).includes(name);
}

/** A reference that names a module rather than a built-in: a path or a file name with an extension. */
export function isModuleRef(name: string): boolean {
  return /[\\/]/.test(name) || /\.(?:[cm]?ts|[cm]?js)$/.test(name);
}

const loaded = new Map<string, Promise<Probe>>();

export async function resolveProbe(name: string, matrixDir: string): Promise<Probe> {
  if (isBuiltinProbe(name)) return builtinProbes[name];
  if (!isModuleRef(name)) {
    throw new UsageError(
      `unknown probe "${name}"`,
      `built-in probes are ${BUILTIN_PROBES.join(', ')}; a probe module is named by its path, e.g. ./probes/${name}.ts`,
    );
  }
  const file = isAbsolute(name) ? name : resolve(matrixDir, name);
  let pending = loaded.get(file);
  if (!pending) {
    pending = loadModuleProbe(name, file);
    loaded.set(file, pending);
    pending.catch(() => loaded.delete(file));
  }
  return pending;
}

async function loadModuleProbe(name: string, file: string): Promise<Probe> {
  if (!existsSync(file)) {
    throw new UsageError(`probe module "${name}" not found: ${file}`, 'module paths are relative to the folder of the matrix file');
  }
  const url = pathToFileURL(file).href;
  let mod: Record<string, unknown>;
  try {
    mod = /\.[cm]?ts$/.test(file) ? await importTypeScript(url) : ((await import(url)) as Record<string, unknown>);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`probe module "${name}" failed to load: ${err instanceof Error ? err.message : String(err)}`, `file: ${file}`);
  }
  const candidate = mod.default ?? mod.probe;
  const problem = notAProbe(candidate);
  if (problem) {
    throw new UsageError(`probe module "${name}" does not export a probe: ${problem}`, 'export default { name, applies(cell), run(ctx) } or `export const probe = …` (see docs/probes.md)');
  }
  return candidate as Probe;
}

async function importTypeScript(url: string): Promise<Record<string, unknown>> {
  let api: { tsImport: (specifier: string, parent: string) => Promise<unknown> };
  try {
    api = (await import('tsx/esm/api')) as typeof api;
  } catch {
    throw new UsageError('a TypeScript probe module needs the tsx package, which is not installed', 'npm install tsx, or compile the probe to .mjs');
  }
  return (await api.tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** Why `value` is not a Probe, or null when it is one. */
export function notAProbe(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return `expected an object, got ${value === null ? 'null' : typeof value}`;
  const p = value as Partial<Record<keyof Probe, unknown>>;
  if (typeof p.name !== 'string' || p.name.length === 0) return '`name` must be a non-empty string';
  if (typeof p.applies !== 'function') return '`applies(cell)` must be a function';
  if (typeof p.run !== 'function') return '`run(ctx)` must be a function';
  return null;
}
