import type { ArmClient, ProviderApiVersions } from './arm-client.js';
import type { ArmFailure } from './arm-failure.js';

/**
 * Picks the API version to read each resource type with: the newest stable version the provider registers (what
 * Resource Graph uses too), else the newest preview, else the kind's pinned fallback. Registrations are read once
 * per subscription and namespace.
 */
export class ApiVersionCatalog {
  private readonly providers = new Map<string, Promise<ProviderApiVersions | ArmFailure>>();

  constructor(private readonly client: ArmClient) {}

  /** The API version for `armType` in `subscription`, and the failure that forced the fallback, if any. */
  async versionFor(subscription: string, armType: string, fallback: string): Promise<{ readonly apiVersion: string; readonly failure?: ArmFailure }> {
    const slash = armType.indexOf('/');
    const namespace = armType.slice(0, slash);
    const key = `${subscription}/${namespace}`.toLowerCase();
    let registration = this.providers.get(key);
    if (!registration) {
      registration = this.client.providerApiVersions(subscription, namespace).then((outcome) => (outcome.ok ? outcome.value : outcome.failure));
      this.providers.set(key, registration);
    }
    const versions = await registration;
    if (!(versions instanceof Map)) return { apiVersion: fallback, failure: versions as ArmFailure };
    return { apiVersion: newestVersion(versions.get(armType.slice(slash + 1).toLowerCase()) ?? []) ?? fallback };
  }
}

/** The newest non-preview version, else the newest of all; `undefined` for none. API versions sort as dates. */
export function newestVersion(versions: readonly string[]): string | undefined {
  const sorted = [...versions].sort().reverse();
  return sorted.find((v) => !/preview|beta|alpha/i.test(v)) ?? sorted[0];
}
