// A PROTOTYPE of the runtime change proposed for B1 (not used by the product): the harness learns
// of a container's exit late because Docker's wait endpoint answers only after the engine has
// cleaned the container up (network, mounts) — 100–300 ms after the exit on this machine — and
// the verdict then also waits for the container's removal. Here:
//  - wait() also listens to Docker's event stream and resolves on the container's 'die' event
//    (which carries the exit code), whichever comes first;
//  - stop() of a container that has already died returns at once, and remove() of one removes it
//    in the background (it holds no GPU any more); drain() awaits those removals (the runner
//    would await it before onRunEnd, so nothing leaks).
import type { Readable } from 'node:stream';
import { DockerRuntime } from '../../../harness/runtime/docker.ts';
import type { ContainerHandle, ContainerSpec } from '../../../harness/runtime/runtime.ts';

export class FastExitRuntime extends DockerRuntime {
  private events: Promise<void> | null = null;
  private stream: Readable | null = null;
  private readonly died = new Map<string, number>();
  private readonly waiters = new Map<string, (code: number) => void>();
  private readonly removals = new Set<Promise<void>>();

  private subscribe(): Promise<void> {
    this.events ??= (async () => {
      this.stream = (await this.docker.getEvents({ filters: { type: ['container'], event: ['die'], label: ['matrix.run'] } })) as unknown as Readable;
      let buf = '';
      this.stream.on('data', (d: Buffer) => {
        buf += d.toString('utf8');
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const ev = JSON.parse(buf.slice(0, nl)) as { Actor?: { ID?: string; Attributes?: Record<string, string> } };
          buf = buf.slice(nl + 1);
          const id = ev.Actor?.ID;
          if (!id) continue;
          const code = Number(ev.Actor?.Attributes?.exitCode ?? -1);
          this.died.set(id, code);
          this.waiters.get(id)?.(code);
        }
      });
      this.stream.on('error', () => {});
    })();
    return this.events;
  }

  override async create(spec: ContainerSpec): Promise<ContainerHandle> {
    await this.subscribe(); // before the container can start, so no exit is missed
    return super.create(spec);
  }

  override wait(handle: ContainerHandle): Promise<number> {
    const known = this.died.get(handle.id);
    if (known !== undefined) return Promise.resolve(known);
    const onEvent = new Promise<number>((resolve) => this.waiters.set(handle.id, resolve));
    return Promise.race([super.wait(handle), onEvent]).finally(() => this.waiters.delete(handle.id));
  }

  override async stop(handle: ContainerHandle, graceSeconds = 5): Promise<void> {
    if (!this.died.has(handle.id)) return super.stop(handle, graceSeconds);
  }

  override async remove(id: string): Promise<void> {
    if (!this.died.has(id)) return super.remove(id);
    const p: Promise<void> = super
      .remove(id)
      .catch(() => {})
      .finally(() => this.removals.delete(p));
    this.removals.add(p);
  }

  async drain(): Promise<void> {
    await Promise.all([...this.removals]);
    this.stream?.destroy();
  }
}
