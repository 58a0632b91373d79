import { defineConfig } from 'vitest/config';

// Tests spawn real cargo and git; a 2-core machine needs generous timeouts and few workers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temp root per run, removed at the end (test/global-tmp.ts).
    globalSetup: ['test/global-tmp.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
