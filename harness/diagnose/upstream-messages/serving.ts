// Messages of serving engines other than vLLM, SGLang and LMDeploy, by the category they mean, each with the line that
// writes it at a release tag: Hugging Face TGI (huggingface/text-generation-inference, v3.3.7: its Python server,
// server/text_generation_server/, and its Rust launcher, launcher/src/main.rs) and TorchServe (pytorch/serve, v0.12.0:
// its Python worker, ts/). (The TGI messages read before this file are in sglang.ts, "other engines".) A message is
// here only when the generic word rules did not already name its category (or named the wrong one).
// Wrappers decide nothing and are not here: TGI's launcher ends a failed start with "Shard N failed to start" and
// `Error: ShardCannotStart` (v3.3.7:launcher/src/main.rs:1677), a crash with "Webserver Crashed" / `Error: WebserverFailed`
// (main.rs:2342), after the shard's own traceback; TorchServe's worker logs "Backend worker process died."
// (v0.12.0:ts/model_service_worker.py:311) before the exception, and its frontend "Load model failed: <model>, error:
// Worker died." after it. TorchServe's worker logs any RuntimeError that names CUDA as "Load model <m> cuda OOM,
// exception <e>" (model_service_worker.py:157): the exception it names decides, not the words "cuda OOM".
// Left out: TGI's refusals of a GPU for flash attention ("GPU with CUDA capability 7 0 is not supported",
// layers/attention/cuda.py:218, and its ROCm and "System … doesn't support flash/paged attention" siblings) are raised as
// ImportError; the generic rule for an ImportError that refuses a GPU, device or platform (category-evidence.ts,
// IMPORT_REFUSES_HARDWARE) reads them as backend-unsupported over the signature that reads the class; and TGI catches them, logs
// "Could not import Flash Attention enabled models: <e>" as a warning and raises only later, for a sharded model,
// "<Model> requires Flash Attention enabled models." (models/__init__.py:81), a wrapper whose cause is that warning.
// Also Hugging Face's text-embeddings-inference (huggingface/text-embeddings-inference, v1.9.3), whose router ends a failed start
// with anyhow's "Error: Could not create backend", its causes after "Caused by:" (root-cause.ts reads them as the message).
// Interpolations are bounded wildcards.
import { bke, cap, imp, mdl, nki, oom, oth, type UpstreamMessage } from './types.ts';

const TGI = 'v3.3.7';
const TS = 'v0.12.0';
/** huggingface/text-embeddings-inference. */
const TEI = 'v1.9.3';
/** huggingface/candle (TEI's tensor library): the commit before it built bf16 casts below SM 8.0 (790037390, 2024-03-23). */
const CANDLE_OLD = '6f877592a7d5';
/** guoqingbao/vllm.rs (xinfer), main of 2026-05-16. */
const VLLM_RS = '1b00e2717dd552159cbe742b96171c9dbebf3659';
/**
 * vllm.rs' warm-up writing bare (eprintln, in red) that its CUDA-graph capture failed, "Graph capture failed: <error:?>"
 * (1b00e2717dd552159cbe742b96171c9dbebf3659:src/runner/runner.rs:225-229): a failure line of its own (log-lines.ts, isErrorLine).
 */
export const VLLM_RS_CAPTURE_FAILED = /^\s*Graph capture failed: \S/;
/** openvinotoolkit/openvino.genai (master of 2026-08). */
const OV_GENAI = 'da1db864d2bc1a265e9a036f5b57ef13f0e86c2c';
/** EricLBuehler/mistral.rs. */
const MISTRALRS = 'v0.3.1';

