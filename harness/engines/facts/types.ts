// The vocabulary of engine facts: what the harness believes about one engine release, each belief
// with the upstream line it was read from. Pure types; the data lives in one folder per engine
// (facts/vllm/, and later facts/sglang/, facts/nim/), one concept per file.
import type { EngineId } from '../../core/cell.ts';

/**
 * One upstream line a fact was read from: `<commit>:<path>:<line>` of the release's read commit
 * (see ReleaseRead), and a literal the line contains, so that the audit can check it still does.
 */
export interface SourceLine {
  release: string;
  path: string;
  line: number;
  /** A literal substring of that line (not a pattern). */
  says: string;
}

/** How a release's source was read when its tag was not reachable in any mirror. */
export type ReadKind =
  /** The release tag itself. */
  | 'tag'
  /** The head of the upstream release branch (tag commit or the commit the tag's branch carries). */
  | 'release-branch'
  /** A main-line commit dated before the release; features merged between it and the release cut are missed. */
  | 'main-before-release';

export interface ReleaseRead {
  version: string;
  /** Full commit id that was read. */
  commit: string;
  kind: ReadKind;
  /** The mirror it was read from (owner/name of the fork carrying upstream history). */
  mirror: string;
  /** `git log -1 --format=%s` of the commit and why this commit stands for the release. */
  note: string;
}

/** Releases are named by version; a fact holds from `since` through `until` (null: the newest read). */
export interface Span {
  since: string;
  until: string | null;
}

export interface Sourced {
  /** At least one line per release read in the span, where the release's code still has it. */
  sources: SourceLine[];
  /** What the harness concludes from it, in one or two sentences. */
  note?: string;
}

/** The official image's launcher. */
export interface LauncherFact extends Span, Sourced {
  entrypoint: string[];
  /** How the model reaches the server: as the positional model tag, or only as `--model`. */
  model: 'positional' | 'flag';
}

/** Named sets of accepted values (attention backend names, CUDA graph modes, speculative methods). */
export type ValueSetId = 'attention-backend' | 'mm-encoder-attention-backend' | 'cudagraph-mode' | 'speculative-method' | 'finished-reason';

export interface FlagFact extends Span, Sourced {
  flag: string;
  /** Other spellings the same parser accepts (short aliases). */
  aliases: string[];
  /** The accepted values, when the flag takes one of a named set. */
  values?: ValueSetId;
  /** Where the audit looks for the flag's definition. */
  definedIn: string[];
}

export interface ValueSetFact extends Span, Sourced {
  set: ValueSetId;
  /** The values the release accepts that the harness can emit (not every member upstream has). */
  values: string[];
  /** The harness's semantic option value → the member it means (`triton` → `TRITON_ATTN`). */
  semantic: Readonly<Record<string, string>>;
  definedIn: string[];
}

export interface EnvFact extends Span, Sourced {
  name: string;
  effect: string;
  definedIn: string[];
}

/** A default or an automatic decision of the engine that changes a cell's outcome. */
export interface DefaultFact extends Span, Sourced {
  id: string;
  value: string;
  /** The model architectures the decision applies to (absent: every model). */
  architectures?: string[];
  /** The lowest GPU compute capability the decision applies to (absent: every GPU). */
  fromComputeCapability?: string;
}

export interface ReadinessFact extends Span, Sourced {
  path: string;
  okStatus: number;
}

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricFact extends Span, Sourced {
  /** The name as declared in the code. */
  declared: string;
  /** The name a scrape shows (prometheus_client appends `_total` to counters). */
  exposed: string;
  type: MetricType;
  definedIn: string[];
  /** A flag without which the server does not serve the metric at all (SGLang: --enable-metrics). */
  servedWith?: string;
  /** recent-batches: a gauge set to a mean over the batches since the engine's last log, not a running total. */
  window?: 'recent-batches';
}

export interface LogLineFact extends Span, Sourced {
  /** The startup phase the phase parser files the line under. */
  phase: string;
  /** A literal the logger call's format string contains. */
  text: string;
  definedIn: string[];
  /**
   * Which start prints it, for lines that depend on the start (the attention backend selection):
   * the semantic backend it names, and whether that backend was asked for or chosen by default
   * (absent: either).
   */
  when?: { backend?: string; chosen?: 'explicit' | 'default' };
}

export interface ArchitectureFact extends Span, Sourced {
  architecture: string;
  /** vision-language when the registry files it among the multimodal models. */
  kind: 'text' | 'vision-language' | 'draft';
  definedIn: string[];
}

export interface PinFact extends Span, Sourced {
  package: string;
  requirement: string;
  definedIn: string[];
}

/** A per-request field the engine returns with a response (SGLang's `meta_info`), e.g. speculative counts. */
export interface RequestFieldFact extends Span, Sourced {
  field: string;
  /** The object of the response that carries it. */
  where: 'meta_info';
}

export interface EngineFacts {
  engine: EngineId;
  /** The upstream repository the paths are relative to. */
  upstream: string;
  /** Every release read, oldest first. */
  releases: readonly ReleaseRead[];
  launchers: readonly LauncherFact[];
  flags: readonly FlagFact[];
  values: readonly ValueSetFact[];
  env: readonly EnvFact[];
  defaults: readonly DefaultFact[];
  readiness: readonly ReadinessFact[];
  metrics: readonly MetricFact[];
  logLines: readonly LogLineFact[];
  architectures: readonly ArchitectureFact[];
  pins: readonly PinFact[];
  /** Per-request response fields (SGLang meta_info); absent where the engine has none the harness reads. */
  requestFields?: readonly RequestFieldFact[];
  /** Source lines the emulator's tracebacks name; absent where the engine has none cited. */
  frames?: readonly FrameFact[];
}

/** A line a traceback names (`File "…/<path>", line N, in <fn>`): the frame's code inside `def fn`. */
export interface FrameFact extends Span, Sourced {
  path: string;
  fn: string;
  /** The start of the code line the frame prints under its `File` line. */
  code: string;
}

/** The source of one release, by path (null: no such file at that commit); what the audit reads. */
export interface SourceReader {
  lines(path: string): readonly string[] | null;
}

/** One fact the audit found the source to contradict. */
export interface Disagreement {
  fact: string;
  problem: string;
}
