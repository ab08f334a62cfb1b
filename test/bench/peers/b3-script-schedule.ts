// B3's peers' policies alone, COMPUTED: what a team's script makes of the same cells on the same
// GPUs, replayed with each cell's duration as measured in the harness's run, so only the
// scheduling policy differs (the peers themselves are also run: b3-script-run.ts). Policies:
//  - fifo: cells in file order, each waits until enough GPUs are free and nothing starts before
//    the cell ahead of it (a queue with a GPU lock: head-of-line blocking, no first fit);
//  - waves: cells in file order, launched as many as fit at once (`cmd & … wait`), the next wave
//    after the whole wave has ended;
//  - firstFit: any waiting cell that fits starts at once, in list order (the harness's own rule;
//    replayed in the harness's start order it calibrates the replay against the real makespan).
// No policy pays any dispatch cost here: the replayed makespan is what the policy allows at best.

export interface ReplayCell {
  gpus: number;
  durationS: number;
}

export function checkFits(cells: ReadonlyArray<{ gpus: number }>, slots: number): void {
  const big = cells.find((c) => c.gpus > slots);
  if (big) throw new Error(`a cell needs ${big.gpus} GPUs; there are ${slots}`);
}

/** The waves policy's groups: in order, each the longest run of cells that fit on the GPUs together. */
export function waves<T extends { gpus: number }>(cells: readonly T[], slots: number): T[][] {
  checkFits(cells, slots);
  const out: T[][] = [];
  for (let i = 0; i < cells.length; ) {
    const wave: T[] = [];
    for (let used = 0; i < cells.length && used + cells[i]!.gpus <= slots; i++) {
      used += cells[i]!.gpus;
      wave.push(cells[i]!);
    }
    out.push(wave);
  }
  return out;
}

/** Makespan of list scheduling in the given order: strict = FIFO (head-of-line blocking), else first fit. */
export function listMakespan(cells: ReplayCell[], slots: number, strict: boolean): number {
  checkFits(cells, slots);
  const waiting = [...cells];
  let running: Array<{ endS: number; gpus: number }> = [];
  let free = slots;
  let now = 0;
  for (;;) {
    for (let i = 0; i < waiting.length; ) {
      const c = waiting[i]!;
      if (c.gpus <= free) {
        free -= c.gpus;
        running.push({ endS: now + c.durationS, gpus: c.gpus });
        waiting.splice(i, 1);
      } else if (strict) break;
      else i++;
    }
    if (running.length === 0) return now;
    now = Math.min(...running.map((r) => r.endS));
    for (const r of running) if (r.endS <= now) free += r.gpus;
    running = running.filter((r) => r.endS > now);
  }
}

/** Makespan of waves: the longest prefix that fits runs together; the next starts when all have ended. */
export function wavesMakespan(cells: ReplayCell[], slots: number): number {
  return waves(cells, slots).reduce((total, wave) => total + Math.max(...wave.map((c) => c.durationS)), 0);
}
