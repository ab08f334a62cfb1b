// An image held in memory for the model-against-image preflight's tests: an ImageFs over a map of
// absolute paths to text, and an NGC-like vLLM image from before Qwen3.5 (files as upstream's look).
import { readFileSync } from 'node:fs';
import type { ImageFs } from '../../../harness/runtime/runtime.ts';

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/image-software/${name}`, import.meta.url), 'utf8');
export const SITE = '/usr/local/lib/python3.12/dist-packages';

/** An image as a map of absolute paths to text; directories exist where some file lies below them. */
export function memoryFs(files: Record<string, string>): ImageFs & { reads: string[] } {
  const reads: string[] = [];
  const under = (p: string) => Object.keys(files).filter((f) => f === p || f.startsWith(`${p}/`));
  return {
    reads,
    async exists(p) {
      return under(p).length > 0;
    },
    async textFiles(p, accept = () => true) {
      reads.push(p);
      return under(p).filter(accept).map((f) => ({ path: f, text: files[f]! }));
    },
  };
}

/** vLLM 0.15.1 whose own configs and transformers 4.57.1 lack qwen3_5_moe, whose registry lacks Qwen3.5. */
export function oldVllmImage(): Record<string, string> {
  return {
    [`${SITE}/vllm/_version.py`]: fixture('vllm-_version.py'),
    [`${SITE}/vllm/model_executor/models/registry.py`]: fixture('vllm-registry-0.10.2.py'),
    [`${SITE}/vllm/transformers_utils/config.py`]: fixture('vllm-config-0.15.py'),
    [`${SITE}/transformers/models/auto/configuration_auto.py`]: fixture('configuration_auto.py'),
    [`${SITE}/transformers-4.57.1.dist-info/METADATA`]: fixture('transformers-METADATA'),
    [`${SITE}/torch/lib/libtorch_cuda.so`]: 'big',
  };
}
