// `matrix since [--db PATH] [--run ID] [--markdown]`: what changed in a run since the one before —
// new failures, newly fixed, newly flaky, performance regressions — the block `matrix run` prints
// at its end, for a merged database (the nightly's workflow summary) or any earlier run.
import { UsageError } from '../errors.ts';
import { openDb } from '../store/db.ts';
import { listRuns } from '../store/queries.ts';
import { sinceBlock } from '../store/since.ts';
import { sinceMarkdown, sinceText } from '../../reports/since/block.ts';
import { defineCommand } from './command.ts';
import { DB } from './options.ts';

export const command = defineCommand({
  name: 'since',
  summary: 'what changed in a run since the previous one: new failures, fixes, flaky cells, performance regressions',
  usage: '[--db PATH] [--run ID] [--markdown] [--json]',
  options: {
    db: DB,
    run: { type: 'string', arg: 'ID', description: 'the run (default: the newest)' },
    markdown: { type: 'boolean', description: 'Markdown, for a GitHub step summary' },
    json: { type: 'boolean', description: 'the block as JSON' },
  },
  examples: ['matrix since', 'matrix since --db history.sqlite --markdown >> "$GITHUB_STEP_SUMMARY"', 'matrix since --run 20261122-0200 --json'],
  async run({ values }) {
    const db = openDb(values.db!, { readonly: true });
    try {
      const runId = values.run ?? listRuns(db, 1)[0]?.id;
      if (!runId) {
        process.stdout.write('no runs yet\n');
        return 0;
      }
      if (values.run && !listRuns(db, 100_000).some((r) => r.id === values.run)) throw new UsageError(`--run ${values.run}: no such run in ${values.db}`, 'list runs with `matrix runs`, or omit --run for the newest');
      const block = sinceBlock(db, runId, { reportUrl: process.env.MATRIX_REPORT_URL ?? null });
      process.stdout.write(values.json ? `${JSON.stringify(block, null, 2)}\n` : values.markdown ? sinceMarkdown(block) : sinceText(block));
      return 0;
    } finally {
      db.close();
    }
  },
});
