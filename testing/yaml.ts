/**
 * The `yaml` package for tests of packages that do not depend on it (the CLI's tests parse the GitHub Actions
 * example): the copy `@trustscan/core` depends on, so no second version enters the lockfile.
 */
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/core/package.json', import.meta.url));

export const { parseDocument } = require('yaml') as typeof import('yaml');
