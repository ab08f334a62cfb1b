// `matrix preflight --image REF --model HF_ID`: the model against the image, before any GPU time.
// Wiring: the runtime reads the never-started image, preflight/image-software finds the
// engine and transformers in it, models/read-model reads config.json (cache, else hub), and
// preflight/model-vs-image decides.
import { UsageError } from '../errors.ts';
import { ENGINE_IDS, type EngineId } from '../core/cell.ts';
import { hubEnv } from '../models/hub-env.ts';
import { readModel } from '../models/read-model.ts';
import { readImageSoftware, type ImageSoftware } from '../preflight/image-software.ts';
import { predictModelOnImage, predictionText } from '../preflight/model-vs-image.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';

/** Read image `ref`'s Python software without running it (the never-started container carries `labels`). */
export async function imageSoftware(runtime: ContainerRuntime, ref: string, labels: Record<string, string> = {}): Promise<ImageSoftware> {
  return runtime.withImageFs(ref, labels, (fs) => readImageSoftware(fs));
}

export function engineOption(value: string | undefined): EngineId | null {
  if (value === undefined) return null;
  if (!(ENGINE_IDS as readonly string[]).includes(value)) throw new UsageError(`matrix preflight: unknown engine "${value}"`, `known: ${ENGINE_IDS.join(', ')}`);
  return value as EngineId;
}

export async function preflightModelCommand(o: { runtime: ContainerRuntime; image: string; model: string; revision: string; cacheDir: string; engine: EngineId | null; json: boolean; labels: Record<string, string> }): Promise<number> {
  const read = await readModel({ cacheDir: o.cacheDir, name: o.model, revision: o.revision, hub: hubEnv() });
  const software = await imageSoftware(o.runtime, o.image, o.labels);
  const p = predictModelOnImage({ model: o.model, facts: read.facts, software, engine: o.engine });
  if (o.json) {
    const names = (m: Map<string, unknown> | undefined) => (m ? m.size : null);
    const summary = { sitePackages: software.sitePackages, notes: software.notes, engines: software.engines.map((e) => ({ engine: e.engine, version: e.version, registryFiles: e.registry?.files ?? null, architectures: names(e.registry?.names), configFiles: e.configTypes?.files ?? null })), transformers: software.transformers ? { version: software.transformers.version, files: software.transformers.modelTypes?.files ?? null, modelTypes: names(software.transformers.modelTypes?.names) } : null };
    process.stdout.write(JSON.stringify({ image: o.image, model: { name: o.model, revision: o.revision, from: read.from, architectures: read.facts.architectures, modelType: read.facts.modelType }, prediction: p, image_software: summary }, null, 2) + '\n');
  } else {
    process.stdout.write(predictionText(p, o.image) + (software.notes.length ? software.notes.map((n) => `  note: ${n}`).join('\n') + '\n' : ''));
  }
  return p.verdict === 'unsupported' ? 1 : 0;
}
