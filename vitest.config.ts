import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, no database) and `integration` (real local Neo4j, started once by the
 * global setup). `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 900_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
