// Dependency hygiene: THIRD_PARTY_LICENSES.md lists what a production install brings (regenerated offline from
// node_modules and compared), and CI installs exactly the lockfile, with the install command the README gives.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { licensesFile, productionDependencies, renderLicenses } from '../scripts/generate-licenses.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => readFileSync(path.join(repository, file), 'utf8');

describe('dependency hygiene', () => {
  it('THIRD_PARTY_LICENSES.md is up to date: run `pnpm run licenses` and commit the result when this fails', () => {
    expect(readFileSync(licensesFile, 'utf8')).toBe(renderLicenses());
  });

  it('every production dependency states a licence, and the direct ones are listed', () => {
    const packages = productionDependencies();
    expect(packages.filter((p) => p.license === 'not stated').map((p) => p.name)).toEqual([]);
    const direct = ['packages/core', 'packages/cli', 'packages/aws', 'packages/azure', 'packages/evidence', 'packages/reporters']
      .map((directory) => JSON.parse(read(`${directory}/package.json`)) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> })
      .flatMap((manifest) => Object.entries({ ...manifest.dependencies, ...manifest.optionalDependencies }).filter(([, version]) => !version.startsWith('workspace:')).map(([name]) => name));
    expect(direct.length).toBeGreaterThan(0);
    for (const name of direct) expect(packages.map((p) => p.name)).toContain(name);
  });

  it('CI installs with a frozen lockfile, with the install command the README gives', () => {
    const install = /pnpm install[^\n&]*/.exec(read('.ci/run').split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n'))?.[0].trim();
    expect(install).toBe('pnpm install --frozen-lockfile');
    expect(read('README.md')).toContain(`&& ${install} &&`);
  });
});
