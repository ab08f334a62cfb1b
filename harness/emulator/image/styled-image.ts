// An emulated image carries what the real image carries: its labels and configured environment
// (traits image_labels / image_env; a styled image's CUDA_VERSION by default). The emulator image
// is re-tagged with them — `FROM matrix-emulator:<version>` plus LABEL and ENV, built from a
// one-file context, no registry — so the harness reads them from Docker exactly as it reads a real
// image's. One tag per distinct set (content-hashed), built once.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { ContainerRuntime } from '../../runtime/runtime.ts';
import { EMULATOR_REPO } from './image.ts';
import type { EmulatorTraits } from '../../core/emulator-traits.ts';

export interface ImageStyle {
  labels: Record<string, string>;
  env: Record<string, string>;
}

/** The labels and environment an image's traits give it, or null when it has none beyond the emulator's. */
export function imageStyleOf(traits: EmulatorTraits): ImageStyle | null {
  // nvidia/cuda-based images (vllm/vllm-openai), NGC containers and NIMs set CUDA_VERSION.
  const cudaEnv: Record<string, string> = traits.personality && traits.personality !== 'jetson-containers' ? { CUDA_VERSION: traits.cuda_version } : {};
  const style: ImageStyle = { labels: { ...traits.image_labels }, env: { ...cudaEnv, ...traits.image_env } };
  return Object.keys(style.labels).length + Object.keys(style.env).length === 0 ? null : style;
}

const quote = (v: string) => JSON.stringify(v);

export function styledDockerfile(baseTag: string, style: ImageStyle): string {
  const lines = [`FROM ${baseTag}`];
  const labels = Object.entries(style.labels).sort(([a], [b]) => a.localeCompare(b));
  const env = Object.entries(style.env).sort(([a], [b]) => a.localeCompare(b));
  if (labels.length) lines.push(`LABEL ${labels.map(([k, v]) => `${quote(k)}=${quote(v)}`).join(' ')}`);
  if (env.length) lines.push(`ENV ${env.map(([k, v]) => `${k}=${quote(v)}`).join(' ')}`);
  return lines.join('\n') + '\n';
}

/** `matrix-emulator:<version>-s<hash>` for a base tag and a style. */
export function styledTag(baseTag: string, style: ImageStyle): string {
  const version = baseTag.slice(baseTag.lastIndexOf(':') + 1);
  const hash = createHash('sha256').update(styledDockerfile(baseTag, style)).digest('hex').slice(0, 10);
  return `${EMULATOR_REPO}:${version}-s${hash}`;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The tag to run for an image with these traits: the emulator's own, or a styled one (built when missing). */
export async function ensureStyledImage(runtime: ContainerRuntime, baseTag: string, traits: EmulatorTraits): Promise<string> {
  const style = imageStyleOf(traits);
  if (style === null) return baseTag;
  const bad = Object.keys(style.env).find((k) => !ENV_NAME.test(k));
  if (bad !== undefined) throw new Error(`emulate.image_env: "${bad}" is not an environment variable name`);
  const tag = styledTag(baseTag, style);
  if (await runtime.inspectImage(tag)) return tag;
  const pack = tar.pack();
  const dockerfile = Buffer.from(styledDockerfile(baseTag, style));
  pack.entry({ name: 'Dockerfile', size: dockerfile.length, mtime: new Date(0) }, dockerfile);
  pack.finalize();
  await runtime.buildImage(pack as unknown as Readable, [tag]);
  return tag;
}
