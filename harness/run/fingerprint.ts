// What the image really contains, recorded once a cell's server is ready: the engine version the
// server reports (its engine's version endpoints), the torch and CUDA versions, and the image's
// labels. Sources, best first: what the running server reports (a /version answer may carry
// torch_version / cuda_version), the startup log ("PyTorch version X available."), the image's
// configured environment (PYTORCH_VERSION, CUDA_VERSION in NGC and nvidia/cuda-based images) and
// labels; the runner's facts last (torch). The driver's CUDA is recorded beside the image's, never
// in its place: an image that does not state its CUDA has none in the fingerprint.
import type { Cell } from '../core/cell.ts';
import type { Engine } from '../engines/engine.ts';
import type { ImageInfo } from '../runtime/runtime.ts';
import type { Fingerprint } from '../core/events.ts';

export type RunnerFacts = { driverVersion: string | null; cudaVersion: string | null; torchVersion: string | null };

const DEFAULT_VERSION_ENDPOINTS = [{ path: '/version', field: 'version' }];

/** The JSON answers of the engine's version endpoints, in the engine's order (null: no answer). */
export async function readVersionAnswers(base: string, engine: Engine, timeoutMs = 2000): Promise<Array<{ field: string; body: Record<string, unknown> | null }>> {
  const endpoints = engine.versionEndpoints ?? DEFAULT_VERSION_ENDPOINTS;
  return Promise.all(
    endpoints.map(async ({ path, field }) => {
      try {
        const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
        const body = res.ok ? ((await res.json()) as unknown) : null;
        return { field, body: body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null };
      } catch {
        return { field, body: null };
      }
    }),
  );
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** "PyTorch version 2.2.2 available." — printed when the image's Python stack imports torch (NIM, HF libraries). */
export function torchFromLog(lines: string[]): string | null {
  for (const l of lines) {
    const m = /\bPyTorch version (\S+) available\b/.exec(l);
    if (m) return m[1]!;
  }
  return null;
}

export interface FingerprintInput {
  cell: Cell;
  image: ImageInfo;
  facts: RunnerFacts;
  answers: Array<{ field: string; body: Record<string, unknown> | null }>;
  logLines: string[];
}

/** Pure: the fingerprint from what was read. */
export function fingerprintOf(input: FingerprintInput): Fingerprint {
  const { cell, image, facts, answers } = input;
  const labels = image.labels;
  const env = image.env ?? {};
  const reported = (key: string) => answers.map((a) => str(a.body?.[key])).find((v) => v !== null) ?? null;
  const engineVersion = answers.map((a) => str(a.body?.[a.field])).find((v) => v !== null) ?? null;
  return {
    imageRef: cell.image.ref,
    imageDigest: image.digest,
    engineVersion: engineVersion ?? labels['org.opencontainers.image.version'] ?? null,
    gpuName: cell.gpu.name,
    computeCapability: cell.gpu.computeCapability,
    driverVersion: facts.driverVersion,
    cudaVersion: reported('cuda_version') ?? str(env['CUDA_VERSION']) ?? str(labels['com.nvidia.cuda.version']),
    driverCuda: facts.cudaVersion,
    torchVersion: reported('torch_version') ?? torchFromLog(input.logLines) ?? str(env['PYTORCH_VERSION']) ?? facts.torchVersion,
    imageLabels: labels,
  };
}
