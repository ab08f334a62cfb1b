// `matrix plan FILE...`: load, expand and select cells, and print what a run would execute.
import { defaultCacheDir } from '../models/cache-layout.ts';
import { planModelNotes } from '../run/model-check.ts';
import { UsageError } from '../errors.ts';
import { fanout, fanoutJson, mergeRunners } from '../plan/fanout.ts';
import { loadMatrices } from '../matrix/load.ts';
import { emptySelectionError } from '../plan/empty-selection.ts';
import { selectCells, type Selection } from '../plan/select.ts';
import type { Cell } from '../core/cell.ts';
import { planWithProbes } from '../plan/plan-files.ts';
import { defineCommand } from './command.ts';
import { ALLOW_EMPTY, SELECTION } from './options.ts';
import { planJson, planText } from './plan-output.ts';

export const command = defineCommand({
  name: 'plan',
  summary: 'list the cells a run would execute, with their commands, probes and expectations',
  usage: 'FILE... [--gpu NAME] [--shard I/N] [--only GLOB] [--json | --github]',
  positionals: { min: 1, name: 'FILE (a matrix file)' },
  options: {
    ...SELECTION,
    json: { type: 'boolean', description: 'print the plan as JSON' },
    'allow-empty': ALLOW_EMPTY,
    github: { type: 'boolean', description: 'print the GitHub Actions fan-out (one job per GPU and shard) as one line of JSON for strategy.matrix' },
  },
  examples: ['matrix plan matrix/seeds.yaml', 'matrix plan matrix/nightly.yaml --gpu thor --json', 'matrix plan matrix/nightly.yaml --github', "matrix plan matrix/nightly.yaml --only '*/h100/**' --shard 1/2"],
  async run({ positionals, values }) {
    if (values.github) {
      if (values.shard !== undefined || values.only !== undefined || values.json) {
        throw new UsageError('matrix plan --github: --shard, --only and --json do not combine with --github', 'the fan-out chooses the shards itself; select GPUs with --gpu');
      }
      const all = (await planWithProbes(positionals)).cells;
      const f = fanout(selected(all, { gpu: values.gpu }, !!values['allow-empty']), mergeRunners(loadMatrices(positionals)));
      for (const n of f.notes) process.stderr.write(`matrix plan: ${n}\n`);
      process.stdout.write(fanoutJson(f) + '\n');
      return 0;
    }
    const shard = values.shard;
    const cells = selected((await planWithProbes(positionals)).cells, { gpu: values.gpu, only: values.only, shard }, !!values['allow-empty']);
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

/** The selected cells; none is a usage error unless `allowEmpty`. */
function selected(cells: Cell[], selection: Selection, allowEmpty: boolean): Cell[] {
  const picked = selectCells(cells, selection);
  if (picked.length === 0 && !allowEmpty) throw emptySelectionError(cells, selection, 'plan');
  return picked;
}
