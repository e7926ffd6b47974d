import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version of `@trustscan/core`, which is the tool's version. */
export const toolVersion: string = (require('../package.json') as { version: string }).version;

export const toolName = 'trustscan';

/** The project's home; rule documentation lives under `docs/rules/<id>.md` there. */
export const toolHomepage = 'https://github.com/trustscan/trustscan';

/** The documentation page of a built-in rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `${toolHomepage}/blob/main/docs/rules/${ruleId}.md`;
}
