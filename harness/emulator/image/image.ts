// `matrix-emulator:<version>`: the emulator image, built from local files only (no registry is
// contacted). The version is a short hash of the emulator bundle and the node binary's version,
// so an unchanged emulator is "up to date" at once and a changed one gets a new tag.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import type { ContainerRuntime } from '../../runtime/runtime.ts';
import { buildContext, sharedLibrariesOf } from './build-context.ts';

export const EMULATOR_REPO = 'matrix-emulator';

/** The repository root (where scripts/build.mjs lives), from this file's or the bundle's place. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'scripts', 'build.mjs'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/emulator.mjs, rebuilt with esbuild (the same settings as scripts/build.mjs) when missing or older than the sources. */
export async function ensureEmulatorBundle(root = repoRoot()): Promise<string> {
  const out = resolve(root, 'dist', 'emulator.mjs');
  const src = resolve(root, 'harness');
  if (existsSync(out) && (!existsSync(src) || statSync(out).mtimeMs >= newestMtime(src))) return out;
  const { build } = await import('esbuild');
  // Written aside and renamed, so a concurrent reader never sees half a bundle.
  const r = await build({
    entryPoints: [resolve(root, 'harness/emulator/main.ts')],
    outfile: out,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  mkdirSync(dirname(out), { recursive: true });
  for (const f of r.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  return out;
}

export function emulatorVersion(bundle: Buffer, nodeVersion = process.version): string {
  return createHash('sha256').update(bundle).update('\0node ').update(nodeVersion).digest('hex').slice(0, 12);
}

/** The tag the current emulator bundle gets (builds the bundle when needed). */
export async function emulatorImageTag(root = repoRoot()): Promise<string> {
  const bundle = readFileSync(await ensureEmulatorBundle(root));
  return `${EMULATOR_REPO}:${emulatorVersion(bundle)}`;
}

export interface EnsureOptions {
  /** Build even when the tag exists. */
  force?: boolean;
  onProgress?: (line: string) => void;
  root?: string;
}

/** Build `matrix-emulator:<version>` (and tag `:latest`) unless it exists. Idempotent. */
export async function ensureEmulatorImage(runtime: ContainerRuntime, opts: EnsureOptions = {}): Promise<{ tag: string; built: boolean }> {
  const root = opts.root ?? repoRoot();
  const bundle = readFileSync(await ensureEmulatorBundle(root));
  const version = emulatorVersion(bundle);
  const tag = `${EMULATOR_REPO}:${version}`;
  if (!opts.force && (await runtime.inspectImage(tag))) {
    opts.onProgress?.(`${tag} is up to date`);
    return { tag, built: false };
  }
  const node = process.execPath;
  const libraries = await sharedLibrariesOf(node);
  opts.onProgress?.(`building ${tag} from ${node} (${process.version}), ${libraries.length} shared libraries and the emulator bundle`);
  const context = buildContext({
    nodeBinary: node,
    libraries,
    bundle,
    labels: {
      'org.opencontainers.image.title': 'matrix-emulator',
      'org.opencontainers.image.description': 'vLLM / SGLang look-alike for the compatibility matrix harness (--emulate)',
      'org.opencontainers.image.version': version,
      'org.opencontainers.image.created': new Date().toISOString(),
      'matrix.emulator.node': process.version,
    },
  });
  await runtime.buildImage(context as unknown as Readable, [tag, `${EMULATOR_REPO}:latest`], opts.onProgress ? { onProgress: opts.onProgress } : {});
  return { tag, built: true };
}
