// Checks that need the whole file: duplicate and unknown ids, GPU names against the catalog,
// `${VAR}` references, custom probe modules. Works on the raw YAML value defensively, so these
// mistakes are reported together with schema mistakes in one pass. Pure (file existence is injected).
import type { MatrixIssue } from '../errors.ts';
import { CATEGORIES } from '../core/diagnosis.ts';
import { KNOWLEDGE_BASE } from '../diagnose/signatures.generated.ts';
import { findGpu } from '../gpu/catalog.ts';
import { interpolate, type Lookup } from './interpolate.ts';
import { AXES, type Axis } from './matrix.ts';
import type { Path, Source } from './source.ts';
import { didYouMean, gpuHint } from './suggest.ts';
import { pathText } from './issues.ts';
import { isProbeModulePath } from './probe-path.ts';

export interface RefContext {
  source: Source;
  lookup: Lookup;
  /** Does a custom probe module exist? Receives the path as written. */
  probeExists: (relPath: string) => boolean;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

const AXIS_LIST: Record<Exclude<Axis, 'gpu'>, 'images' | 'models' | 'flags'> = { image: 'images', model: 'models', flags: 'flags' };

/** What every check reads: the file's parsed value, and where to record an issue. */
interface Checker {
  ctx: RefContext;
  root: Record<string, unknown>;
  add(path: Path, message: string, hint?: string, atKey?: boolean): void;
}

export function checkRefs(ctx: RefContext): MatrixIssue[] {
  const { source } = ctx;
  const issues: MatrixIssue[] = [];
  const c: Checker = {
    ctx,
    root: rec(source.value),
    add: (path, message, hint, atKey = false) => void issues.push({ loc: atKey ? source.keyAt(path) : source.at(path), message, ...(hint ? { hint } : {}) }),
  };
  const ids = checkIds(c);
  const axisGpus = checkGpus(c);
  checkWhereRefs(c, ids, axisGpus);
  checkIncludesAddCells(c);
  checkExpectedFailures(c);
  checkEnvs(c);
  checkProbeModules(c);
  return issues;
}

/** Ids per axis: unique within the file (flags: "default" when the file has none). */
function checkIds(c: Checker): Record<string, string[]> {
  const { root, add } = c;
  const ids: Record<string, string[]> = {};
  for (const axis of ['images', 'models', 'flags'] as const) {
    const seen = new Map<string, number>();
    ids[axis] = [];
    list(root[axis]).forEach((entry, i) => {
      const id = rec(entry).id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) {
        add([axis, i, 'id'], `duplicate ${axis.slice(0, -1)} id "${id}"`, `first defined at line ${c.ctx.source.at([axis, first, 'id']).line}; ids must be unique`);
      } else seen.set(id, i);
      ids[axis]!.push(id);
    });
  }
  if (root.flags === undefined) ids.flags = ['default'];
  return ids;
}

/** GPUs of the axis and of `runners:` are in the catalog, each listed once; the axis's canonical names. */
function checkGpus(c: Checker): string[] {
  const { root, add } = c;
  const axisGpus: string[] = [];
  list(root.gpus).forEach((v, i) => {
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const g = String(v);
    const spec = findGpu(g);
    if (!spec) return add(['gpus', i], `unknown GPU "${g}"`, gpuHint(g));
    if (axisGpus.includes(spec.name)) return add(['gpus', i], `GPU "${g}" is ${spec.name}, which is already listed`, 'list each GPU once');
    axisGpus.push(spec.name);
  });
  for (const key of Object.keys(rec(root.runners))) {
    if (!findGpu(key)) add(['runners', key], `unknown GPU "${key}" in runners`, gpuHint(key), true);
  }
  return axisGpus;
}

