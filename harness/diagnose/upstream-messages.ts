// Engines' own messages, read from their source, as generic evidence: the exact words an engine
// raises a failure with name its category before the looser generic rules of category-evidence.ts
// guess it from words alone. A new log meets these words wherever the engine writes them. Pure.
import type { UpstreamMessage } from './upstream-messages/types.ts';
import { CUDA_MESSAGES } from './upstream-messages/cuda.ts';
import { GGML_MESSAGES } from './upstream-messages/ggml.ts';
import { GGML_SWEPT_MESSAGES } from './upstream-messages/ggml-swept.ts';
import { KERNEL_MESSAGES } from './upstream-messages/kernels.ts';
import { LIBRARY_MESSAGES } from './upstream-messages/libraries.ts';
import { LMDEPLOY_MESSAGES } from './upstream-messages/lmdeploy.ts';
import { NVIDIA_MESSAGES } from './upstream-messages/nvidia.ts';
import { NVSHMEM_MESSAGES } from './upstream-messages/nvshmem.ts';
import { OPENMPI_MESSAGES } from './upstream-messages/openmpi.ts';
import { PYTORCH_MESSAGES } from './upstream-messages/pytorch.ts';
import { SERVING_MESSAGES } from './upstream-messages/serving.ts';
import { RUNTIME_MESSAGES } from './upstream-messages/runtimes.ts';
import { SGLANG_MESSAGES } from './upstream-messages/sglang.ts';
import { SGLANG_SWEPT_MESSAGES } from './upstream-messages/sglang-swept.ts';
import { ENGINES_SWEPT_MESSAGES } from './upstream-messages/engines-swept.ts';
import { TRANSFORMERS_SWEPT_MESSAGES } from './upstream-messages/transformers-swept.ts';
import { TRTLLM_SWEPT_MESSAGES } from './upstream-messages/trtllm-swept.ts';
import { VLLM_MESSAGES } from './upstream-messages/vllm.ts';

export type { UpstreamMessage } from './upstream-messages/types.ts';
export { GGML_ABORT_LINE, GGML_ASSERT_FAILED, GGML_FATAL_ABORT, LLAMACPP_ERROR_LINE } from './upstream-messages/ggml.ts';
export { ROCBLAS_ABORT } from './upstream-messages/runtimes.ts';
export { VLLM_RS_CAPTURE_FAILED } from './upstream-messages/serving.ts';

export const UPSTREAM_MESSAGES: readonly UpstreamMessage[] = [...VLLM_MESSAGES, ...SGLANG_MESSAGES, ...SGLANG_SWEPT_MESSAGES, ...ENGINES_SWEPT_MESSAGES, ...NVIDIA_MESSAGES, ...GGML_MESSAGES, ...LMDEPLOY_MESSAGES, ...SERVING_MESSAGES, ...KERNEL_MESSAGES, ...PYTORCH_MESSAGES, ...OPENMPI_MESSAGES, ...NVSHMEM_MESSAGES, ...CUDA_MESSAGES, ...LIBRARY_MESSAGES, ...RUNTIME_MESSAGES, ...TRANSFORMERS_SWEPT_MESSAGES, ...TRTLLM_SWEPT_MESSAGES, ...GGML_SWEPT_MESSAGES];

/**
 * Messages their engine writes bare to stderr, with no logger header (llama.cpp/ggml's LLAMA_LOG_ERROR, TurboMind's
 * `std::cerr << …; std::abort()`, NVSHMEM's `<file>:<line>: non-zero status: N …`, the shell's `bash: line 1: vllm: command not found`): such a message at the start of a line begins a line of its own.
 */
export const BARE_MESSAGES: readonly UpstreamMessage[] = [...GGML_MESSAGES, ...GGML_SWEPT_MESSAGES, ...LMDEPLOY_MESSAGES, ...OPENMPI_MESSAGES, ...NVSHMEM_MESSAGES, ...RUNTIME_MESSAGES];
