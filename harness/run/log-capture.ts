// Streams a container's log to its file and keeps a bounded picture in memory: the first lines,
// the last lines, and the error-looking lines in between, each with its line number in the full
// log. Memory stays bounded whatever the container prints (a 1 GB flood included); secrets are
// replaced before anything is written.
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export interface NumberedLine {
  line: number;
  text: string;
}

export interface LogCaptureOptions {
  headLines?: number;
  tailLines?: number;
  interestingLines?: number;
  /** Longer lines are cut in memory (the file keeps them whole). */
  maxLineChars?: number;
  /** Secret values replaced by `***` in the file and in memory. */
  secrets?: string[];
}

const INTERESTING = /error|exception|traceback|cuda|failed|killed|fatal|oom|nccl|capturing|graph|assert/i;

export class LogCapture {
  private readonly head: NumberedLine[] = [];
  /** Ring buffer of the last lines: `tail[tailNext]` is the oldest once full. */
  private readonly tail: NumberedLine[] = [];
  private tailNext = 0;
  private readonly interesting: NumberedLine[] = [];
  private lineNo = 0;
  private bytes = 0;
  private readonly listeners = new Set<(l: NumberedLine) => void>();
  private readonly chunkListeners = new Set<() => void>();
  private readonly opts: Required<LogCaptureOptions>;
  private done: Promise<void> | null = null;

  constructor(
    readonly filePath: string | null,
    opts: LogCaptureOptions = {},
  ) {
    this.opts = {
      headLines: opts.headLines ?? 400,
      tailLines: opts.tailLines ?? 1500,
      interestingLines: opts.interestingLines ?? 400,
      maxLineChars: opts.maxLineChars ?? 4000,
      secrets: (opts.secrets ?? []).filter((s) => s.length >= 4),
    };
  }

  onLine(fn: (l: NumberedLine) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called for every chunk of output, whole lines or not (a progress bar redrawing its line). */
  onChunk(fn: () => void): () => void {
    this.chunkListeners.add(fn);
    return () => this.chunkListeners.delete(fn);
  }

  /** Consume the stream to its end. Resolves when everything is written. */
  consume(stream: Readable): Promise<void> {
    this.done ??= this.pump(stream);
    return this.done;
  }

  get totalLines(): number {
    return this.lineNo;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  private redact(s: string): string {
    for (const secret of this.opts.secrets) if (s.includes(secret)) s = s.split(secret).join('***');
    return s;
  }

  private async pump(stream: Readable): Promise<void> {
    let out: ReturnType<typeof createWriteStream> | null = null;
    if (this.filePath) {
      mkdirSync(dirname(this.filePath), { recursive: true });
      out = createWriteStream(this.filePath);
    }
    const decoder = new StringDecoder('utf8');
    let partial = '';
    /** The bytes of the unfinished line (not in the file yet: a secret may still complete in it). */
    let unwritten: Buffer[] = [];
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        this.bytes += buf.length;
        for (const fn of this.chunkListeners) fn();
        const text = partial + decoder.write(buf);
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        const nl = buf.lastIndexOf(0x0a);
        if (nl < 0) {
          unwritten.push(buf);
          continue;
        }
        const before = unwritten;
        unwritten = nl + 1 < buf.length ? [buf.subarray(nl + 1)] : [];
        if (!this.opts.secrets.some((secret) => text.includes(secret))) {
          // No secret in these lines: their bytes go to the file as they came (no re-encoded copy
          // of each chunk, a flood's main garbage).
          for (const l of lines) this.take(l);
          for (const b of before) out?.write(b);
          if (out && !out.write(buf.subarray(0, nl + 1))) await once(out, 'drain');
          continue;
        }
        // A secret: the lines are written redacted, from the text (the bytes before are dropped).
        const redacted = lines.map((l) => this.redact(l));
        for (const l of redacted) this.take(l);
        if (out && !out.write(redacted.join('\n') + '\n')) await once(out, 'drain');
      }
    } catch {
      // a log stream cut by the engine (container removed, Docker restarted) ends the capture
    }
    partial += decoder.end();
    if (partial) {
      const l = this.redact(partial);
      this.take(l);
      out?.write(l + '\n');
    }
    if (out) {
      out.end();
      await once(out, 'close');
    }
  }

  private take(raw: string): void {
    const line = ++this.lineNo;
    const text = raw.length > this.opts.maxLineChars ? raw.slice(0, this.opts.maxLineChars) + ` … [${raw.length - this.opts.maxLineChars} more characters in the full log]` : raw;
    const nl = { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    if (this.head.length < this.opts.headLines) this.head.push(nl);
    else {
      if (this.tail.length < this.opts.tailLines) this.tail.push(nl);
      else this.tail[this.tailNext] = nl;
      this.tailNext = (this.tailNext + 1) % this.opts.tailLines;
      if (this.interesting.length < this.opts.interestingLines && INTERESTING.test(text)) this.interesting.push(nl);
    }
    for (const fn of this.listeners) fn(nl);
  }

  /** The kept lines in log order, each once: head, error-looking lines, tail. */
  lines(): NumberedLine[] {
    const seen = new Map<number, NumberedLine>();
    for (const l of [...this.head, ...this.interesting, ...this.tail]) seen.set(l.line, l);
    return [...seen.values()].sort((a, b) => a.line - b.line);
  }

  /**
   * A bounded excerpt for the store and the report: the first lines, the error-looking lines,
   * the last lines, and any lines asked for (the evidence), each cut to `maxChars`.
   */
  excerpt(wanted: number[] = [], maxChars = 1000): NumberedLine[] {
    const want = new Set(wanted);
    const tailSorted = [...this.tail].sort((a, b) => a.line - b.line);
    const pick = new Map<number, NumberedLine>();
    // The last lines of the log: from the tail buffer, or from the head while the log is short.
    const last = [...this.head, ...tailSorted].slice(-250);
    for (const l of [...this.head.slice(0, 60), ...this.interesting.slice(0, 120), ...last]) pick.set(l.line, l);
    for (const l of this.lines()) if (want.has(l.line)) pick.set(l.line, l);
    return [...pick.values()]
      .sort((a, b) => a.line - b.line)
      .map((l) => (l.text.length > maxChars ? { line: l.line, text: l.text.slice(0, maxChars) + ' …' } : l));
  }

}
