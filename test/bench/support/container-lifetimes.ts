// GPU-seconds as Docker sees them (B9): every container's life from its `start` event to its `die`
// event (Docker's own timeNano stamps) — the time its process held the GPUs; creating and removing
// a container holds none —, with its labels: the harness's `matrix.run` / `matrix.cell`, a peer's
// `matrix.bench.trial`. Subscribed before any container starts, so none is missed; the same
// measure for the harness and the peers.
import Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { containerEvents } from './docker-events.ts';

export interface Lifetime {
  labels: Record<string, string>;
  seconds: number;
}

export class ContainerLifetimes {
  private readonly created = new Map<string, { ns: bigint; labels: Record<string, string> }>();
  private readonly ended: Lifetime[] = [];
  private stream: Readable | null = null;

  constructor(private readonly docker: Docker = new Docker()) {}

  async start(): Promise<void> {
    this.stream = await containerEvents(this.docker, ['start', 'die'], (ev) => {
      const ns = /"timeNano":\s*(\d+)/.exec(ev.raw)?.[1];
      const action = /"(?:Action|status)":\s*"(\w+)"/.exec(ev.raw)?.[1];
      if (!ns) return;
      if (action === 'start') this.created.set(ev.id, { ns: BigInt(ns), labels: ev.attributes });
      else if (action === 'die') {
        const c = this.created.get(ev.id);
        if (!c) return; // started before we listened: not ours
        this.created.delete(ev.id);
        this.ended.push({ labels: c.labels, seconds: Number(BigInt(ns) - c.ns) / 1e9 });
      }
    });
  }

  /** Ended lifetimes whose labels match; waits (up to `timeoutMs`) until no matching container is still alive. */
  async of(match: (labels: Record<string, string>) => boolean, timeoutMs = 30_000): Promise<Lifetime[]> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.created.values()].some((c) => match(c.labels))) {
      if (Date.now() > deadline) throw new Error('B9: a container of the night never died');
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.ended.filter((l) => match(l.labels));
  }

  stop(): void {
    this.stream?.destroy();
  }
}
