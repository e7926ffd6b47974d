import type { LiveSources, Target } from '@trustscan/core';
import { importOptionalPackage } from './optional-package.js';

/**
 * The live sources the targets need, each imported from its package only when a target of its kind is there, so a
 * Terraform scan never loads a cloud SDK. The CLI lists them as optional dependencies: installed by default, so
 * `--aws` just works, and left out by `npm install --omit=optional` for a Terraform-only install.
 */
export async function liveSourcesFor(targets: readonly Target[]): Promise<LiveSources> {
  const kinds = new Set(targets.map((target) => target.kind));
  return {
    ...(kinds.has('aws') ? { aws: (await importOptionalPackage('@trustscan/aws', '--aws', () => import('@trustscan/aws'))).awsSource } : {}),
    ...(kinds.has('azure') ? { azure: (await importOptionalPackage('@trustscan/azure', '--azure', () => import('@trustscan/azure'))).azureSource } : {}),
  };
}
