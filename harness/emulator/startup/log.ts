// Log lines in the real engines' formats. vLLM: `(EngineCore_DP0 pid=123) INFO 03-10 13:58:04
// [gpu_worker.py:456] message`; SGLang: `[2025-11-30 11:18:01 TP0] message`.

export type Stream = 'stdout' | 'stderr';
export type Out = (line: string, stream: Stream) => void;
export type Level = 'INFO' | 'WARNING' | 'ERROR' | 'DEBUG';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "03-10 13:58:04" — vLLM's default date format (%m-%d %H:%M:%S), UTC inside containers. */
export function vllmTime(d = new Date()): string {
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "2025-11-30 11:18:01" — SGLang's format. */
export function sglangTime(d = new Date()): string {
  return `${d.getUTCFullYear()}-${vllmTime(d)}`;
}

/** The process prefix vLLM puts on every line of a child process. */
export interface VllmProcess {
  name: string;
  pid: number;
}

export const API_SERVER: VllmProcess = { name: 'APIServer', pid: 1 };

export class VllmLog {
  constructor(private readonly out: Out) {}

  prefix(proc: VllmProcess): string {
    return `(${proc.name} pid=${proc.pid}) `;
  }

  line(proc: VllmProcess, level: Level, where: string, message: string): void {
    this.out(`${this.prefix(proc)}${level} ${vllmTime()} [${where}] ${message}`, 'stdout');
  }

  info(proc: VllmProcess, where: string, message: string): void {
    this.line(proc, 'INFO', where, message);
  }

  warn(proc: VllmProcess, where: string, message: string): void {
    this.line(proc, 'WARNING', where, message);
  }

  /** Every line of `text` as an ERROR record of the same logger call (how vLLM logs exceptions). */
  errorBlock(proc: VllmProcess, where: string, text: string): void {
    for (const l of text.split('\n')) this.line(proc, 'ERROR', where, l);
  }

  /** A line written straight to the stream (tracebacks, uvicorn, tqdm), with the process prefix. */
  raw(proc: VllmProcess | null, text: string, stream: Stream = 'stderr'): void {
    for (const l of text.split('\n')) this.out(`${proc ? this.prefix(proc) : ''}${l}`, stream);
  }
}

export class SglangLog {
  constructor(private readonly out: Out) {}

  /** `[time TP0] message` for scheduler lines, `[time] message` for the main process (tp null). */
  line(tp: number | null, message: string, stream: Stream = 'stdout'): void {
    this.out(`[${sglangTime()}${tp === null ? '' : ` TP${tp}`}] ${message}`, stream);
  }

  raw(text: string, stream: Stream = 'stderr'): void {
    for (const l of text.split('\n')) this.out(l, stream);
  }
}

/** A tqdm progress bar line like real engines print. */
export function progressBar(label: string, done: number, total: number, elapsedS: number): string {
  const pct = Math.floor((done / total) * 100);
  const width = 40;
  const filled = Math.floor((done / total) * width);
  const bar = '█'.repeat(filled) + (filled < width ? ' '.repeat(width - filled) : '');
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const mmss = (s: number) => `${pad(Math.floor(s / 60))}:${pad(Math.floor(s % 60))}`;
  const left = rate > 0 ? (total - done) / rate : 0;
  return `${label}: ${String(pct).padStart(3)}%|${bar}| ${done}/${total} [${mmss(elapsedS)}<${mmss(left)}, ${rate.toFixed(2)}it/s]`;
}
