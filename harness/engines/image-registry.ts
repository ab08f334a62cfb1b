// Where an engine's installed package says which models it can load, and how to read that text
// out of an image (pure parsers; the files come from preflight/image-software.ts). Upstream:
// - vLLM's model registry: jinhuang12/vllm 2a69949bdadf:vllm/model_executor/models/registry.py:70
//   `_TEXT_GENERATION_MODELS = {` then `"AfmoeForCausalLM": ("afmoe", "AfmoeForCausalLM"),` one key
//   per entry (some entries span lines); every `_…_MODELS = {` table is merged into `_VLLM_MODELS`
//   (same file :626) except `_PREVIOUSLY_SUPPORTED_MODELS` (:645, removed: loading raises) and
//   `_OOT_SUPPORTED_MODELS` (:656, out-of-tree plugins). The same layout at 0.10.2
//   (2e5d21378db8:vllm/model_executor/models/registry.py:40, where :325 is a one-line dict).
//   An architecture missing there can still load through vLLM's Transformers backend
//   (`_try_resolve_transformers`, :985) when transformers knows the model.
// - vLLM's own config classes, used before transformers' AutoConfig: 2a69949bdadf:vllm/
//   transformers_utils/config.py:80 `_CONFIG_REGISTRY: dict[str, type[PretrainedConfig]] = LazyConfigDict(`
//   with `qwen3_5_moe="Qwen3_5MoeConfig",` (:117; first in 0.17.0, e3691988d0bf:…/config.py:108,
//   added by 5885e330e "[Misc] Port Qwen3.5 Configs (#34512)").
// - vLLM's version: setuptools-scm writes vllm/_version.py (2a69949bdadf:pyproject.toml:48
//   `[tool.setuptools_scm]`; vllm/version.py:5 imports `__version__` from `._version`).
// - SGLang's models: BBuf/sglang e02a9bec8d9c:python/sglang/srt/models/registry.py:111-123 imports
//   every module of sglang/srt/models and registers `EntryClass` (a class or a list of classes) by
//   the class's `__name__`, e.g. python/sglang/srt/models/apertus.py `EntryClass = [ApertusForCausalLM]`.
// - SGLang's own config classes: python/sglang/srt/utils/hf_transformers_utils.py:80 `_CONFIG_REGISTRY`
//   lists classes from sglang/srt/configs/, each naming its `model_type = "…"`.
// - SGLang's version: f8b0326934ba:python/sglang/version.py:1 `__version__ = "0.4.0"`; newer
//   releases write sglang/_version.py with setuptools-scm (e02a9bec8d9c:python/pyproject.toml:189).
import type { EngineId } from '../core/cell.ts';
import { assignmentBlocks, mappingKeys, stripPythonComment } from '../models/python-packages.ts';

/** An architecture or model type found in a file, at a line. */
export interface Registered {
  name: string;
  path: string;
  line: number;
}

export interface RegistryRead {
  /** Architectures the engine loads. */
  loads: Map<string, Registered>;
  /** Architectures the engine names as removed or out of tree (vLLM): they do not load. */
  refused: Map<string, Registered>;
}

const REFUSED_TABLES = new Set(['_PREVIOUSLY_SUPPORTED_MODELS', '_OOT_SUPPORTED_MODELS']);

