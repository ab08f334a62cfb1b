// Messages of llama.cpp and ggml (ggml-org/llama.cpp), the loader and kernels that Ollama vendors, of Ollama's own Go
// code around them (GPU discovery, the runner's scheduler), and of the ROCm HIP runtime under ggml's HIP build, by the
// category they mean, each with the line that writes it. ggml-org/llama.cpp is over the size a mirror here may have, so
// its files are read where Ollama vendors them (ollama/ollama, at release tags: v0.17.6's llama/llama.cpp/ and
// ml/backend/ggml/ggml/src/ (ggml-cuda/, built as ggml-hip too), v0.12.0's for a wording since dropped; Ollama's Go code at
// v0.17.6 (llm/, convert/) and v0.5.7 (discover/: the CUDA/ROCm library lookups before they moved into the runner)). The HIP
// runtime's messages are read in ROCm/clr at rocm-6.2.2 (hipamd/src/). llama.cpp logs its errors without a level word
// (`LLAMA_LOG_ERROR("%s: error loading model: %s\n", __func__, …)`, v0.17.6:llama/llama.cpp/src/llama.cpp:799; ggml's
// `GGML_ABORT` writes "<file>:<line>: <message>", v0.17.6:ml/backend/ggml/ggml/src/ggml.c:239), so these are read on the
// bare lines it writes, too; Ollama writes its own as slog key=value lines (`level=WARN source=… msg="…" error="…"`).
// A message is here only when the generic word rules did not already name its category (or named the wrong one); the
// runner's wrappers ("llama runner process has terminated: exit status 2", "model runner has unexpectedly stopped")
// name no cause and are left out. Interpolations are bounded wildcards.
import { bke, drv, imp, mdl, nki, oom, oth, type UpstreamMessage } from './types.ts';

/** ollama/ollama's release tag whose vendored llama.cpp/ggml and Go code are read. */
const OLLAMA = 'v0.17.6';
/** An older Ollama release: GPU discovery in discover/ (amd_linux.go, gpu.go) before the runner did it. */
const OLLAMA_OLD = 'v0.5.7';
/** Where Ollama v0.17.6 vendors ggml's sources. */
const GGML = `${OLLAMA}:ml/backend/ggml/ggml/src`;
/** ROCm/clr's release tag (the HIP runtime, hipamd/). */
const CLR = 'rocm-6.2.2';
/**
 * A device buffer type's name as ggml-cuda names it (`GGML_CUDA_NAME + device`: CUDA0, ROCm1, MUSA0), or ggml-vulkan (`GGML_VK_NAME +
 * std::to_string(idx)`: Vulkan0, ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-vulkan/ggml-vulkan.cpp:5362, GGML_VK_NAME "Vulkan" in …/include/ggml-vulkan.h:10); not
 * CUDA_Host or Vulkan_Host (pinned host memory).
 */
const DEV_BUF = String.raw`(?:CUDA|ROCm|MUSA|Vulkan)\d{1,2}`;

/**
 * ggml's two bare aborts through ggml_abort ("<file>:<line>: <message>", src/ggml.c:235-245): a failed assertion and a "fatal error"
 * (both read below, and read as error lines by log-lines.ts). ggml_abort flushes stdout and writes to stderr (ggml-org/ggml v0.21.0
 * d99724f2b141fed9e1a9f402213506c081433465:src/ggml.c:252-271), so a terminal may show the abort behind what stdout left on the
 * line, a progress spinner's "Loading model... |" (llama-cli): the file may follow a blank on the line as well as begin it.
 */
export const GGML_ASSERT_FAILED = /\bGGML_ASSERT\((?:(?!GGML_A|%s\)).){1,400}\) failed\b/;
export const GGML_FATAL_ABORT = /(?:^|\s)\S{1,300}\.(?:c|cc|cpp|cu|cuh):\d+: [Ff]atal error\s*$/;
/**
 * Any other message of ggml_abort, behind a file of ggml's own sources ("<…>/ggml/src/ggml-backend.cpp:930: pre-allocated tensor
 * (…) in a buffer (Vulkan0) that cannot run the operation (CPY)", "<…>/ggml-cuda/ggml-cuda.cu:97: CUDA error"): GGML_ABORT's 542
 * calls in v0.21.0's src/ all write the file and line first (src/ggml.c:256), and a compiler's diagnostics name a column too. Not
 * the abort of a failed CUDA call, "<file>:<line>: CUDA error" (ggml_cuda_error, src/ggml-cuda/ggml-cuda.cu:97): the call and its
 * error are written on the lines before it, and without them the abort names no cause; nor a kernel's own "<file>:<line>: ERROR: CUDA
 * kernel … has no device code …" (NO_DEVICE_CODE, src/ggml-cuda/common.cuh:401-405), which its own reading below joins when a terminal cut it.
 */
export const GGML_ABORT_LINE = /(?:^|[\s|])[^\s|]{0,300}\bggml[^\s:]{0,200}\.(?:c|cc|cpp|cu|cuh|m):\d+: (?!warning\b|note\b|ERROR: |(?:CUDA|ROCm|MUSA|HIP) error(?!:))\S/;

