// Validated raw matrix → Matrix: canonical GPU refs, interpolated env, options as data. Pure.
// Runs only after schema.ts and refs.ts found no mistakes, so lookups here cannot fail.
import { archOf, findGpu } from '../gpu/catalog.ts';
import { parseDuration } from './duration.ts';
import { interpolate, type Lookup } from './interpolate.ts';
import { AXES, DEFAULT_TIMEOUTS, type Axis, type Matrix, type Overrides, type Where } from './matrix.ts';
import type { RawInclude, RawMatrix, RawOptions, RawWhere } from './schema.ts';
import type { EnvValue, GpuRef, PerfSettings, SemanticOptions, Timeouts } from '../core/cell.ts';
import type { SourceLocation } from '../errors.ts';
import type { Source } from './source.ts';
import { BUILTIN_PROBES, DEFAULT_PROBES } from '../core/cell.ts';

export function gpuRef(name: string): GpuRef {
  const spec = findGpu(name);
  if (!spec) throw new Error(`gpuRef: unknown GPU ${name} (validated earlier)`);
  return { name: spec.name, arch: archOf(spec.computeCapability), computeCapability: spec.computeCapability, memoryGiB: spec.memoryGiB };
}

function env(raw: Record<string, string | number | boolean> | undefined, lookup: Lookup): Record<string, EnvValue> {
  const out: Record<string, EnvValue> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (typeof v !== 'string') {
      out[k] = { value: String(v), secret: false };
      continue;
    }
    const r = interpolate(v, lookup);
    if (!r.ok) throw new Error(`env ${k}: ${r.message} (validated earlier)`);
    out[k] = r.value;
  }
  return out;
}

function options(raw: RawOptions | undefined): SemanticOptions {
  return { ...(raw ?? {}) } as SemanticOptions;
}

function timeouts(raw: { startup?: string; probe?: string; fatal_grace?: string; stall?: string } | undefined): Partial<Timeouts> {
  const out: Partial<Timeouts> = {};
  if (raw?.startup) out.startupMs = parseDuration(raw.startup)!;
  if (raw?.probe) out.probeMs = parseDuration(raw.probe)!;
  if (raw?.fatal_grace) out.fatalGraceMs = parseDuration(raw.fatal_grace)!;
  if (raw?.stall) out.stallMs = parseDuration(raw.stall)!;
  return out;
}

function where(raw: RawWhere): Where {
  const out: Where = {};
  for (const axis of AXES) {
    const v = raw[axis];
    if (v === undefined) continue;
    const vals = typeof v === 'string' ? [v] : v;
    out[axis] = axis === 'gpu' ? vals.map((g) => findGpu(g)!.name) : vals;
  }
  return out;
}

function overrides(raw: RawInclude, lookup: Lookup): Overrides {
  const o: Overrides = {};
  if (raw.timeouts) o.timeouts = timeouts(raw.timeouts);
  if (raw.retries !== undefined) o.retries = raw.retries;
  if (raw.env) o.env = env(raw.env, lookup);
  if (raw.options) o.options = options(raw.options);
  if (raw.perf) o.perf = perf(raw.perf);
  return o;
}

function perf(raw: NonNullable<RawInclude['perf']>): PerfSettings {
  const { min_runs, ...rest } = raw;
  return { ...rest, ...(min_runs !== undefined ? { minRuns: min_runs } : {}) };
}

/** Every node's location, keyed "images.0.id", for checks that run after loading. */
function locations(source: Source, raw: RawMatrix): Record<string, SourceLocation> {
  const out: Record<string, SourceLocation> = {};
  for (const key of ['images', 'models', 'flags', 'exclude', 'include', 'expect', 'gpus', 'probes'] as const) {
    const arr = (raw[key] ?? []) as unknown[];
    out[key] = source.keyAt([key]);
    arr.forEach((_, i) => {
      out[`${key}.${i}`] = source.at([key, i]);
    });
  }
  return out;
}

export interface BuildInput {
  raw: RawMatrix;
  source: Source;
  file: string;
  dir: string;
  defaultName: string;
  lookup: Lookup;
  resolveProbe: (relPath: string) => string;
}

