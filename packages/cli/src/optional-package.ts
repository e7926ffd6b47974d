import { InputError } from '@trustscan/core';

/**
 * Imports a package the CLI lists as an optional dependency (the live sources and the evidence ledger): installed by
 * default, left out by `npm install --omit=optional`. A missing one is an input error that says what to install.
 */
export async function importOptionalPackage<T>(name: string, feature: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`);
    if (!missing) throw error;
    throw new InputError(`${feature} needs the ${name} package, which is not installed; install it beside @trustscan/cli (npm install ${name}, with -g for a global trustscan).`, { subject: name });
  }
}
