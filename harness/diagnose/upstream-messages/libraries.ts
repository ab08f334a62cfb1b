// Messages of the Python libraries under every engine, by the category they mean, each with the line that writes it:
// the engines load a model's config, tokenizer and weights through Hugging Face transformers, huggingface_hub,
// safetensors and tokenizers, and start their workers through PyTorch's process groups (gloo for the CPU side), so
// these libraries' own words reach an engine's log verbatim, whatever the engine.
//
// Read at these release tags or commits (fetched mirrors):
// - huggingface_hub (huggingface/huggingface_hub) v0.36.2, the last 0.x release the engines pin: utils/_http.py
//   (hf_raise_for_status), utils/_validators.py (validate_repo_id), errors.py, file_download.py, _snapshot_download.py;
// - transformers (huggingface/transformers, over the size limit here): upstream's main at 40a493c7ed4f (4.52.0.dev0,
//   2025-05-16) as the mirror github:mklasby/transformers carries it, and, for the older wording of a message, upstream's
//   f3aa7db439a2 (4.38.0.dev0, 2024-02-15) as github:jpvillam-amd/transformers carries it: utils/versions.py,
//   utils/import_utils.py, utils/hub.py, dynamic_module_utils.py, configuration_utils.py, tokenization_utils_base.py,
//   tokenization_utils_fast.py, modeling_utils.py, models/auto/, quantizers/;
// - safetensors (huggingface/safetensors) v0.7.0 (safetensors/src/tensor.rs:67-94, its errors' words), and v0.4.5 for the
//   form they had before 0.6.0 (`{e:?}`, the variant's
//   name: "MetadataIncompleteBuffer", "HeaderTooLarge"): bindings/python/src/lib.rs, safetensors/src/tensor.rs;
// - tokenizers (huggingface/tokenizers) v0.21.0: a tokenizer.json that an older tokenizers cannot read fails in serde's
//   words (its `#[serde(untagged)]` enums, tokenizers/src/models/mod.rs:62 ModelWrapper), read in serde
//   (serde-rs/serde) v1.0.228;
// - gloo (facebookincubator/gloo) at cc441984208d (main, 2025-05-16; it has no release tags), the transport of
//   PyTorch's gloo process group, which vLLM and SGLang open beside NCCL's for their CPU-side collectives.
// Also read, with nothing added: huggingface_hub's RepositoryNotFoundError and GatedRepoError ("Repository Not Found
// for url", "Cannot access gated repo for url", _http.py:447/:418) and its LocalEntryNotFoundError ("Cannot find the
// requested files in the disk cache and outgoing traffic has been disabled", file_download.py:1654, and the snapshot's
// :232), transformers' "does not recognize this architecture" (configuration_auto.py:1174), "Unrecognized configuration
// class" (auto_factory.py:443), "Unrecognized model in" (configuration_auto.py:1191), "is not a local folder and is not a
// valid model identifier" and "You are trying to access a gated repo" (utils/hub.py:503, :534), "We couldn't connect to"
// (:544): a signature or a generic rule already decides them rightly. PyTorch's c10d (over the size limit here) was
// not read: the generic rules already decide its TCPStore and socket messages ("The client socket has timed out after
// …", "The server socket has failed to listen on any local network address", "Timed out after N seconds waiting for
// clients", "Socket Timeout", "Connection reset by peer") and ProcessGroupNCCL's watchdog and "NCCL communicator was
// aborted" as nccl; its store-based barrier's timeout and monitoredBarrier's errors are left for a reading of its source. Ray's ActorDiedError / RayActorError ("The actor died unexpectedly before
// finishing this task") and RayTaskError wrappers name no cause and are not here.
// A message is here only when the generic word rules did not already name its category (or named none, or the wrong
// one). Interpolations are bounded wildcards.
import { drv, exitsAfter, imp, mdl, nccl, oth, type UpstreamMessage } from './types.ts';

/** huggingface_hub 0.36.2. */
const HUB = 'v0.36.2';
/** transformers: upstream main at 4.52.0.dev0 (2025-05-16). */
const TF = '40a493c7ed4f';
/** transformers: upstream main at 4.38.0.dev0 (2024-02-15), for a wording that later changed. */
const TF_OLD = 'f3aa7db439a2';
/** safetensors 0.7.0 (its errors in words) and 0.4.5 (its errors by variant name). */
const ST = 'v0.7.0';
const ST_OLD = 'v0.4.5';
/** serde 1.0.228 (the words of tokenizers' untagged enums). */
const SERDE = 'v1.0.228';
/** gloo main (2025-05-16). */
const GLOO = 'cc441984208d';
/** uvicorn (encode/uvicorn) 0.35.0. */
const UVICORN = '0.35.0';

