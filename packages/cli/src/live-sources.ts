import { InputError, type LiveSources, type Target } from '@trustscan/core';

/**
 * The live sources the targets need, each imported from its package only when a target of its kind is there, so a
 * Terraform scan never loads a cloud SDK. The CLI lists them as optional dependencies: installed by default, so
 * `--aws` just works, and left out by `npm install --omit=optional` for a Terraform-only install.
 */
export async function liveSourcesFor(targets: readonly Target[]): Promise<LiveSources> {
  const kinds = new Set(targets.map((target) => target.kind));
  return {
    ...(kinds.has('aws') ? { aws: (await importLivePackage('@trustscan/aws', '--aws', () => import('@trustscan/aws'))).awsSource } : {}),
    ...(kinds.has('azure') ? { azure: (await importLivePackage('@trustscan/azure', '--azure', () => import('@trustscan/azure'))).azureSource } : {}),
  };
}

async function importLivePackage<T>(name: string, option: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`);
    if (!missing) throw error;
    throw new InputError(`${option} needs the ${name} package, which is not installed; install it beside @trustscan/cli (npm install ${name}, with -g for a global trustscan).`, { subject: name });
  }
}
