// The matrix file format, version 1, as a zod schema. The one source of truth for validation and
// for matrix/schema.json (scripts/gen-schema.ts). Cross-references (ids, GPU names, env
// variables) are checked after this, in refs.ts, where the whole file is known.
import { z } from 'zod';
import { EmulatorTraits } from '../core/emulator-traits.ts';
import { ATTENTION_BACKENDS, BUILTIN_PROBES, CUDA_GRAPH_MODES, ENGINE_IDS, PERF_METRIC_NAMES, SPECULATIVE_METHODS, type EngineId } from '../core/cell.ts';
import { mountTarget } from './mount-target.ts';
import { isProbeModulePath } from './probe-path.ts';
import { DURATION_HINT, DURATION_RE, parseDuration } from './duration.ts';

/** One optional key per engine id (core/cell.ts ENGINE_IDS), in that order. */
function perEngine<T extends z.ZodType>(make: () => T): Record<EngineId, T> {
  return Object.fromEntries(ENGINE_IDS.map((e) => [e, make()])) as Record<EngineId, T>;
}

/** A custom issue carries its hint in params.hint (see issues.ts). */
function check<T>(test: (v: T) => boolean, message: (v: T) => string, hint: string) {
  return (v: T, ctx: z.core.$RefinementCtx<T>) => {
    if (!test(v)) ctx.addIssue({ code: 'custom', message: message(v), params: { hint }, input: v });
  };
}

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const Id = z
  .string()
  .superRefine(check((v) => ID_RE.test(v), (v) => `"${v}" is not a valid id`, 'ids use letters, digits, ".", "_" and "-" (no "/": cell ids are image/gpu/model/flags)'))
  .meta({ description: 'Identifier: letters, digits, ".", "_", "-"', pattern: ID_RE.source });

export const Duration = z
  .string()
  .superRefine(check((v) => (parseDuration(v) ?? 0) > 0, (v) => `bad duration "${v}"`, DURATION_HINT))
  .meta({ description: 'Duration such as 90s, 20m, 1h30m, 500ms', pattern: DURATION_RE.source });

const Attention = z.enum(ATTENTION_BACKENDS);

export const Options = z
  .object({
    attention: Attention.optional().describe('Attention backend of the language model'),
    mm_attention: Attention.optional().describe('Attention backend of the multimodal (vision) encoder'),
    speculative: z
      .object({
        method: z.enum(SPECULATIVE_METHODS),
        tokens: z.number().int().min(1).describe('Speculative (draft) tokens per step'),
      })
      .strict()
      .optional()
      .describe('Speculative decoding'),
    cuda_graphs: z.enum(CUDA_GRAPH_MODES).optional().describe('CUDA graph mode'),
    tensor_parallel: z.number().int().min(1).optional().describe('Tensor-parallel degree; also the number of GPUs a cell needs'),
    max_model_len: z.number().int().min(1).optional().describe('Maximum context length in tokens'),
    gpu_memory_utilization: z.number().gt(0).max(1).optional().describe('Fraction of GPU memory the engine may use'),
    language_model_only: z.boolean().optional().describe('Serve only the language model of a multimodal checkpoint'),
    trust_remote_code: z.boolean().optional().describe("Run the checkpoint's own modelling code"),
    limit_mm_per_prompt: z
      .object({ image: z.number().int().min(0).optional() })
      .strict()
      .optional()
      .describe('Maximum items per modality in one prompt'),
  })
  .strict();

export const EnvMap = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .describe('Environment variables; ${VAR} reads the runner environment and makes the value a secret');

export const TimeoutsSchema = z
  .object({
    startup: Duration.optional().describe('Time allowed from container start to a ready server'),
    probe: Duration.optional().describe('Time allowed per probe'),
    fatal_grace: Duration.optional().describe('After a fatal line during startup (the engine says its start failed), time the engine has to exit before the harness stops it (default 5s)'),
    stall: Duration.optional().describe('During startup, time without a new log line before the start counts as stalled and is stopped (default 10m)'),
  })
  .strict();

