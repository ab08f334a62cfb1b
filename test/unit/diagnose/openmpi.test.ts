// Open MPI's help text of a runtime layer whose init failed (open-mpi/ompi v4.1.6:orte/runtime/help-orte-runtime.txt:23,
// ompi/runtime/help-mpi-runtime.txt:25, opal/runtime/help-opal-runtime.txt:24), printed bare between rules of dashes,
// names its own failure: the MPI runtime could not start the process (`other`). Words are upstream's; the logs around
// them are made up.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { isExceptionLine, readLog } from '../../../harness/diagnose/log-lines.ts';

const RULE = '-'.repeat(74);
const helpBlock = (layer: string, detail: string[]): string[] => [
  RULE,
  `It looks like ${layer} failed for some reason; your parallel process is`,
  'likely to abort.  There are many reasons that a parallel process can',
  `fail during ${layer}; some of which are due to configuration or`,
  'environment problems.  This failure appears to be an internal failure;',
  "here's some additional information (which may only be relevant to an",
  'Open MPI developer):',
  '',
  ...detail.map((d) => `  ${d}`),
  RULE,
];
const triton = [
  'I0221 15:25:20.252918 3002 model_lifecycle.cc:849] "successfully loaded \'postprocessing\'"',
  'I0221 15:25:20.264782 3002 python_be.cc:2249] "TRITONBACKEND_ModelInstanceInitialize: tensorrt_llm_bls_0_0 (CPU device 0)"',
];

describe("Open MPI's failed init is a failure of its own", () => {
  it.each([
    ['orte_init', ['getting local rank failed', '--> Returned value No permission (-17) instead of ORTE_SUCCESS']],
    ['opal_init', ['opal_shmem_base_select failed', '--> Returned value -1 instead of OPAL_SUCCESS']],
    ['MPI_INIT', ['ompi_mpi_init: ompi_rte_init failed', '--> Returned "Not supported" (-8) instead of "Success" (0)']],
  ])('%s → other, by its words, with or without the signatures', (layer, detail) => {
    const log = [...triton, ...helpBlock(layer, detail)].join('\n');
    for (const signatures of [undefined, []]) {
      const d = classifyLog(log, signatures ? { signatures } : {});
      expect(d.category).toBe('other');
      expect(d.evidence[0]?.text).toContain(`It looks like ${layer} failed for some reason`);
    }
  });

  it('reads the line as an error though no logger level marks it', () => {
    const lines = readLog(helpBlock('orte_init', ['getting local rank failed']).join('\n'));
    expect(isExceptionLine(lines[1]!)).toBe(true);
    expect(isExceptionLine(lines[2]!)).toBe(false);
  });

  it('a failure before it is still the first one', () => {
    const log = [...triton, 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', ...helpBlock('orte_init', ['getting local rank failed'])].join('\n');
    expect(classifyLog(log).category).toBe('oom');
  });

  it('a person saying a step "failed for some reason" is no Open MPI failure', () => {
    const log = [...triton, 'It looks like the model failed for some reason, any idea?'].join('\n');
    expect(classifyLog(log).category).toBe('unknown');
  });
});
