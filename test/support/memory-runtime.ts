// An in-memory ContainerRuntime (ARCHITECTURE.md: "tests use an in-memory runtime for the
// dispatcher's unit tests"), in the spirit of testcontainers' and Playwright's fakes: no Docker, a
// scripted container per create, and a journal of what the harness asked for, so a test asserts
// on behaviour (what was created, stopped, removed; what a cell's verdict became).
//
// A container is a script: the lines it prints, when its server answers (a real HTTP server on
// 127.0.0.1, since readiness and probes speak HTTP to the published port), and when it exits on
// its own. Images are on the "engine" unless named in `missing`; an image may carry files, read
// with readImageFiles as a never-started container would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { InfraError } from '../../harness/errors.ts';
import type {
  BuildOptions,
  ContainerHandle,
  ContainerListing,
  ContainerRuntime,
  ContainerSpec,
  ImageFile,
  ImageFs,
  ImageInfo,
  ReadImageFilesOptions,
} from '../../harness/runtime/runtime.ts';

export interface ContainerScript {
  /** Lines the container prints as it starts. */
  log?: string[];
  /** Lines printed just before it exits on its own (a crash's traceback). */
  exitLog?: string[];
  /** Its server answers 200 on every path this many ms after the start (503 before); absent: it never listens. */
  readyAfterMs?: number;
  /** It exits on its own with `code` after `afterMs`; absent: it runs until stopped or removed. */
  exit?: { code: number; afterMs: number };
  /** JSON bodies for some paths (e.g. /version), served once ready; other paths answer `{}`. */
  routes?: Record<string, unknown>;
}

export interface MemoryImage {
  labels?: Record<string, string>;
  env?: Record<string, string>;
  /** Files in the image, by absolute path. */
  files?: Record<string, Buffer>;
}

export interface MemoryRuntimeOptions {
  /** The script of each container, from its spec and its number (1 for the first created). Default: prints one line and exits 1 after 5 ms. */
  script?: (spec: ContainerSpec, n: number) => ContainerScript;
  /** Images on the engine beyond the default (every ref not in `missing` is present, with no labels). */
  images?: Record<string, MemoryImage>;
  /** Refs that are not on the engine (until built). */
  missing?: string[] | ((ref: string) => boolean);
  /** create() rejects with this error for a spec when it returns one. */
  createFails?: (spec: ContainerSpec, n: number) => Error | null;
}

/** A container's exit code when it is stopped (SIGTERM then SIGKILL, as `docker stop` ends a server that ignores SIGTERM). */
export const STOPPED_EXIT = 137;

interface Live {
  spec: ContainerSpec;
  script: ContainerScript;
  out: PassThrough;
  exit: Promise<number>;
  /** Ends the container with this code (if it is still running). */
  end(code: number): void;
  exited: number | null;
  server: Server | null;
  timers: NodeJS.Timeout[];
}

export class MemoryRuntime implements ContainerRuntime {
  /** Every spec created, in order. */
  readonly created: ContainerSpec[] = [];
  /** What the harness asked for, in order: "create <n>", "start <n>", "stop <n>", "remove <n>", "discard <n>", "build <tag>"… */
  readonly journal: string[] = [];
  /** Tags built with buildImage, with the build context's bytes. */
  readonly built = new Map<string, Buffer>();
  /** When true, ping() fails as a stopped engine does. */
  engineDown = false;
  /** Containers read through by readImageFiles and removed again. */
  readers = 0;
  private readonly live = new Map<string, Live>();
  private readonly numbers = new Map<string, number>();
  private n = 0;

  constructor(private readonly opts: MemoryRuntimeOptions = {}) {}

  async ping() {
    if (this.engineDown) throw new InfraError('docker-down', 'the Docker engine does not answer (memory runtime: engineDown)', 'start it', 'ping');
    return { version: 'memory', apiVersion: '1.45', os: 'linux', arch: 'amd64' };
  }

  async inspectImage(ref: string): Promise<ImageInfo | null> {
    const missing = this.opts.missing;
    if (!this.built.has(ref) && (typeof missing === 'function' ? missing(ref) : missing?.includes(ref))) return null;
    const img = this.opts.images?.[ref];
    return { ref, digest: `sha256:${ref}`, id: `sha256:${ref}`, labels: img?.labels ?? {}, env: img?.env ?? {}, architecture: 'amd64', os: 'linux', pulled: false };
  }

  async ensureImage(ref: string): Promise<ImageInfo> {
    const info = await this.inspectImage(ref);
    if (!info) throw new InfraError('image-missing', `image ${ref} is not on the runner`, 'pull it first', 'image');
    return info;
  }

