// The model against the image (pure): from what the image's files say (engine version, registry,
// transformers' model types; preflight/image-software.ts) and what the checkpoint says
// (config.json: architectures, model_type, auto_map), predict whether the engine can load it:
// loads · unsupported · unknown, with the evidence (file and line in the image) and which source
// decided. Certain only from the image's own files: the model_type is known neither to the
// image's transformers nor to the engine's own config classes, and the checkpoint brings no
// remote code (config.json auto_map): AutoConfig raises before any GPU work (seed 001). An
// architecture missing from the registry alone is not certain: vLLM and SGLang may still load a
// model transformers knows through their Transformers backends.
import { citation, engineFacts, factsAt, releaseFor, sourcesFor } from '../engines/facts/index.ts';
import { engineTitle, judgedThrough } from '../engines/image-registry.ts';
import type { EngineId } from '../core/cell.ts';
import type { ModelFacts } from '../models/model-facts.ts';
import type { EngineInImage, FileFact, ImageSoftware } from './image-software.ts';

export type ModelSupport = 'loads' | 'unsupported' | 'unknown';

export interface Check {
  /** true known, false not known, null undetermined. */
  known: boolean | null;
  /** What decided: the image's file, the engine facts, or nothing. */
  decidedBy: 'image' | 'facts' | null;
  text: string;
}

export interface ModelImagePrediction {
  model: string;
  engine: EngineId | null;
  /** The engine package's version (for NIM: the vLLM it serves through). */
  engineVersion: FileFact | null;
  transformersVersion: FileFact | null;
  architecture: Check;
  modelType: Check;
  verdict: ModelSupport;
  /** Only a certain "unsupported" skips a cell. */
  certain: boolean;
  reason: string;
}

const at = (r: { path: string; line: number }) => `${r.path}:${r.line}`;

function architectureFromFacts(engine: EngineId, version: string | null, archs: readonly string[]): Check {
  const facts = engineFacts(engine);
  const release = facts ? releaseFor(facts, version) : null;
  if (!facts || !release || version === null) return { known: null, decidedBy: null, text: `the ${engineTitle(engine)} registry was not read and its version is unknown` };
  const held = factsAt(facts, facts.architectures, version);
  const hit = held.find((f) => archs.includes(f.architecture));
  if (hit) return { known: true, decidedBy: 'facts', text: `engine facts: ${hit.architecture} is registered in ${engineTitle(engine)} ${release.version} (${citation(facts, sourcesFor(hit.sources, release.version)[0]!)})` };
  const later = facts.architectures.find((f) => archs.includes(f.architecture));
  if (later) return { known: false, decidedBy: 'facts', text: `engine facts: ${later.architecture} is first registered in ${engineTitle(engine)} ${later.since} (${citation(facts, later.sources[0]!)}), the image has ${version}` };
  return { known: null, decidedBy: null, text: `the registry was not read, and the engine facts do not list ${archs.join(', ')}` };
}

export function architectureCheck(e: EngineInImage | null, engine: EngineId | null, archs: readonly string[]): Check {
  if (archs.length === 0) return { known: null, decidedBy: null, text: 'config.json names no architecture' };
  if (e?.registry) {
    const hit = archs.map((a) => e.registry!.names.get(a)).find((r) => r !== undefined);
    if (hit) return { known: true, decidedBy: 'image', text: `${hit.name} is registered at ${at(hit)}` };
    const refused = archs.map((a) => e.refused.get(a)).find((r) => r !== undefined);
    const why = refused ? `; ${refused.name} is listed as no longer supported at ${at(refused)}` : '';
    return { known: false, decidedBy: 'image', text: `${archs.join(', ')} not among the ${e.registry.names.size} architectures of ${e.registry.files.join(', ')}${why}` };
  }
  if (!engine) return { known: null, decidedBy: null, text: 'no engine package found in the image' };
  return architectureFromFacts(engine, e?.version?.value ?? null, archs);
}

export function modelTypeCheck(sw: ImageSoftware | null, e: EngineInImage | null, modelType: string | null): Check {
  if (!modelType) return { known: null, decidedBy: null, text: 'config.json has no model_type' };
  const own = e?.configTypes?.names.get(modelType);
  if (own) return { known: true, decidedBy: 'image', text: `model_type ${modelType} is configured by the engine itself at ${at(own)}` };
  const tf = sw?.transformers?.modelTypes;
  if (!tf) return { known: null, decidedBy: null, text: `transformers' CONFIG_MAPPING_NAMES was not read${sw?.transformers ? '' : ' (no transformers package found)'}` };
  const hit = tf.names.get(modelType);
  if (hit) return { known: true, decidedBy: 'image', text: `model_type ${modelType} is in transformers' CONFIG_MAPPING_NAMES at ${at(hit)}` };
  const engineSide = e?.configTypes ? ` nor among the engine's ${e.configTypes.names.size} own config types (${e.configTypes.files.join(', ')})` : '';
  return { known: false, decidedBy: 'image', text: `model_type ${modelType} is not among the ${tf.names.size} model types of ${tf.files.join(', ')}${engineSide}` };
}

