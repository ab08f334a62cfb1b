// The emulator's one door for the rest of the harness (run/, cli/): building its image on
// the host, the configuration a container is started with, and the questions the dispatcher asks
// before a run (how the emulated engine reads a command, which attention backends a start would
// use). The program that runs inside the container starts at main.ts; its rooms are image/ (the
// image, host side), argv/ (the engines' argument parsers, from the facts), startup/ (logs,
// failures, faults) and serve/ (the OpenAI server). Nothing outside emulator/ imports a room; the
// matrix schema reads only the traits vocabulary (traits.ts), which pulls in no Docker.
export { ensureEmulatorImage } from './image/image.ts';
export { ensureStyledImage } from './image/styled-image.ts';
export { EMULATOR_CONFIG_ENV, EmulatorTraits, type EmulatorConfig } from '../core/emulator-traits.ts';
export { parseServeArgv } from './argv/serve-args.ts';
export { resolveBackends } from './startup/failures.ts';
