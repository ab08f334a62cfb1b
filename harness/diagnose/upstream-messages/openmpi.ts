// Messages of Open MPI (open-mpi/ompi), the MPI that TensorRT-LLM and Triton's TensorRT-LLM backend start their ranks
// and stubs through, by the category they mean, each with the line that writes it. Open MPI prints its errors as help
// texts (`orte_show_help(file, topic, …)` / `opal_show_help`), bare, between two rules of dashes, with no logger
// level: their words are in the help-*.txt files. Interpolations are bounded wildcards.
import type { UpstreamMessage } from './types.ts';

/** Open MPI v4.1.6 (the 4.1 series ORTE still runs in). */
const V416 = 'v4.1.6';

export const OPENMPI_MESSAGES: readonly UpstreamMessage[] = [
  // the internal failure of a runtime layer's init (`[orte_init:startup:internal-failure]`, and the same words for opal_init,
  // pmix_init, MPI_INIT: ompi/runtime/help-mpi-runtime.txt:25, opal/runtime/help-opal-runtime.txt:24,
  // opal/mca/pmix/pmix3x/pmix/src/runtime/help-pmix-runtime.txt:25), its detail the step that failed and the code it returned
  // ("getting local rank failed" + "--> Returned value No permission (-17) instead of ORTE_SUCCESS": the singleton's ess,
  // orte/mca/ess/singleton/ess_singleton_module.c:213; the names of the codes, opal/runtime/opal_init.c): the MPI runtime
  // could not start this process, a failure of its own of no category of the guide (not NCCL's collectives)
  {
    category: 'other',
    what: "Open MPI (open-mpi/ompi): its runtime's init (orte_init, opal_init, MPI_INIT) failed, the parallel process is likely to abort",
    re: /\bIt looks like \w{1,40} failed for some reason; your parallel process is\b/,
    example: 'It looks like orte_init failed for some reason; your parallel process is',
    source: `${V416}:orte/runtime/help-orte-runtime.txt:23`,
  },
];
