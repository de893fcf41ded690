import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One embedded PostgreSQL for the run (tests/support/postgres-server.ts); each file makes its own database.
    globalSetup: ['tests/support/postgres-server.ts'],
    // In CI a JSON summary is written too, so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci-results/vitest.json' }]] : ['default'],
  },
});
