// GPU discovery: runs nvidia-smi (or reads a Jetson's device tree) through injectable effects and
// maps each GPU to the catalog. The parsing lives in nvidia-smi.ts; the only effects are `exec`
// and `readFile`, which tests replace.
import { execFile } from 'node:child_process';
import { readFile as fsReadFile } from 'node:fs/promises';
import { InfraError } from '../errors.ts';
import { catalogForDeviceTree, catalogForName, parseCudaVersion, parseListing, parseQueryCsv, QUERY_FIELDS, type MigDevice, type SmiRow } from './nvidia-smi.ts';

export type { MigDevice } from './nvidia-smi.ts';

export interface DiscoveredGpu {
  index: number;
  uuid: string;
  /** As the driver names it: "NVIDIA H100 80GB HBM3". */
  name: string;
  /** Catalog name ("h100"), or null for a GPU the catalog does not know. */
  catalogName: string | null;
  /** "9.0"; from nvidia-smi, else from the catalog (old drivers, Jetson). */
  computeCapability: string | null;
  memoryMiB: number | null;
  driverVersion: string | null;
  /** Highest CUDA version the driver supports ("13.0"), from plain nvidia-smi's banner. */
  cudaVersion: string | null;
  /** MIG devices carved out of this GPU (only when MIG is enabled). */
  mig?: MigDevice[];
  /** How it was found. */
  source: 'nvidia-smi' | 'device-tree';
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** Exit status; a command that is not installed rejects with an error whose code is ENOENT. */
  code: number;
}

export interface DiscoverEffects {
  exec?: (cmd: string, args: string[]) => Promise<ExecResult>;
  readFile?: (path: string) => Promise<string>;
}

export const DEVICE_TREE_MODEL = '/proc/device-tree/model';

const HINT =
  'run on a machine with an NVIDIA driver (nvidia-smi must work), inside Docker use `--gpus all` with the NVIDIA Container Toolkit, or emulate with `matrix run --emulate`';

function defaultExec(cmd: string, args: string[]): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 20_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: string | number }) | null;
      if (e && e.code === 'ENOENT') return reject(e);
      resolve({ stdout: String(stdout), stderr: String(stderr), code: e ? (typeof e.code === 'number' ? e.code : 1) : 0 });
    });
  });
}

async function tryExec(exec: NonNullable<DiscoverEffects['exec']>, args: string[]): Promise<ExecResult | 'missing'> {
  try {
    return await exec('nvidia-smi', args);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

/** Build DiscoveredGpus from the three nvidia-smi texts (pure; exported for tests and fixtures). */
export function gpusFromSmi(rows: SmiRow[], banner: string | null, listing: string | null): DiscoveredGpu[] {
  const cuda = banner ? parseCudaVersion(banner) : null;
  const listed = listing ? parseListing(listing) : [];
  return rows.map((r) => {
    const spec = catalogForName(r.name);
    const mig = listed.find((l) => l.uuid === r.uuid || (r.uuid === '' && l.index === r.index))?.mig ?? [];
    return {
      index: r.index,
      uuid: r.uuid,
      name: r.name,
      catalogName: spec?.name ?? null,
      computeCapability: r.computeCapability ?? spec?.computeCapability ?? null,
      memoryMiB: r.memoryMiB,
      driverVersion: r.driverVersion,
      cudaVersion: cuda,
      ...(mig.length ? { mig } : {}),
      source: 'nvidia-smi' as const,
    };
  });
}

/**
 * Discover this machine's GPUs. Throws InfraError('gpu-unavailable') with a hint when there are
 * none: nvidia-smi missing and no Jetson device tree, a driver nvidia-smi cannot talk to, no devices.
 */
export async function discoverGpus(effects: DiscoverEffects = {}): Promise<DiscoveredGpu[]> {
  const exec = effects.exec ?? defaultExec;
  const readFile = effects.readFile ?? ((p: string) => fsReadFile(p, 'latin1'));
  let fields: readonly string[] = QUERY_FIELDS;
  let q = await tryExec(exec, [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader']);
  if (q !== 'missing' && q.code !== 0 && /compute_cap/.test(q.stdout + q.stderr)) {
    // drivers before R510 do not know compute_cap: ask without it and take it from the catalog
    fields = QUERY_FIELDS.filter((f) => f !== 'compute_cap');
    q = await tryExec(exec, [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader']);
  }
  if (q === 'missing' || (q.code !== 0 && /not found|No such file/i.test(q.stderr))) {
    const jetson = await jetsonFromDeviceTree(readFile);
    if (jetson) return [jetson];
    throw new InfraError('gpu-unavailable', 'no NVIDIA GPU found: nvidia-smi is not installed and the device tree names no Jetson', HINT, 'discover');
  }
  const said = `${q.stdout}\n${q.stderr}`.trim();
  if (q.code !== 0 || /No devices were found/i.test(said)) {
    const jetson = await jetsonFromDeviceTree(readFile);
    if (jetson) return [jetson];
    throw new InfraError('gpu-unavailable', `no usable NVIDIA GPU: nvidia-smi says "${firstLine(said)}"`, HINT, 'discover');
  }
  const rows = parseQueryCsv(q.stdout, fields);
  if (rows.length === 0) throw new InfraError('gpu-unavailable', 'no NVIDIA GPU found: nvidia-smi lists none', HINT, 'discover');
  const banner = await tryExec(exec, []);
  const listing = await tryExec(exec, ['-L']);
  const text = (r: ExecResult | 'missing'): string | null => (r !== 'missing' && r.code === 0 ? r.stdout : null);
  return gpusFromSmi(rows, text(banner), text(listing));
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim() ?? 'nothing';
}

/** A Jetson (Orin, Thor) identified by /proc/device-tree/model, when nvidia-smi cannot say. */
async function jetsonFromDeviceTree(readFile: (p: string) => Promise<string>): Promise<DiscoveredGpu | null> {
  let model: string;
  try {
    model = (await readFile(DEVICE_TREE_MODEL)).replace(/\0/g, '').trim();
  } catch {
    return null;
  }
  const spec = catalogForDeviceTree(model);
  if (!spec?.integrated) return null;
  return {
    index: 0,
    uuid: '',
    name: model,
    catalogName: spec.name,
    computeCapability: spec.computeCapability,
    memoryMiB: null,
    driverVersion: null,
    cudaVersion: null,
    source: 'device-tree',
  };
}
