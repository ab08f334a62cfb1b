// The instant a container exited, from Docker's event stream: the 'die' event's `timeNano`.
// Subscribed before any container starts, so no exit is missed; keyed by container id.
import Docker from 'dockerode';
import type { Readable } from 'node:stream';

/** Label carrying a trial's unique key on every container a peer starts. */
export const TRIAL_LABEL = 'matrix.bench.trial';

export interface ContainerEvent {
  id: string;
  attributes: Record<string, string>;
  /** The raw JSON line (timeNano exceeds 2^53: read it from the text). */
  raw: string;
}

/** Docker's event stream for these container events, one call per event. */
export async function containerEvents(docker: Docker, events: string[], on: (ev: ContainerEvent) => void): Promise<Readable> {
  const stream = (await docker.getEvents({ filters: { type: ['container'], event: events } })) as unknown as Readable;
  let buf = '';
  stream.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const raw = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (!raw) continue;
      const ev = JSON.parse(raw) as { id?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } };
      const id = ev.Actor?.ID ?? ev.id;
      if (id) on({ id, attributes: ev.Actor?.Attributes ?? {}, raw });
    }
  });
  return stream;
}

/** Instants recorded under keys (a container id, a trial label), and waits for those not recorded yet. */
export class Instants {
  private readonly seen = new Map<string, bigint>();
  private readonly waiters = new Map<string, (ns: bigint) => void>();

  constructor(private readonly what: string) {}

  record(keys: string[], ns: bigint): void {
    for (const k of keys) {
      this.seen.set(k, ns);
      this.waiters.get(k)?.(ns);
    }
  }

  when(key: string, timeoutMs: number): Promise<bigint> {
    const known = this.seen.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${this.what} for ${key.slice(0, 12)} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(key, (ns) => {
        clearTimeout(t);
        this.waiters.delete(key);
        resolve(ns);
      });
    });
  }
}

export class DieWatcher {
  private readonly dies = new Instants('die event');
  private stream: Readable | null = null;

  constructor(private readonly docker: Docker = new Docker()) {}

  async start(): Promise<void> {
    this.stream = await containerEvents(this.docker, ['die'], (ev) => {
      const ns = /"timeNano":\s*(\d+)/.exec(ev.raw)?.[1];
      if (!ns) return;
      // A peer that never tells its container id is found by its trial label.
      this.dies.record([ev.id, ev.attributes[TRIAL_LABEL]].filter((k): k is string => !!k), BigInt(ns));
    });
  }

  /** The die instant of a container, by id or trial label (waits for the event if it has not arrived yet). */
  dieTime(id: string, timeoutMs = 30_000): Promise<bigint> {
    return this.dies.when(id, timeoutMs);
  }

  stop(): void {
    this.stream?.destroy();
  }
}
