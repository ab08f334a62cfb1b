// The emulator image's build context, from local files only: the running node binary, the exact
// shared libraries `ldd` names (at their paths, symlinks resolved to file contents), the bundled
// emulator, and a FROM-scratch Dockerfile. Returned as a tar stream for Docker's build API.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import tar from 'tar-stream';

const run = promisify(execFile);

export const EMULATOR_PORTS = [8000, 30000] as const;

/** Absolute paths of the shared libraries and the loader a dynamically linked binary needs. */
export function parseLdd(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const arrow = /=>\s+(\/\S+)/.exec(line);
    const bare = /^\s*(\/\S+)\s+\(0x/.exec(line);
    const path = arrow?.[1] ?? bare?.[1];
    if (path && !out.includes(path)) out.push(path);
  }
  return out;
}

export async function sharedLibrariesOf(binary: string): Promise<string[]> {
  try {
    const { stdout } = await run('ldd', [binary]);
    return parseLdd(stdout);
  } catch (e) {
    const msg = String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
    if (/not a dynamic executable|statically linked/.test(msg)) return [];
    throw e;
  }
}

export interface ContextInput {
  nodeBinary: string;
  libraries: string[];
  bundle: Buffer;
  labels: Record<string, string>;
}

export function dockerfile(labels: Record<string, string>): string {
  const label = Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' \\\n      ');
  return [
    'FROM scratch',
    'COPY rootfs/ /',
    'ENV NODE_ENV=production',
    `ENTRYPOINT ["/usr/bin/node", "/emulator.mjs"]`,
    `EXPOSE ${EMULATOR_PORTS.join(' ')}`,
    `LABEL ${label}`,
    '',
  ].join('\n');
}

/** The tar stream of the build context. */
export function buildContext(input: ContextInput): tar.Pack {
  const pack = tar.pack();
  const file = (name: string, content: Buffer, mode = 0o644) => pack.entry({ name, mode, size: content.length, mtime: new Date(0) }, content);
  file('Dockerfile', Buffer.from(dockerfile(input.labels)));
  pack.entry({ name: 'rootfs/tmp/', type: 'directory', mode: 0o1777, mtime: new Date(0) });
  file('rootfs/usr/bin/node', readFileSync(input.nodeBinary), 0o755);
  for (const lib of input.libraries) file(`rootfs${lib}`, readFileSync(lib), statSync(lib).mode & 0o777);
  file('rootfs/emulator.mjs', input.bundle);
  pack.finalize();
  return pack;
}
