// What an image *is* under --emulate (the matrix image's `emulate:` key), and the configuration
// that reaches the emulator container. This file is the contract between the matrix, the run
// pipeline (which sets MATRIX_EMULATOR_CONFIG) and the emulator server.
// It lives on the ground floor because matrix/ (floor 2) validates it and the emulator (floor 3) reads it.
import { z } from 'zod';

/** Compiled code of one kernel library: SASS and PTX targets and the toolkit that produced them. */
export const KernelBuild = z
  .object({
    /** SASS targets, e.g. ["sm_80", "sm_90a", "sm_100f"]. */
    sass: z.array(z.string()).default([]),
    /** PTX targets, e.g. ["compute_80"]. */
    ptx: z.array(z.string()).default([]),
    /** CUDA toolkit version that produced the code, e.g. "12.9". */
    toolkit: z.string().default('12.8'),
    /** Library name as the real image ships it, used in the traceback (e.g. "_vllm_fa2_C"). */
    library: z.string().optional(),
  })
  .strict();
export type KernelBuild = z.infer<typeof KernelBuild>;

/** The startup phases `stall_at` can name: those the harness reads from the log (diagnose/phase-at.ts). */
export const STALL_PHASES = ['load', 'profile', 'compile', 'kv-cache', 'graph-capture'] as const;

export const FaultTraits = z
  .object({
    crash_after_requests: z.number().int().positive().optional(),
    hang_mid_stream_after_chunks: z.number().int().nonnegative().optional(),
    malformed_sse: z.boolean().optional(),
    http_500_rate: z.number().min(0).max(1).optional(),
    /** Fail the first N container starts (counted in a file on a mounted path, or by env) — for flaky tests. */
    fail_first_starts: z.number().int().nonnegative().optional(),
    slow_start_s: z.number().nonnegative().optional(),
    /** A latency regression: this much longer to the first token of every answer (on top of ttft_ms). */
    slow_first_token_ms: z.number().nonnegative().optional(),
    /** A latency regression: this much longer between tokens (on top of itl_ms). */
    slow_tokens_ms: z.number().nonnegative().optional(),
    log_flood_mb: z.number().nonnegative().optional(),
    /** Speculation changes greedy text (must be caught by the mtp probe). */
    lossy_speculation: z.boolean().optional(),
    /**
     * Wrong answers only when at least `min_batch` requests are decoded together and only under the
     * CUDA graph mode `graphs` (vLLM PR #27114: FULL graphs, right alone, wrong in a batch) — caught
     * by the accuracy probe against its eager baseline. FULL_AND_PIECEWISE decodes with FULL graphs.
     */
    corrupt_batched: z
      .object({ min_batch: z.number().int().min(2).default(2), graphs: z.enum(['full', 'piecewise', 'off']) })
      .strict()
      .optional(),
    /** A start that fails prints its fatal traceback, then keeps running instead of exiting (a hung engine). */
    hang_after_crash: z.boolean().optional(),
    /** The start goes silent at this phase: its first line is printed, then nothing, and the server is never ready. */
    stall_at: z.enum(STALL_PHASES).optional(),
  })
  .strict();
export type FaultTraits = z.infer<typeof FaultTraits>;

/**
 * The image style the emulator stands in for (personality.ts): what the image's own ENTRYPOINT
 * is, the banner it prints, and what /version and the NIM endpoints report. Unset: the engine's
 * standard image, with the full engine command given (the emulator's behaviour before styles).
 */
export const PERSONALITIES = ['vllm-openai', 'ngc', 'jetson-containers', 'nim'] as const;
export type Personality = (typeof PERSONALITIES)[number];

export const EmulatorTraits = z
  .object({
    /** The image style: vllm/vllm-openai, NVIDIA's NGC container, a jetson-containers build, or a NIM. */
    personality: z.enum(PERSONALITIES).optional(),
    /** The container release the banner and metadata name: NGC "26.02", NIM "1.8.0". Default per personality. */
    release: z.string().optional(),
    /** The model baked into a NIM image (its served name), e.g. "meta/llama-3.1-8b-instruct". */
    served_model: z.string().optional(),
    /** Engine version reported by /version and the startup log. */
    version: z.string().default('0.19.0'),
    /** Compiled kernels per attention backend. Backends absent here are not built into the image. Triton always JITs. */
    kernels: z.record(z.string(), KernelBuild).default({}),
    /** SGLang: the vision encoder follows the attention backend (true) or only its own flag (false). vLLM reads its rule from the facts. */
    mm_encoder_follows_attention_backend: z.boolean().default(false),
    /** MTP speculative decoding with FULL CUDA graphs hits the Triton capture bug (seed 002). */
    mtp_full_graph_capture_bug: z.boolean().default(false),
    /** Model architectures this image's transformers does not know. */
    unknown_architectures: z.array(z.string()).default([]),
    /** Startup durations in seconds per phase. */
    startup: z
      .object({
        weights_s: z.number().nonnegative().default(0.2),
        compile_s: z.number().nonnegative().default(0.1),
        graphs_s: z.number().nonnegative().default(0.1),
      })
      .strict()
      .default({ weights_s: 0.2, compile_s: 0.1, graphs_s: 0.1 }),
    ttft_ms: z.number().nonnegative().default(20),
    itl_ms: z.number().nonnegative().default(5),
    /** Probability that one draft token is accepted. */
    mtp_acceptance: z.number().min(0).max(1).default(0.7),
    /** Highest CUDA version the runner's driver supports, per GPU name (overrides the catalog's typical driver). */
    driver_cuda: z.record(z.string(), z.string()).default({}),
    /** Image labels / package facts reported in the fingerprint. */
    torch_version: z.string().default('2.9.0'),
    cuda_version: z.string().default('12.9'),
    /** Labels the real image carries (org.opencontainers.image.version, com.nvidia.*): the emulated image gets them. */
    image_labels: z.record(z.string(), z.string()).default({}),
    /** The real image's configured environment (Config.Env, e.g. PYTORCH_VERSION): the emulated image gets it. */
    image_env: z.record(z.string(), z.string()).default({}),
    faults: FaultTraits.default({}),
  })
  .strict();
export type EmulatorTraits = z.infer<typeof EmulatorTraits>;

/** The JSON in the container's MATRIX_EMULATOR_CONFIG variable. */
export interface EmulatorConfig {
  engine: 'vllm' | 'sglang' | 'nim';
  traits: EmulatorTraits;
  /**
   * What Docker would run in the real image: the matrix's `entrypoint:` override (null = the
   * image's own ENTRYPOINT, which the personality knows) and the container's Cmd. Read only when
   * a personality is set; absent, the emulator's argv is the full engine command.
   */
  launch?: { entrypoint: string[] | null; cmd: string[] };
  gpu: {
    name: string;
    computeCapability: string;
    memoryGiB: number;
    driverCuda: string;
    count: number;
  };
  model: {
    architecture: string | null;
    sizeGiB: number | null;
    modalities: Array<'text' | 'image'>;
    mtp: boolean;
    /** The hub repo and revision, to read the checkpoint's config.json from the mounted cache. */
    name?: string;
    revision?: string | null;
  };
}

export const EMULATOR_CONFIG_ENV = 'MATRIX_EMULATOR_CONFIG';
