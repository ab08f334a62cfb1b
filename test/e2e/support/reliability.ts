// Helpers of the reliability suite (test/e2e/reliability/): matrices with several emulated images
// (so one cell is fast and others are slow or faulty), database integrity, leak checks, memory
// sampling of a running CLI and output greps.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import Docker from 'dockerode';
import { expect } from 'vitest';
import { containersOfRun } from './matrix-cli.ts';

export interface EmulatedImage {
  id: string;
  /** Extra lines under `emulate:` (faults, startup, …), YAML, no indentation. */
  traits?: string;
  /** Extra keys of the image entry (env, …), YAML, no indentation. */
  extra?: string;
}

/** An emulated matrix over several images on GPU h100 with one text model. */
export function imagesMatrix(o: { images: EmulatedImage[]; timeouts?: string; probes?: string; flags?: string; env?: string; retries?: number }): string {
  const images = o.images
    .map((i) => {
      const traits = (i.traits ?? 'startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }').replace(/^/gm, '      ');
      const extra = i.extra ? `\n${i.extra.replace(/^/gm, '    ')}` : '';
      return `  - id: ${i.id}\n    ref: vllm/vllm-openai:v0.19.0\n    engine: vllm${extra}\n    emulate:\n      ttft_ms: 5\n      itl_ms: 1\n${traits}`;
    })
    .join('\n');
  return `version: 1
defaults:
  timeouts: ${o.timeouts ?? '{ startup: 60s, probe: 20s }'}
  retries: ${o.retries ?? 0}
${o.env ? `  env: ${o.env}\n` : ''}images:
${images}
gpus: [h100]
models:
  - { id: small, name: Qwen/Qwen3-0.6B }
flags:
${o.flags ?? '  - { id: default }'}
probes: [${o.probes ?? 'text'}]
`;
}

/** `PRAGMA integrity_check` of a database file (opened read-write so a WAL is read). */
export function integrityCheck(dbPath: string): string {
  const db = new Database(dbPath);
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}

/** Moves the WAL into the main file so a byte grep of the file sees everything (and then the WAL too). */
export function checkpoint(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Every container still labelled with one of these run ids (for afterAll leak checks). */
export async function leftovers(runIds: Iterable<string>): Promise<string[]> {
  const out: string[] = [];
  for (const id of runIds) out.push(...(await containersOfRun(id)).map((c) => `${id}:${c.slice(0, 12)}`));
  return out;
}

/** Every container labelled matrix.run whose matrix.pid is one of these process ids. */
export async function containersOfPids(pids: number[]): Promise<string[]> {
  const list = await new Docker().listContainers({ all: true, filters: { label: ['matrix.run'] } });
  return list.filter((c) => pids.includes(Number(c.Labels['matrix.pid']))).map((c) => c.Id);
}

/** Samples a process's peak resident memory (VmHWM, else VmRSS) every `everyMs` until stopped; in MiB. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number; samples(): number } {
  let peak = 0;
  let n = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? /VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (kb > 0) n++;
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process is gone
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      read();
      clearInterval(timer);
      return peak;
    },
    samples: () => n,
  };
}

/** A user-facing error: no JavaScript stack frame, no "internal error". */
export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+(:\d+:\d+\)?|\(node:)/m);
  expect(text).not.toContain('internal error');
}

/** Raw ESC bytes (ANSI escapes) in a text. */
export function hasEscape(text: string | Buffer): boolean {
  return (typeof text === 'string' ? text : text.toString('latin1')).includes('\x1b');
}
