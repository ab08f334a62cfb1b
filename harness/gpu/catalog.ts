// The GPU catalog: names and aliases → compute capability, family and memory. Pure data.
// `typicalDriverCuda` is the CUDA version a current driver for that GPU supports; it is what an
// emulated runner assumes when the matrix says nothing else.

export type GpuFamily = 'ampere' | 'ada' | 'hopper' | 'blackwell' | 'blackwell-jetson' | 'blackwell-rtx';

export interface GpuSpec {
  name: string;
  aliases: string[];
  /** Marketing name. */
  title: string;
  /** "major.minor" */
  computeCapability: string;
  family: GpuFamily;
  memoryGiB: number;
  /** Jetson-class integrated GPU (arm64, shared memory). */
  integrated: boolean;
  typicalDriverCuda: string;
  /** Substrings of `nvidia-smi --query-gpu=name` that identify it (lower case). */
  smiNames: string[];
  /** Compute capability reported by older toolkits, where it changed (Thor was sm_101 before CUDA 13). */
  legacyComputeCapability?: { capability: string; beforeCuda: string };
}

export const GPU_CATALOG: readonly GpuSpec[] = [
  { name: 'a100', aliases: ['a100-80g', 'a100-40g', 'a800'], title: 'NVIDIA A100', computeCapability: '8.0', family: 'ampere', memoryGiB: 80, integrated: false, typicalDriverCuda: '12.8', smiNames: ['a100', 'a800'] },
  { name: 'a10', aliases: ['a10g'], title: 'NVIDIA A10', computeCapability: '8.6', family: 'ampere', memoryGiB: 24, integrated: false, typicalDriverCuda: '12.8', smiNames: ['a10g', 'nvidia a10'] },
  { name: 'a40', aliases: [], title: 'NVIDIA A40', computeCapability: '8.6', family: 'ampere', memoryGiB: 48, integrated: false, typicalDriverCuda: '12.8', smiNames: ['a40'] },
  { name: 'rtx-a6000', aliases: ['a6000'], title: 'NVIDIA RTX A6000', computeCapability: '8.6', family: 'ampere', memoryGiB: 48, integrated: false, typicalDriverCuda: '12.8', smiNames: ['rtx a6000'] },
  { name: 'rtx-3090', aliases: ['3090'], title: 'NVIDIA GeForce RTX 3090', computeCapability: '8.6', family: 'ampere', memoryGiB: 24, integrated: false, typicalDriverCuda: '12.8', smiNames: ['rtx 3090'] },
  { name: 'orin', aliases: ['jetson-orin', 'agx-orin'], title: 'NVIDIA Jetson AGX Orin', computeCapability: '8.7', family: 'ampere', memoryGiB: 64, integrated: true, typicalDriverCuda: '12.6', smiNames: ['orin'] },
  { name: 'l4', aliases: [], title: 'NVIDIA L4', computeCapability: '8.9', family: 'ada', memoryGiB: 24, integrated: false, typicalDriverCuda: '12.8', smiNames: ['nvidia l4'] },
  { name: 'l40s', aliases: ['l40'], title: 'NVIDIA L40S', computeCapability: '8.9', family: 'ada', memoryGiB: 48, integrated: false, typicalDriverCuda: '12.8', smiNames: ['l40s', 'nvidia l40'] },
  { name: 'rtx-4090', aliases: ['4090'], title: 'NVIDIA GeForce RTX 4090', computeCapability: '8.9', family: 'ada', memoryGiB: 24, integrated: false, typicalDriverCuda: '12.8', smiNames: ['rtx 4090'] },
  { name: 'rtx-6000-ada', aliases: ['6000-ada'], title: 'NVIDIA RTX 6000 Ada Generation', computeCapability: '8.9', family: 'ada', memoryGiB: 48, integrated: false, typicalDriverCuda: '12.8', smiNames: ['rtx 6000 ada'] },
  { name: 'h100', aliases: ['h100-sxm', 'h100-pcie', 'h800', 'hopper'], title: 'NVIDIA H100', computeCapability: '9.0', family: 'hopper', memoryGiB: 80, integrated: false, typicalDriverCuda: '12.8', smiNames: ['h100', 'h800'] },
  { name: 'h200', aliases: ['h200-nvl'], title: 'NVIDIA H200', computeCapability: '9.0', family: 'hopper', memoryGiB: 141, integrated: false, typicalDriverCuda: '12.8', smiNames: ['h200'] },
  { name: 'gh200', aliases: ['grace-hopper'], title: 'NVIDIA GH200', computeCapability: '9.0', family: 'hopper', memoryGiB: 96, integrated: false, typicalDriverCuda: '12.8', smiNames: ['gh200'] },
  { name: 'b200', aliases: ['blackwell'], title: 'NVIDIA B200', computeCapability: '10.0', family: 'blackwell', memoryGiB: 180, integrated: false, typicalDriverCuda: '12.9', smiNames: ['b200'] },
  { name: 'gb200', aliases: [], title: 'NVIDIA GB200', computeCapability: '10.0', family: 'blackwell', memoryGiB: 186, integrated: false, typicalDriverCuda: '12.9', smiNames: ['gb200'] },
  { name: 'b300', aliases: ['blackwell-ultra'], title: 'NVIDIA B300', computeCapability: '10.3', family: 'blackwell', memoryGiB: 288, integrated: false, typicalDriverCuda: '13.0', smiNames: ['b300'] },
  { name: 'gb300', aliases: [], title: 'NVIDIA GB300', computeCapability: '10.3', family: 'blackwell', memoryGiB: 288, integrated: false, typicalDriverCuda: '13.0', smiNames: ['gb300'] },
  { name: 'thor', aliases: ['jetson-thor', 'agx-thor', 'sm110', 'sm_110'], title: 'NVIDIA Jetson AGX Thor', computeCapability: '11.0', family: 'blackwell-jetson', memoryGiB: 128, integrated: true, typicalDriverCuda: '13.0', smiNames: ['thor'], legacyComputeCapability: { capability: '10.1', beforeCuda: '13.0' } },
  { name: 'rtx-pro-6000', aliases: ['rtx-pro-6000-blackwell', 'pro-6000', 'rtx6000-pro', 'rtx-6000-pro', 'sm120', 'sm_120'], title: 'NVIDIA RTX PRO 6000 Blackwell', computeCapability: '12.0', family: 'blackwell-rtx', memoryGiB: 96, integrated: false, typicalDriverCuda: '12.8', smiNames: ['rtx pro 6000'] },
  { name: 'rtx-5090', aliases: ['5090'], title: 'NVIDIA GeForce RTX 5090', computeCapability: '12.0', family: 'blackwell-rtx', memoryGiB: 32, integrated: false, typicalDriverCuda: '12.8', smiNames: ['rtx 5090'] },
  { name: 'gb10', aliases: ['dgx-spark', 'spark', 'sm121', 'sm_121'], title: 'NVIDIA GB10 (DGX Spark)', computeCapability: '12.1', family: 'blackwell-rtx', memoryGiB: 128, integrated: true, typicalDriverCuda: '13.0', smiNames: ['gb10'] },
];

const byKey = new Map<string, GpuSpec>();
for (const g of GPU_CATALOG) {
  byKey.set(g.name, g);
  for (const a of g.aliases) byKey.set(a, g);
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Look a GPU up by name or alias (case-insensitive; spaces and underscores read as dashes). */
export function findGpu(name: string): GpuSpec | undefined {
  return byKey.get(name.trim().toLowerCase()) ?? byKey.get(normalise(name));
}

/** All names and aliases, for "did you mean" hints. */
export function gpuNames(): string[] {
  return [...byKey.keys()];
}

/** "11.0" → "sm_110" */
export function archOf(computeCapability: string): string {
  const [maj, min] = computeCapability.split('.');
  return `sm_${maj}${min ?? '0'}`;
}
