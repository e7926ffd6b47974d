/** Packs the workspace's packages as they would be published, with `pnpm pack`. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const publishedPackages = ['core', 'rules', 'reporters', 'cli', 'aws', 'azure', 'evidence', 'evidence-reports'] as const;
export type PublishedPackage = (typeof publishedPackages)[number];

/** The tarball of every published package, packed into `destination` from its build (run `tsc -b` first). */
export async function packWorkspace(destination: string): Promise<Map<PublishedPackage, string>> {
  const tarballs = new Map<PublishedPackage, string>();
  for (const name of publishedPackages) {
    const { stdout } = await promisify(execFile)('pnpm', ['pack', '--pack-destination', destination], { cwd: path.join(repositoryRoot, 'packages', name) });
    tarballs.set(name, path.join(destination, path.basename(stdout.trim().split('\n').at(-1) ?? '')));
  }
  return tarballs;
}