/**
 * vLLM retries its Hub look-ups and logs each failure at ERROR, the last one too, then goes on without them (a local
 * path read as a repo id, an offline host): "Error retrieving safetensors: <e>, retrying 1 of 2" and "Error retrieving
 * file list: <e>" (jinhuang12/vllm at 22f8d2869732: vllm/transformers_utils/repo_utils.py:45-48, with_retry; its callers
 * config.py:1109 and repo_utils.py:92). The hub's words written there decide nothing.
 */
const notRetried = (re: RegExp): RegExp => new RegExp(String.raw`(?<!Error retrieving (?:safetensors|file list): )` + re.source, re.flags);

export const LIBRARY_MESSAGES: readonly UpstreamMessage[] = [
  // ---- huggingface_hub (huggingface/huggingface_hub) ----

  // hf_raise_for_status: a revision (branch, tag, commit) the repo does not have, a file it does not hold, a repo disabled
  oth('huggingface_hub (huggingface/huggingface_hub): the revision asked for does not exist in the repo', notRetried(/\bRevision Not Found for url: \S{1,300}/),
    'Revision Not Found for url: https://huggingface.co/api/models/my-org/my-model/revision/v2.', `${HUB}:src/huggingface_hub/utils/_http.py:409`),
  oth('huggingface_hub (huggingface/huggingface_hub): the file asked for is not in the repo', notRetried(/\bEntry Not Found for url: \S{1,300}/),
    'Entry Not Found for url: https://huggingface.co/my-org/my-model/resolve/main/config.json.', `${HUB}:src/huggingface_hub/utils/_http.py:413`),
  oth('huggingface_hub (huggingface/huggingface_hub): access to the repo is disabled', notRetried(/\bCannot access repository for url \S{1,300}/),
    'Cannot access repository for url https://huggingface.co/my-org/my-model/resolve/main/config.json.', `${HUB}:src/huggingface_hub/utils/_http.py:426`),
  // a 403: the token lacks a permission (a fine-grained token without access to public gated repos)
  oth("huggingface_hub (huggingface/huggingface_hub): the Hub refused the token's access (403)", notRetried(/\bCannot access content at: \S{1,300}/),
    'Cannot access content at: https://huggingface.co/api/models/my-org/my-model.', `${HUB}:src/huggingface_hub/utils/_http.py:464`),
  // the exception line itself reads only "404 Client Error. (Request ID: …)": its class names the failure
  oth('huggingface_hub (huggingface/huggingface_hub): a revision or file not found, or a repo disabled, raised by its class', notRetried(/\b(?:RevisionNotFoundError|EntryNotFoundError|DisabledRepoError): \d{3} Client Error\b/),
    'huggingface_hub.errors.RevisionNotFoundError: 404 Client Error. (Request ID: Root=1-6756a0b1-2c6f0d0f)', `${HUB}:src/huggingface_hub/errors.py:240`),
  oth('huggingface_hub (huggingface/huggingface_hub): HF_HUB_OFFLINE is set and a file is not in the cache', notRetried(/\bCannot reach \S{1,300}: offline mode is enabled\b/),
    'Cannot reach https://huggingface.co/api/models/my-org/my-model: offline mode is enabled. To disable it, please unset the `HF_HUB_OFFLINE` environment variable.', `${HUB}:src/huggingface_hub/utils/_http.py:108`),
  // validate_repo_id: a local path that does not exist is read as a repo id (`--model /models/x` not mounted)
  oth('huggingface_hub (huggingface/huggingface_hub): the model path is not a directory, and as a repo id it has too many slashes', notRetried(/\bRepo id must be in the form 'repo_name' or 'namespace\/repo_name'/),
    "Repo id must be in the form 'repo_name' or 'namespace/repo_name': '/models/llama/8b'. Use `repo_type` argument if needed.", `${HUB}:src/huggingface_hub/utils/_validators.py:155`),
  oth('huggingface_hub (huggingface/huggingface_hub): the model path is not a directory, and as a repo id it has characters a repo id cannot have', notRetried(/\bRepo id must use alphanumeric chars\b/),
    "Repo id must use alphanumeric chars, '-', '_' or '.'. The name cannot start or end with '-' or '.' and the maximum length is 96: '/models/llama'.", `${HUB}:src/huggingface_hub/utils/_validators.py:161`),
  oth('huggingface_hub (huggingface/huggingface_hub): the repo id is not a string', notRetried(/\bRepo id must be a string, not\b/),
    "Repo id must be a string, not <class 'pathlib.PosixPath'>: '/models/llama'.", `${HUB}:src/huggingface_hub/utils/_validators.py:151`),
  oth('huggingface_hub (huggingface/huggingface_hub): the repo id has `--` or `..`', notRetried(/\bCannot have -- or \.\. in repo_id\b/),
    "Cannot have -- or .. in repo_id: '../models/llama'.", `${HUB}:src/huggingface_hub/utils/_validators.py:167`),

  // ---- transformers (huggingface/transformers) ----

  // require_version / require_version_core: a dependency's version refused at import (transformers' own pins on
  // tokenizers and huggingface_hub, or a model's, or an engine's)
  imp('transformers (huggingface/transformers): an installed package version is refused by a version requirement', /\bis required for a normal functioning of this module, but found [\w.-]{1,80}==/,
    'tokenizers>=0.21,<0.22 is required for a normal functioning of this module, but found tokenizers==0.22.1.', `${TF}:src/transformers/utils/versions.py:45`),
  imp('transformers (huggingface/transformers): a package a version requirement names is not installed', /\bThe '[^']{1,120}' distribution was not found and is required by this application\b/,
    "The 'accelerate>=0.26.0' distribution was not found and is required by this application. ", `${TF}:src/transformers/utils/versions.py:105`),
  // check_imports: a model's remote code imports packages that are not installed
  imp("transformers (huggingface/transformers): the model's remote code imports packages that are not installed", /\bThis modeling file requires the following packages that were not found in your environment\b/,
    'This modeling file requires the following packages that were not found in your environment: flash_attn, einops. Run `pip install flash_attn einops`', `${TF}:src/transformers/dynamic_module_utils.py:226`),
  // the *_IMPORT_ERROR texts of import_utils.py (SentencePiece :1479, protobuf :1487, Tokenizers :1465, …)
  imp('transformers (huggingface/transformers): a class needs a library that is not installed (sentencepiece, protobuf, tokenizers, …)', /\brequires the .{1,40}? library but it was not found in your environment\b/,
    'LlamaTokenizer requires the SentencePiece library but it was not found in your environment. Checkout the instructions on the', `${TF}:src/transformers/utils/import_utils.py:1479`),
  // a fast tokenizer with no tokenizer.json is converted from the slow one, which needs sentencepiece or tiktoken
  imp('transformers (huggingface/transformers): the fast tokenizer cannot be built without sentencepiece or tiktoken installed', /\bCouldn't instantiate the backend tokenizer from one of\b/,
    "Couldn't instantiate the backend tokenizer from one of: ", `${TF}:src/transformers/tokenization_utils_fast.py:143`),
  // the quantizers' validate_environment: a quantized checkpoint needs its library (and accelerate)
  imp("transformers (huggingface/transformers): a quantized checkpoint's library is not installed", /\bLoading an? [\w -]{1,40}quantized model requires [\w.-]{1,40}\b/,
    'Loading an AWQ quantized model requires auto-awq library (`pip install autoawq`)', `${TF}:src/transformers/quantizers/quantizer_awq.py:50`),
  imp("transformers (huggingface/transformers): a quantization method's library or accelerate is not installed", /\bUsing `\w{1,40}` (?:\d-bit )?quantization requires\b/,
    "Using `bitsandbytes` 4-bit quantization requires Accelerate: `pip install 'accelerate>=0.26.0'`", `${TF}:src/transformers/quantizers/quantizer_bnb_4bit.py:73`),
  imp('transformers (huggingface/transformers): the compressed-tensors library is not installed', /\bUsing `compressed_tensors` quantized models requires the compressed-tensors library\b/,
    'Using `compressed_tensors` quantized models requires the compressed-tensors library: `pip install compressed-tensors`', `${TF}:src/transformers/quantizers/quantizer_compressed_tensors.py:45`),
  // the quantizers' validate_environment (EETQ :80, HQQ :75; bitsandbytes' before its multi-backend rework): torch.cuda.is_available() is
  // false, so the CUDA runtime sees no GPU (the guide's table: no CUDA-capable device, "No CUDA GPUs are available")
  drv('transformers (huggingface/transformers): a quantizer finds no GPU the CUDA runtime can see', /\bNo GPU found\. A GPU is needed for quantization\b/,
    'No GPU found. A GPU is needed for quantization.', `${TF}:src/transformers/quantizers/quantizer_hqq.py:75`),
  // from_pretrained with a device_map (TGI's and older engines' transformers path) needs accelerate; raised as a ValueError
  imp('transformers (huggingface/transformers): loading with a device_map needs accelerate, which is not installed', /\bUsing `low_cpu_mem_usage=True` or a `device_map` requires Accelerate\b/,
    'Using `low_cpu_mem_usage=True` or a `device_map` requires Accelerate: `pip install accelerate`', `${TF_OLD}:src/transformers/modeling_utils.py:2948`),
  imp('transformers (huggingface/transformers): loading with a device_map needs accelerate, which is not installed (its wording by 4.52)', /\bsetting `torch\.set_default_device\(device\)` requires `accelerate`/,
    'Using a `device_map`, `tp_plan`, `torch.device` context manager or setting `torch.set_default_device(device)` requires `accelerate`. You can install it with `pip install accelerate`', `${TF}:src/transformers/modeling_utils.py:4296`),
  // resolve_trust_remote_code: the model needs its own code and trust_remote_code was not passed
  oth('transformers (huggingface/transformers): the model has custom code and trust_remote_code was not set', /\bcontains custom code which must be executed to correctly load the model\b/,
    'The repository `my-org/my-model` contains custom code which must be executed to correctly load the model. You can inspect the repository content at https://hf.co/my-org/my-model.', `${TF}:src/transformers/dynamic_module_utils.py:694`),
  oth('transformers (huggingface/transformers): the model has custom code and trust_remote_code was not set (before 4.39)', /\brequires you to execute the configuration file in that repo on your local machine\b/,
    'Loading my-org/my-model requires you to execute the configuration file in that repo on your local machine. Make sure you have read the code there to avoid malicious use, then set the option `trust_remote_code=True` to remove this error.', `${TF_OLD}:src/transformers/dynamic_module_utils.py:622`),
  // cached_file / cached_files: a local directory without the file, a revision that does not exist, the cache not writable
  // … but not generation_config.json, which the engines look for and go on without ("Failed to load generation config for
  // <m>: <this message>. Proceeding without generation config.", SGLang's
  // BBuf/sglang 65d3b47f630f:python/sglang/srt/utils/hf_transformers/common.py:412; vLLM's try_get_generation_config,
  // 22f8d2869732:vllm/transformers_utils/config.py:1064)
  oth('transformers (huggingface/transformers): the model directory lacks a file it needs', notRetried(/\bdoes not appear to have a file named (?!generation_config\.json)[\w./-]{1,120}/),
    "/models/my-model does not appear to have a file named model-00001-of-00004.safetensors. Checkout 'https://huggingface.co//models/my-model/tree/main' for available files.", `${TF}:src/transformers/utils/hub.py:428`),
  oth('transformers (huggingface/transformers): the revision asked for does not exist in the repo', notRetried(/\bis not a valid git identifier \(branch name, tag name or commit id\)/),
    "v2 is not a valid git identifier (branch name, tag name or commit id) that exists for this model name. Check the model page at 'https://huggingface.co/my-org/my-model' for available revisions.", `${TF}:src/transformers/utils/hub.py:510`),
  oth("transformers (huggingface/transformers): the Hub cache directory's permissions refused the download", notRetried(/\bPermissionError at \S{1,300} when downloading \S{1,200}/),
    'PermissionError at /root/.cache/huggingface/hub/.locks/models--my-org--my-model/x.lock when downloading my-org/my-model. Check cache directory permissions.', `${TF}:src/transformers/utils/hub.py:516`),
  oth('transformers (huggingface/transformers): an HTTP error while downloading from the Hub', notRetried(/\bThere was a specific connection error when trying to load\b/),
    'There was a specific connection error when trying to load my-org/my-model:', `${TF}:src/transformers/utils/hub.py:553`),
  oth("transformers (huggingface/transformers): the model's config could not be loaded", /\bCan't load the configuration of '[^']{1,200}'/,
    "Can't load the configuration of '/models/my-model'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name.", `${TF}:src/transformers/configuration_utils.py:674`),
  oth("transformers (huggingface/transformers): the model's tokenizer could not be loaded", /\bCan't load tokenizer for '[^']{1,200}'/,
    "Can't load tokenizer for '/models/my-model'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name.", `${TF}:src/transformers/tokenization_utils_base.py:1944`),
  // the tokenizer class tokenizer_config.json names is unknown to this transformers (custom code not trusted, or too old)
  oth('transformers (huggingface/transformers): the tokenizer class the model names does not exist in this transformers', /\bTokenizer class [\w.]{1,80} does not exist or is not currently imported\b/,
    'Tokenizer class QWenTokenizer does not exist or is not currently imported.', `${TF}:src/transformers/models/auto/tokenization_auto.py:1011`),
  oth("transformers (huggingface/transformers): the model directory holds no weights file", /\bError no file named [\w., -]{1,200} found in directory\b/,
    'Error no file named pytorch_model.bin, model.safetensors, tf_model.h5, model.ckpt.index or flax_model.msgpack found in directory /models/my-model.', `${TF}:src/transformers/modeling_utils.py:963`),
  oth('transformers (huggingface/transformers): a PyTorch weights file could not be read (corrupt, or a Git LFS pointer)', /\bUnable to load weights from pytorch checkpoint file for\b/,
    "Unable to load weights from pytorch checkpoint file for '/models/my-model/pytorch_model.bin' at '/models/my-model/pytorch_model.bin'. If you tried to load a PyTorch model from a TF 2.0 checkpoint, please set from_tf=True.", `${TF}:src/transformers/modeling_utils.py:585`),

  // ---- safetensors (huggingface/safetensors) ----

  // a truncated or corrupt .safetensors file (an interrupted download, a Git LFS pointer): its header does not parse
  oth('safetensors (huggingface/safetensors): a weights file is truncated or corrupt (its header does not parse)', /\bError while deserializing header: (?:incomplete metadata|header too (?:large|small)|invalid (?:JSON|UTF-8|start character|header length))/,
    'Error while deserializing header: incomplete metadata, file not fully covered', `${ST}:bindings/python/src/lib.rs:467`),
  oth('safetensors (huggingface/safetensors): a weights file is truncated or corrupt (before 0.6: the error by its name)', /\bError while deserializing header: (?:MetadataIncompleteBuffer|HeaderTooLarge|HeaderTooSmall|InvalidHeader\w{0,20})\b/,
    'Error while deserializing header: MetadataIncompleteBuffer', `${ST_OLD}:bindings/python/src/lib.rs:404`),
  oth('safetensors (huggingface/safetensors): a weights file lacks a tensor the model asks for', /\bFile does not contain tensor [\w.]{1,200}/,
    'File does not contain tensor model.layers.0.mlp.gate_proj.weight', `${ST}:bindings/python/src/lib.rs:640`),

  // ---- tokenizers (huggingface/tokenizers), in serde's words ----

  // a tokenizer.json written by a newer tokenizers than the one installed
  oth('tokenizers (huggingface/tokenizers): tokenizer.json is of a format this tokenizers cannot read', /\bdata did not match any variant of untagged enum \w{1,80}/,
    'data did not match any variant of untagged enum ModelWrapper at line 757479 column 3', `${SERDE}:serde_derive/src/de/enum_untagged.rs:39`),

  // ---- uvicorn (encode/uvicorn), the ASGI server that vLLM, SGLang and most Python wrappers serve through ----

  // uvicorn.run() with workers > 1 or reload on, given the app as an object: it logs this at WARNING and exits with 1 before it
  // binds (main.py:567-570), so the server never starts; a configuration error of the program that called it
  exitsAfter(oth("uvicorn (encode/uvicorn): workers or reload asked for an app passed as an object, not an import string; uvicorn exits before it serves",
    /\bYou must pass the application as an import string to enable 'reload' or 'workers'/,
    "You must pass the application as an import string to enable 'reload' or 'workers'.", `${UVICORN}:uvicorn/main.py:569`)),

  // ---- gloo (facebookincubator/gloo), PyTorch's gloo process group ----

  // messages render as `[<file>:<line>] <words>` (GLOO_ERROR_MSG, gloo/common/error.h:16)
  // a GLOO_ENFORCE check that failed inside gloo's transport (a peer's message not what the protocol expects), thrown as
  // gloo::EnforceNotMet, whose what() reads "[enforce fail at <file>:<line>] <condition>. <message>"
  nccl("gloo (facebookincubator/gloo): a check of its transport between ranks failed (GLOO_ENFORCE, gloo::EnforceNotMet)", /\[enforce fail at [^\]\s]{0,200}\bgloo\/transport\/[\w/.-]{1,100}:\d+\]/,
    '[enforce fail at /pytorch/third_party/gloo/gloo/transport/tcp/pair.cc:456] op.preamble.length <= op.nbytes. 4 vs 3', `${GLOO}:gloo/common/logging.cc:22`),
  nccl('gloo (facebookincubator/gloo): a peer rank closed its connection', /\bConnection closed by peer \[?[\w.:-]{1,80}\]?:\d+/,
    '[../third_party/gloo/gloo/transport/tcp/pair.cc:544] Connection closed by peer [10.0.0.2]:41234', `${GLOO}:gloo/transport/tcp/pair.cc:544`),
  nccl('gloo (facebookincubator/gloo): reading from a peer rank failed', /\bRead error \[?[\w.:-]{1,80}\]?:\d+: /,
    '[../third_party/gloo/gloo/transport/tcp/pair.cc:535] Read error [10.0.0.2]:41234: Connection reset by peer', `${GLOO}:gloo/transport/tcp/pair.cc:535`),
  nccl('gloo (facebookincubator/gloo): connecting to a peer rank timed out', /\bConnect timeout \[?[\w.:-]{1,80}\]?:\d+/,
    '[../third_party/gloo/gloo/transport/tcp/pair.h:311] Connect timeout [10.0.0.2]:41234', `${GLOO}:gloo/transport/tcp/pair.h:311`),
  nccl('gloo (facebookincubator/gloo): a collective waited past its timeout for a peer rank', /\bTimed out waiting \d+ms for (?:recv|send) operation to complete\b/,
    '[../third_party/gloo/gloo/transport/tcp/unbound_buffer.cc:78] Timed out waiting 1800000ms for recv operation to complete', `${GLOO}:gloo/transport/tcp/unbound_buffer.cc:79`),
  nccl("gloo (facebookincubator/gloo): another operation's timeout closed the connection to a peer rank", /\bApplication timeout caused pair closure\b/,
    'Application timeout caused pair closure', `${GLOO}:gloo/transport/tcp/unbound_buffer.cc:76`),
  // the auto classes for a model's preprocessors, when the model's config type is in none of their mappings (this transformers
  // does not know the model, as "Unrecognized model in" for its config): AutoImageProcessor, AutoFeatureExtractor (feature_extraction_auto.py:393-397),
  // AutoVideoProcessor (video_processing_auto.py:358-362)
  mdl("transformers (huggingface/transformers): no image processor, feature extractor or video processor for this model type (a transformers that does not know the model)",
    /\bUnrecognized (?:image processor|feature extractor|video processor) in [^\n]{1,200}?\. Should have a `(?:image_processor|feature_extractor|video_processor)_type` key\b/,
    'Unrecognized image processor in Qwen/Qwen2.5-VL-72B-Instruct-AWQ. Should have a `image_processor_type` key in its preprocessor_config.json of config.json, or one of the following `model_type` keys in its config.json: align, aria',
    `${TF}:src/transformers/models/auto/image_processing_auto.py:584-588`),
  // a transformers from before the rope_type configs (Llama 3.1's `"rope_scaling": {"rope_type": "llama3", "factor": 8.0, …}`) validating one:
  // its LlamaConfig allowed only `{type, factor}` (_rope_scaling_validation; "with with" until a later release fixed the word), so the
  // model's config is newer than this transformers: the fix is a newer transformers (or an engine image that carries one)
  mdl("transformers (huggingface/transformers): the model's rope_scaling config is of a kind this transformers's LlamaConfig does not know (a newer model)",
    /`rope_scaling` must be a dictionary with (?:with )?two fields, `type` and `factor`/,
    "ValueError: `rope_scaling` must be a dictionary with two fields, `type` and `factor`, got {'factor': 8.0, 'low_freq_factor': 1.0, 'high_freq_factor': 4.0, 'original_max_position_embeddings': 8192, 'rope_type': 'llama3'}",
    `${TF_OLD}:src/transformers/models/llama/configuration_llama.py:172-183`),
];