/** Predict from what was read. `engine`: the cell's engine, or null to take the one found in the image. */
export function predictModelOnImage(o: { model: string; facts: ModelFacts; software: ImageSoftware | null; engine: EngineId | null }): ModelImagePrediction {
  // An engine may be judged through the package it serves through (NIM → vLLM), then never certainly.
  const through = o.engine ? judgedThrough(o.engine) : null;
  const backend = through?.engine ?? null;
  const e = o.software?.engines.find((x) => backend === null || x.engine === backend) ?? null;
  const engine = o.engine ?? e?.engine ?? null;
  const architecture = architectureCheck(e, backend ?? e?.engine ?? null, o.facts.architectures);
  const modelType = modelTypeCheck(o.software, e, o.facts.modelType);
  const base = { model: o.model, engine, engineVersion: e?.version ?? null, transformersVersion: o.software?.transformers?.version ?? null, architecture, modelType };
  const tfv = base.transformersVersion ? `transformers ${base.transformersVersion.value}` : 'the image\'s transformers';
  if (modelType.known === false) {
    // Certain only when the engine's own config classes were read too (they are consulted first), and no remote code can supply the config.
    const certain = e !== null && e.configTypes !== null && !o.facts.remoteCode && through?.certain !== false;
    const caveat = certain
      ? ''
      : o.facts.remoteCode
        ? ' (config.json has auto_map: remote code may supply the config)'
        : through?.note
          ? ` (${through.note})`
          : " (the engine's own config classes were not read)";
    return { ...base, verdict: 'unsupported', certain, reason: `${tfv} does not know model_type ${o.facts.modelType}: ${modelType.text}${caveat}` };
  }
  if (architecture.known === false) {
    const backend = modelType.known ? '; it may still load through the engine\'s Transformers backend' : '';
    return { ...base, verdict: 'unsupported', certain: false, reason: `${architecture.text}${backend}` };
  }
  if (architecture.known && modelType.known) return { ...base, verdict: 'loads', certain: false, reason: `${architecture.text}; ${modelType.text}` };
  return { ...base, verdict: 'unknown', certain: false, reason: [architecture, modelType].filter((c) => c.known !== true).map((c) => c.text).join('; ') };
}

/** "vLLM 0.15.1", or "NIM (vLLM 0.15.1)" for an engine judged through another's package. */
function engineLabel(p: ModelImagePrediction): string | null {
  if (!p.engine) return null;
  const through = judgedThrough(p.engine).engine;
  const v = p.engineVersion ? `${engineTitle(through)} ${p.engineVersion.value}` : null;
  if (through !== p.engine) return v ? `${engineTitle(p.engine)} (${v})` : engineTitle(p.engine);
  return v ?? engineTitle(p.engine);
}

/** Human output. */
export function predictionText(p: ModelImagePrediction, image: string): string {
  const v = (f: FileFact | null) => (f ? `${f.value}  (${f.path}:${f.line})` : 'unknown');
  const yes = (c: Check) => (c.known === null ? 'undetermined' : c.known ? 'yes' : 'NO') + (c.decidedBy ? ` [${c.decidedBy === 'image' ? "image's files" : 'engine facts'}]` : '');
  const verdict = p.verdict === 'unsupported' ? `unsupported model${p.certain ? ' (certain: the cell would be skipped)' : ' (not certain: the cell would run)'}` : p.verdict;
  return [
    `model ${p.model} on image ${image}`,
    `  engine:        ${p.engine ? `${engineLabel({ ...p, engineVersion: null })}${judgedThrough(p.engine).engine !== p.engine ? `, through ${engineTitle(judgedThrough(p.engine).engine)}` : ''} ${v(p.engineVersion)}` : 'none found'}`,
    `  transformers:  ${v(p.transformersVersion)}`,
    `  architecture known by the registry?  ${yes(p.architecture)}: ${p.architecture.text}`,
    `  model_type known by transformers?    ${yes(p.modelType)}: ${p.modelType.text}`,
    `→ ${verdict}`,
    `  ${p.reason}`,
  ].join('\n') + '\n';
}

/** One-line form for a cell's stored prediction and a skip reason. */
export function predictionLine(p: ModelImagePrediction): string {
  const ver = [p.engineVersion ? engineLabel(p) : null, p.transformersVersion ? `transformers ${p.transformersVersion.value}` : null].filter(Boolean).join(', ');
  return `${p.verdict === 'unsupported' ? 'unsupported model' : p.verdict}${ver ? ` (${ver})` : ''}: ${p.reason}`;
}
