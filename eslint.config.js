import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The emulator's rooms are its own: the rest of the harness reaches it through emulator/host.ts (ARCHITECTURE.md).
    files: ['harness/**/*.ts'],
    ignores: ['harness/emulator/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/emulator/image/*', '**/emulator/argv/*', '**/emulator/startup/*', '**/emulator/serve/*'], message: 'reach the emulator through emulator/host.ts' }] }],
    },
  },
);
