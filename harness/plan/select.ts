// Which cells of the plan this invocation runs: --gpu (names or aliases), --only (globs on cell
// ids) and --shard I/N (a deterministic part of the selection). Pure.
import { UsageError } from '../errors.ts';
import { findGpu } from '../gpu/catalog.ts';
import { gpuHint } from '../matrix/suggest.ts';

export interface Shard {
  index: number;
  total: number;
}

export interface Selection {
  /** GPU names or aliases (already split on commas or not). */
  gpu?: string[];
  /** Globs on cell ids; a cell is kept when any matches. */
  only?: string[];
  shard?: Shard;
}

const splitList = (values: string[]): string[] => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** "thor,h100-sxm" → canonical names ["thor", "h100"]; unknown names are a UsageError. */
export function resolveGpus(values: string[]): string[] {
  return splitList(values).map((name) => {
    const spec = findGpu(name);
    if (!spec) throw new UsageError(`--gpu: unknown GPU "${name}"`, gpuHint(name));
    return spec.name;
  });
}

/** Glob on cell ids: `*` and `?` stay within one segment, `**` crosses `/`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      // `**/` may also match nothing: "**/mtp2" matches "mtp2" and "a/b/mtp2", not "a/xmtp2"
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** "2/5" → {index: 2, total: 5}; I must be in 1..N. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const hint = 'write --shard I/N with 1 ≤ I ≤ N, e.g. --shard 2/4';
  if (!m) throw new UsageError(`--shard: "${text}" is not I/N`, hint);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) throw new UsageError(`--shard: ${text} is out of range`, hint);
  return { index, total };
}

/**
 * Shard I of N: sort by id, cut into N contiguous blocks whose sizes differ by at most one (the
 * first `len % N` blocks take one more). Contiguous blocks keep an image's cells together, so a
 * shard pulls as few images as possible.
 */
export function shardOf<T extends { id: string }>(cells: readonly T[], shard: Shard): T[] {
  const sorted = [...cells].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const base = Math.floor(sorted.length / shard.total);
  const extra = sorted.length % shard.total;
  const i = shard.index - 1;
  const start = i * base + Math.min(i, extra);
  return sorted.slice(start, start + base + (i < extra ? 1 : 0));
}

export function selectCells<T extends { id: string; gpu: { name: string } }>(cells: readonly T[], sel: Selection): T[] {
  let out = [...cells];
  if (sel.gpu && sel.gpu.length) {
    const gpus = new Set(resolveGpus(sel.gpu));
    out = out.filter((c) => gpus.has(c.gpu.name));
  }
  const globs = splitList(sel.only ?? []).map(globToRegExp);
  if (globs.length) out = out.filter((c) => globs.some((g) => g.test(c.id)));
  return sel.shard ? shardOf(out, sel.shard) : out;
}

/** The cells on the given GPUs, and how many of each other GPU were left out (in plan order). */
export function onGpus<T extends { gpu: { name: string } }>(cells: readonly T[], gpus: readonly string[]): { kept: T[]; leftOut: Map<string, number> } {
  const have = new Set(gpus);
  const leftOut = new Map<string, number>();
  for (const c of cells) if (!have.has(c.gpu.name)) leftOut.set(c.gpu.name, (leftOut.get(c.gpu.name) ?? 0) + 1);
  return { kept: cells.filter((c) => have.has(c.gpu.name)), leftOut };
}
