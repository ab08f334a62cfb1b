// `matrix models pull FILE...` and `matrix models info HF_ID`: the managed model cache from the
// command line. Wiring only: downloads are harness/models/pull.ts, reading a model harness/models/.
import { resolve } from 'node:path';
import { HarnessError, UsageError } from '../errors.ts';
import { selectCells } from '../plan/select.ts';
import { defaultCacheDir, isHubModel } from '../models/cache-layout.ts';
import { hubEnv } from '../models/hub-env.ts';
import { ModelWarmer } from '../models/warmer.ts';
import { defineCommand } from './command.ts';
import { stderrProgress } from './model-progress.ts';
import { modelInfoCommand } from './models-info.ts';
import { planCells } from '../plan/plan-files.ts';

export const command = defineCommand({
  name: 'models',
  summary: "download the plan's models into the managed cache (pull), or show what a model is (info)",
  usage: 'pull FILE... [--gpu NAME] [--only GLOB] [--cache-dir DIR] | info HF_ID [--revision REV] [--gpu NAME] [--tp N]',
  positionals: { min: 2, name: 'pull FILE... | info HF_ID' },
  options: {
    gpu: { type: 'string', arg: 'NAME', multiple: true, description: 'pull: only the models of cells on these GPUs; info: check the fit on these GPUs' },
    only: { type: 'string', arg: 'GLOB', multiple: true, description: 'pull: only the models of cells whose id matches' },
    'cache-dir': { type: 'string', arg: 'DIR', description: 'the managed cache (default MATRIX_CACHE_DIR or ~/.cache/matrix)' },
    refresh: { type: 'boolean', description: 'pull: ask the hub again for revisions the cache already holds complete (a branch may have moved)' },
    revision: { type: 'string', arg: 'REV', default: 'main', description: 'info: branch, tag or commit' },
    tp: { type: 'string', arg: 'N', default: '1', description: 'info: tensor parallel size for the fit' },
    json: { type: 'boolean', description: 'info: print JSON' },
  },
  examples: ['matrix models pull matrix/nightly.yaml --gpu h100', 'HF_ENDPOINT=http://127.0.0.1:8080 matrix models pull m.yaml', 'matrix models info Qwen/Qwen3-VL-8B-Instruct --gpu h100'],
  async run({ positionals, values }) {
    const [sub, ...rest] = positionals;
    const cacheDir = values['cache-dir'] ? resolve(values['cache-dir']) : defaultCacheDir();
    if (sub === 'info') return modelInfoCommand(rest, { cacheDir, revision: values.revision!, gpu: values.gpu ?? [], tp: values.tp!, json: !!values.json });
    if (sub !== 'pull') throw new UsageError(`matrix models: unknown action "${sub}"`, 'use `matrix models pull FILE...` or `matrix models info HF_ID`');
    const cells = selectCells(planCells(rest), { gpu: values.gpu, only: values.only }).filter((c) => !c.skip);
    const wanted = [...new Map(cells.filter((c) => isHubModel(c.model.name)).map((c) => [`${c.model.name}@${c.model.revision ?? 'main'}`, c.model])).values()];
    if (wanted.length === 0) {
      process.stderr.write('no hub models in the selected cells (local paths are not downloaded)\n');
      return 0;
    }
    const warmer = new ModelWarmer({ cacheDir, ...hubEnv(), refresh: !!values.refresh }, stderrProgress);
    const failed: HarnessError[] = [];
    for (const m of wanted) {
      try {
        await warmer.warm(m.name, m.revision ?? 'main');
      } catch (e) {
        if (!(e instanceof HarnessError)) throw e;
        failed.push(e);
        process.stderr.write(`  model ${m.name}@${m.revision ?? 'main'}: ${e.message}\n${e.hint ? `    what to do: ${e.hint}\n` : ''}`);
      }
    }
    process.stdout.write(`${wanted.length - failed.length} of ${wanted.length} model(s) complete in ${cacheDir}\n`);
    return failed.length ? 3 : 0; // 3: infrastructure (the hub, the disk) kept a model out
  },
});
