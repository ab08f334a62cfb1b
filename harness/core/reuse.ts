// Reusing an unchanged verdict (issue #26): everything that decides a cell's verdict, as data (its
// reuse inputs), and their key — the sha-256 of their canonical JSON. Two runs of a cell with one
// key would give the same verdict, so the later one may reuse the earlier's instead of starting a
// container; the inputs are stored beside the key so a miss can say WHAT changed. Pure.
import { createHash } from 'node:crypto';
import type { Expectation, Timeouts } from './cell.ts';

export interface ReuseInputs {
  /** The image's digest as the runtime reads it (repo digest, or the id of a locally built image), never its tag. */
  imageDigest: string | null;
  /** The model's resolved revision (the commit the cache holds) when known, else the configured one. */
  modelRevision: string;
  /** The engine's full argv and environment; secret values are left out (redacted). */
  argv: string[];
  env: Record<string, string>;
  /** Under --emulate: the emulator's configuration (traits, simulated GPU), which decides the verdict there. */
  emulator: unknown;
  gpu: { name: string; computeCapability: string; driverVersion: string | null; driverCuda: string | null };
  probes: string[];
  probeOptions: Record<string, Record<string, unknown>>;
  timeouts: Timeouts;
  retries: number;
  expect: Expectation | null;
  /** The harness that judged: its package version and a hash of its build. */
  harness: string;
}

/** JSON with object keys sorted at every level: one text for equal values, whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}

/** The reuse key: sha256 of the inputs' canonical JSON. */
export function reuseKeyOf(inputs: ReuseInputs): string {
  return `sha256:${createHash('sha256').update(canonicalJson(inputs)).digest('hex')}`;
}

const LABELS: Record<keyof ReuseInputs, string> = {
  imageDigest: 'image digest',
  modelRevision: 'model revision',
  argv: 'engine command',
  env: 'engine environment',
  emulator: 'emulated image traits',
  gpu: 'GPU or driver',
  probes: 'probe set',
  probeOptions: 'probe options',
  timeouts: 'timeouts',
  retries: 'retries',
  expect: 'expectation',
  harness: 'harness version',
};

const short = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const shown = (v: unknown) => (v === null || v === undefined ? 'none' : short(typeof v === 'string' ? v : String(canonicalJson(v))));

/**
 * What changed between two runs' inputs, one phrase each, e.g. "image digest changed sha256:ab… →
 * sha256:cd…"; empty when nothing did. Inputs stored by an older harness may lack a field: it reads as changed.
 */
export function reuseChanges(before: Partial<ReuseInputs>, now: ReuseInputs): string[] {
  const out: string[] = [];
  for (const k of Object.keys(LABELS) as Array<keyof ReuseInputs>) {
    const a = before[k];
    const b = now[k];
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
    const simple = (a === null || typeof a !== 'object') && (b === null || typeof b !== 'object');
    out.push(simple ? `${LABELS[k]} changed ${shown(a)} → ${shown(b)}` : `${LABELS[k]} changed${detail(a, b)}`);
  }
  return out;
}

/** For objects: which of their keys differ ("(HF_TOKEN, VLLM_USE_V1)"); nothing for other values. */
function detail(a: unknown, b: unknown): string {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return '';
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => canonicalJson(ra[k] ?? null) !== canonicalJson(rb[k] ?? null)).sort();
  return keys.length ? ` (${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''})` : '';
}