/** References from exclude / include / expect name what the matrix has. */
function checkWhereRefs(c: Checker, ids: Record<string, string[]>, axisGpus: string[]): void {
  const { root, add } = c;
  const checkRef = (path: Path, axis: Axis, value: string) => {
    if (axis === 'gpu') {
      const spec = findGpu(value);
      if (!spec) return add(path, `${pathText(path)}: unknown GPU "${value}"`, gpuHint(value));
      if (axisGpus.length && !axisGpus.includes(spec.name)) {
        add(path, `${pathText(path)}: GPU "${value}" is not in this matrix's gpus (${axisGpus.join(', ')})`, 'add it to `gpus:` or remove this reference');
      }
      return;
    }
    const known = ids[AXIS_LIST[axis]] ?? [];
    if (!known.includes(value)) {
      add(path, `${pathText(path)}: no ${axis === 'flags' ? 'flag set' : axis} "${value}" in this matrix`, didYouMean(value, known) ?? `${AXIS_LIST[axis]}: ${known.join(', ')}`);
    }
  };
  const checkWhere = (base: Path, where: unknown) => {
    const w = rec(where);
    for (const axis of AXES) {
      const v = w[axis];
      if (typeof v === 'string') checkRef([...base, axis], axis, v);
      else list(v).forEach((x, i) => typeof x === 'string' && checkRef([...base, axis, i], axis, x));
    }
  };
  list(root.exclude).forEach((e, i) => checkWhere(['exclude', i], e));
  list(root.include).forEach((e, i) => checkWhere(['include', i], e));
  list(root.expect).forEach((e, i) => checkWhere(['expect', i, 'where'], rec(e).where));
}

/** An include that names a model and a flag set whose `requires` it fails would add nothing. */
function checkIncludesAddCells(c: Checker): void {
  const { root, add } = c;
  list(root.include).forEach((e, i) => {
    const inc = rec(e);
    const model = list(root.models).map(rec).find((m) => m.id === inc.model);
    const flags = list(root.flags).map(rec).find((f) => f.id === inc.flags);
    if (!model || !flags) return;
    const req = rec(flags.requires);
    const modalities = Array.isArray(model.modalities) ? model.modalities : ['text'];
    const missing = req.mtp === true && model.mtp !== true ? 'mtp: true' : typeof req.modality === 'string' && !modalities.includes(req.modality) ? `modality ${req.modality}` : null;
    if (missing) add(['include', i], `include[${i}]: flag set "${String(flags.id)}" requires ${missing}, which model "${String(model.id)}" does not have`, 'this entry would add no cell; pick another model or flag set');
  });
}

/** Expected failures name a category or a signature of the knowledge base. */
function checkExpectedFailures(c: Checker): void {
  const { root, add } = c;
  const failIds = [...CATEGORIES.filter((c) => c !== 'healthy'), ...KNOWLEDGE_BASE.signatures.map((s) => s.id), ...KNOWLEDGE_BASE.infra.map((s) => s.id)];
  list(root.expect).forEach((e, i) => {
    const fail = rec(e).fail;
    if (typeof fail !== 'string' || failIds.includes(fail)) return;
    const hint = didYouMean(fail, failIds) ?? `categories: ${CATEGORIES.filter((c) => c !== 'healthy').join(', ')}; signature ids are in harness/diagnose/signatures.yaml`;
    add(['expect', i, 'fail'], `expect[${i}].fail: no failure category or signature "${fail}"`, hint);
  });
}

/** Env maps: variable names, and `${VAR}` that the runner can resolve. */
function checkEnvs(c: Checker): void {
  const { root, add } = c;
  const checkEnv = (base: Path, env: unknown) => {
    for (const [key, value] of Object.entries(rec(env))) {
      if (!ENV_NAME_RE.test(key)) add([...base, key], `bad environment variable name "${key}"`, 'names use letters, digits and "_", and do not start with a digit', true);
      if (typeof value !== 'string') continue;
      const r = interpolate(value, c.ctx.lookup);
      if (!r.ok) add([...base, key], `${pathText([...base, key])}: ${r.message}`, r.hint);
    }
  };
  checkEnv(['defaults', 'env'], rec(root.defaults).env);
  list(root.images).forEach((img, i) => checkEnv(['images', i, 'env'], rec(img).env));
  list(root.include).forEach((inc, i) => checkEnv(['include', i, 'env'], rec(inc).env));
}

/** Custom probe modules exist beside the matrix file. */
function checkProbeModules(c: Checker): void {
  const { root, add } = c;
  list(root.probes).forEach((entry, i) => {
    const p = typeof entry === 'string' ? entry : rec(entry).name;
    if (typeof p !== 'string' || !isProbeModulePath(p)) return;
    const at = typeof entry === 'string' ? ['probes', i] : ['probes', i, 'name'];
    if (!c.ctx.probeExists(p)) add(at, `probe module "${p}" not found`, 'paths are relative to the folder of the matrix file');
  });
}
