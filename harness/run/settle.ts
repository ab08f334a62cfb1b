// Bounded waits that leave nothing behind: the timer that bounds a wait is cleared the moment the
// awaited thing settles. An uncancelled `sleep(10_000)` raced against a log stream that ended at
// once kept every `matrix run` alive ~10 s after its summary (issue #19): a timer outlived its purpose.

/** Resolves when `p` settles (either way) or after `ms`, whichever comes first; true when `p` won. */
export function settle(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}
