// An in-memory ContainerRuntime for the dispatcher's unit tests (ARCHITECTURE.md: "tests use an
// in-memory runtime for the dispatcher's unit tests"). A container prints `log` and exits with
// `exitCode` after `exitAfterMs`; images named in `missing` are not on the runner.
import { Readable } from 'node:stream';
import { InfraError } from '../../../harness/errors.ts';
import type { ContainerHandle, ContainerListing, ContainerRuntime, ContainerSpec, ImageInfo } from '../../../harness/runtime/runtime.ts';

export interface MemoryBehaviour {
  log?: string;
  exitCode?: number;
  exitAfterMs?: number;
  missing?: string[];
}

export class MemoryRuntime implements ContainerRuntime {
  readonly created: ContainerSpec[] = [];
  private readonly live = new Map<string, { spec: ContainerSpec; exit: Promise<number>; stop: () => void }>();
  private n = 0;

  constructor(private readonly behaviour: MemoryBehaviour = {}) {}

  async ping() {
    return { version: 'memory', apiVersion: '1.45', os: 'linux', arch: 'amd64' };
  }

  async ensureImage(ref: string): Promise<ImageInfo> {
    if (this.behaviour.missing?.includes(ref)) throw new InfraError('image-missing', `image ${ref} is not on the runner`, 'pull it first', 'image');
    return { ref, digest: null, id: `sha256:${ref}`, labels: {}, architecture: 'amd64', os: 'linux', pulled: false };
  }

  async create(spec: ContainerSpec): Promise<ContainerHandle> {
    this.created.push(spec);
    const id = `mem-${++this.n}`;
    let stop = () => {};
    const exit = new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(this.behaviour.exitCode ?? 1), this.behaviour.exitAfterMs ?? 5);
      stop = () => {
        clearTimeout(timer);
        resolve(137);
      };
    });
    this.live.set(id, { spec, exit, stop });
    return { id, containerPort: spec.port, hostPort: null };
  }

  async start(handle: ContainerHandle): Promise<ContainerHandle> {
    return handle;
  }

  async logs(): Promise<Readable> {
    return Readable.from([Buffer.from(this.behaviour.log ?? 'INFO starting\n')]);
  }

  wait(handle: ContainerHandle): Promise<number> {
    return this.live.get(handle.id)?.exit ?? Promise.resolve(0);
  }

  async stop(handle: ContainerHandle): Promise<void> {
    this.live.get(handle.id)?.stop();
  }

  async list(labelFilter: string[]): Promise<ContainerListing[]> {
    const [key, value] = (labelFilter[0] ?? '').split('=');
    return [...this.live].filter(([, c]) => !key || c.spec.labels[key] === value).map(([id, c]) => ({ id, name: c.spec.name ?? id, labels: c.spec.labels, state: 'running' }));
  }

  async remove(id: string): Promise<void> {
    this.live.get(id)?.stop();
    this.live.delete(id);
  }

  discard(id: string): void {
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
}
