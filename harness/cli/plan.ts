// `matrix plan FILE...`: load, expand and select cells, and print what a run would execute.
import { defaultCacheDir } from '../models/cache-layout.ts';
import { planModelNotes } from '../run/model-check.ts';
import { UsageError } from '../errors.ts';
import { expand } from '../matrix/expand.ts';
import { fanout, fanoutJson, mergeRunners } from '../matrix/fanout.ts';
import { loadMatrices } from '../matrix/load.ts';
import { parseShard, selectCells } from '../matrix/select.ts';
import type { Cell } from '../matrix/types.ts';
import { defineCommand } from './command.ts';
import { planJson, planText } from './plan-output.ts';

/** Load and expand every file; a cell id produced by two files is a usage error. */
export function planCells(files: string[]): Cell[] {
  const cells: Cell[] = [];
  const from = new Map<string, string>();
  for (const m of loadMatrices(files)) {
    for (const c of expand(m)) {
      const other = from.get(c.id);
      if (other !== undefined) throw new UsageError(`cell ${c.id} is defined by both ${other} and ${m.file}`, 'give the images, models or flag sets of one file different ids');
      from.set(c.id, m.file);
      cells.push(c);
    }
  }
  return cells;
}

export const command = defineCommand({
  name: 'plan',
  summary: 'list the cells a run would execute, with their commands, probes and expectations',
  usage: 'FILE... [--gpu NAME] [--shard I/N] [--only GLOB] [--json | --github]',
  positionals: { min: 1, name: 'FILE (a matrix file)' },
  options: {
    gpu: { type: 'string', arg: 'NAME', multiple: true, description: 'only cells on these GPUs (names or aliases, comma-separated)' },
    shard: { type: 'string', arg: 'I/N', description: 'only part I of N of the selected cells' },
    only: { type: 'string', arg: 'GLOB', multiple: true, description: 'only cells whose id matches (* and ? within a segment, ** across)' },
    json: { type: 'boolean', description: 'print the plan as JSON' },
    github: { type: 'boolean', description: 'print the GitHub Actions fan-out (one job per GPU and shard) as one line of JSON for strategy.matrix' },
  },
  examples: ['matrix plan matrix/seeds.yaml', 'matrix plan matrix/nightly.yaml --gpu thor --json', 'matrix plan matrix/nightly.yaml --github', "matrix plan matrix/nightly.yaml --only '*/h100/**' --shard 1/2"],
  async run({ positionals, values }) {
    if (values.github) {
      if (values.shard !== undefined || values.only !== undefined || values.json) {
        throw new UsageError('matrix plan --github: --shard, --only and --json do not combine with --github', 'the fan-out chooses the shards itself; select GPUs with --gpu');
      }
      const f = fanout(selectCells(planCells(positionals), { gpu: values.gpu }), mergeRunners(loadMatrices(positionals)));
      for (const n of f.notes) process.stderr.write(`matrix plan: ${n}\n`);
      process.stdout.write(fanoutJson(f) + '\n');
      return 0;
    }
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const cells = selectCells(planCells(positionals), { gpu: values.gpu, only: values.only, shard });
    // What the checkpoints already in the managed cache say against the matrix (no network).
    for (const n of planModelNotes(cells, defaultCacheDir())) process.stderr.write(`matrix plan: warning: ${n}\n`);
    if (values.json) {
      process.stdout.write(JSON.stringify(planJson(cells), null, 2) + '\n');
    } else {
      const header = shard ? `shard ${shard.index}/${shard.total}` : undefined;
      process.stdout.write(planText(cells, header));
    }
    return 0;
  },
});
