import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the `@trustscan/source` export condition),
// so a test run never depends on a stale build.
const conditions = ['@trustscan/source', 'import', 'module', 'node', 'default'];
// Vitest passes the SSR conditions to Node (`--conditions`) for the dependencies it leaves to Node, so they must be
// conditions Node can live with: `module` would make Node pick the AWS SDK's `dist-es` build (extensionless imports
// that only bundlers accept) over its `node` build.
const nodeConditions = conditions.filter((condition) => condition !== 'module');

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['testing/temp-guard.ts'],
  },
});
