// `matrix issue CELL [--db PATH] [--run ID]`: an upstream bug report for a failed cell, in its
// engine's issue-form shape (environment, command, evidence, what fixed it), ready to paste.
import { UsageError } from '../errors.ts';
import { ISSUE_TEMPLATES } from '../engines/issue-templates.ts';
import type { EngineId } from '../core/cell.ts';
import { DEFAULT_DB_PATH } from '../store/db.ts';
import { loadReportData } from '../store/report-data.ts';
import { issueReport } from '../../reports/issue.ts';
import { defineCommand } from './command.ts';

export const command = defineCommand({
  name: 'issue',
  summary: "print an upstream bug report for a failed cell, in its engine's issue-template shape",
  usage: 'CELL [--db PATH] [--run ID]',
  positionals: { min: 1, max: 1, name: 'CELL (a cell id: image/gpu/model/flags)' },
  options: {
    db: { type: 'string', arg: 'PATH', default: DEFAULT_DB_PATH, description: 'results database (opened read-only)' },
    run: { type: 'string', arg: 'ID', description: 'the run (default: the newest)' },
  },
  examples: ['matrix issue vllm-0.19-thor/thor/qwen3.5-35b-a3b/triton', 'matrix issue vllm-0.11/rtx-pro-6000/qwen3-vl-8b/default --db history.sqlite > issue.md'],
  async run({ positionals, values }) {
    const id = positionals[0]!;
    let loaded;
    try {
      loaded = loadReportData(values.db!, { runs: 1, ...(values.run ? { runId: values.run } : {}) });
    } catch (e) {
      if (values.run && /^no run /.test((e as Error).message)) throw new UsageError(`--run ${values.run}: no such run in ${values.db}`, 'list runs with `matrix runs`');
      throw e;
    }
    const { data } = loaded;
    const run = data.runs[0];
    const cell = data.cells.find((c) => c.id === id);
    if (!run || !cell) throw new UsageError(`no cell ${id} in ${run ? `run ${run.id}` : 'the database'}`, 'cell ids are image/gpu/model/flags, as `matrix run` prints them');
    if (!['fail', 'xfail', 'flaky', 'xpass'].includes(cell.verdict) || (!cell.signature && cell.verdict !== 'flaky'))
      throw new UsageError(`${id} did not fail in run ${run.id} (${cell.verdict}): there is nothing to report`, 'pick a failed cell, or an earlier run with --run');
    process.stdout.write(issueReport(cell, run, ISSUE_TEMPLATES[cell.engine as EngineId]));
    return 0;
  },
});
