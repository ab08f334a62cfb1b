// The refs of `matrix bisect` (pure): the ordered list from --good, --between and --bad, each a
// full image reference, a bare tag or a bare digest of the cell's image repository; and the cell
// with its image replaced by one of them, everything else as planned.
import type { Cell } from '../core/cell.ts';
import { versionFromImageRef } from '../engines/version.ts';
import { UsageError } from '../errors.ts';

/** "vllm/vllm-openai" from "vllm/vllm-openai:v0.19.0", "…@sha256:…" or "localhost:5000/x:tag". */
export function repositoryOf(ref: string): string {
  const noDigest = ref.split('@')[0]!;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

/**
 * A ref as given → an image reference: "nightly-05" is a tag and "sha256:…" a digest of the cell's
 * repository; anything with "/", ":" or "@" is a whole reference already.
 */
export function expandRef(given: string, cellRef: string): string {
  const ref = given.trim();
  if (/^sha256:[0-9a-f]{64}$/i.test(ref)) return `${repositoryOf(cellRef)}@${ref}`;
  if (/[/:@]/.test(ref)) return ref;
  return `${repositoryOf(cellRef)}:${ref}`;
}

/** good, then --between in order (repeated or comma-separated), then bad; each once. */
export function bisectRefList(cellRef: string, o: { good: string; bad: string; between?: readonly string[] }): string[] {
  const between = (o.between ?? []).flatMap((b) => b.split(',')).map((b) => b.trim()).filter(Boolean);
  const refs = [o.good, ...between, o.bad].map((r) => expandRef(r, cellRef));
  const seen = new Set<string>();
  for (const r of refs) {
    if (seen.has(r)) {
      throw new UsageError(
        refs.length === 2 ? `matrix bisect: --good and --bad are the same image (${r}): a bisect needs at least 2 different refs` : `matrix bisect: ${r} is given twice`,
        'give the refs oldest first, each once: --good OLD [--between MID,…] --bad NEW',
      );
    }
    seen.add(r);
  }
  return refs;
}

/**
 * The cell with its image replaced by `ref`. The engine command was built for the planned image's
 * engine version; a ref whose tag names no version (nightly-05, a digest) keeps that version.
 */
export function cellWithRef(cell: Cell, ref: string): Cell {
  // as the emulator's traits read it: the matrix's declared version over the tag's
  const declared = cell.image.emulate?.version;
  const version = typeof declared === 'string' ? declared : versionFromImageRef(cell.image.ref);
  const pin = version && !versionFromImageRef(ref) ? { version } : {};
  const emulate = cell.image.emulate || Object.keys(pin).length ? { ...(cell.image.emulate ?? {}), ...pin } : null;
  return { ...cell, image: { ...cell.image, ref, emulate } };
}
