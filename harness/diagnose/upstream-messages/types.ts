// A message an engine raises or logs, read from its source: the category its words mean, and where
// upstream writes it. Data only; upstream-messages.ts turns these into generic evidence.
export interface UpstreamMessage {
  /** The category of diagnosis/README.md's labelling guide this message means. */
  category: string;
  /** What it says, for the explanation ("vLLM: the attention backend does not support this head size"). */
  what: string;
  /**
   * The message's fixed words, the parts upstream interpolates as bounded wildcards (a name:
   * `[\w./-]{1,80}`, a number: `\d+`), never a wildcard that could hold another failure's message.
   */
  re: RegExp;
  /** The message as upstream renders it, its interpolations filled (as a log would show it); `re` must match it. */
  example: string;
  /** Where upstream writes it: `<tag or commit>:<path>:<line>` of a mirror named in engines/facts/releases.ts. */
  source: string;
  /**
   * The program exits right after writing it, whatever level it is logged at (uvicorn's WARNING before `sys.exit(1)`): read
   * also on a warning's line, as a fatal error name is.
   */
  exits?: true;
}

/** Entries of one category: `messageOf('nccl')(what, re, example, source)`. */
export const messageOf =
  (category: string) =>
  (what: string, re: RegExp, example: string, source: string): UpstreamMessage => ({ category, what, re, example, source });

/** A message its program exits after, whatever its level (`exits`). */
export const exitsAfter = (m: UpstreamMessage): UpstreamMessage => ({ ...m, exits: true });

// The entries of each category, shared by every file of messages (`bke(what, re, example, source)`).
/** A Python module, compiled extension or shared library that could not be loaded. */
export const imp = messageOf('import-error');
/** The CUDA runtime cannot use the GPU through this driver: too old, mismatched, missing, or no device visible. */
export const drv = messageOf('driver-mismatch');
/** PTX the driver cannot JIT, or a PTX toolchain (ptxas, nvcc, NVRTC) that cannot compile for this GPU. */
export const ptx = messageOf('ptx-toolchain');
/** A binary with no code this GPU can run. */
export const nki = messageOf('no-kernel-image');
/** A CUDA-graph capture that failed. */
export const cap = messageOf('graph-capture');
/** GPU memory exhausted, or too little left for the KV cache. */
export const oom = messageOf('oom');
/** NCCL or the process group's rendezvous or transport failing between ranks. */
export const nccl = messageOf('nccl');
/** A model (architecture, type) this engine or library's version does not know. */
export const mdl = messageOf('unsupported-model');
/** A backend, kernel, data type or quantization refused for this GPU or platform, or for this configuration of the backend. */
export const bke = messageOf('backend-unsupported');
/** A failure whose words no generic rule reads rightly, of the guide's `other` (configuration, the hub, a file, host memory). */
export const oth = messageOf('other');