  async buildImage(context: Readable, tags: readonly string[], opts: BuildOptions = {}): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of context) chunks.push(Buffer.from(c as Buffer));
    for (const t of tags) {
      this.built.set(t, Buffer.concat(chunks));
      this.journal.push(`build ${t}`);
    }
    opts.onProgress?.(`Successfully tagged ${tags[0]}`);
  }

  async *readImageFiles(ref: string, opts: ReadImageFilesOptions): AsyncGenerator<ImageFile> {
    if (!(await this.inspectImage(ref))) throw new InfraError('image-missing', `image ${ref} is not on this Docker engine`, 'pull or build it first', 'preflight');
    this.readers++;
    try {
      const files = Object.entries(this.opts.images?.[ref]?.files ?? {}).sort(([a], [b]) => a.localeCompare(b));
      for (const [path, bytes] of files) {
        const under = opts.roots === 'whole' || opts.roots.some((r) => path === r || path.startsWith(r.endsWith('/') ? r : `${r}/`));
        if (under && opts.want(path, bytes.length)) yield { path, size: bytes.length, bytes };
      }
    } finally {
      this.readers--;
    }
  }

  async withImageFs<T>(ref: string, _labels: Record<string, string>, use: (fs: ImageFs) => Promise<T>): Promise<T> {
    if (!(await this.inspectImage(ref))) throw new InfraError('image-missing', `image ${ref} is not on this Docker engine`, 'pull or build it first', 'preflight');
    const files = Object.entries(this.opts.images?.[ref]?.files ?? {}).sort(([a], [b]) => a.localeCompare(b));
    const under = (path: string, root: string) => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
    this.readers++;
    try {
      return await use({
        exists: async (path) => files.some(([p]) => under(p, path)),
        textFiles: async (path, accept = () => true, maxBytes = 4 * 1024 * 1024) =>
          files.filter(([p, bytes]) => under(p, path) && bytes.length <= maxBytes && accept(p)).map(([p, bytes]) => ({ path: p, text: bytes.toString('utf8') })),
      });
    } finally {
      this.readers--;
    }
  }

  async create(spec: ContainerSpec): Promise<ContainerHandle> {
    const n = ++this.n;
    this.journal.push(`create ${n}`);
    const failure = this.opts.createFails?.(spec, n);
    if (failure) throw failure;
    this.created.push(spec);
    const id = `mem-${n}`;
    this.numbers.set(id, n);
    const script = this.opts.script?.(spec, n) ?? { log: ['INFO starting'], exit: { code: 1, afterMs: 5 } };
    let resolveExit!: (code: number) => void;
    const exit = new Promise<number>((r) => (resolveExit = r));
    const c: Live = {
      spec,
      script,
      out: new PassThrough(),
      exit,
      exited: null,
      server: null,
      timers: [],
      end: (code) => {
        if (c.exited !== null) return;
        c.exited = code;
        for (const t of c.timers) clearTimeout(t);
        c.server?.close();
        c.server?.closeAllConnections();
        c.out.end();
        resolveExit(code);
      },
    };
    this.live.set(id, c);
    return { id, containerPort: spec.port, hostPort: null };
  }

  async start(handle: ContainerHandle): Promise<ContainerHandle> {
    const c = this.container(handle.id);
    this.journal.push(`start ${this.numbers.get(handle.id)}`);
    for (const line of c.script.log ?? []) c.out.write(`${line}\n`);
    if (c.script.exit) {
      const { code, afterMs } = c.script.exit;
      c.timers.push(
        setTimeout(() => {
          for (const line of c.script.exitLog ?? []) c.out.write(`${line}\n`);
          c.end(code);
        }, afterMs),
      );
    }
    if (c.script.readyAfterMs === undefined) return handle;
    const readyAt = performance.now() + c.script.readyAfterMs;
    const server = createServer((req, res) => {
      const ready = performance.now() >= readyAt;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(ready ? (c.script.routes?.[req.url ?? ''] ?? {}) : { error: 'starting' }));
    });
    c.server = server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { ...handle, hostPort: (server.address() as AddressInfo).port };
  }

  async logs(handle: ContainerHandle): Promise<Readable> {
    return this.container(handle.id).out;
  }

  wait(handle: ContainerHandle): Promise<number> {
    return this.live.get(handle.id)?.exit ?? Promise.resolve(0);
  }

  async stop(handle: ContainerHandle): Promise<void> {
    this.journal.push(`stop ${this.numbers.get(handle.id)}`);
    this.live.get(handle.id)?.end(STOPPED_EXIT);
  }

  async list(labelFilter: string[]): Promise<ContainerListing[]> {
    const matches = (labels: Record<string, string>) =>
      labelFilter.every((f) => {
        const eq = f.indexOf('=');
        return eq < 0 ? f in labels : labels[f.slice(0, eq)] === f.slice(eq + 1);
      });
    return [...this.live]
      .filter(([, c]) => matches(c.spec.labels))
      .map(([id, c]) => ({ id, name: c.spec.name ?? id, labels: c.spec.labels, state: c.exited === null ? 'running' : 'exited' }));
  }

  async remove(id: string): Promise<void> {
    const c = this.live.get(id);
    if (!c) return;
    this.journal.push(`remove ${this.numbers.get(id)}`);
    c.end(STOPPED_EXIT);
    this.live.delete(id);
  }

  discard(id: string): void {
    this.journal.push(`discard ${this.numbers.get(id)}`);
    void this.remove(id);
  }

  async removeCreated(): Promise<void> {
    for (const id of [...this.live.keys()]) await this.remove(id);
  }

  removeInBackground(labelFilter: string[]): void {
    void this.list(labelFilter).then((cs) => Promise.all(cs.map((c) => this.remove(c.id))));
  }

  async drain(): Promise<void> {}

  describeRun(spec: ContainerSpec): string {
    return `docker run ${spec.image} ${spec.cmd.join(' ')}`;
  }

  /** Containers not removed yet. */
  get remaining(): number {
    return this.live.size;
  }

  private container(id: string): Live {
    const c = this.live.get(id);
    if (!c) throw new InfraError('infra-other', `no such container: ${id}`, 'it was removed', 'start');
    return c;
  }
}
