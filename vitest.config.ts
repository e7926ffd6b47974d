import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the `@trustscan/source` export condition),
// so a test run never depends on a stale build.
const conditions = ['@trustscan/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