type ProbeEntries = RawMatrix['probes'];
const probeRef = (name: string, resolveProbe: (p: string) => string) => ((BUILTIN_PROBES as readonly string[]).includes(name) ? name : resolveProbe(name));

/** Built-in names and resolved module paths, in order. */
function probeNames(entries: ProbeEntries, resolveProbe: (p: string) => string): string[] {
  return (entries ?? [...DEFAULT_PROBES]).map((p) => probeRef(typeof p === 'string' ? p : p.name, resolveProbe));
}

/** Options given to probes (`{ name, options }` entries), keyed like `probes`. */
function probeOptions(entries: ProbeEntries, resolveProbe: (p: string) => string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const p of entries ?? []) if (typeof p !== 'string') out[probeRef(p.name, resolveProbe)] = withResolvedPaths(p.name, p.options, resolveProbe);
  return out;
}

/** The accuracy probe's `dataset` is a path relative to the matrix file's folder, like a probe module's. */
function withResolvedPaths(name: string, options: Record<string, unknown>, resolvePath: (p: string) => string): Record<string, unknown> {
  if (name !== 'accuracy' || typeof options.dataset !== 'string') return options;
  return { ...options, dataset: resolvePath(options.dataset) };
}

export function buildMatrix({ raw, source, file, dir, defaultName, lookup, resolveProbe }: BuildInput): Matrix {
  const d = raw.defaults ?? {};
  return {
    file,
    dir,
    name: raw.name ?? defaultName,
    version: 1,
    defaults: {
      timeouts: { ...DEFAULT_TIMEOUTS, ...timeouts(d.timeouts) },
      retries: d.retries ?? 0,
      env: env(d.env, lookup),
      options: options(d.options),
      ...(d.perf ? { perf: perf(d.perf) } : {}),
    },
    images: raw.images.map((i) => ({
      id: i.id,
      ref: i.ref,
      engine: i.engine,
      emulate: (i.emulate as Record<string, unknown> | undefined) ?? null,
      entrypoint: i.entrypoint ?? null,
      command: i.command ?? null,
      platform: i.platform ?? null,
      runtime: i.runtime ?? null,
      mounts: i.mounts ?? [],
      env: env(i.env, lookup),
      auth: i.auth ? (env({ username: i.auth.username, password: i.auth.password }, lookup) as { username: EnvValue; password: EnvValue }) : null,
    })),
    gpus: raw.gpus.map((g) => gpuRef(String(g))),
    models: raw.models.map((m) => ({
      id: m.id,
      name: m.name,
      revision: m.revision ?? null,
      modalities: m.modalities ?? ['text'],
      mtp: m.mtp ?? false,
      architecture: m.architecture ?? null,
      sizeGiB: m.size_gib ?? null,
      options: options(m.options),
    })),
    flags: (raw.flags ?? [{ id: 'default' }]).map((f) => ({ id: f.id, options: options(f.options), args: { ...(f.args ?? {}) }, requires: { ...(f.requires ?? {}) } })),
    probes: probeNames(raw.probes, resolveProbe),
    probeOptions: probeOptions(raw.probes, resolveProbe),
    exclude: (raw.exclude ?? []).map(where),
    include: (raw.include ?? []).map((inc) => {
      const w: Partial<Record<Axis, string>> = {};
      for (const axis of AXES) {
        const v = inc[axis];
        if (v !== undefined) w[axis] = axis === 'gpu' ? findGpu(v)!.name : v;
      }
      return { where: w, ...overrides(inc, lookup) };
    }),
    expect: (raw.expect ?? []).map((e) => ({ where: where(e.where), fail: e.fail, issue: e.issue ?? null, reason: e.reason ?? null })),
    runners: Object.fromEntries(Object.entries(raw.runners ?? {}).map(([k, r]) => [findGpu(k)!.name, { labels: r.labels ?? [], shards: r.shards ?? 1 }])),
    ...(raw.reuse ? { reuse: { maxAgeMs: parseDuration(raw.reuse.max_age ?? '7d')! } } : {}),
    locations: locations(source, raw),
  };
}
