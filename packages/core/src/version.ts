import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version of `@trustscan/core`, which is the tool's version. */
export const toolVersion: string = (require('../package.json') as { version: string }).version;

export const toolName = 'trustscan';
