// B9's plain script: a team's nightly loop over the cells, `slots` at a time (one per GPU, like the
// harness's emulated GPUs), each cell through peers/plain-peer.sh — `docker run -d`, curl /health
// every second until its startup timeout, the text probe's requests, `docker rm -f` — and every
// failure (exited, timed out, a request failed) run once more: the script cannot tell a
// deterministic failure from a transient one. No reuse: each night runs every cell.
import type { Cell } from '../../../harness/core/cell.ts';
import { peerContainer } from './container.ts';
import { scriptPeer } from './script-peer.ts';

export interface ScriptNight {
  /** Trial label → the cell that container ran (for the GPU-seconds by Docker's events). */
  trials: Map<string, Cell>;
  /** Cells that failed both times. */
  failed: string[];
  /** Cells that failed once and passed on the retry. */
  retried: string[];
}

export async function scriptNight(cells: readonly Cell[], imageTag: string, slots: number, timeoutS: number): Promise<ScriptNight> {
  const night: ScriptNight = { trials: new Map(), failed: [], retried: [] };
  const attempt = async (cell: Cell, c: ReturnType<typeof peerContainer>) => {
    const r = await scriptPeer(c, { requests: true, timeoutS });
    night.trials.set(r.trial, cell);
    return r.ready && !r.error;
  };
  const one = async (cell: Cell) => {
    const c = peerContainer(cell, imageTag); // one state directory per cell and night: its retry sees the first start
    if (await attempt(cell, c)) return;
    if (await attempt(cell, c)) night.retried.push(cell.id);
    else night.failed.push(cell.id);
  };
  const queue = [...cells];
  await Promise.all(
    Array.from({ length: slots }, async () => {
      for (let cell = queue.shift(); cell; cell = queue.shift()) await one(cell);
    }),
  );
  return night;
}
