// Which of the runner's GPUs a cell asks for (pure): match discovered GPUs to a catalog name or
// alias and give the device ids to hand to Docker — GPU indices, or the MIG device UUIDs of a
// GPU in MIG mode (NVIDIA_VISIBLE_DEVICES / DeviceRequests accept both).
import { findGpu } from './catalog.ts';
import type { DiscoveredGpu } from './discover.ts';

export interface DeviceChoice {
  /** The discovered GPUs of that kind. */
  gpus: DiscoveredGpu[];
  /** Ids for Docker's device requests: "0", "1", or "MIG-…" for each MIG device. */
  deviceIds: string[];
}

/** The runner's GPUs of catalog kind `name` (any alias); empty when the runner has none of them. */
export function devicesFor(gpus: readonly DiscoveredGpu[], name: string): DeviceChoice {
  const spec = findGpu(name);
  const want = spec?.name ?? name.trim().toLowerCase();
  const chosen = gpus.filter((g) => g.catalogName === want);
  const deviceIds = chosen.flatMap((g) => (g.mig?.length ? g.mig.map((m) => m.uuid) : [String(g.index)]));
  return { gpus: chosen, deviceIds };
}

/** One line naming what the runner has, for "this runner has no thor" messages. */
export function describeRunnerGpus(gpus: readonly DiscoveredGpu[]): string {
  if (gpus.length === 0) return 'no GPUs';
  const counts = new Map<string, number>();
  for (const g of gpus) {
    const k = g.catalogName ?? g.name;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${n}× ${k}` : k)).join(', ');
}
