// Parsing of nvidia-smi text (pure): the CSV of `--query-gpu`, the CUDA version in the banner of
// plain `nvidia-smi`, the `-L` listing with MIG devices, and the mapping of marketing names to the
// catalog. discover.ts runs the commands; everything here is a function over strings.
import { GPU_CATALOG, type GpuSpec } from './catalog.ts';

/** The query discover.ts runs; its order is the column order of `--format=csv,noheader`. */
export const QUERY_FIELDS = ['index', 'uuid', 'name', 'compute_cap', 'memory.total', 'driver_version'] as const;

export interface SmiRow {
  index: number;
  uuid: string;
  name: string;
  /** "9.0"; null when the driver does not know the field or prints [N/A] (Jetson, old drivers). */
  computeCapability: string | null;
  memoryMiB: number | null;
  driverVersion: string | null;
}

export interface MigDevice {
  /** Index of the MIG device on its GPU (the "Device N" of `nvidia-smi -L`). */
  index: number;
  /** GPU-instance profile, e.g. "1g.10gb", "3g.40gb". */
  profile: string;
  uuid: string;
  /** Memory of the slice in MiB, from the profile name ("1g.10gb" → 10240); null if unknown. */
  memoryMiB: number | null;
}

export interface ListedGpu {
  index: number;
  name: string;
  uuid: string;
  mig: MigDevice[];
}

const NA = /^\[?(N\/A|Not Supported|Unknown Error|Insufficient Permissions)\]?$/i;

function cell(v: string | undefined): string | null {
  const t = (v ?? '').trim();
  return t === '' || NA.test(t) ? null : t;
}

/** "81559 MiB" → 81559; "[N/A]" → null. */
export function parseMiB(v: string | undefined): number | null {
  const t = cell(v);
  const m = t ? /^(\d+(?:\.\d+)?)\s*(MiB|GiB)?$/i.exec(t) : null;
  if (!m) return null;
  return m[2]?.toLowerCase() === 'gib' ? Math.round(Number(m[1]) * 1024) : Math.round(Number(m[1]));
}

/**
 * Parse `nvidia-smi --query-gpu=… --format=csv[,noheader][,nounits]`. With a header the columns are
 * found by name (so extra or reordered fields are fine); without one they are `fields`, in order.
 */
export function parseQueryCsv(text: string, fields: readonly string[] = QUERY_FIELDS): SmiRow[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let cols = [...fields];
  if (lines[0] && /(^|,\s*)index(,|$)/.test(lines[0]) && /name/.test(lines[0]) && !/^\d/.test(lines[0])) {
    cols = lines.shift()!.split(',').map((h) => h.trim().replace(/\s*\[.*\]$/, ''));
  }
  const at = (parts: string[], f: string): string | undefined => {
    const i = cols.indexOf(f);
    return i >= 0 ? parts[i] : undefined;
  };
  return lines.map((line) => {
    const parts = line.split(',').map((p) => p.trim());
    const index = Number(cell(at(parts, 'index')) ?? NaN);
    if (!Number.isInteger(index)) throw new Error(`nvidia-smi: cannot read a GPU index in "${line}"`);
    return {
      index,
      uuid: cell(at(parts, 'uuid')) ?? '',
      name: cell(at(parts, 'name')) ?? 'unknown GPU',
      computeCapability: cell(at(parts, 'compute_cap')),
      memoryMiB: parseMiB(at(parts, 'memory.total')),
      driverVersion: cell(at(parts, 'driver_version')),
    };
  });
}

/** The "CUDA Version: 13.0" of plain `nvidia-smi`'s banner (the highest CUDA the driver supports). */
export function parseCudaVersion(text: string): string | null {
  return /CUDA Version:\s*(\d+\.\d+)/.exec(text)?.[1] ?? null;
}

/** The "Driver Version: 580.159.04" of plain `nvidia-smi`'s banner. */
export function parseDriverVersion(text: string): string | null {
  return /Driver Version:\s*([\d.]+)/.exec(text)?.[1] ?? null;
}

/** "1g.10gb" → 10240 MiB; "1g.5gb+me" → 5120. */
function migMemory(profile: string): number | null {
  const m = /\.(\d+)gb/i.exec(profile);
  return m ? Number(m[1]) * 1024 : null;
}

/**
 * Parse `nvidia-smi -L`: "GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-…)" lines, each followed by its
 * "  MIG 1g.5gb Device 0: (UUID: MIG-…)" lines when MIG is enabled (R450 wrote "MIG-GPU-…/1/0").
 */
export function parseListing(text: string): ListedGpu[] {
  const out: ListedGpu[] = [];
  for (const line of text.split(/\r?\n/)) {
    const gpu = /^GPU\s+(\d+):\s*(.*?)\s*\(UUID:\s*([^)]+)\)\s*$/.exec(line);
    if (gpu) {
      out.push({ index: Number(gpu[1]), name: gpu[2]!, uuid: gpu[3]!.trim(), mig: [] });
      continue;
    }
    const mig = /^\s+MIG\s+(\S+)\s+Device\s+(\d+):\s*\(UUID:\s*([^)]+)\)/.exec(line);
    const last = out[out.length - 1];
    if (mig && last) last.mig.push({ index: Number(mig[2]), profile: mig[1]!, uuid: mig[3]!.trim(), memoryMiB: migMemory(mig[1]!) });
  }
  return out;
}

function words(s: string): string {
  return s.toLowerCase().replace(/^nvidia\s+/, '').replace(/\s+/g, ' ').trim();
}

/**
 * The catalog GPU a marketing name denotes ("NVIDIA H100 80GB HBM3" → h100). Each catalog smiName
 * must match as whole words (so "L40S" is not "L40" and "GH200" is not "H200"); the longest wins.
 */
export function catalogForName(name: string): GpuSpec | undefined {
  const n = words(name);
  let best: { spec: GpuSpec; len: number } | undefined;
  for (const spec of GPU_CATALOG) {
    for (const raw of spec.smiNames) {
      const s = words(raw);
      const re = new RegExp(`(^|[^a-z0-9])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`);
      if (re.test(n) && (!best || s.length > best.len)) best = { spec, len: s.length };
    }
  }
  return best?.spec;
}

/** "NVIDIA Jetson AGX Orin Developer Kit\0" (from /proc/device-tree/model) → the catalog's Jetson. */
export function catalogForDeviceTree(model: string): GpuSpec | undefined {
  const clean = model.replace(/\0/g, '').trim();
  if (!/jetson|thor|orin|nvidia/i.test(clean)) return undefined;
  return catalogForName(clean);
}
