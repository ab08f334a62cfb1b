// A loaded, validated matrix: the four axes and the rules that shape their product. Pure data,
// produced by load.ts and consumed by expand.ts.
import type { SourceLocation } from '../errors.ts';
import type { EnvValue, Expectation, FlagSetSpec, GpuRef, ImageSpec, ModelSpec, PerfSettings, SemanticOptions, Timeouts } from '../core/cell.ts';

export const AXES = ['image', 'gpu', 'model', 'flags'] as const;
export type Axis = (typeof AXES)[number];

/** Partial match on the axes; a list matches any of its values. GPU names are canonical. */
export type Where = Partial<Record<Axis, string[]>>;

/** Keys that `defaults:` and include entries may set. */
export interface Overrides {
  timeouts?: Partial<Timeouts>;
  retries?: number;
  env?: Record<string, EnvValue>;
  options?: SemanticOptions;
  perf?: PerfSettings;
}

export interface MatrixModel extends ModelSpec {
  options: SemanticOptions;
}

export interface MatrixFlagSet extends FlagSetSpec {
  requires: { mtp?: boolean; modality?: 'text' | 'image' };
}

export interface IncludeEntry extends Overrides {
  where: Partial<Record<Axis, string>>;
}

export interface ExpectEntry extends Expectation {
  where: Where;
}

export interface Runner {
  labels: string[];
  shards: number;
}

export interface Matrix {
  /** Path of the file as given. */
  file: string;
  /** Directory custom probe modules are resolved against. */
  dir: string;
  name: string;
  version: 1;
  defaults: { timeouts: Timeouts; retries: number; env: Record<string, EnvValue>; options: SemanticOptions; perf?: PerfSettings };
  images: ImageSpec[];
  gpus: GpuRef[];
  models: MatrixModel[];
  flags: MatrixFlagSet[];
  /** Built-in names, or absolute paths of custom probe modules. */
  probes: string[];
  /** Options for probes given as `{ name, options }`, keyed like `probes`. */
  probeOptions: Record<string, Record<string, unknown>>;
  exclude: Where[];
  include: IncludeEntry[];
  expect: ExpectEntry[];
  runners: Record<string, Runner>;
  /** `reuse:` — unchanged verdicts are reused by default, up to this age. */
  reuse?: { maxAgeMs: number };
  /** Where each entry was written, keyed like "images.0", "include.2", "expect.0". */
  locations: Record<string, SourceLocation>;
}

export const DEFAULT_TIMEOUTS: Required<Timeouts> = { startupMs: 20 * 60_000, probeMs: 2 * 60_000, fatalGraceMs: 5000, stallMs: 10 * 60_000 };
