import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';
import { FLOORS, forbiddenFor } from './scripts/floors.mjs';

// The house floors (ARCHITECTURE.md), enforced: each room's files may not import a room above it
// (core/ imports nothing of the harness), the way Playwright keeps a DEPS.list per folder.
// A relative specifier reaches a room by climbing out (`../`, `../../harness/`) and naming it.
const roomFiles = (room) => (room === 'reports' ? ['reports/**'] : room === 'errors' ? ['harness/errors.ts'] : [`harness/${room}/**`]);
const roomRegex = (rooms) => `^(?:\\.\\.?/)+(?:harness/)?(?:${rooms.map((r) => (r === 'errors' ? 'errors\\.ts$' : `${r}/`)).join('|')})`;
// The emulator's rooms are its own: the rest of the harness reaches it through emulator/host.ts.
// (Repeated in each room's entry below: a later no-restricted-imports replaces an earlier one.)
const EMULATOR_DOOR = { group: ['**/emulator/image/*', '**/emulator/argv/*', '**/emulator/startup/*', '**/emulator/serve/*'], message: 'reach the emulator through emulator/host.ts' };
const floorRules = Object.keys(FLOORS)
  .filter((room) => forbiddenFor(room).length > 0)
  .map((room) => ({
    files: roomFiles(room),
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: roomRegex(forbiddenFor(room)),
          message: room === 'core'
            ? 'core/ is the ground floor: it imports nothing of the harness (ARCHITECTURE.md, Floors).'
            : `${room === 'errors' ? 'errors.ts' : `${room}/`} is on floor ${FLOORS[room]}: it may import only rooms on its floor or below (ARCHITECTURE.md, Floors; scripts/floors.mjs).`,
        }, ...(room === 'emulator' || room === 'reports' ? [] : [EMULATOR_DOOR])],
      }],
    },
  }));

// cli/ holds one file per verb (the verbs harness/cli/main.ts loads); a verb never imports a verb:
// what two verbs share lives in a helper file of cli/ or a room below.
const VERBS = [...readFileSync(new URL('./harness/cli/main.ts', import.meta.url), 'utf8').matchAll(/import\('\.\/([a-z-]+)\.ts'\)/g)].map((m) => m[1]);
const verbRules = VERBS.map((verb) => ({
  files: [`harness/cli/${verb}.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        EMULATOR_DOOR,
        { regex: `^\\./(?:${VERBS.filter((v) => v !== verb).join('|')})\\.ts$`, message: 'verbs never import verbs: move what they share into a helper of cli/ or a room below (ARCHITECTURE.md, Floors).' },
      ],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.matrix/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**', '.scratch/**'] }, // .scratch: git-ignored experiments
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', performance: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', document: 'readonly', window: 'readonly', location: 'readonly', history: 'readonly', HTMLElement: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-control-regex': 'off',
      // A committed `.only` makes a suite test one thing and pass (vitest allowOnly and Playwright forbidOnly say so too).
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='only'][object.name=/^(describe|it|test|suite|bench)$/]", message: 'no .only: it makes the suite run one test and pass' },
        { selector: "MemberExpression[property.name='only'][object.property.name=/^(describe|serial|parallel|each|skipIf|runIf|concurrent)$/]", message: 'no .only: it makes the suite run one test and pass' },
      ],
    },
  },
  {
    // The runtime fence (ARCHITECTURE.md): harness/runtime/ is the only door to Docker. Through
    // typescript-eslint's copy of the rule, so it adds to the per-folder floor rules of the core
    // no-restricted-imports instead of replacing them (a later block's options replace an earlier one's).
    files: ['harness/**/*.ts'],
    ignores: ['harness/runtime/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'dockerode', message: 'only harness/runtime/ speaks to Docker: use the ContainerRuntime interface (harness/runtime/runtime.ts)' }] }],
    },
  },
  {
    // The emulator's rooms are its own: the rest of the harness reaches it through emulator/host.ts (ARCHITECTURE.md).
    files: ['harness/**/*.ts'],
    ignores: ['harness/emulator/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/emulator/image/*', '**/emulator/argv/*', '**/emulator/startup/*', '**/emulator/serve/*'], message: 'reach the emulator through emulator/host.ts' }] }],
    },
  },
  // Functions that fit on a screen and files of one concept (ARCHITECTURE.md rule 8). A file or
  // function that keeps its size says why in the eslint-disable comment at its top.
  {
    files: ['harness/**/*.ts', 'reports/**/*.ts'],
    ignores: ['harness/diagnose/signatures.generated.ts'], // generated from signatures.yaml (scripts/gen-signatures.ts)
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  // gpu/zstd.ts gives way to fzstd (#21, another helper's move): its long functions warn until it is gone, and this entry with it.
  {
    files: ['harness/gpu/zstd.ts'],
    rules: { 'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  ...floorRules,
  ...verbRules,
);
