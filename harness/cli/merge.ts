// `matrix merge DB... --into PATH`: shard and history databases into one (see store/merge.ts).
import { defineCommand } from './command.ts';
import { mergeDatabases } from '../store/merge.ts';

export const command = defineCommand({
  name: 'merge',
  summary: 'merge shard and history databases into one; shards of one run become one run',
  usage: 'DB... --into PATH [--logs DIR] [--json]',
  positionals: { min: 1, name: 'DB (a results database)' },
  options: {
    // Required: merging into the default database by accident mixes a shard into local results.
    into: { type: 'string', arg: 'PATH', required: true, description: 'the database to merge into (created when missing, replaced atomically)' },
    logs: { type: 'string', arg: 'DIR', description: "where the inputs' full logs lie now (e.g. a downloaded artifact), so the report can link them" },
    json: { type: 'boolean', description: 'print what was merged as JSON' },
  },
  examples: ['matrix merge shards/*/shard.sqlite --into history.sqlite', 'matrix merge shard-thor-1-of-2/shard.sqlite --into history.sqlite --logs shard-thor-1-of-2/out/logs', 'matrix merge s1.sqlite s2.sqlite s3.sqlite --into run.sqlite --json'],
  async run({ positionals, values }) {
    const r = mergeDatabases(positionals, values.into!, values.logs ? { logDir: values.logs } : {});
    if (values.json) {
      process.stdout.write(JSON.stringify(r) + '\n');
      return 0;
    }
    const added = Object.entries(r.added)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} +${n}`)
      .join(', ');
    const noun = r.inputs.length === 1 ? 'database' : 'databases';
    process.stdout.write(`merged ${r.inputs.length} ${noun} into ${r.into}: ${added || 'nothing new'}\n  ${r.runs.length} runs, newest ${r.runs.at(-1) ?? '-'}\n`);
    return 0;
  },
});
