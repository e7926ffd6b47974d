import { parseNativeSyntax } from '../hcl/parse/native-syntax.js';
import { newestAllowedMajor, parseConstraints, parseVersion } from './version-constraints.js';

/** The providers whose defaults trustscan knows by version. */
export type TerraformProvider = 'aws' | 'azurerm';

/**
 * The newest major version of each provider, assumed when neither a lock file nor a version constraint says
 * otherwise (what `terraform init` would install today).
 */
export const currentMajors: Readonly<Record<TerraformProvider, number>> = { aws: 6, azurerm: 4 };

/** The version whose defaults apply, and how it was chosen, in words for findings (`azurerm 3.117.0 (.terraform.lock.hcl)`). */
export interface SelectedVersion {
  readonly major: number;
  readonly describe: string;
}

export type ProviderVersions = ReadonlyMap<TerraformProvider, SelectedVersion>;

/** A `required_providers` entry (or a legacy `provider { version = … }`) of one module. */
export interface ProviderRequirement {
  /** The local name (`aws`, `azurerm`, or another the module chose). */
  readonly name: string;
  /** `hashicorp/aws`; absent means `hashicorp/<name>`. */
  readonly source?: string;
  readonly constraints?: string;
}

/**
 * The provider versions a root module would use: from its `.terraform.lock.hcl` (the versions `terraform init`
 * selected), else the newest major every module's `required_providers` constraints allow, else the current major.
 */
export function selectProviderVersions(lockFile: string | undefined, requirements: readonly ProviderRequirement[]): ProviderVersions {
  const locked = lockFile === undefined ? new Map<TerraformProvider, string>() : readLockFile(lockFile);
  const selected = new Map<TerraformProvider, SelectedVersion>();
  for (const provider of Object.keys(currentMajors) as TerraformProvider[]) {
    const current = currentMajors[provider];
    const lockedVersion = locked.get(provider);
    const version = lockedVersion === undefined ? undefined : parseVersion(lockedVersion);
    if (version) {
      selected.set(provider, { major: version[0], describe: `${provider} ${lockedVersion} (.terraform.lock.hcl)` });
      continue;
    }
    const written = requirements.filter((r) => providerOf(r) === provider && r.constraints !== undefined).map((r) => r.constraints as string);
    const constraints = written.flatMap((text) => parseConstraints(text) ?? []);
    if (written.length > 0) {
      const major = newestAllowedMajor(constraints, current);
      const quoted = [...new Set(written)].map((c) => JSON.stringify(c)).join(' and ');
      if (major !== undefined) {
        selected.set(provider, { major, describe: `${provider} ${major}.x (required_providers ${quoted})` });
        continue;
      }
      selected.set(provider, { major: current, describe: `${provider} ${current}.x (no version meets required_providers ${quoted}; the current major is assumed)` });
      continue;
    }
    selected.set(provider, { major: current, describe: `${provider} ${current}.x (no lock file or version constraint; the current major is assumed)` });
  }
  return selected;
}

/** The provider a requirement names, when it is one trustscan knows (`hashicorp/aws`, `registry.terraform.io/hashicorp/azurerm`). */
function providerOf(requirement: ProviderRequirement): TerraformProvider | undefined {
  return knownProvider(requirement.source ?? `hashicorp/${requirement.name}`);
}

function knownProvider(address: string): TerraformProvider | undefined {
  const match = /(?:^|\/)hashicorp\/(aws|azurerm)$/i.exec(address.trim());
  return match ? (match[1]?.toLowerCase() as TerraformProvider) : undefined;
}

/** The versions a lock file records: `provider "registry.terraform.io/hashicorp/aws" { version = "5.31.0" }`. */
export function readLockFile(text: string): Map<TerraformProvider, string> {
  const versions = new Map<TerraformProvider, string>();
  const { body } = parseNativeSyntax(text, false);
  const providers = body?.['provider'];
  if (typeof providers !== 'object' || providers === null) return versions;
  for (const [address, blocks] of Object.entries(providers as Record<string, unknown>)) {
    const provider = knownProvider(address);
    const first = Array.isArray(blocks) ? (blocks[0] as Record<string, unknown> | undefined) : undefined;
    const version = first?.['version'];
    if (provider && typeof version === 'string') versions.set(provider, version);
  }
  return versions;
}
