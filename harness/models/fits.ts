// Does a model fit the GPU at the cell's tensor parallel size, with room for the KV cache? Pure
// arithmetic, printed as it is computed:
//   per GPU weights = weights / tp;  budget = memory utilization × GPU memory;  KV room = budget − per GPU weights
// No room at all → the cell is skipped (the engine would fail its start). Less than
// TIGHT_KV_FRACTION of the budget left for the KV cache → a warning (it may start, with a short context).
const GiB = 1024 ** 3;
export const TIGHT_KV_FRACTION = 0.1;

export interface FitInput {
  weightBytes: number;
  gpuName: string;
  gpuMemoryGiB: number;
  tp: number;
  /** The cell's gpu_memory_utilization, else the engine's default. */
  memoryUtilization: number;
}

export interface Fit {
  verdict: 'fits' | 'tight' | 'too-big';
  perGpuGiB: number;
  budgetGiB: number;
  kvRoomGiB: number;
  /** The arithmetic, in one line. */
  text: string;
}

const g = (n: number) => n.toFixed(1);

export function fitOf(i: FitInput): Fit {
  const perGpuGiB = i.weightBytes / GiB / i.tp;
  const budgetGiB = i.memoryUtilization * i.gpuMemoryGiB;
  const kvRoomGiB = budgetGiB - perGpuGiB;
  const verdict = kvRoomGiB <= 0 ? 'too-big' : kvRoomGiB < TIGHT_KV_FRACTION * budgetGiB ? 'tight' : 'fits';
  const sum = `weights ${g(i.weightBytes / GiB)} GiB / tp ${i.tp} = ${g(perGpuGiB)} GiB per GPU; ${i.memoryUtilization} × ${i.gpuMemoryGiB} GiB (${i.gpuName}) = ${g(budgetGiB)} GiB for weights + KV cache`;
  const tail = verdict === 'too-big' ? `: short by ${g(-kvRoomGiB)} GiB, no room for the KV cache` : `: ${g(kvRoomGiB)} GiB left for the KV cache${verdict === 'tight' ? ` (under ${TIGHT_KV_FRACTION * 100}% of the budget)` : ''}`;
  return { verdict, perGpuGiB, budgetGiB, kvRoomGiB, text: sum + tail };
}
