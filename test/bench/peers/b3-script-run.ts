// B3's peers, RUN: a team's script scheduling the same 64 cells on the same 8 (emulated) GPUs,
// each cell driven by peers/plain-peer.sh (`docker run -d`, curl /health every second, the text
// probe's requests, `docker rm -f`) — so the makespan includes what such a script pays per cell
// (readiness seen on the next 1 s poll, a process per cell), not only its policy. Policies as in
// peers/b3-script-schedule.ts (computed there from the harness's measured durations):
//  - fifo: cells in file order; each waits until enough GPUs are free, and none starts before
//    the cell ahead of it (head-of-line blocking);
//  - waves: as many cells as fit, started together (`cmd & … wait`); the next wave after all ended.
import type { Cell } from '../../../harness/core/cell.ts';
import { msBetween, wallNs } from '../support/clock.ts';
import { checkFits, waves } from './b3-script-schedule.ts';
import { peerContainer } from './container.ts';
import { scriptPeer } from './script-peer.ts';

export type ScriptPolicy = 'fifo' | 'waves';

export interface ScriptScheduleRun {
  makespanS: number;
  /** Cells whose server never became ready or whose requests failed (each is an error of the bench). */
  failed: string[];
}

export async function runScriptSchedule(cells: Cell[], imageTag: string, slots: number, policy: ScriptPolicy): Promise<ScriptScheduleRun> {
  checkFits(cells, slots);
  const failed: string[] = [];
  const one = async (cell: Cell) => {
    const r = await scriptPeer(peerContainer(cell, imageTag), { requests: true });
    if (!r.ready || r.error) failed.push(cell.id);
  };
  const t0 = wallNs();
  if (policy === 'waves') {
    for (const wave of waves(cells, slots)) await Promise.all(wave.map(one));
  } else {
    let free = slots;
    const running = new Set<Promise<void>>();
    for (const cell of cells) {
      while (free < cell.gpus) await Promise.race(running); // the head waits; nothing overtakes it
      free -= cell.gpus;
      const p: Promise<void> = one(cell).finally(() => {
        free += cell.gpus;
        running.delete(p);
      });
      running.add(p);
    }
    await Promise.all(running);
  }
  return { makespanS: msBetween(t0, wallNs()) / 1000, failed };
}
