// Where each engine's Hugging Face client looks for weights inside its container, and how much
// GPU memory the engine takes by default for weights + KV cache (what a model must fit in).
//
// Sources:
// - vLLM: vllm-project/vllm 02319794a1415e663baaf6de2f8197f795bd8c03:docs/deployment/docker.md:27
//   (`-v ~/.cache/huggingface:/root/.cache/huggingface`: the image runs as root, HF_HOME's default);
//   002f10e0cfa1373a19a0d2756598a34b700d20e5:vllm/config/cache.py:103
//   (`gpu_memory_utilization: float = Field(default=0.92, gt=0, le=1)`; 0.90 in releases ≤ 0.11).
// - SGLang: sgl-project/sglang's docker docs run `-v ~/.cache/huggingface:/root/.cache/huggingface`
//   (docs/get_started/install.md). mem_fraction_static falls back to 0.88 where the GPU's memory
//   gives no rule: f8b0326934ba:python/sglang/srt/server_args.py:168 (0.4.0) …
//   b0d25e72c401:python/sglang/srt/server_args.py:498 (0.5.2), `self.mem_fraction_static = 0.88`;
//   from 0.5.4 it is computed from the GPU's memory (0c006b8809cd:python/sglang/srt/server_args.py:819,
//   0.5.5), so 0.88 is an approximation there (commits of facts/sglang/releases.ts).
// - NIM: docs.nvidia.com/nim/large-language-models configuration.html: NIM_CACHE_PATH, default
//   /opt/nim/.cache, where the container keeps downloaded model files (nim.ts: NIM_CACHE_PATH).
//   NIM's backend is vLLM: its memory default is vLLM's.
// - Compile caches (mounted so a second start reuses torch.compile / kernel caches), the image's
//   user being root: vLLM's VLLM_CACHE_ROOT defaults to `$XDG_CACHE_HOME or ~/.cache` + "vllm"
//   (2a69949bdadf0e8942b7a1619b229cb475beef20:vllm/envs.py:549-552, get_default_cache_root at :255;
//   0.19.0); SGLang's compile backend uses SGLANG_CACHE_DIR, default "~/.cache/sglang/"
//   (0c006b8809cd:python/sglang/srt/compilation/backend.py:369, 0.5.5). NIM documents no such
//   directory; /root/.cache/nim is the harness's own choice, kept as it was.
import type { EngineId } from '../core/cell.ts';
import { NIM_CACHE_PATH } from './nim.ts';

export interface ModelCacheFacts {
  /** HF_HOME inside the container: the managed cache's Hugging Face folder is mounted here. */
  hfHome: string;
  /** The engine's compile cache inside the container: the managed cache's `<engine>-cache` folder is mounted here. */
  compileCache: string;
  /** Fraction of each GPU's memory the engine takes for weights + KV cache when the matrix does not say. */
  memoryUtilization: number;
}

export const MODEL_CACHE: Readonly<Record<EngineId, ModelCacheFacts>> = {
  vllm: { hfHome: '/root/.cache/huggingface', compileCache: '/root/.cache/vllm', memoryUtilization: 0.92 },
  sglang: { hfHome: '/root/.cache/huggingface', compileCache: '/root/.cache/sglang', memoryUtilization: 0.88 },
  nim: { hfHome: NIM_CACHE_PATH, compileCache: '/root/.cache/nim', memoryUtilization: 0.92 },
};

/** The environment that points an engine's Hugging Face client at the mounted cache. */
export function modelCacheEnv(engine: EngineId, offline: boolean): Record<string, string> {
  const home = MODEL_CACHE[engine].hfHome;
  return { HF_HOME: home, HF_HUB_CACHE: `${home}/hub`, ...(offline ? { HF_HUB_OFFLINE: '1' } : {}) };
}
