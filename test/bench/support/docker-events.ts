// The instant a container exited, from Docker's event stream: the 'die' event's `timeNano`.
// Subscribed before any container starts, so no exit is missed; keyed by container id.
import Docker from 'dockerode';
import type { Readable } from 'node:stream';

/** Label carrying a trial's unique key on every container a peer starts. */
export const TRIAL_LABEL = 'matrix.bench.trial';

export class DieWatcher {
  private readonly seen = new Map<string, bigint>();
  private readonly waiters = new Map<string, (ns: bigint) => void>();
  private stream: Readable | null = null;

  constructor(private readonly docker: Docker = new Docker()) {}

  async start(): Promise<void> {
    this.stream = (await this.docker.getEvents({ filters: { type: ['container'], event: ['die'] } })) as unknown as Readable;
    let buf = '';
    this.stream.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (!line) continue;
        const ev = JSON.parse(line) as { id?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; timeNano?: number | string };
        const id = ev.Actor?.ID ?? ev.id;
        if (!id || ev.timeNano === undefined) continue;
        // timeNano exceeds 2^53: take it from the raw text, not the parsed number.
        const raw = /"timeNano":\s*(\d+)/.exec(line)?.[1];
        const ns = BigInt(raw ?? String(ev.timeNano));
        // A peer that never tells its container id is found by its trial label.
        const keys = [id, ev.Actor?.Attributes?.[TRIAL_LABEL]].filter((k): k is string => !!k);
        for (const k of keys) {
          this.seen.set(k, ns);
          this.waiters.get(k)?.(ns);
        }
      }
    });
  }

  /** The die instant of a container, by id or trial label (waits for the event if it has not arrived yet). */
  dieTime(id: string, timeoutMs = 30_000): Promise<bigint> {
    const known = this.seen.get(id);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no die event for ${id.slice(0, 12)} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(id, (ns) => {
        clearTimeout(t);
        this.waiters.delete(id);
        resolve(ns);
      });
    });
  }

  stop(): void {
    this.stream?.destroy();
  }
}
