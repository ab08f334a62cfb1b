// Running the real `matrix` CLI (the bundled dist/matrix.js) against throwaway matrices, databases
// and output directories — the way a user runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Docker from 'dockerode';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const CLI = join(ROOT, 'bin', 'matrix.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function workdir(prefix = 'matrix-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeMatrix(dir: string, yaml: string, name = 'm.yaml'): string {
  const p = join(dir, name);
  writeFileSync(p, yaml);
  return p;
}

export function startCli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): ChildProcess & { done: Promise<CliResult> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, CI: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms: performance.now() - t0 })));
  return Object.assign(child, { done });
}

export function cli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return startCli(args, opts).done;
}

export interface RunJson {
  run: string;
  db: string;
  report: string | null;
  cells: Array<{ id: string; verdict: string; category: string | null; signature: string | null; attempts: number; phases: Record<string, number>; probes: Array<{ name: string; verdict: string; metrics: Record<string, number>; error: string | null }>; triage: { fixedBy: object | null } | null; reason: string | null; earlier?: boolean; notRetried?: string | null }>;
}

export function parseRun(r: CliResult): RunJson {
  try {
    return JSON.parse(r.stdout) as RunJson;
  } catch {
    throw new Error(`matrix run did not print JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function containersOfRun(runId: string): Promise<string[]> {
  const list = await new Docker().listContainers({ all: true, filters: { label: [`matrix.run=${runId}`] } });
  return list.map((c) => c.Id);
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined> | T | null | undefined, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    let v: T | null | undefined = null;
    try {
      v = await fn();
    } catch {
      // not there yet (a database not created, a container not listed)
    }
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A small emulated matrix: one image with the given traits, GPU h100, one text model. */
export function emulatedMatrix(o: { startup?: string; traits?: string; flags?: string; timeouts?: string; retries?: number; probes?: string; image?: string; models?: string; expect?: string } = {}): string {
  return `version: 1
defaults:
  timeouts: ${o.timeouts ?? '{ startup: 60s, probe: 30s }'}
  retries: ${o.retries ?? 0}
images:
  - id: img
    ref: ${o.image ?? 'vllm/vllm-openai:v0.19.0'}
    engine: vllm
    emulate:
      startup: ${o.startup ?? '{ weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }'}
      ttft_ms: 5
      itl_ms: 1
${(o.traits ?? '').replace(/^/gm, '      ')}
gpus: [h100]
models:
${o.models ?? '  - { id: small, name: Qwen/Qwen3-0.6B }'}
flags:
${o.flags ?? '  - { id: default }'}
probes: [${o.probes ?? 'text'}]
${o.expect ?? ''}
`;
}

/**
 * A PATH whose `nvidia-smi` answers with the text captured on a real H100 machine
 * (test/fixtures/nvidia-smi/), so `matrix run` without --emulate sees one H100 here.
 */
export function pathWithFakeNvidiaSmi(dir: string, before = ''): string {
  const fx = join(ROOT, 'test/fixtures/nvidia-smi');
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'nvidia-smi'), `#!/bin/sh\n${before}case "$1" in\n  --query-gpu=*) cat ${fx}/h100-query-noheader.csv;;\n  -L) cat ${fx}/h100-L.txt;;\n  *) cat ${fx}/h100-nvidia-smi.txt;;\nesac\n`);
  chmodSync(join(bin, 'nvidia-smi'), 0o755);
  return `${bin}:${process.env.PATH}`;
}

/** FlashAttention PTX from CUDA 13.2 on an h100 whose driver is 12.8: ptx-toolchain, a deterministic failure. */
export const PTX_TOO_NEW = 'kernels: { flash: { sass: [sm_80], ptx: [compute_80], toolkit: "13.2", library: _vllm_fa2_C } }\n      driver_cuda: { h100: "12.8" }';

/**
 * An emulated matrix of several images (id → extra emulate traits), GPU h100, one text model.
 * flags: the flags section's entries (default one `default` flag set; null leaves the section out).
 */
export function emulatedImagesMatrix(images: Record<string, string>, o: { retries?: number; flags?: string | null; extra?: string } = {}): string {
  const imgs = Object.entries(images).map(([id, traits]) => `  - id: ${id}
    ref: vllm/vllm-openai:v0.19.0
    engine: vllm
    emulate:
      startup: { weights_s: 0.1, compile_s: 0.05, graphs_s: 0.05 }
      ttft_ms: 5
      itl_ms: 1
${traits ? `      ${traits}\n` : ''}`);
  const flags = o.flags === null ? '' : `flags:\n${o.flags ?? '  - { id: default }'}\n`;
  return `version: 1
defaults:
  timeouts: { startup: 60s, probe: 30s }
  retries: ${o.retries ?? 0}
images:
${imgs.join('')}gpus: [h100]
models:
  - { id: small, name: Qwen/Qwen3-0.6B }
${flags}probes: [text]
${o.extra ?? ''}`;
}
