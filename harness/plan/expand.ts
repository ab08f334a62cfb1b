// Matrix → Cell[]: the product of images × gpus × models × flags, then `requires`, exclude,
// include (which may re-add), and each cell's merged settings (defaults → model → flags →
// include entries). Pure: engines are looked up through a parameter.
import { engineInvocation } from '../engines/invocation.ts';
import { getEngine } from '../engines/index.ts';
import type { Engine } from '../engines/engine.ts';
import { builtinProbeApplies } from '../probes/applicability.ts';
import type { Axis, Matrix, MatrixFlagSet, MatrixModel, Overrides, Where } from '../matrix/matrix.ts';
import { BUILTIN_PROBES, type Cell, type EngineId, type GpuRef, type ImageSpec, type PerfSettings } from '../core/cell.ts';

export type EngineLookup = (id: EngineId) => Engine;

interface Coord {
  image: ImageSpec;
  gpu: GpuRef;
  model: MatrixModel;
  flags: MatrixFlagSet;
  /** Position in the product, for a stable order. */
  rank: number;
}

export function cellId(c: { image: { id: string }; gpu: { name: string }; model: { id: string }; flags: { id: string } }): string {
  return `${c.image.id}/${c.gpu.name}/${c.model.id}/${c.flags.id}`;
}

/** Does the flag set's `requires` hold for the model? */
export function requiresHolds(flags: MatrixFlagSet, model: MatrixModel): boolean {
  const r = flags.requires;
  if (r.mtp !== undefined && r.mtp !== model.mtp) return false;
  if (r.modality !== undefined && !model.modalities.includes(r.modality)) return false;
  return true;
}

function axisValue(c: Coord, axis: Axis): string {
  return axis === 'image' ? c.image.id : axis === 'gpu' ? c.gpu.name : axis === 'model' ? c.model.id : c.flags.id;
}

/** Partial match: every axis the entry names must hold one of its values. */
export function matches(where: Where, c: Coord): boolean {
  return (Object.keys(where) as Axis[]).every((axis) => where[axis]!.includes(axisValue(c, axis)));
}

function product(m: Matrix): Coord[] {
  const out: Coord[] = [];
  for (const image of m.images)
    for (const gpu of m.gpus)
      for (const model of m.models)
        for (const flags of m.flags) out.push({ image, gpu, model, flags, rank: out.length });
  return out;
}

function mergeOverrides(base: Overrides, o: Overrides): Overrides {
  return {
    timeouts: { ...base.timeouts, ...o.timeouts },
    retries: o.retries ?? base.retries,
    env: { ...base.env, ...o.env },
    options: { ...base.options, ...o.options },
    perf: mergePerf(base.perf, o.perf),
  };
}

/** An include entry's `perf:` refines the defaults' (thresholds per metric, the rest per key). */
function mergePerf(base: PerfSettings | undefined, o: PerfSettings | undefined): PerfSettings | undefined {
  if (!base || !o) return o ?? base;
  return { ...base, ...o, thresholds: { ...base.thresholds, ...o.thresholds } };
}

export function expand(m: Matrix, engineOf: EngineLookup = getEngine): Cell[] {
  const all = product(m).filter((c) => requiresHolds(c.flags, c.model));
  const kept = new Set(all.filter((c) => !m.exclude.some((w) => matches(w, c))));
  const extra = new Map<Coord, Overrides>();
  for (const inc of m.include) {
    const where: Where = {};
    for (const [axis, v] of Object.entries(inc.where) as Array<[Axis, string]>) where[axis] = [v];
    const { where: _w, ...overrides } = inc;
    for (const c of all) {
      if (!matches(where, c)) continue;
      kept.add(c);
      extra.set(c, mergeOverrides(extra.get(c) ?? {}, overrides));
    }
  }
  return [...kept].sort((a, b) => a.rank - b.rank).map((c) => buildCell(m, c, extra.get(c) ?? {}, engineOf));
}

function buildCell(m: Matrix, c: Coord, inc: Overrides, engineOf: EngineLookup): Cell {
  const engine = engineOf(c.image.engine);
  const options = { ...m.defaults.options, ...c.model.options, ...c.flags.options, ...inc.options };
  const args = c.flags.args[c.image.engine] ?? [];
  const result = engineInvocation(engine, { image: c.image, model: c.model, args }, options);
  const engineEnv = Object.fromEntries(Object.entries(result.env).map(([k, value]) => [k, { value, secret: false }]));
  const { options: _o, ...model } = c.model;
  const { requires: _r, ...flags } = c.flags;
  const id = cellId(c);
  const expectEntry = m.expect.find((e) => matches(e.where, c));
  const cell: Cell = {
    id,
    matrix: m.name,
    image: c.image,
    gpu: c.gpu,
    model,
    flags,
    options,
    args,
    env: { ...m.defaults.env, ...c.image.env, ...engineEnv, ...inc.env },
    timeouts: { ...m.defaults.timeouts, ...inc.timeouts },
    retries: inc.retries ?? m.defaults.retries,
    probes: [],
    expect: expectEntry ? { fail: expectEntry.fail, issue: expectEntry.issue, reason: expectEntry.reason } : null,
    gpus: result.gpus,
    command: 'argv' in result ? result.argv : [],
    skip: 'unsupported' in result ? result.unsupported : null,
  };
  const perf = mergePerf(m.defaults.perf, inc.perf);
  if (perf) cell.perf = perf;
  if (m.reuse) cell.reuse = m.reuse;
  cell.probes = m.probes.filter((p) => !(BUILTIN_PROBES as readonly string[]).includes(p) || builtinProbeApplies(p, cell) === true);
  const probeOptions = Object.fromEntries(cell.probes.filter((p) => m.probeOptions[p]).map((p) => [p, m.probeOptions[p]!]));
  if (Object.keys(probeOptions).length) cell.probeOptions = probeOptions;
  return cell;
}
