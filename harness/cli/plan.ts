// `matrix plan FILE...`: load, expand and select cells, and print what a run would execute.
import { defaultCacheDir } from '../models/cache-layout.ts';
import { planModelNotes } from '../run/model-check.ts';
import { UsageError } from '../errors.ts';
import { DEFAULT_JOB_BUDGET_S, fanout, fanoutJson, mergeRunners } from '../plan/fanout.ts';
import { DEFAULT_DB_PATH } from '../store/db.ts';
import { loadMatrices } from '../matrix/load.ts';
import { emptySelectionError } from '../plan/empty-selection.ts';
import { selectCells, type Selection } from '../plan/select.ts';
import type { Cell } from '../core/cell.ts';
import { planWithProbes } from '../plan/plan-files.ts';
import { defineCommand } from './command.ts';
import { ALLOW_EMPTY, DB, SELECTION } from './options.ts';
import { planJson, planText } from './plan-output.ts';
import { historyEstimates, parseJobBudget } from './plan-history.ts';

export const command = defineCommand({
  name: 'plan',
  summary: 'list the cells a run would execute, with their commands, probes and expectations',
  usage: 'FILE... [--gpu NAME] [--shard I/N] [--only GLOB] [--db PATH] [--json | --github [--job-budget 5h]]',
  positionals: { min: 1, name: 'FILE (a matrix file)' },
  options: {
    ...SELECTION,
    json: { type: 'boolean', description: 'print the plan as JSON' },
    'allow-empty': ALLOW_EMPTY,
    github: { type: 'boolean', description: 'print the GitHub Actions fan-out (one job per GPU and shard) as one line of JSON for strategy.matrix' },
    db: { ...DB, description: 'results database whose earlier runs give each cell its estimated duration (read-only; missing: the default)' },
    'job-budget': { type: 'string', arg: 'DURATION', description: 'with --github: the estimated time one job may take (default 5h, at most 6h, GitHub\'s job limit)', parse: parseJobBudget },
  },
  examples: ['matrix plan matrix/seeds.yaml', 'matrix plan matrix/nightly.yaml --gpu thor --json', 'matrix plan matrix/nightly.yaml --github --db history.sqlite --job-budget 4h', "matrix plan matrix/nightly.yaml --only '*/h100/**' --shard 1/2"],
  async run({ positionals, values }) {
    if (values.github) {
      if (values.shard !== undefined || values.only !== undefined || values.json) {
        throw new UsageError('matrix plan --github: --shard, --only and --json do not combine with --github', 'the fan-out chooses the shards itself; select GPUs with --gpu');
      }
      const cells = selected((await planWithProbes(positionals)).cells, { gpu: values.gpu }, !!values['allow-empty']);
      const { estimates, note } = historyEstimates(cells, values.db ?? DEFAULT_DB_PATH);
      const seconds = new Map([...estimates].map(([id, e]) => [id, e.seconds] as const));
      const f = fanout(cells, mergeRunners(loadMatrices(positionals)), { estimates: seconds, budgetS: values['job-budget'] ?? DEFAULT_JOB_BUDGET_S });
      for (const n of note ? [note, ...f.notes] : f.notes) process.stderr.write(`matrix plan: ${n}\n`);
      process.stdout.write(fanoutJson(f) + '\n');
      return 0;
    }
    if (values['job-budget'] !== undefined) throw new UsageError('matrix plan: --job-budget goes with --github', 'the budget decides how the fan-out cuts shards: add --github');
    const shard = values.shard;
    const cells = selected((await planWithProbes(positionals)).cells, { gpu: values.gpu, only: values.only, shard }, !!values['allow-empty']);
    // What the checkpoints already in the managed cache say against the matrix (no network).
    for (const n of planModelNotes(cells, defaultCacheDir())) process.stderr.write(`matrix plan: warning: ${n}\n`);
    const { estimates } = historyEstimates(cells, values.db ?? DEFAULT_DB_PATH);
    if (values.json) {
      process.stdout.write(JSON.stringify(planJson(cells, estimates), null, 2) + '\n');
    } else {
      const header = shard ? `shard ${shard.index}/${shard.total}` : undefined;
      process.stdout.write(planText(cells, header, estimates));
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
