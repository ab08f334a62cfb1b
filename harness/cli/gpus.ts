// `matrix gpus [--json] [--catalog]`: the GPUs of this runner as the catalog names them, or the
// catalog itself. Wiring only: discovery is harness/gpu/discover.ts.
import { GPU_CATALOG } from '../gpu/catalog.ts';
import { discoverGpus, type DiscoveredGpu } from '../gpu/discover.ts';
import { columns } from '../run/reporters/columns.ts';
import { defineCommand } from './command.ts';

function table(rows: string[][]): string {
  return columns(rows).join('\n') + '\n';
}

function gpusText(gpus: DiscoveredGpu[]): string {
  const rows = [['#', 'catalog', 'name', 'cc', 'memory', 'driver', 'cuda', 'uuid']];
  for (const g of gpus) {
    rows.push([
      String(g.index),
      g.catalogName ?? '(unknown)',
      g.name,
      g.computeCapability ?? '?',
      g.memoryMiB === null ? '-' : `${g.memoryMiB} MiB`,
      g.driverVersion ?? '-',
      g.cudaVersion ?? '-',
      g.uuid || '-',
    ]);
    for (const m of g.mig ?? []) rows.push(['', '', `  MIG ${m.profile} device ${m.index}`, '', m.memoryMiB === null ? '-' : `${m.memoryMiB} MiB`, '', '', m.uuid]);
  }
  const unknown = gpus.filter((g) => !g.catalogName);
  const note = unknown.length ? `\nnot in the catalog: ${unknown.map((g) => g.name).join(', ')} (see \`matrix gpus --catalog\`)\n` : '';
  return table(rows) + note;
}

function catalogText(): string {
  const rows = [['name', 'cc', 'family', 'memory', 'driver cuda', 'aliases', 'title']];
  for (const g of GPU_CATALOG) {
    rows.push([g.name, g.computeCapability, g.family, `${g.memoryGiB} GiB`, g.typicalDriverCuda, g.aliases.join(', ') || '-', g.title]);
  }
  return table(rows);
}

export const command = defineCommand({
  name: 'gpus',
  summary: "list this runner's GPUs by catalog name (nvidia-smi, or a Jetson's device tree), or the catalog",
  usage: '[--json] [--catalog]',
  options: {
    json: { type: 'boolean', description: 'print JSON' },
    catalog: { type: 'boolean', description: 'print the GPU catalog (names, aliases, compute capability, family, memory) instead' },
  },
  examples: ['matrix gpus', 'matrix gpus --json', 'matrix gpus --catalog'],
  async run({ values }) {
    if (values.catalog) {
      process.stdout.write(values.json ? JSON.stringify(GPU_CATALOG, null, 2) + '\n' : catalogText());
      return 0;
    }
    const gpus = await discoverGpus(); // InfraError gpu-unavailable → message, hint, exit 3
    process.stdout.write(values.json ? JSON.stringify(gpus, null, 2) + '\n' : gpusText(gpus));
    return 0;
  },
});