/** vLLM's registry.py: the keys of every `_…_MODELS = {` table; null when none is found (an unknown layout). */
export function parseVllmRegistry(text: string, path: string): RegistryRead | null {
  const lines = text.split(/\r?\n/);
  const read: RegistryRead = { loads: new Map(), refused: new Map() };
  for (let i = 0; i < lines.length; i++) {
    const m = /^(_[A-Z0-9_]*MODELS)\s*(?::[^=]*)?=\s*\{/.exec(lines[i]!);
    if (!m) continue;
    const [block] = assignmentBlocks(lines.slice(i), m[1]!);
    const into = REFUSED_TABLES.has(m[1]!) ? read.refused : read.loads;
    for (const [name, line] of mappingKeys(lines.slice(i), block!, ['dict'])) if (!into.has(name)) into.set(name, { name, path, line: line + i });
    i += block!.end;
  }
  return read.loads.size > 0 ? read : null;
}

/** vLLM's transformers_utils/config.py: the model types of `_CONFIG_REGISTRY`; null when it is not found. */
export function parseVllmConfigRegistry(text: string, path: string): Map<string, Registered> | null {
  const lines = text.split(/\r?\n/);
  const [block] = assignmentBlocks(lines, '_CONFIG_REGISTRY');
  if (!block) return null;
  return new Map([...mappingKeys(lines, block, ['dict', 'keyword'])].map(([name, line]) => [name, { name, path, line }]));
}

/** SGLang model files: the class names of each `EntryClass = X` / `EntryClass = [X, Y]` (lists may span lines). */
export function parseSglangEntryClasses(files: ReadonlyArray<{ path: string; text: string }>): Map<string, Registered> {
  const out = new Map<string, Registered>();
  for (const f of files) {
    const lines = f.text.split(/\r?\n/);
    for (const block of assignmentBlocks(lines, 'EntryClass')) {
      for (let i = block.start; i <= block.end; i++) {
        const l = stripPythonComment(lines[i]!);
        const body = i === block.start ? l.slice(l.indexOf('=') + 1) : l;
        for (const m of body.matchAll(/\b([A-Za-z_]\w*)\b/g)) if (!out.has(m[1]!)) out.set(m[1]!, { name: m[1]!, path: f.path, line: i + 1 });
      }
    }
  }
  return out;
}

/** Config classes' `model_type = "…"` class attributes (SGLang's sglang/srt/configs/*.py). */
export function parseModelTypeAttributes(files: ReadonlyArray<{ path: string; text: string }>): Map<string, Registered> {
  const out = new Map<string, Registered>();
  for (const f of files) {
    f.text.split(/\r?\n/).forEach((l, i) => {
      const m = /^\s+model_type\s*(?::\s*str\s*)?=\s*(["'])([^"']+)\1/.exec(l);
      if (m && !out.has(m[2]!)) out.set(m[2]!, { name: m[2]!, path: f.path, line: i + 1 });
    });
  }
  return out;
}

/** A text file read out of an image. */
export interface PackageFile {
  path: string;
  text: string;
}

/** What to read of an engine's package (paths relative to site-packages) and how to understand it. */
export interface EnginePackage {
  /** How the engine is named to people. */
  title: string;
  /** The distribution's name (dist-info) and the import package's directory. */
  name: string;
  versionFiles: string[];
  /** Files or directories (their .py files) that say which architectures load. */
  registry: string[];
  /** Files or directories of the engine's own config classes (model types it knows beside transformers). */
  configs: string[];
  /** The registry's architectures, or null when the files hold none (an unknown layout). */
  parseRegistry(files: readonly PackageFile[]): (RegistryRead & { files: string[] }) | null;
  parseConfigs(files: readonly PackageFile[]): { files: string[]; names: Map<string, Registered> } | null;
}

export const ENGINE_PACKAGES: Readonly<Partial<Record<EngineId, EnginePackage>>> = {
  vllm: {
    title: 'vLLM',
    name: 'vllm',
    versionFiles: ['vllm/_version.py'],
    registry: ['vllm/model_executor/models/registry.py'],
    configs: ['vllm/transformers_utils/config.py'],
    parseRegistry: ([f]) => {
      const r = f ? parseVllmRegistry(f.text, f.path) : null;
      return r && { ...r, files: [f!.path] };
    },
    parseConfigs: ([f]) => {
      const names = f ? parseVllmConfigRegistry(f.text, f.path) : null;
      return names && { files: [f!.path], names };
    },
  },
  sglang: {
    title: 'SGLang',
    name: 'sglang',
    versionFiles: ['sglang/_version.py', 'sglang/version.py'],
    registry: ['sglang/srt/models'],
    configs: ['sglang/srt/configs'],
    parseRegistry: (files) => {
      const loads = parseSglangEntryClasses(files);
      return loads.size ? { loads, refused: new Map(), files: [directoryGlob(files)] } : null;
    },
    parseConfigs: (files) => (files.length ? { files: [directoryGlob(files)], names: parseModelTypeAttributes(files) } : null),
  },
};

/** `/…/sglang/srt/models/*.py` for the files of one directory. */
function directoryGlob(files: readonly PackageFile[]): string {
  return `${files[0]!.path.slice(0, files[0]!.path.lastIndexOf('/'))}/*.py`;
}

/**
 * The engine package that judges an engine's models in its image: its own, or the one it serves
 * through. NIM 2.x serves through vLLM ("NIM for LLMs exposes an OpenAI-compatible inference API
 * backed by vLLM", docs.nvidia.com/nim/large-language-models/2.0.0/reference/api-reference.html),
 * never with certainty (NIM 1.x may serve through TRT-LLM, and the NIM release is not read).
 */
export function judgedThrough(engine: EngineId): { engine: EngineId; certain: boolean; note: string | null } {
  if (engine === 'nim') return { engine: 'vllm', certain: false, note: 'NIM: judged through the vLLM in the image, not certain' };
  return { engine, certain: true, note: null };
}

export function engineTitle(engine: EngineId): string {
  return ENGINE_PACKAGES[engine]?.title ?? (engine === 'nim' ? 'NIM' : engine);
}
