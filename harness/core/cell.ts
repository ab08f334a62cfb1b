// The data that flows through the whole house: one Cell per (image, gpu, model, flags).
// Pure data only — no functions, no classes — so a Cell can be serialised into the store,
// the plan's JSON and the report unchanged.

export const ATTENTION_BACKENDS = ['auto', 'flash', 'flashinfer', 'triton', 'flex', 'sdpa'] as const;
export type AttentionBackend = (typeof ATTENTION_BACKENDS)[number];

export const CUDA_GRAPH_MODES = ['full', 'piecewise', 'off'] as const;
export type CudaGraphMode = (typeof CUDA_GRAPH_MODES)[number];

export const SPECULATIVE_METHODS = ['mtp', 'eagle', 'ngram'] as const;
export type SpeculativeMethod = (typeof SPECULATIVE_METHODS)[number];

export const ENGINE_IDS = ['vllm', 'sglang', 'nim'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

export const BUILTIN_PROBES = ['text', 'image', 'stream', 'mtp', 'accuracy'] as const;
export type BuiltinProbe = (typeof BUILTIN_PROBES)[number];
/** The probes a matrix without `probes:` runs; `accuracy` (hundreds of requests per cell) is asked for by name. */
export const DEFAULT_PROBES: readonly BuiltinProbe[] = ['text', 'image', 'stream', 'mtp'];

export interface SpeculativeOptions {
  method: SpeculativeMethod;
  /** Number of speculative (draft) tokens per step. */
  tokens: number;
}

/**
 * Engine-neutral serving options. Engines (harness/engines/) turn these into their own flags,
 * or answer that they cannot express one (the cell is then skipped with that reason).
 */
export interface SemanticOptions {
  attention?: AttentionBackend;
  /** Attention backend of the multimodal (vision) encoder. */
  mm_attention?: AttentionBackend;
  speculative?: SpeculativeOptions;
  cuda_graphs?: CudaGraphMode;
  /** Tensor-parallel degree; also the number of GPUs the cell leases. */
  tensor_parallel?: number;
  max_model_len?: number;
  gpu_memory_utilization?: number;
  language_model_only?: boolean;
  trust_remote_code?: boolean;
  /** Max items per modality in one prompt, e.g. { image: 4 }. */
  limit_mm_per_prompt?: Record<string, number>;
}

/** An environment value handed to the container. `secret` values come from `${VAR}` and are redacted everywhere. */
export interface EnvValue {
  value: string;
  secret: boolean;
  /** The runner variable(s) the value was read from, for messages that must not show the value. */
  from?: string[];
}

export interface Timeouts {
  startupMs: number;
  probeMs: number;
  /** After a fatal line during startup, how long the engine may take to exit before it is stopped (absent on cells stored before it existed). */
  fatalGraceMs?: number;
  /** During startup, how long the log may stay silent before the start counts as stalled (absent on cells stored before it existed). */
  stallMs?: number;
}

export interface ImageSpec {
  id: string;
  ref: string;
  engine: EngineId;
  /** Under --emulate: the emulator traits of this image (see harness/core/emulator-traits.ts). */
  emulate: Record<string, unknown> | null;
  entrypoint: string[] | null;
  command: string[] | null;
  platform: string | null;
  runtime: 'nvidia' | null;
  mounts: string[];
  env: Record<string, EnvValue>;
  /** Registry credential for pulling this image (values may be `${VAR}` secrets); null: the runner's Docker credentials. */
  auth?: { username: EnvValue; password: EnvValue } | null;
}

export interface GpuRef {
  /** Canonical catalog name, e.g. "thor". */
  name: string;
  /** e.g. "sm_110" */
  arch: string;
  /** e.g. "11.0" */
  computeCapability: string;
  memoryGiB: number;
}

export interface ModelSpec {
  id: string;
  /** The Hugging Face repo id (or path) passed to the engine. */
  name: string;
  /** Branch, tag or commit the harness downloads (null or absent: main). */
  revision?: string | null;
  modalities: Array<'text' | 'image'>;
  mtp: boolean;
  /** Architecture name from the checkpoint's config.json (e.g. Qwen3_5MoeForConditionalGeneration), when known. */
  architecture: string | null;
  /** Approximate weight size, used by the emulator's memory rule. */
  sizeGiB: number | null;
}

export interface FlagSetSpec {
  id: string;
  options: SemanticOptions;
  /** Raw per-engine arguments (escape hatch). */
  args: Partial<Record<EngineId, string[]>>;
}

export interface Expectation {
  /** Expected failure signature id or category id. */
  fail: string;
  issue: string | null;
  reason: string | null;
}

/** The performance figures a run is judged on against the cell's history (reports/since/perf-regressions.ts). */
export const PERF_METRIC_NAMES = ['startup_s', 'ttft_p50_ms', 'itl_p50_ms', 'tpot_p50_ms', 'output_tokens_per_s', 'acceptance_length', 'accuracy'] as const;
export type PerfMetricName = (typeof PERF_METRIC_NAMES)[number];

/**
 * The matrix's `perf:` (defaults or an include entry): how a cell's figures are judged against its
 * history. Thresholds are keyed by metric name, `phase` (every startup phase) or `phase:<name>`.
 */
export interface PerfSettings {
  /** Passing runs of history compared against (default 7). */
  window?: number;
  /** History needed before a figure is judged (default 2). */
  minRuns?: number;
  /** How many spreads of the history a change must exceed (default 3). */
  spreads?: number;
  thresholds?: Record<string, { relative?: number; absolute?: number }>;
}

export interface Cell {
  /** `image/gpu/model/flags` — stable across runs. */
  id: string;
  matrix: string;
  image: ImageSpec;
  gpu: GpuRef;
  model: ModelSpec;
  flags: FlagSetSpec;
  /** Options after merging defaults → model → flags → include entry. */
  options: SemanticOptions;
  /** Raw args for this cell's engine. */
  args: string[];
  env: Record<string, EnvValue>;
  timeouts: Timeouts;
  retries: number;
  /** Probes that apply to this cell, in order (built-in names or module paths). */
  probes: string[];
  /** Options for some of the probes, keyed like `probes` (from `{ name, options }` entries). */
  probeOptions?: Record<string, Record<string, unknown>>;
  expect: Expectation | null;
  /** GPUs leased: tensor_parallel or 1. */
  gpus: number;
  /** argv after the image's entrypoint (empty when skipped). */
  command: string[];
  /** Why the cell does not apply (engine cannot express an option, …), or null. */
  skip: string | null;
  /** The matrix's `perf:` settings for this cell, when it has any. */
  perf?: PerfSettings;
  /** The matrix's `reuse:`: the cell reuses an unchanged earlier verdict up to this age unless `--no-reuse` (absent: only with `--reuse`). */
  reuse?: { maxAgeMs: number };
}

export const VERDICTS = ['pass', 'fail', 'xfail', 'xpass', 'flaky', 'infra', 'skip'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * A selected cell without a verdict: waiting for a GPU (pending), in progress (running: a live
 * database under `matrix serve`), or its run ended first (not-run: `--resume` runs it). Never infra.
 */
export const UNFINISHED = ['pending', 'running', 'not-run'] as const;
export type Unfinished = (typeof UNFINISHED)[number];
/** What the report shows for a cell: its verdict, or why it has none yet. */
export type CellState = Verdict | Unfinished;
export const CELL_STATES: readonly CellState[] = [...VERDICTS, ...UNFINISHED];
