// A run's images: pulled (or found) once each, refused when built for another platform, and —
// under --preflight — read for their CUDA code to predict their cells before they run.
import type { Cell } from '../core/cell.ts';
import { InfraError } from '../errors.ts';
import type { ImageInfo } from '../runtime/runtime.ts';
import { missingCredentialHint, resolveRegistryAuth } from '../runtime/registry-auth.ts';
import { summarise } from './predict.ts';
import type { RunContext } from './run-context.ts';

/** linux/arm64 = linux/arm64/v8; amd64 = x86_64. */
export function samePlatform(a: string, b: string): boolean {
  const norm = (p: string) => p.toLowerCase().replace('x86_64', 'amd64').replace('aarch64', 'arm64').split('/').slice(0, 2).join('/');
  return norm(a) === norm(b);
}

/** Pull (or find) the image of `key` once, then, under --preflight, predict its cells. */
export async function prepareImage(ctx: RunContext, key: string): Promise<void> {
  const { req } = ctx;
  if (ctx.images.has(key)) return; // read already (--reuse reads a cell's image before scheduling)
  const spec = ctx.jobs.find((j) => j.imageKey === key)?.cell.image;
  const ref = req.emulate ? (spec && req.emulate.imageFor ? await req.emulate.imageFor(spec) : req.emulate.imageTag) : key;
  const known = [...ctx.images.values()].find((i) => i.ref === ref);
  if (known) {
    ctx.images.set(key, known);
    ctx.imageSeconds.set(key, 0);
    return;
  }
  const t0 = performance.now();
  if (!req.emulate && spec?.platform && req.runnerPlatform && !samePlatform(spec.platform, req.runnerPlatform)) {
    throw new InfraError('platform-mismatch', `image ${ref} is for ${spec.platform}, this runner is ${req.runnerPlatform}`, 'run it on a runner of that platform (Jetson images need an arm64 Jetson runner), or use a multi-arch tag and drop `platform:`', 'image');
  }
  const info = await pullImage(ctx, ref, spec);
  ctx.images.set(key, info);
  ctx.imageSeconds.set(key, (performance.now() - t0) / 1000);
  if (req.preflight && !req.emulate) await predictImage(ctx, ref, ctx.jobs.filter((j) => j.imageKey === key).map((j) => j.cell));
}

export async function pullImage(ctx: RunContext, ref: string, spec: Cell['image'] | undefined): Promise<ImageInfo> {
  const { req } = ctx;
  const creds = req.emulate || !spec ? { auth: null, source: null } : await resolveRegistryAuth(ref, spec.auth ? { username: spec.auth.username.value, password: spec.auth.password.value } : null);
  return req.runtime.ensureImage(ref, req.emulate ? 'never' : req.pull, {
    auth: creds.auth,
    platform: spec?.platform ?? null,
    signal: ctx.preparing.signal,
    onProgress: (p) => req.onImageProgress?.(ref, `${p.status}${p.id ? ` ${p.id}` : ''}${p.total ? ` ${Math.round(((p.current ?? 0) / p.total) * 100)}%` : ''}`),
  }).catch((e: unknown) => {
    if (e instanceof InfraError && e.kind === 'registry-auth') throw new InfraError('registry-auth', e.message, missingCredentialHint(ref, creds.source), 'image');
    throw e;
  });
}

/** `--preflight`: what the image's CUDA code predicts for each of its cells, per GPU. */
export async function predictImage(ctx: RunContext, ref: string, cells: Cell[]): Promise<void> {
  for (const gpu of new Set(cells.map((c) => c.gpu.name))) {
    const pool = ctx.req.pools.find((p) => p.gpus === null || p.gpus.includes(gpu));
    const onGpu = cells.filter((x) => x.gpu.name === gpu);
    try {
      const p = summarise(await ctx.req.preflight!(ref, gpu, pool?.slots.facts.cudaVersion ?? null));
      for (const c of onGpu) await ctx.events.emit('onPrediction', c, p);
    } catch (e) {
      for (const c of onGpu) await ctx.events.emit('onPrediction', c, { verdict: 'fail', detail: `preflight could not read the image: ${(e as Error).message}` });
    }
  }
}
