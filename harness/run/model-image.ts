// `matrix run --preflight`, the model against the image: before a cell starts, can its image's
// engine load its model? The image's Python software is read once per image (never started);
// the model's config.json comes from the managed cache (warmed before the cell runs). Only a
// certain "unsupported model" (decided from the image's own files) skips the cell.
import type { Cell } from '../core/cell.ts';
import { isHubModel } from '../models/cache-layout.ts';
import { readModelFromCache } from '../models/read-model.ts';
import type { ImageSoftware } from '../preflight/image-software.ts';
import { predictModelOnImage, predictionLine } from '../preflight/model-vs-image.ts';
import type { ModelPredictionEvent } from '../core/events.ts';

export class ModelImageCheck {
  private readonly software = new Map<string, Promise<ImageSoftware | Error>>();

  constructor(
    private readonly read: (ref: string) => Promise<ImageSoftware>,
    private readonly cacheDir: string,
  ) {}

  private softwareOf(ref: string): Promise<ImageSoftware | Error> {
    let p = this.software.get(ref);
    if (!p) {
      p = this.read(ref).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      this.software.set(ref, p);
    }
    return p;
  }

  async predict(cell: Cell): Promise<ModelPredictionEvent> {
    const unknown = (detail: string): ModelPredictionEvent => ({ verdict: 'unknown', certain: false, detail });
    if (!isHubModel(cell.model.name)) return unknown(`${cell.model.name} is not a hub id: its config.json is not read`);
    const revision = cell.model.revision ?? 'main';
    const model = readModelFromCache(this.cacheDir, cell.model.name, revision);
    if (!model) return unknown(`config.json of ${cell.model.name}@${revision} is not in the managed cache (matrix models pull)`);
    const software = await this.softwareOf(cell.image.ref);
    if (software instanceof Error) return unknown(`could not read image ${cell.image.ref}: ${software.message}`);
    const p = predictModelOnImage({ model: cell.model.name, facts: model.facts, software, engine: cell.image.engine });
    return { verdict: p.verdict, certain: p.verdict === 'unsupported' && p.certain, detail: `${cell.image.ref}: ${predictionLine(p)}` };
  }
}
