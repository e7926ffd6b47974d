import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module, also run by `pnpm run docs`
import { generateEvidenceExamples } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const stale = 'is stale: run `pnpm run docs` and commit the result';

describe('the evidence examples', () => {
  it('are what examples/evidence/generate.mjs writes from the example history', async () => {
    const files = (await (generateEvidenceExamples as () => Promise<Map<string, string>>)()) as Map<string, string>;
    const committed = readdirSync(here).filter((name) => !/\.(mjs|ts)$/.test(name) && name !== 'README.md').sort();
    expect(committed, `examples/evidence ${stale}`).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(path.join(here, name), 'utf8'), `examples/evidence/${name} ${stale}`).toBe(text);
  }, 60_000);
});
