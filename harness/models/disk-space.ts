// A full disk is found before downloading: the free space of the cache's filesystem against the
// bytes still to fetch, from the sizes the hub reports.
import { mkdirSync, statfsSync } from 'node:fs';
import { InfraError } from '../errors.ts';

export function freeBytes(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** Throws a disk-full infra error with the arithmetic when `need` bytes do not fit in `free`. */
export function ensureRoom(what: string, dir: string, need: number, free: number): void {
  if (need <= free) return;
  throw new InfraError(
    'disk-full',
    `${what}: needs ${formatBytes(need)} more in ${dir}, the disk has ${formatBytes(free)} free (short by ${formatBytes(need - free)})`,
    'free space on that disk (old snapshots under <cache>/huggingface/hub), or point --cache-dir / MATRIX_CACHE_DIR at a larger disk',
    'model',
  );
}
