// What an image's Python software says, read out of its files without running it: where its
// site-packages are, each engine package's version, registry and own config classes, and the
// transformers version and the model types it knows. Reads through an ImageFs (the runtime's
// withImageFs gives one over a never-started container; tests give one in memory): exact
// paths first, and one pass over site-packages for dist-info METADATA only where a package's
// version file is missing (a listing costs the whole directory's bytes: torch alone is GiBs).
import { ENGINE_PACKAGES, type Registered } from '../engines/image-registry.ts';
import type { EngineId } from '../core/cell.ts';
import { distInfoPackage, parseConfigMappingNames, parseDistMetadata, parseVersionAssignment } from '../models/python-packages.ts';
import type { ImageFs, ImageTextFile } from '../runtime/runtime.ts';

/** A fact read at a file's line. */
export interface FileFact {
  value: string;
  path: string;
  line: number;
}

/** A set of names read out of files (null fields: the file was absent or its layout unknown). */
export interface NamesRead {
  /** Files read. */
  files: string[];
  names: Map<string, Registered>;
}

export interface EngineInImage {
  engine: EngineId;
  sitePackages: string;
  version: FileFact | null;
  /** Architectures the engine loads; null when its registry could not be read. */
  registry: NamesRead | null;
  /** Architectures the engine names as removed / out of tree. */
  refused: Map<string, Registered>;
  /** Model types the engine configures itself (beside transformers); null when not read. */
  configTypes: NamesRead | null;
}

export interface ImageSoftware {
  sitePackages: string[];
  engines: EngineInImage[];
  transformers: { version: FileFact | null; modelTypes: NamesRead | null } | null;
  /** Paths looked for and not found, or found and not understood (for the evidence). */
  notes: string[];
}

const PREFIXES = ['/usr/local/lib', '/usr/lib', '/opt/conda/lib', '/opt/venv/lib', '/venv/lib', '/root/.local/lib', '/app/.venv/lib', '/workspace/.venv/lib'];
const PYTHONS = ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'];

/** The site-/dist-packages directories of the image (Debian's python3/dist-packages included). */
export async function findSitePackages(fs: ImageFs): Promise<string[]> {
  const prefixes = (await Promise.all(PREFIXES.map(async (p) => ((await fs.exists(p)) ? p : null)))).filter((p): p is string => p !== null);
  const candidates = prefixes.flatMap((p) => PYTHONS.flatMap((v) => [`${p}/python${v}/site-packages`, `${p}/python${v}/dist-packages`]));
  if (prefixes.includes('/usr/lib')) candidates.push('/usr/lib/python3/dist-packages');
  const found = await Promise.all(candidates.map(async (c) => ((await fs.exists(c)) ? c : null)));
  return found.filter((c): c is string => c !== null);
}

const TRANSFORMERS = 'transformers';
const TRANSFORMERS_MAPPINGS = ['transformers/models/auto/configuration_auto.py', 'transformers/models/auto/auto_mappings.py'];

async function versionFrom(fs: ImageFs, site: string, files: readonly string[]): Promise<FileFact | null> {
  for (const f of files) {
    const [file] = await fs.textFiles(`${site}/${f}`);
    const v = file ? parseVersionAssignment(file.text) : null;
    if (v) return { value: v.value, path: file!.path, line: v.line };
  }
  return null;
}

async function readAll(fs: ImageFs, site: string, paths: readonly string[]): Promise<ImageTextFile[]> {
  return (await Promise.all(paths.map((p) => fs.textFiles(`${site}/${p}`, (x) => x.endsWith('.py'))))).flat();
}

async function readEngine(fs: ImageFs, site: string, engine: EngineId, notes: string[]): Promise<EngineInImage | null> {
  const pkg = ENGINE_PACKAGES[engine];
  if (!pkg || !(await fs.exists(`${site}/${pkg.name}`))) return null;
  const registryFiles = await readAll(fs, site, pkg.registry);
  const read = pkg.parseRegistry(registryFiles);
  if (!read) notes.push(registryFiles.length ? `${registryFiles[0]!.path}: no architecture table found (a layout this harness does not know)` : `${site}/${pkg.registry[0]}: not in the image`);
  return {
    engine,
    sitePackages: site,
    version: await versionFrom(fs, site, pkg.versionFiles),
    registry: read ? { files: read.files, names: read.loads } : null,
    refused: read?.refused ?? new Map(),
    configTypes: pkg.parseConfigs(await readAll(fs, site, pkg.configs)),
  };
}

async function readTransformers(fs: ImageFs, site: string, notes: string[]): Promise<ImageSoftware['transformers']> {
  if (!(await fs.exists(`${site}/${TRANSFORMERS}`))) return null;
  let modelTypes: NamesRead | null = null;
  for (const f of await readAll(fs, site, TRANSFORMERS_MAPPINGS)) {
    const types = parseConfigMappingNames(f.text);
    if (!types) continue;
    modelTypes ??= { files: [], names: new Map() };
    modelTypes.files.push(f.path);
    for (const [name, line] of types) if (!modelTypes.names.has(name)) modelTypes.names.set(name, { name, path: f.path, line });
  }
  if (!modelTypes) notes.push(`${site}/${TRANSFORMERS_MAPPINGS[0]}: no CONFIG_MAPPING_NAMES read`);
  return { version: await versionFrom(fs, site, ['transformers/__init__.py']), modelTypes };
}

/** Versions from dist-info METADATA, for packages whose version file was missing: one pass over site-packages. */
async function distInfoVersions(fs: ImageFs, site: string, packages: string[]): Promise<Map<string, FileFact>> {
  const out = new Map<string, FileFact>();
  const accept = (p: string) => p.slice(site.length + 1).split('/').length === 2 && distInfoPackage(p, packages) !== null;
  for (const f of await fs.textFiles(site, accept, 1024 * 1024)) {
    const meta = parseDistMetadata(f.text);
    const pkg = distInfoPackage(f.path, packages);
    if (meta && pkg && !out.has(pkg)) out.set(pkg, { value: meta.version.value, path: f.path, line: meta.version.line });
  }
  return out;
}

/** Read the image's engines and transformers; `engines` limits which engine packages are looked for. */
export async function readImageSoftware(fs: ImageFs, engines: readonly EngineId[] = Object.keys(ENGINE_PACKAGES) as EngineId[]): Promise<ImageSoftware> {
  const sitePackages = await findSitePackages(fs);
  const out: ImageSoftware = { sitePackages, engines: [], transformers: null, notes: [] };
  if (sitePackages.length === 0) out.notes.push('no Python site-packages found in the image');
  for (const site of sitePackages) {
    const found = (await Promise.all(engines.map((e) => readEngine(fs, site, e, out.notes)))).filter((e): e is EngineInImage => e !== null);
    const transformers = out.transformers ? null : await readTransformers(fs, site, out.notes);
    const missing = [...found.filter((e) => !e.version).map((e) => ENGINE_PACKAGES[e.engine]!.name), ...(transformers && !transformers.version ? [TRANSFORMERS] : [])];
    if (missing.length) {
      const versions = await distInfoVersions(fs, site, missing);
      for (const e of found) e.version ??= versions.get(ENGINE_PACKAGES[e.engine]!.name) ?? null;
      if (transformers) transformers.version ??= versions.get(TRANSFORMERS) ?? null;
    }
    out.engines.push(...found.filter((e) => !out.engines.some((x) => x.engine === e.engine)));
    out.transformers ??= transformers;
  }
  return out;
}
