// What every peer starts: the same image, command, environment and mounts as the harness's
// container for the cell (built by the harness's own containerSpec), so only the way of driving
// the container differs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getEngine } from '../../../harness/engines/index.ts';
import type { Cell } from '../../../harness/core/cell.ts';
import { containerSpec } from '../../../harness/run/container-spec.ts';
import { DEFAULT_QUESTIONS, greedyRequest } from '../../../harness/probes/questions.ts';
import { benchDir } from '../support/emulated.ts';

export interface PeerContainer {
  image: string;
  cmd: string[];
  env: Record<string, string>;
  port: number;
  /** host:container bind mounts. */
  mounts: string[];
  /** The text probe's requests, as JSON bodies for POST /v1/chat/completions. */
  textRequests: string[];
}

export function peerContainer(cell: Cell, imageTag: string): PeerContainer {
  const engine = getEngine(cell.image.engine);
  const stateDir = join(benchDir('matrix-bench-peer-'), 'state');
  mkdirSync(stateDir, { recursive: true });
  const spec = containerSpec(cell, { engine, slots: ['0'], emulate: { imageTag, stateDir }, cacheDir: null });
  return {
    image: spec.image,
    cmd: spec.cmd,
    env: spec.env,
    port: spec.port,
    mounts: spec.mounts,
    textRequests: DEFAULT_QUESTIONS.map((q) => JSON.stringify(greedyRequest(cell.model.name, q))),
  };
}
