// An emulated image of its own: under --emulate every image is the emulator configured with the
// matrix image's `emulate:` traits, so two tags of one repository would behave alike. An image built
// for emulation (FROM the emulator image) may carry traits in its `matrix.emulate` label (JSON); a
// cell whose ref names such an image on the Docker engine takes them over the matrix's. That is how
// emulated nightly builds differ (`matrix bisect` over them; test/e2e/bisect.test.ts).
import type { Cell } from '../core/cell.ts';
import { EmulatorTraits } from '../core/emulator-traits.ts';
import { UsageError } from '../errors.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';

export const EMULATE_LABEL = 'matrix.emulate';

/** The traits an image's label declares (null: none), validated as the matrix's are. */
export function labelTraits(ref: string, labels: Record<string, string>): Record<string, unknown> | null {
  const text = labels[EMULATE_LABEL];
  if (text === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`image ${ref}: its ${EMULATE_LABEL} label is not JSON (${(e as Error).message})`, `label the image with emulator traits as JSON, e.g. LABEL ${EMULATE_LABEL}='{"faults":{"fail_first_starts":1}}'`);
  }
  const checked = EmulatorTraits.safeParse(raw);
  if (!checked.success || typeof raw !== 'object' || raw === null) {
    throw new UsageError(`image ${ref}: its ${EMULATE_LABEL} label holds no valid emulator traits: ${checked.error?.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') ?? 'not an object'}`, 'the keys are those of an image\'s `emulate:` in the matrix (docs/matrix.md)');
  }
  return raw as Record<string, unknown>;
}

/** The cell with the label's traits over its matrix traits (the same cell when the label declares none). */
export function withLabelTraits(cell: Cell, traits: Record<string, unknown> | null): Cell {
  if (!traits) return cell;
  return { ...cell, image: { ...cell.image, emulate: { ...(cell.image.emulate ?? {}), ...traits } } };
}

/** Under --emulate: every cell whose image is on the engine with a `matrix.emulate` label takes its traits. */
export async function withImageTraits(runtime: ContainerRuntime, cells: Cell[]): Promise<Cell[]> {
  const byRef = new Map<string, Record<string, unknown> | null>();
  for (const ref of new Set(cells.map((c) => c.image.ref))) {
    const info = await runtime.inspectImage(ref).catch(() => null);
    byRef.set(ref, info ? labelTraits(ref, info.labels) : null);
  }
  return cells.map((c) => withLabelTraits(c, byRef.get(c.image.ref) ?? null));
}
