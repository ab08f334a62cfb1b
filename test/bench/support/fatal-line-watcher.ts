// The instant a container printed its first fatal line (diagnose/fatal-lines.ts): the wall clock
// (clock.ts) when that line arrives through an attach of this process's own. Not Docker's log
// timestamps: the harness runs its containers with a logging driver that keeps no log to read
// (runtime/docker.ts). Subscribed to 'start' events before any container starts; every container
// of this process (label matrix.pid) or of a peer (label matrix.bench.trial) is attached at its
// start — its fatal line comes after its banner and config lines — keyed by id and trial label.
import Docker from 'dockerode';
import { PassThrough, type Readable } from 'node:stream';
import { fatalLineOf } from '../../../harness/diagnose/fatal-lines.ts';
import { wallNs } from './clock.ts';
import { containerEvents, Instants, TRIAL_LABEL } from './docker-events.ts';

export class FatalLineWatcher {
  private readonly fatal = new Instants('fatal line');
  private readonly streams = new Set<Readable>();
  private events: Readable | null = null;

  constructor(private readonly docker: Docker = new Docker()) {}

  async start(): Promise<void> {
    this.events = await containerEvents(this.docker, ['start'], (ev) => {
      if (ev.attributes['matrix.pid'] !== String(process.pid) && !ev.attributes[TRIAL_LABEL]) return;
      void this.follow(ev.id, [ev.id, ev.attributes[TRIAL_LABEL]].filter((k): k is string => !!k)).catch(() => {});
    });
  }

  private async follow(id: string, keys: string[]): Promise<void> {
    const raw = (await this.docker.getContainer(id).attach({ stream: true, stdout: true, stderr: true })) as unknown as Readable;
    const text = new PassThrough();
    this.docker.modem.demuxStream(raw, text, text);
    raw.on('end', () => text.end());
    this.streams.add(raw);
    let buf = '';
    let found = false;
    text.on('data', (d: Buffer) => {
      if (found) return;
      buf += d.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop()!;
      if (!lines.some((l) => fatalLineOf(l))) return;
      found = true;
      this.fatal.record(keys, wallNs());
      raw.destroy();
      this.streams.delete(raw);
    });
  }

  /** The instant of a container's first fatal line, by id or trial label (waits for it). */
  fatalTime(key: string, timeoutMs = 30_000): Promise<bigint> {
    return this.fatal.when(key, timeoutMs);
  }

  stop(): void {
    this.events?.destroy();
    for (const s of this.streams) s.destroy();
    this.streams.clear();
  }
}
