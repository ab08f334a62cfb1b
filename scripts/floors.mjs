// The floors of ARCHITECTURE.md, as data: a room imports only rooms on its own floor or below.
// Read by scripts/import-graph.mjs (the measurement) and eslint.config.js (the enforcement).
// Rooms are the folders of harness/ (and harness/errors.ts); `reports` is the root reports/ folder.
export const FLOORS = {
  core: 1, errors: 1,
  matrix: 2, engines: 2, diagnose: 2, runtime: 2, gpu: 2, models: 2,
  plan: 3, probes: 3, emulator: 3, preflight: 3,
  run: 4, reports: 4, store: 4,
  cli: 5,
};

/** The rooms a room may not import: every room above it; core/ imports nothing of the harness. */
export function forbiddenFor(room) {
  const floor = FLOORS[room];
  return Object.keys(FLOORS).filter((r) => r !== room && (room === 'core' || FLOORS[r] > floor));
}
