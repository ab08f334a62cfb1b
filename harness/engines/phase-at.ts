// In which startup phase a log line falls: the last phase marker printed before it. Pure.
import type { LogLine } from '../core/log-line.ts';

/** Markers in the order of startup; the last one seen before a line names its phase. */
const MARKERS: Array<[string, RegExp]> = [
  ['serve', /Application startup complete|fired up and ready to roll|Uvicorn running on/i],
  ['graph-capture', /Capturing CUDA graphs?|Capture cuda graph begin|Capturing the model for CUDA graphs|Profiling CUDA graph memory/i],
  ['kv-cache', /GPU KV cache size|Available KV cache memory|KV Cache is allocated|# (?:GPU|cuda) blocks|Memory profiling takes/i],
  ['compile', /torch\.compile|Dynamo bytecode transform|Compiling a graph for|compile range/i],
  ['profile', /Loading weights took|Model loading took|Loading model weights took|Load weight end|Encoder cache will be initialized/i],
  ['load', /Loading safetensors checkpoint shards|Starting to load model|Load weight begin|Loading drafter model/i],
];

/** Frames of a traceback that name the startup step it failed in, most specific first. */
const FRAMES: Array<[string, RegExp]> = [
  ['graph-capture', /\bin (?:capture_model|_capture_cudagraphs|capture_one_batch_size|capture)\b|cuda_graph_runner\.py/],
  ['profile', /\bin (?:profile_run|determine_available_memory|determine_num_available_blocks)\b/],
  ['kv-cache', /\bin (?:_initialize_kv_caches|initialize_kv_cache|init_memory_pool)\b/],
  ['load', /\bin (?:load_model|load_weights|get_model)\b/],
];

/** The phase named by the frames of a traceback (the log indexes of its lines), or null. */
export function phaseFromFrames(lines: readonly LogLine[], indexes: readonly number[]): string | null {
  for (const [phase, re] of FRAMES) {
    for (const i of indexes) if (re.test(lines[i]!.text)) return phase;
  }
  return null;
}

/** The phases a startup marker can name, in startup order. */
export const MARKED_PHASES: readonly string[] = MARKERS.map(([phase]) => phase).reverse();

/** The startup phase a line (its message, without the logger header) marks, or null. */
export function phaseMarkedBy(text: string): string | null {
  for (const [phase, re] of MARKERS) if (re.test(text)) return phase;
  return null;
}

export function phaseAt(lines: readonly LogLine[], index: number): string | null {
  for (let i = index - 1; i >= 0; i--) {
    const t = lines[i]!.text;
    if (t.length === 0) continue;
    const phase = phaseMarkedBy(t);
    if (phase) return phase;
  }
  return null;
}