export const SERVING_MESSAGES: readonly UpstreamMessage[] = [
  // ---- TGI (huggingface/text-generation-inference) ----
  bke('TGI (huggingface/text-generation-inference): the paged attention kernel does not support logit softcapping', /\bPaged attention doesn't support softcapping\b/,
    "Paged attention doesn't support softcapping", `${TGI}:server/text_generation_server/layers/attention/cuda.py:125`),
  // a model type TGI has no flash implementation of falls back to transformers' AutoModel, which takes none of these
  // quantizations (gptq :1727, awq :1730, bitsandbytes 4-bit :1732, eetq :1734, exl2 :1736)
  bke("TGI (huggingface/text-generation-inference): the quantization is not supported for a model served through transformers' AutoModel", /\b(?:gptq|awq|4bit|Eetq|exl2) quantization is not supported for AutoModel\b/,
    'awq quantization is not supported for AutoModel', `${TGI}:server/text_generation_server/models/__init__.py:1730`),
  bke('TGI (huggingface/text-generation-inference): exl2 quantization cannot be sharded', /\bSharding is currently not supported with `exl2` quantization\b/,
    'Sharding is currently not supported with `exl2` quantization', `${TGI}:server/text_generation_server/models/__init__.py:643`),
  bke('TGI (huggingface/text-generation-inference): the AWQ kernels take 4-bit weights only', /\bOnly 4-bit are supported for now\b/,
    'Only 4-bit are supported for now.', `${TGI}:server/text_generation_server/layers/awq/quantize/cuda.py:26`),
  bke("TGI (huggingface/text-generation-inference): the GPTQ Triton kernels take 2-, 4- or 8-bit weights only", /\bOnly 2,4,8 bits are supported\b/,
    'Only 2,4,8 bits are supported.', `${TGI}:server/text_generation_server/layers/gptq/triton.py:264`),
  bke('TGI (huggingface/text-generation-inference): the GPTQ-Marlin kernel takes 4- and 8-bit weights only', /\bGPTQMarlinLinear only supports 4 and 8-bit quantization\b/,
    'GPTQMarlinLinear only supports 4 and 8-bit quantization', `${TGI}:server/text_generation_server/layers/marlin/gptq.py:393`),
  bke("TGI (huggingface/text-generation-inference): the GPTQ-Marlin kernel has no thread configuration for this weight's shape", /\bThe GPTQ Marlin kernel does not have a valid thread configuration for weight matrix\b/,
    'The GPTQ Marlin kernel does not have a valid thread configuration for weight matrix with shape (4096, 11008). The shape elements must be divisible by (128, 64) or (64, 128).', `${TGI}:server/text_generation_server/layers/marlin/gptq.py:479`),
  bke("TGI (huggingface/text-generation-inference): the compressed-tensors int8 kernels take symmetric weights only", /\bCheckpoints with asymmetric weights are not supported\b/,
    'Checkpoints with asymmetric weights are not supported', `${TGI}:server/text_generation_server/layers/compressed_tensors/w8a8_int.py:39`),
  bke("TGI (huggingface/text-generation-inference): the sparse MoE layers have no kernel for this quantization's weights", /\bsparse MoE is only supported for unquantized, AWQ, and GPTQ weights\b|\bonly GPTQMarlinWeightsLoader with AWQ and symmetric GPTQ quantization is supported\b/,
    "Unsupported weights loader: <class 'text_generation_server.layers.exl2.Exl2WeightsLoader'>, sparse MoE is only supported for unquantized, AWQ, and GPTQ weights", `${TGI}:server/text_generation_server/layers/moe/__init__.py:242`),
  mdl("TGI (huggingface/text-generation-inference): the model's config names no model type TGI can serve", /\bCould not determine model type for \S{1,200} revision \S{1,80}/,
    'Could not determine model type for my-org/my-model revision None', `${TGI}:server/text_generation_server/models/__init__.py:638`),
  mdl('TGI (huggingface/text-generation-inference): the old `ssm` model format is no longer served', /`ssm` models have been deprecated in favor of `mamba` models\b/,
    '`ssm` models have been deprecated in favor of `mamba` models, which follow standard HF formats. Check out a list here: https://huggingface.co/models?search=mamba%20-hf', `${TGI}:server/text_generation_server/models/__init__.py:739`),
  // the launcher runs the Python server as a separate program: not installed, it cannot start
  imp("TGI (huggingface/text-generation-inference): the launcher cannot find the Python server (text-generation-server) or the router it runs", /\btext-generation-(?:server|router) not found in PATH\b/,
    'text-generation-server not found in PATH', `${TGI}:launcher/src/main.rs:1163`),

  // ---- OpenVINO GenAI (openvinotoolkit/openvino.genai), under OpenVINO Model Server ----
  // its visual-language pipeline reads the model's config.json model_type and knows only the VLMs it implements: another is refused
  // with OPENVINO_THROW (what() "Exception from <file>:<line>:\n<words>\n", openvinotoolkit/openvino
  // f34c598c8884ff45087f5d6f443b47c26e4b8bf1:src/core/src/except.cpp:21-32), which OVMS logs at error as the LLM node's initialization
  // failed (openvinotoolkit/model_server 7e4df0c7ae340972bad15020ad777bbba3ee321d:src/llm/language_model/continuous_batching/servable_initializer.cpp:262)
  mdl('OpenVINO GenAI (openvinotoolkit/openvino.genai): the visual-language pipeline does not know this model type',
    /\bUnsupported '[\w.-]{1,80}' VLM model type\b/,
    "Unsupported 'qwen3_vl' VLM model type", `${OV_GENAI}:src/cpp/src/visual_language/vlm_config.cpp:44`),

  // ---- TorchServe (pytorch/serve) ----
  // a MemoryError while the handler loads the model: host memory, the guide's `other` (the frontend reports "System out of memory", 507)
  oth("TorchServe (pytorch/serve): the worker ran out of host (CPU) memory loading the model", /\bLoad model [\w.-]{1,80} cpu OOM, exception\b/,
    'Load model resnet-18 cpu OOM, exception ', `${TS}:ts/model_service_worker.py:149`),
  // TEI's candle backend built for one compute capability, started on a GPU of another: the image holds no kernels for it (its
  // per-architecture images: the fix is the image built for this GPU)
  nki('TEI (huggingface/text-embeddings-inference): the candle backend was compiled for another compute capability than the GPU\'s', /\bRuntime compute cap (\d+) is not compatible with compile time compute cap (?!\1(?!\d))\d+/,
    'Could not start backend: Runtime compute cap 75 is not compatible with compile time compute cap 80', `${TEI}:backends/candle/src/lib.rs:244`),
  // … and where they are equal: compute_cap_matching lists the pairs it runs ((75, 75), (80..=89, 80), (86..=89, 80..=86), (89, 89), (90, 90),
  // (100, 100), (120, 120)), so an image built for a GPU the list leaves out (a Jetson Orin's 87) refuses that very GPU
  // (v1.9.3:backends/candle/src/compute_cap.rs:26-37, the refusal at lib.rs:242-247): this backend does not run on this GPU
  bke("TEI (huggingface/text-embeddings-inference): the candle backend's compatibility list leaves out the GPU it was built for",
    /\bRuntime compute cap (\d+) is not compatible with compile time compute cap \1(?!\d)/,
    'Could not start Candle backend: Could not start backend: Runtime compute cap 87 is not compatible with compile time compute cap 87', `${TEI}:backends/candle/src/compute_cap.rs:26-37`),
  // TEI's candle backend implements some architectures only with its flash-attention kernels on a CUDA device in fp16, others only in fp32:
  // BackendError::Start with the model's name ("Llama is only supported on Cuda devices in fp16 with flash attention enabled", lib.rs:342,
  // :346, :360; "… with flash attention v2 enabled" on a CUDA device without it, :479, :517; Qwen3's at 11ffc60 before its CPU path, bedb2e5;
  // "Gemma3 is only supported in fp32 precision", :326): the model is refused on this device or data type, not unknown to TEI
  bke("TEI (huggingface/text-embeddings-inference): the candle backend runs this architecture only on CUDA in fp16 with flash attention, or only in fp32",
    /\b\w{1,40} is only supported (?:on Cuda devices in fp16 with flash attention(?: v2)? enabled|in fp32 precision)\b/,
    '"Qwen3 is only supported on Cuda devices in fp16 with flash attention enabled"', `${TEI}:backends/candle/src/lib.rs:342`),
  // candle (TEI's and mistral.rs' tensor library) compiled its bf16 (and fp8) kernels only for SM 8.0 and newer (`#if __CUDA_ARCH__ >= 800`
  // around cast_f32_bf16 and the rest, huggingface/candle 6f877592a7d5:candle-kernels/src/cast.cu:73-86, before 790037390 added casts for
  // older GPUs; the binary, unary and reduce kernels keep the guard), so loading one on an older GPU finds no such function in the module:
  // cudarc's DriverError(CUDA_ERROR_NOT_FOUND, "named symbol not found") in candle's "{cuda} when loading {module_name}"
  // (6f877592a7d5:candle-core/src/cuda_backend.rs:77; 0.11.0:candle-core/src/cuda_backend/error.rs:41): the data type refused on this GPU
  bke("candle (huggingface/candle): its bf16 / fp8 kernels are built only for SM 8.0 and newer (the kernel is not in the module)",
    /\bCUDA_ERROR_NOT_FOUND, "named symbol not found"\) when loading \w{0,40}(?:bf16|f8_e4m3)\w{0,40}/,
    'Error: DriverError(CUDA_ERROR_NOT_FOUND, "named symbol not found") when loading cast_f32_bf16', `${CANDLE_OLD}:candle-kernels/src/cast.cu:73-86`),
  // ---- vllm.rs (guoqingbao/vllm.rs, shipped as xinfer) ----

  // its runner's warm-up captures CUDA graphs and, on an error, writes it in red to stderr, bare, "Graph capture failed: <error:?>", the
  // candle error's backtrace after it, and goes on without the graphs (src/runner/runner.rs:219-230); with nothing served after it, the
  // capture's failure is the cause, and its words name no other category unless they do (an out-of-memory read first)
  cap('vllm.rs (guoqingbao/vllm.rs): its warm-up failed to capture CUDA graphs', /\bGraph capture failed: \S/,
    'Graph capture failed: flashinfer fused moe fp8 kernel failed with status -1', `${VLLM_RS}:src/runner/runner.rs:227`),
  // ---- mistral.rs (EricLBuehler/mistral.rs) ----

  // its GGUF loader reads `general.architecture` into the architectures it implements; any other fails with anyhow's context, which a
  // caller's unwrap then panics with ("called `Result::unwrap()` on an `Err` value: Unknown GGUF architecture `qwen2`")
  mdl('mistral.rs (EricLBuehler/mistral.rs): the GGUF names a model architecture its loader does not implement', /\bUnknown GGUF architecture `[\w.-]{1,80}`/,
    'Unknown GGUF architecture `qwen2`', `${MISTRALRS}:mistralrs-core/src/gguf/mod.rs:37`),
  // ---- CTranslate2 (OpenNMT/CTranslate2, faster-whisper's engine) ----

  // its stubs load cuBLAS, NCCL and MPI with dlopen on first use and throw when the library is absent or fails to load (installing the CUDA
  // libraries of the version the wheel was built for is the fix): v4.8.1:src/cuda/cublas_stub.cc:67, nccl_stub.cc:38, mpi_stub.cc:35
  imp('CTranslate2 (OpenNMT/CTranslate2): a CUDA library it loads on first use (cuBLAS, NCCL, MPI) is missing or cannot be loaded', /\bLibrary [\w.+-]{1,80}\.(?:so(?:\.\d+)*|dll) is not found or cannot be loaded\b/,
    'RuntimeError: Library libcublas.so.11 is not found or cannot be loaded', 'v4.8.1:src/cuda/cublas_stub.cc:67'),
  // a compute type the device cannot run efficiently is refused at the model's load unless the type was inferred from the weights (then it
  // falls back to float32 with a warning): float16 on a GPU without FP16 tensor cores (Pascal and older) or on the CPU, bfloat16 below
  // compute capability 8.0, int8 where no int8 GEMM backend exists (v4.8.1:src/types.cc:151-154, unsupported_compute_type; mayiuse_float16 :111-122)
  bke('CTranslate2 (OpenNMT/CTranslate2): the compute type asked for is refused for this device (float16 below FP16 tensor cores, bfloat16 below SM 8.0)', /\bRequested [\w]{1,20} compute type, but the target device or backend do not support efficient [\w]{1,20} computation\b/,
    'ValueError: Requested float16 compute type, but the target device or backend do not support efficient float16 computation.', 'v4.8.1:src/types.cc:152'),
  // ---- ExLlamaV2 (turboderp/exllamav2, the loader of TabbyAPI and text-generation-webui) ----
  // load_autosplit fills each GPU in turn with the model's modules and its cache and raises once the last GPU is full (v0.2.7:exllamav2/model.py:654)
  oom('ExLlamaV2 (turboderp/exllamav2): the model and its cache do not fit the GPUs (autosplit ran out of devices)', /\bInsufficient VRAM for model and cache\b/,
    'RuntimeError: Insufficient VRAM for model and cache', 'v0.2.7:exllamav2/model.py:654'),
  // ---- Dynamo's Rust engines (ai-dynamo/dynamo, dynamo-run out=vllm / out=sglang, 2025-04) ----
  // its engine imports the Python engine module through pyo3 and panics with the import's own error after these words: the module did
  // not load (zifeng175mo/dynamo, a fork carrying ai-dynamo/dynamo's history, ccba2c8a0fad52c3ec734b0f7575e50e4175299e: lib/engines/vllm/src/worker.rs:247,
  // lib/engines/sglang/src/worker.rs:397; the same words for 'pickle', "Is Python installed?", at :240 and :391)
  imp("Dynamo (ai-dynamo/dynamo): its Rust engine could not import the Python engine's module", /\bFailed to import python '[\w.]{1,60}' module\. (?:Are we running in the correct venv|Is Python installed)\?/,
    "Failed to import python 'vllm' module. Are we running in the correct venv? AttributeError: class must define a '_type_' attribute", 'ccba2c8a0fad52c3ec734b0f7575e50e4175299e:lib/engines/vllm/src/worker.rs:247'),
];
