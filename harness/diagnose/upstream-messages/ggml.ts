// Messages of llama.cpp and ggml (ggml-org/llama.cpp), the loader and kernels that Ollama vendors, by the category
// they mean, each with the line that writes it. ggml-org/llama.cpp is over the size a mirror here may have, so its
// files are read where Ollama vendors them (ollama/ollama: llama/llama.cpp/, at a release tag). llama.cpp logs its
// errors without a level word (`LLAMA_LOG_ERROR("%s: error loading model: %s\n", __func__, …)`, v0.17.6:llama/llama.cpp/src/llama.cpp:799),
// so these are read on the bare lines it writes, too. A message is here only when the generic word rules did not
// already name its category. Interpolations are bounded wildcards.
import type { UpstreamMessage } from './types.ts';

const of =
  (category: string) =>
  (what: string, re: RegExp, example: string, source: string): UpstreamMessage => ({ category, what, re, example, source });
const mdl = of('unsupported-model');

export const GGML_MESSAGES: readonly UpstreamMessage[] = [
  // the GGUF's `general.architecture` names no architecture this build knows (llm_arch_from_string gave LLM_ARCH_UNKNOWN);
  // llama_model_load wraps it: "error loading model architecture: unknown model architecture: '…'"
  mdl('llama.cpp (ggml-org/llama.cpp, as Ollama vendors it): the GGUF names a model architecture this build does not know', /\bunknown model architecture: '[\w.-]{1,80}'/,
    "llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'nemotron_h_omni'", 'v0.17.6:llama/llama.cpp/src/llama-model.cpp:476'),
];
