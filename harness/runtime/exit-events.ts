// Exits of the containers a runtime started, from Docker's event stream. Docker's wait endpoint
// answers only once the engine has cleaned an exited container up (network, mounts, the log
// driver's copy): ~100 ms after the exit here, seconds after a log flood. The 'die' event comes
// as the process exits and carries the exit code, so a crash's verdict need not wait for the
// cleanup (B1). The stream is one request for the whole runtime, opened before the first create
// (a container cannot die before it exists), and never keeps the process alive.
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';

interface DieEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export class ExitEvents {
  private stream: Readable | null = null;
  private opening: Promise<void> | null = null;
  /** Containers being watched → their exit, resolved by their 'die' event. */
  private readonly watched = new Map<string, { exit: Promise<number>; resolve: (code: number) => void }>();

  constructor(private readonly docker: Docker) {}

  /** Opens the stream if it is not open. Never throws: without it, exits come from the wait endpoint. */
  open(): Promise<void> {
    if (this.stream) return Promise.resolve();
    this.opening ??= this.subscribe().finally(() => (this.opening = null));
    return this.opening;
  }

  private async subscribe(): Promise<void> {
    let stream: Readable;
    try {
      stream = (await this.docker.getEvents({ filters: { type: ['container'], event: ['die'] } })) as unknown as Readable;
    } catch {
      return;
    }
    (stream as Readable & { socket?: { unref?: () => void } }).socket?.unref?.();
    this.stream = stream;
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => {
      buf += text;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) this.onEvent(line);
      }
    });
    const gone = () => {
      if (this.stream === stream) this.stream = null; // the engine went away: open() again on the next create
    };
    stream.on('error', gone);
    stream.on('close', gone);
    stream.on('end', gone);
  }

  private onEvent(line: string): void {
    let ev: DieEvent;
    try {
      ev = JSON.parse(line) as DieEvent;
    } catch {
      return;
    }
    const watched = this.watched.get(ev.Actor?.ID ?? ev.id ?? '');
    const code = Number(ev.Actor?.Attributes?.exitCode);
    // Without an exit code the wait endpoint will say.
    if (watched && (ev.Action ?? ev.status) === 'die' && Number.isInteger(code)) watched.resolve(code);
  }

  /** Watch a container created while the stream was open: its 'die' event is kept from now on. */
  watch(id: string): void {
    if (!this.stream || this.watched.has(id)) return;
    let resolve!: (code: number) => void;
    const exit = new Promise<number>((r) => (resolve = r));
    this.watched.set(id, { exit, resolve });
  }

  /** The container's exit code from its 'die' event; null when it is not watched (no stream when it was created). */
  exited(id: string): Promise<number> | null {
    return this.watched.get(id)?.exit ?? null;
  }

  forget(id: string): void {
    this.watched.delete(id);
  }

  close(): void {
    const s = this.stream;
    this.stream = null;
    s?.destroy();
  }
}
