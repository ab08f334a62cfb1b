import { defineConfig } from 'vitest/config';

// `.only` fails the run everywhere, not only where CI is set: a committed `.only` tests one thing
// and passes. Set per project: inline projects do not inherit the root's test options.
const allowOnly = false;

export default defineConfig({
  test: {
    // Two cores: test files share one Docker engine; keep them from starving each other.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          allowOnly,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          allowOnly,
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