/**
 * What llama.cpp's own code writes only when something failed, bare (no level word where llama.cpp prints none), read as the
 * failure it reports:
 * - every message of ggml's GGUF reader, gguf_init_from_file (since 2025-01 its body gguf_init_from_file_impl): each is an error it
 *   writes as it gives up on the file ("invalid magic characters: 'Inte', expected 'GGUF'", "tensor '…' has invalid ggml type 39
 *   (NONE)", "failed to read tensor info", "failed to open GGUF file '…'": GGML_LOG_ERROR throughout, ggml-org/ggml
 *   d99724f2b141fed9e1a9f402213506c081433465:src/gguf.cpp:473,715,…; before 2025-01 fprintf(stderr) throughout in ggml.c,
 *   ikawrakow/ik_llama.cpp 8337e4cd3861406fc04e0854b1409cd1b027fbc9:ggml/src/ggml.c:31142-31488);
 * - the command-line parser of llama.cpp's programs (common/arg.cpp) refusing an argument: "error: invalid argument: <arg>" (an
 *   option it does not know) and "error while handling argument \"<arg>\": <what>" (its value refused), written to stderr by
 *   common_params_parse before the program exits (mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:
 *   app/src/main/cpp/llama/common/arg.cpp:901, :934, :1200, as it vendors llama.cpp);
 * - the server's error sent for a task, with the message the client gets (SRV_ERR "task id = %d, error: %s": the same llama.cpp,
 *   app/src/main/cpp/llama/tools/server/server.cpp:2467; GPUStack's llama-box, "task %d | error = %s": gpustack/llama-box
 *   87281c7ea5f27e79199cfc3084e2dc913cc3c3da:llama-box/server.cpp:1783), whatever level the log shows;
 * - ggml's CUDA buffer that could not be allocated, "<func>: allocating N MiB on device D: cudaMalloc failed: <cudaGetErrorString>"
 *   (GGML_LOG_ERROR, written only when cudaMalloc returned an error: mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:
 *   app/src/main/cpp/llama/ggml/src/ggml-cuda/ggml-cuda.cu:656-661, as it vendors llama.cpp; the function logs nothing else, so its
 *   name and the size already say it where a terminal cut the line before "cudaMalloc failed"), so that an assertion or abort after it (the
 *   graph allocator's GGML_ASSERT on the buffer it did not get) is not read as the failure in its place;
 * - the 2024 server's decode that failed for good, "update_slots : failed to decode the batch, n_batch = N, ret = R" (LOG_TEE, no
 *   level, before update_slots returns false and the main loop ends: ikawrakow/ik_llama.cpp 663c94457dc03d62cd1c1b89404781fc22274958:
 *   examples/server/server.cpp:1927, llama.cpp's history as it carries it);
 * - a context asked for logits it did not compute (an embeddings model asked to generate, a batch token not set to output): "llama_get_logits_ith:
 *   invalid logits id 14, reason: no logits" (LLAMA_LOG_ERROR, the function's only message, so its first word is enough where a terminal
 *   cut the line; after it a release build returns no logits to a caller that reads them:
 *   unslothai/llama.cpp d32676d77426540327835040d5d3279728f0b4c8:src/llama-context.cpp:872-889, llama.cpp's as it carries it);
 * - the grammar parser's error, "parse: error parsing grammar: <what>" then the grammar (fprintf to stderr, before it clears the rules and
 *   returns false: unslothai/llama.cpp 82bb48500a9a6b3374da2cf5811695369278e4d3:src/llama-grammar.cpp:715), for a request's GBNF grammar or
 *   the one its JSON schema was turned into; in 2024's builds the sampler's own words after the parser's, "llama_sampling_init: failed to
 *   parse grammar" (fprintf to stderr, then the slot's sampling is not made: ikawrakow/ik_llama.cpp
 *   663c94457dc03d62cd1c1b89404781fc22274958:common/sampling.cpp:15, llama.cpp's history as it carries it; llamafile's server the same).
 */
/** The argument parser's two refusals (read as errors here and as `other` below). */
const ARGUMENT_REFUSED = String.raw`^\s*error: invalid argument: \S|^\s*error while handling argument "[^"\n]{1,80}": \S`;
export const LLAMACPP_ERROR_LINE = new RegExp(
  String.raw`^\s*gguf_init_from_file(?:_impl)?: \S|^\s*parse: error parsing grammar: \S|\bllama_sampling_init: failed to parse grammar\b|${ARGUMENT_REFUSED}|\bsend_error: task (?:id = \d+, error: |\d+ \| error = )\S|\bupdate_slots ?: failed to decode the batch, n_batch = \d+, ret = -?\d+|\bggml_backend_cuda_buffer_type_alloc_buffer: allocating [\d.]+ MiB on device \d+:|gml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size \d|^\s*llama_get_logits_ith: invalid\b`,
);