const PERF_THRESHOLD_KEY = new RegExp(`^(${PERF_METRIC_NAMES.join('|')}|phase|phase:[a-z][a-z0-9-]*)$`);

export const PerfSchema = z
  .object({
    window: z.number().int().min(1).optional().describe('Passing runs of history a figure is compared against (default 7)'),
    min_runs: z.number().int().min(1).optional().describe('Runs of history needed before a figure is judged (default 2)'),
    spreads: z.number().min(0).optional().describe("How many spreads (1.4826 × MAD) of the history a change must exceed (default 3)"),
    thresholds: z
      .record(z.string(), z.object({ relative: z.number().min(0).optional(), absolute: z.number().min(0).optional() }).strict())
      .superRefine((thresholds, ctx) => {
        for (const key of Object.keys(thresholds))
          if (!PERF_THRESHOLD_KEY.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown metric "${key}": a metric is one of ${PERF_METRIC_NAMES.join(', ')}, phase or phase:<name>` });
      })
      .optional()
      .describe('Per metric: the fraction of the median (relative) and the amount (absolute) a figure must move the bad way by to count as a regression'),
  })
  .strict();

/** Keys allowed both in `defaults:` and on an include entry. */
const overrideKeys = {
  timeouts: TimeoutsSchema.optional(),
  retries: z.number().int().min(0).optional().describe('Re-runs of a failed cell'),
  env: EnvMap.optional(),
  options: Options.optional(),
  perf: PerfSchema.optional().describe("Performance regressions: how a cell's figures are judged against its own history"),
};

const MOUNT_RE = /^[^:]+:\/[^:]*(?::(?:ro|rw))?$/;
/** Docker refuses two binds on one container path ("Duplicate mount point"): say so at the second one. */
function oneMountPerTarget(mounts: string[], ctx: z.core.$RefinementCtx<string[]>): void {
  const seen = new Map<string, number>();
  mounts.forEach((m, i) => {
    const target = mountTarget(m);
    const first = seen.get(target);
    if (first === undefined) seen.set(target, i);
    else ctx.addIssue({ code: 'custom', path: [i], input: m, message: `mounts[${first}] already mounts ${target}`, params: { hint: 'keep one mount per container path' } });
  });
}

const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

export const ImageSchema = z
  .object({
    id: Id,
    ref: z.string().min(1).describe('Container image reference'),
    engine: z.enum(ENGINE_IDS),
    emulate: EmulatorTraits.optional().describe('How the image behaves under --emulate'),
    entrypoint: z.array(z.string()).optional().describe("Overrides the image's entrypoint"),
    command: z.array(z.string()).optional().describe('Arguments placed before the engine arguments'),
    platform: z
      .string()
      .superRefine(check((v) => PLATFORM_RE.test(v), (v) => `bad platform "${v}"`, 'write a platform as os/arch, e.g. linux/arm64'))
      .optional(),
    runtime: z.literal('nvidia').optional().describe('Container runtime (Jetson images use nvidia)'),
    mounts: z
      .array(z.string().superRefine(check((v) => MOUNT_RE.test(v), (v) => `bad mount "${v}"`, 'write a mount as host:container or host:container:ro, with an absolute container path')))
      .superRefine(oneMountPerTarget)
      .optional()
      .describe('host:container[:ro] binds; one on /root/.cache/huggingface or /root/.cache/<engine> replaces the harness cache there'),
    env: EnvMap.optional(),
    auth: z
      .object({ username: z.string().min(1), password: z.string().min(1) })
      .strict()
      .optional()
      .describe('Registry credential for pulling the image, e.g. { username: $oauthtoken, password: ${NGC_API_KEY} }; default: the runner\'s Docker credentials'),
  })
  .strict();

const Modality = z.enum(['text', 'image']);

export const ModelSchema = z
  .object({
    id: Id,
    name: z.string().min(1).describe('Hugging Face repo id or path'),
    revision: z.string().min(1).optional().describe('Branch, tag or commit of the repo to download (default main)'),
    modalities: z.array(Modality).min(1).optional().describe('Default [text]'),
    mtp: z.boolean().optional().describe('The checkpoint has MTP heads'),
    architecture: z.string().min(1).optional().describe('Architecture name from config.json'),
    size_gib: z.number().positive().optional().describe('Approximate weight size in GiB'),
    options: Options.optional(),
  })
  .strict();

export const FlagSchema = z
  .object({
    id: Id,
    options: Options.optional(),
    requires: z
      .object({ mtp: z.boolean().optional(), modality: Modality.optional() })
      .strict()
      .optional()
      .describe('Only with models that have these properties'),
    args: z
      .object(perEngine(() => z.array(z.string()).optional()))
      .strict()
      .optional()
      .describe('Raw per-engine arguments, appended last'),
  })
  .strict();

const isProbe = (v: string) => (BUILTIN_PROBES as readonly string[]).includes(v) || isProbeModulePath(v);
export const ProbeName = z
  .string()
  .superRefine(check(isProbe, (v) => `unknown probe "${v}"`, `built-in probes are ${BUILTIN_PROBES.join(', ')}; a custom probe is a module path: ./ or ../ (from the matrix file's folder) or absolute`));

/** A probe with options: `{ name: stream, options: { sequential: 10 } }` (each probe documents its options). */
export const ProbeWithOptions = z
  .object({ name: ProbeName, options: z.record(z.string(), z.unknown()).default({}) })
  .strict()
  .describe('A probe with options for it');
export const ProbeEntry = z.union([ProbeName, ProbeWithOptions]);

const OneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);
export const WhereSchema = z
  .object({ image: OneOrMany.optional(), gpu: OneOrMany.optional(), model: OneOrMany.optional(), flags: OneOrMany.optional() })
  .strict();

export const IncludeSchema = z
  .object({ image: z.string().optional(), gpu: z.string().optional(), model: z.string().optional(), flags: z.string().optional(), ...overrideKeys })
  .strict();

const SIGNATURE_RE = /^[a-z0-9][a-z0-9_.-]*$/;
export const ExpectSchema = z
  .object({
    where: WhereSchema,
    fail: z
      .string()
      .superRefine(check((v) => SIGNATURE_RE.test(v), (v) => `"${v}" is not a signature or category id`, 'ids are lower-case words joined by "-", e.g. ptx-toolchain')),
    issue: z.url().optional().describe('Link to the upstream issue'),
    reason: z.string().optional(),
  })
  .strict();

export const RunnerSchema = z
  .object({
    labels: z.array(z.string()).optional().describe('runs-on labels of the self-hosted runners'),
    shards: z.number().int().min(1).optional().describe('Number of parallel jobs for this GPU'),
  })
  .strict();

export const MatrixSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1).optional().describe('Defaults to the file name'),
    defaults: z.object(overrideKeys).strict().optional(),
    images: z.array(ImageSchema).min(1),
    // numbers too: `gpus: [5090]` is YAML for the integer 5090, and 5090 is a catalog alias
    gpus: z.array(z.union([z.string(), z.number().int()])).min(1).describe('GPU names or aliases from the catalog'),
    models: z.array(ModelSchema).min(1),
    flags: z.array(FlagSchema).min(1).optional().describe('Backend flag sets; default one set "default"'),
    probes: z.array(ProbeEntry).min(1).optional().describe('Default: text, image, stream, mtp; an entry may be { name, options }'),
    exclude: z.array(WhereSchema).optional(),
    include: z.array(IncludeSchema).optional(),
    expect: z.array(ExpectSchema).optional(),
    runners: z.record(z.string(), RunnerSchema).optional(),
    reuse: z
      .object({ max_age: Duration.optional().describe('How old an earlier verdict may be to stand for this run (default 7d)') })
      .strict()
      .optional()
      .describe('Reuse unchanged verdicts by default (`matrix run --no-reuse` runs every cell): a cell whose image digest, model revision, engine command and environment, GPU and driver, probes and harness are those of its last verdict keeps it without running'),
  })
  .strict();

export type RawMatrix = z.infer<typeof MatrixSchema>;
export type RawOptions = z.infer<typeof Options>;
export type RawWhere = z.infer<typeof WhereSchema>;
export type RawInclude = z.infer<typeof IncludeSchema>;