export const GGML_MESSAGES: readonly UpstreamMessage[] = [
  // ---- llama.cpp's server ----

  // a request's grammar (its GBNF, or the one its JSON schema was turned into) that the grammar parser refused, named with its reason
  // ("Undefined rule identifier 'x'", a parse error at a position): the request's own error, of no category of its own
  oth("llama.cpp's grammar parser: a request's grammar (GBNF, or the one made from its JSON schema) does not parse",
    /\bparse: error parsing grammar: \S|\bllama_sampling_init: failed to parse grammar\b/,
    "parse: error parsing grammar: Undefined rule identifier 'keywords-Menschen'", '82bb48500a9a6b3374da2cf5811695369278e4d3:src/llama-grammar.cpp:715'),

  // llama-server's HTTP socket could not bind its host and port (taken by another server, or an address not the host's), logged
  // before it exits: a failure of no category of its own, named (mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:
  // app/src/main/cpp/llama/tools/server/server.cpp:4933, LOG_ERR, as it vendors llama.cpp)
  oth("llama.cpp's server: its HTTP socket could not bind the host and port it was given (taken, or not the host's)",
    /\bcouldn't bind HTTP server socket, hostname: \S+, port: \d+/,
    "0.00.065.436 E srv         start: couldn't bind HTTP server socket, hostname: 127.0.0.1, port: 8083",
    'd582f0cb50fe92f23c1eac180e22785af5f23e3b:app/src/main/cpp/llama/tools/server/server.cpp:4933'),

  // a request's prompt is longer than a slot's context (the server's --ctx-size over --parallel) and context shift is off: the server
  // refuses it and says so in the error it sends (LLAMACPP_ERROR_LINE's send_error); in older builds "the request exceeds the available
  // context size. try increasing the context size or enable context shift" (d582f0cb50fe92f23c1eac180e22785af5f23e3b:
  // app/src/main/cpp/llama/tools/server/server.cpp:3150, as GPUStack's llama-box has it too), in newer ones "request (N tokens) exceeds the
  // available context size (M tokens), try increasing it" (PKU-SEC-Lab/Jetson-PI-Edge 92550fa0977f57eb8bb6ce32dd8a5560b4ddf0a6:
  // tools/server/server-context.cpp:3550, as it vendors llama.cpp's server): a request error, of no category of its own
  oth("llama.cpp's server: a request is longer than the context each slot has (--ctx-size over --parallel)",
    /\brequest (?:\(\d+ tokens\) )?exceeds the available context size\b/,
    'srv    send_error: task id = 0, error: request (44496 tokens) exceeds the available context size (32768 tokens), try increasing it',
    '92550fa0977f57eb8bb6ce32dd8a5560b4ddf0a6:tools/server/server-context.cpp:3550'),

  // the server's decode of a batch failed with its KV cache full at a batch of one token (ret 1: no free slot; it halves the batch on
  // each failure first, "failed to find free space in the KV cache, retrying with smaller n_batch = N" as a warning): in 2024's
  // examples/server/server.cpp update_slots logs "failed to decode the batch, n_batch = 1, ret = 1" ("if you get here, it means the KV
  // cache is full - try increasing it via the context size") and returns false, which ends the server's main loop
  // (ikawrakow/ik_llama.cpp 663c94457dc03d62cd1c1b89404781fc22274958:examples/server/server.cpp:1924-1928, :3361, llama.cpp's history
  // of 2024-01-15 as it carries it); since, the server sends the slots "Context size has been exceeded." and goes on
  // (mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:app/src/main/cpp/llama/tools/server/server.cpp:3444-3461): the
  // requests' context outgrew the cache the server was given (--ctx-size), of no category of its own
  oth("llama.cpp's server: a batch could not be decoded with the KV cache full (the requests' context outgrew --ctx-size)",
    /\bupdate_slots ?: failed to decode the batch, n_batch = 1, ret = 1\b|\bContext size has been exceeded\., i = \d+, n_batch = \d+, ret = 1\b/,
    '[1704891429] update_slots : failed to decode the batch, n_batch = 1, ret = 1',
    '663c94457dc03d62cd1c1b89404781fc22274958:examples/server/server.cpp:1927'),

  // ---- llama.cpp's command-line parser (common/arg.cpp) ----

  // an option the program does not have, or a value its handler refused (LLAMACPP_ERROR_LINE): the program exits before it loads anything
  oth("llama.cpp's argument parser: a command-line option it does not know, or a value it refused",
    new RegExp(ARGUMENT_REFUSED),
    `error while handling argument "--flash-attn": error: unkown value for --flash-attn: '--ctx-size'`,
    'd582f0cb50fe92f23c1eac180e22785af5f23e3b:app/src/main/cpp/llama/common/arg.cpp:934'),

  // ---- ggml's GGUF reader (gguf_init_from_file) ----

  // the file does not begin with GGUF's magic: not a GGUF file (an error page saved in its place, another format, a cut download)
  oth("ggml's GGUF reader: the model file is not a GGUF file (its first four bytes are not 'GGUF')", /\binvalid magic characters:? '[^'\n]{1,8}'/,
    "gguf_init_from_file: invalid magic characters 'Inte'", 'd99724f2b141fed9e1a9f402213506c081433465:src/gguf.cpp:473'),
  // a tensor's type is not one this build defines: the model is quantized with a type added after this build (MXFP4, as
  // gpt-oss's GGUFs are) or by a fork; the model needs a build that has it
  mdl("ggml's GGUF reader: a tensor's quantization type is not one this build knows (the model needs a newer or another build)",
    /\btensor '[^'\n]{1,200}' has invalid ggml type \d+/,
    "gguf_init_from_file_impl: tensor 'blk.0.ffn_down_exps.weight' has invalid ggml type 39 (NONE)", 'b5380da3cd4eaadc3064b5dcad7813a32e031fee:src/gguf.cpp:571'),

  // ---- ggml's example model loaders (2023, before GGUF), and the copies KoboldCpp and others built on (otherarch/) ----

  // each tensor read from the model file checked against the tensor the loader built from the file's hyperparameters; a mismatch is
  // written bare to stderr and the loader returns false, the program then giving up on the model (ggml-org/ggml
  // 4078f637b078c5099da898d139b1c450258d869d:examples/gpt-2/main.cpp:326-355, the same in gpt-j, gpt-neox, dolly-v2, starcoder …;
  // "failed to load model from …" at :730): a model file of another format or variant than the loader reads, a failure of no category
  oth("ggml's model loaders (2023): a tensor of the model file does not fit the model the loader built (size, shape or name), so it gave up",
    /\btensor '[^'\n]{1,200}' has wrong (?:size|shape) in model file\b|\bunknown tensor '[^'\n]{1,200}' in model file\b/,
    "        stablelm_model_load: tensor 'gpt_neox.embed_in.weight' has wrong size in model file", '4078f637b078c5099da898d139b1c450258d869d:examples/gpt-2/main.cpp:326-355'),

  // ---- llama.cpp's model loader ----

  // the GGUF's `general.architecture` names no architecture this build knows (llm_arch_from_string gave LLM_ARCH_UNKNOWN);
  // llama_model_load wraps it: "error loading model architecture: unknown model architecture: '…'", the name empty ('') when the key is blank
  mdl('llama.cpp (ggml-org/llama.cpp, as Ollama vendors it): the GGUF names a model architecture this build does not know', /\bunknown model architecture: '[\w.-]{0,80}'/,
    "llama_model_load: error loading model: error loading model architecture: unknown model architecture: 'nemotron_h_omni'", 'v0.17.6:llama/llama.cpp/src/llama-model.cpp:476'),
  // … and an architecture the build names but has no tensor loader for: load_tensors' default case, "unknown architecture"
  // (unslothai/llama.cpp's copy of upstream 1568d13c2c6601fc902089ae53863bc0ef00259b:src/llama-model.cpp:6403), wrapped by llama_model_load
  // as "error loading model: unknown architecture" (src/llama.cpp:148); read only so wrapped (the next line may be joined to it), the bare words being too short to tell
  mdl("llama.cpp (ggml-org/llama.cpp): the build has no tensor loader for the GGUF's model architecture", /\berror loading model: unknown architecture\b/,
    'llama_model_load: error loading model: unknown architecture', '1568d13c2c6601fc902089ae53863bc0ef00259b:src/llama-model.cpp:6403'),
  // a model split into several GGUF files loaded from a split other than the first ("-00002-of-00004.gguf"), or a split found with
  // another index than its place (llama_model_loader's constructor: the model is given or downloaded wrongly, not a failure of the
  // build or the GPU); llama_model_load wraps it: "error loading model: illegal split file idx: 3 (file: …), model must be loaded
  // with the first split" (read by its head: the file's path may be long enough for a terminal to cut the rest off)
  oth('llama.cpp: a model split in several GGUF files was not loaded from its first split (or a split is out of place)',
    /\b(?:illegal|invalid) split file idx: \d+ \(file: /,
    "llama_model_load: error loading model: illegal split file idx: 3 (file: /models/model-00004-of-00004.gguf), model must be loaded with the first split", `${OLLAMA}:llama/llama.cpp/src/llama-model-loader.cpp:533`),
  // the GGUF's `tokenizer.ggml.model` names a tokenizer this build does not know (wrapped: "error loading model vocabulary: …")
  mdl('llama.cpp: the GGUF names a tokenizer model this build does not know', /\bunknown tokenizer: '[\w.-]{1,80}'/,
    "llama_model_load: error loading model: error loading model vocabulary: unknown tokenizer: 'gemma4'", `${OLLAMA}:llama/llama.cpp/src/llama-vocab.cpp:1819`),
  // the GGUF's `tokenizer.ggml.pre` names a pre-tokenizer this build does not know (a model newer than the build: llama.cpp adds each
  // model family's pre-tokenizer by name), wrapped as "error loading model vocabulary: …" (llama.cpp as mmkurodan/llama vendors it;
  // Ollama patches the throw into a warning, v0.17.6:llama/patches/0002-pretokenizer.patch)
  mdl('llama.cpp: the GGUF names a pre-tokenizer this build does not know (a model newer than the build)', /\bunknown pre-tokenizer type: '[\w.-]{1,80}'/,
    "llama_model_load: error loading model: error loading model vocabulary: unknown pre-tokenizer type: 'deepseek-r1-qwen'", 'd582f0cb50fe92f23c1eac180e22785af5f23e3b:app/src/main/cpp/llama/src/llama-vocab.cpp:1654'),
  // row split (--split-mode row) asked of a device whose backend registers no split buffer type (make_gpu_buft_list: no
  // "ggml_backend_split_buffer_type" in its registry): the backend does not support the option; layer split does not need it (llama.cpp
  // as PKU-SEC-Lab/Jetson-PI-Edge carries it)
  bke("llama.cpp: row split (--split-mode row) asked of a device whose back-end has no split buffers", /\bdevice [\w.-]{1,40} does not support split buffers\b/,
    'llama_model_load: error loading model: device CUDA0 does not support split buffers', '92550fa0977f57eb8bb6ce32dd8a5560b4ddf0a6:src/llama-model.cpp:959'),
  // the multimodal projector's GGUF (mmproj) names a projector type this build does not know (clip_projector_type_from_string gave
  // PROJECTOR_TYPE_UNKNOWN): a model this build does not support; its loader then fails the multimodal model ("Failed to load CLIP model")
  mdl("llama.cpp's multimodal loader (mtmd): the projector GGUF names a projector type this build does not know", /\bload_hparams: unknown projector type: [\w.-]{1,60}/,
    "clip_init: failed to load model 'mmproj.gguf': load_hparams: unknown projector type: gemma4uv", `${OLLAMA}:llama/llama.cpp/tools/mtmd/clip.cpp:975-977`),
  // a weights buffer that did not fit on the GPU (the buffer type is the device's: CUDA0, ROCm0)
  oom('llama.cpp: the model\'s weights buffer could not be allocated on the GPU', new RegExp(String.raw`\bunable to allocate ${DEV_BUF} buffer\b`),
    'llama_model_load: error loading model: unable to allocate CUDA0 buffer', `${OLLAMA}:llama/llama.cpp/src/llama-model.cpp:6696`),

  // ---- ggml: its allocator and host memory ----

  // the graph allocator could not allocate a device buffer (compute buffers, the KV cache) on the GPU
  oom('ggml (ggml_gallocr_reserve_n): a compute buffer could not be allocated on the GPU', new RegExp(String.raw`\bfailed to allocate ${DEV_BUF} buffer of size \d+`),
    'ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 2164392960', `${GGML}/ggml-alloc.c:953`),
  // ggml-vulkan's device allocation refused: ggml_vk_create_buffer throws vk::OutOfDeviceMemoryError for a buffer larger than the device's
  // limit ("Requested buffer size exceeds device buffer size limit", "… device memory allocation limit" in earlier builds) or the driver's
  // allocation fails; the caller writes "ggml_vulkan: Device memory allocation of size <n> failed." (ggml_vk_create_buffer_device; "Memory
  // allocation of size <n> failed." in ggml_vk_create_buffer_check, whose callers ask for device-local buffers and staging) and then the
  // exception's what(), Vulkan-Hpp's "<message>: ErrorOutOfDeviceMemory" (ollama v0.17.6:ml/backend/ggml/ggml/src/ggml-vulkan/ggml-vulkan.cpp:
  // 2331-2332,2432-2438,2470-2473; the older limit's words at
  // mmkurodan/llama d582f0cb50fe92f23c1eac180e22785af5f23e3b:app/src/main/cpp/llama/ggml/src/ggml-vulkan/ggml-vulkan.cpp:1491-1492): GPU memory refused
  oom('ggml-vulkan: a device memory allocation failed (VK_ERROR_OUT_OF_DEVICE_MEMORY or a buffer above the device limit)',
    /\bggml_vulkan: (?:(?:Device m|M)emory allocation of size \d+ failed\.|.{0,300}: ErrorOutOfDeviceMemory\b)/,
    'ggml_vulkan: Requested buffer size exceeds device buffer size limit: ErrorOutOfDeviceMemory', `${GGML}/ggml-vulkan/ggml-vulkan.cpp:2332`),
  // posix_memalign of host memory gave ENOMEM: host RAM, not the GPU's
  oth('ggml (ggml_aligned_malloc): host memory exhausted (posix_memalign ENOMEM)', /\bggml_aligned_malloc: insufficient memory \(attempted to allocate +[\d.]+ MB\)/,
    'ggml_aligned_malloc: insufficient memory (attempted to allocate 24576.00 MB)', `${GGML}/ggml.c:365-368`),

  // ---- ggml-cuda (also built for ROCm as ggml-hip): kernels absent for the GPU's architecture ----

  // a kernel compiled without code for this architecture reached at run time (NO_DEVICE_CODE): CUDA's in category-evidence.ts, which
  // tells a kernel the GPU does not run from a build that lacks the architecture
  nki('ggml-hip (ROCm): a HIP kernel has no device code for the GPU\'s architecture', /\bHIP kernel [\w:<>]{1,120} has no device code compatible with HIP arch \d+/,
    '/app/ml/backend/ggml/ggml/src/ggml-cuda/mmq.cuh:3884: ERROR: HIP kernel mul_mat_q has no device code compatible with HIP arch 1030.', `${GGML}/ggml-cuda/common.cuh:381`),
  // ggml_cuda_highest_compiled_arch found no compiled architecture at or below the GPU's (GGML_ABORT)
  nki('ggml-cuda: the build holds no CUDA architecture at or below the GPU\'s', /\bggml was not compiled with any CUDA arch <= \d+/,
    '/app/ml/backend/ggml/ggml/src/ggml-cuda/common.cuh:106: ggml was not compiled with any CUDA arch <= 520', 'v0.12.0:ml/backend/ggml/ggml/src/ggml-cuda/common.cuh:106'),
  // ggml_cuda_init's check (GGML_CUDA_INIT set) that the build has code for each device's compute capability
  nki('ggml-cuda: the build was not compiled for this GPU\'s architecture (GGML_ASSERT in ggml_cuda_init)', /\bggml was not compiled with support for this arch\b/,
    '/app/ml/backend/ggml/ggml/src/ggml-cuda/ggml-cuda.cu:335: GGML_ASSERT(ggml_cuda_has_arch(info.devices[id].cc) && "ggml was not compiled with support for this arch") failed',
    `${GGML}/ggml-cuda/ggml-cuda.cu:335`),

  // any other assertion of ggml's (GGML_ASSERT(x) aborts through ggml_abort, which writes "<file>:<line>: GGML_ASSERT(<x>) failed"):
  // a failure of its own that names no category (the guide's table: `other`); after the assertions above, whose words name one
  oth('ggml: an assertion failed (GGML_ASSERT, aborting through ggml_abort)', GGML_ASSERT_FAILED,
    '/home/bob/llama.cpp/ggml/src/ggml-cuda/ggml-cuda.cu:3927: GGML_ASSERT(ok) failed', `${OLLAMA}:ml/backend/ggml/ggml/include/ggml.h:283`),
  // … and its abort with no more words than "fatal error", the default case of a switch over what a kernel handles (GGML_ABORT("fatal
  // error"), 186 of them in v0.17.6's ggml, e.g. ggml-cuda/fattn.cu:132; ik_llama.cpp's iqk kernels write "Fatal error",
  // ikawrakow/ik_llama.cpp 8337e4cd3861406fc04e0854b1409cd1b027fbc9:ggml/src/iqk/iqk_mul_mat.cpp:564): ggml_abort writes it behind the
  // file and line and aborts (src/ggml.c:235-245); the log names where it failed, not a category
  oth('ggml: aborted with "fatal error" at a source line (GGML_ABORT("fatal error"))', GGML_FATAL_ABORT,
    '/home/nux/dev/ik_llama.cpp/ggml/src/ggml-cuda/fattn.cu:66: fatal error', `${GGML}/ggml-cuda/fattn.cu:132`),

  // the scheduler placing an operation: its tensor is pre-allocated in a buffer whose backend cannot run that operation (supports_op false:
  // a Vulkan or Metal backend without the op for a quantized KV cache's type, a draft model's weights), so it cannot move it and aborts
  // (ggml-org/ggml v0.21.0 d99724f2b141fed9e1a9f402213506c081433465:src/ggml-backend.cpp:927-931; before 2024-12,
  // "pre-allocated tensor in a backend that cannot run the operation", aed99d2b:src/ggml-backend.c:1174)
  bke('ggml (ggml_backend_sched): an operation placed on a backend that cannot run it, its tensor pre-allocated there',
    /\bpre-allocated tensor\b.{0,400}?\bin a (?:buffer|backend)\b.{0,160}?\bthat cannot run the operation\b/,
    '/src/llama.cpp/ggml/src/ggml-backend.cpp:750: pre-allocated tensor (cache_k_l32 (view)) in a buffer (Vulkan0) that cannot run the operation (CPY)',
    'd99724f2b141fed9e1a9f402213506c081433465:src/ggml-backend.cpp:930'),
  // ggml's Vulkan backend creating its device: a GPU whose Vulkan driver lacks 16-bit storage buffers (storageBuffer16BitAccess: Haswell's
  // hasvk, Adreno's Turnip) is refused, the line written bare to stderr and `throw std::runtime_error("Unsupported device")` after it,
  // which the model loader reports as "error loading model: Unsupported device" (ggml-org/ggml v0.21.0
  // d99724f2b141fed9e1a9f402213506c081433465:src/ggml-vulkan/ggml-vulkan.cpp:6808-6811; since 813a12ce of 2024-11 with the device's
  // name; before it the nameless "ggml_vulkan: device does not support 16-bit storage", at first only a notice, not read): the backend
  // refused for this GPU, another backend (CPU) the fix
  bke("ggml (Vulkan): the GPU's Vulkan driver has no 16-bit storage, so the Vulkan backend refuses the device",
    /\bggml_vulkan: device Vulkan\d{1,2} does not support 16-bit storage\b/,
    'ggml_vulkan: device Vulkan0 does not support 16-bit storage.',
    'd99724f2b141fed9e1a9f402213506c081433465:src/ggml-vulkan/ggml-vulkan.cpp:6808-6811'),

  // ---- the ROCm HIP runtime (ROCm/clr), under ggml-hip ----

  // hipBLASLt (under hipBLAS, which ggml-hip calls for its GEMMs) finding no kernel library for this GPU's architecture: its lazy-loading
  // build reads "TensileLibrary_lazy_<gfx arch>.dat" and writes this when the file is not there (ROCm/hipBLASLt rocm-6.2.2
  // 44efd612f456a790275475bcb349bace1e045ef3:library/src/amd_detail/rocblaslt/src/tensile_host.cpp:1015,1117,1126-1130): the libraries
  // shipped were built for other architectures (an RX 9070's gfx1201 before its kernels were added). Not a library file that is there
  // and could not be read ("Cannot read …/TensileLibrary.dat: Illegal seek"): that names no architecture
  nki('hipBLASLt (ROCm/hipBLASLt): no kernel library for this GPU architecture (TensileLibrary_lazy_<gfx>.dat missing)',
    /\brocblaslt error: Cannot read "?[^"\s]{0,300}TensileLibrary_lazy_gfx[\da-f]{3,4}\.(?:dat|yaml)"?: No such file or directory\b/,
    'rocblaslt error: Cannot read /usr/local/lib/ollama/rocm/hipblaslt/library/TensileLibrary_lazy_gfx1201.dat: No such file or directory',
    '44efd612f456a790275475bcb349bace1e045ef3:library/src/amd_detail/rocblaslt/src/tensile_host.cpp:1128'),

  // the HIP runtime found no code object for the GPU in the program's fat binary (its log line, then the error name)
  nki('HIP runtime (ROCm/clr): no code object in the binary for the current GPUs (hipErrorNoBinaryForGpu)', /\bUnable to find code object for all current devices\b/,
    ':1:hip_code_object.cpp       :571 : 2138454236 us: [pid:1 tid:0x7f]  hipErrorNoBinaryForGpu: Unable to find code object for all current devices!',
    `${CLR}:hipamd/src/hip_code_object.cpp:571`),
  nki('HIP runtime (ROCm/clr): no binary for the GPU (the error name hipErrorNoBinaryForGpu)', /\bhipErrorNoBinaryForGpu\b/,
    'ROCm error: hipErrorNoBinaryForGpu', `${CLR}:hipamd/src/hip_error.cpp:107`),
  // hipGetErrorString of hipErrorNoDevice, as ggml_cuda_init relays it ("failed to initialize ROCm: …")
  drv('HIP runtime (ROCm/clr): no ROCm-capable device is visible (hipErrorNoDevice)', /\bno ROCm-capable device is detected\b/,
    'ggml_cuda_init: failed to initialize ROCm: no ROCm-capable device is detected', `${CLR}:hipamd/src/hip_error.cpp:244`),
  // hipRTC (the runtime compiler PyTorch's and Triton's ROCm builds call) could not dlopen libamdhip64.so: its build log says
  // so, then asks for an architecture it could not look up — a shared library not loaded, what the first line names (rule 3)
  imp('HIP runtime compiler (ROCm/clr hipRTC): the HIP runtime library libamdhip64.so could not be loaded', /\bhip runtime failed to load\.(?!\w)/,
    'hip runtime failed to load.', `${CLR}:hipamd/src/hiprtc/hiprtcInternal.cpp:83`),

  // ---- Ollama's own Go code: GPU discovery and the scheduler ----

  // cuInit gave CUDA_ERROR_INSUFFICIENT_DRIVER or CUDA_ERROR_SYSTEM_DRIVER_MISMATCH (logged as a warning)
  drv('Ollama: the CUDA driver library reports a driver too old or mismatched (cuInit: insufficient driver / system driver mismatch)', /\bversion mismatch between driver and cuda driver library\b/,
    'version mismatch between driver and cuda driver library - reboot or upgrade may be required: library /usr/lib/x86_64-linux-gnu/libcuda.so.545.23.06',
    `${OLLAMA_OLD}:discover/gpu.go:616`),
  // /dev/kfd not accessible to the server's user: the AMD GPUs are not visible to it
  drv('Ollama: the AMD GPU device nodes are not accessible (permissions on /dev/kfd)', /\bpermissions not set up properly\.\s+Either run ollama as root\b/,
    'amdgpu devices detected but permission problems block access: permissions not set up properly.  Either run ollama as root, or add you user account to the render group. open /dev/kfd: permission denied',
    `${OLLAMA_OLD}:discover/amd_linux.go:514`),
  // Windows: the HIP runtime DLL the AMD driver ships is missing; the fix is a newer AMD driver
  drv('Ollama (Windows): the AMD driver\'s HIP runtime (amdhip64_6.dll) could not be loaded', /\bunable to load amdhip64(?:_6)?\.dll, please make sure to upgrade to the latest amd driver\b/,
    'unable to load amdhip64_6.dll, please make sure to upgrade to the latest amd driver: The specified module could not be found.',
    `${OLLAMA_OLD}:discover/amd_hip_windows.go:40`),
  // the GPU's gfx target is not among those the bundled ROCm library was built for (HSA_OVERRIDE_GFX_VERSION or a rebuild)
  nki('Ollama: the AMD GPU\'s gfx target is not among those its ROCm libraries were built for', /\bamdgpu is not supported \(supported types:\[[\w ]{0,400}\]\)/,
    'amdgpu is not supported (supported types:[gfx1030 gfx1100 gfx1101 gfx1102 gfx900 gfx906 gfx908 gfx90a gfx940 gfx941 gfx942])', `${OLLAMA_OLD}:discover/amd_linux.go:377`),
  // an AMD GPU below ROCm's minimum generation (gfx9): refused for this GPU, as "CUDA GPU is too old. Compute Capability …"
  bke('Ollama: the AMD GPU is older than the minimum its ROCm backend supports', /\bamdgpu too old gfx[\da-f]{3,4}\b/,
    'amdgpu too old gfx803', `${OLLAMA_OLD}:discover/amd_linux.go:309`),
  // `ollama create` from safetensors: the config's architecture (a transformers class name, %q-quoted, its quotes escaped in a slog line) has no converter;
  // the CLI prints it as "Error: <err>", and releases before the name was added print the words alone ("Error: unsupported architecture":
  // v0.5.7:convert/convert.go:197, the default of its switch on architectures[0])
  mdl('Ollama (convert): the model\'s architecture has no converter in this version', /\bunsupported architecture \\?"[\w.-]{0,60}(?:For[A-Z]\w{2,40}|Model)\\?"|\bError: unsupported architecture\b/,
    'Error: unsupported architecture "Gemma4ForConditionalGeneration"', `${OLLAMA}:convert/convert.go:328`),
  // a request named a model the server does not have (never pulled, or misspelled): Ollama answers 404 with these words, which its
  // clients print as the request's error (ollama-python's ResponseError, "… (status code: 404)"); before v0.2 the name was '%s'-quoted
  // (v0.1.32:server/routes.go:198): the request's own error, of no category of its own
  oth('Ollama: a request named a model the server does not have (not pulled)', /\bmodel ["'][^"'\n]{1,200}["'] not found, try pulling it first\b/,
    'model "deepseek-r1:14b" not found, try pulling it first (status code: 404)', `${OLLAMA}:server/routes.go:2518`),
  // ggml's CPU buffer type could not get the host memory it asked for (ggml_aligned_malloc returned NULL; the caller then fails, llama.cpp's
  // KV cache "failed to allocate buffer for kv cache" after it): the host's memory, not a GPU's (the guide: host RAM exhausted is other;
  // unslothai/llama.cpp 82bb48500a9a6b3374da2cf5811695369278e4d3:ggml/src/ggml-backend.cpp:2369, GGML_LOG_ERROR, no level written;
  // read where a paste cut the line's first letter too)
  oth("ggml: its CPU buffer could not be allocated (the host's memory: a smaller --ctx-size or model)", /gml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size \d+/,
    'ggml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size 17179869216', '82bb48500a9a6b3374da2cf5811695369278e4d3:ggml/src/ggml-backend.cpp:2369'),
  // the scheduler's estimate of host memory (not the GPU's): the model does not fit in system RAM
  oth('Ollama: the model needs more system (host) memory than is available', /\bmodel requires more system memory \([\d.]+ [KMGT]?i?B\) than is available \([\d.]+ [KMGT]?i?B\)/,
    'model requires more system memory (23.4 GiB) than is available (15.2 GiB)', `${OLLAMA}:llm/server.go:1045`),
  // Ollama's MLX runner loading its MLX library by dlopen and dlsym: a symbol the library lacks, or the library not found or not loaded,
  // as a shared library or an extension that will not load (its stderr relayed at WARN by the server: `msg=mlx-runner msg="…"`). Not the C
  // loader's own line for the symbol, "MLX: Failed to load symbol: <name>" (x/imagegen/mlx/mlx.c:600-604): Ollama probes MLX at every
  // start and serves GGUF models without it, so the line is in healthy logs too; the runner that needs MLX fails with the Go error
  imp('Ollama (MLX runner): its MLX library lacks a function it calls (dlsym failed)', /\bfailed to load MLX function symbols\b/,
    'Error: failed to load MLX function symbols', 'v0.15.5:x/imagegen/mlx/mlx.go:1667-1672'),
  imp('Ollama (MLX runner): its MLX library was not found or could not be loaded', /\bfailed to load MLX dynamic library(?: symbols)?(?:: path=| \(searched: )/,
    'failed to load MLX dynamic library (searched: [/usr/lib/ollama])', 'v0.33.0-rc2:x/mlxrunner/mlx/dynamic.go:66-73'),
];
