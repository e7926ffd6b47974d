import type { CollectionProblem } from './collection-problems.js';
import { resourceKinds } from './resource-kinds.js';

/** The subscription-scope lists the source reads, and the Terraform types each yields. */
const subscriptionLists: Readonly<Record<string, readonly string[]>> = {
  'microsoft.insights/diagnosticsettings': ['azurerm_monitor_diagnostic_setting'],
  'microsoft.security/pricings': ['azurerm_security_center_subscription_pricing'],
  'microsoft.authorization/roledefinitions': ['azurerm_role_definition'],
  'microsoft.authorization/roleassignments': ['azurerm_role_assignment'],
};

/**
 * Types whose every instance a resource's own properties describe: a storage account's customer-managed key is
 * read with the account (`encryption.keySource`), so a separate `azurerm_storage_account_customer_managed_key` that
 * is absent truly does not exist.
 */
const foldedTypes = ['azurerm_storage_account_customer_managed_key'];

/** What a failed read of each ARM type leaves unread: the types of a resource's children, or a child's own types. */
function unreadTypesByArmType(): Map<string, Set<string>> {
  const unread = new Map<string, Set<string>>();
  const add = (armType: string, types: readonly string[]): void => {
    const key = armType.toLowerCase();
    const set = unread.get(key) ?? new Set<string>();
    for (const type of types) set.add(type);
    unread.set(key, set);
  };
  for (const [armType, types] of Object.entries(subscriptionLists)) add(armType, types);
  for (const kind of resourceKinds) {
    for (const child of kind.children ?? []) {
      add(child.armType, child.terraformTypes ?? []);
      // A resource that could not be read had none of its children read.
      add(kind.armType, child.terraformTypes ?? []);
    }
  }
  return unread;
}

/**
 * The Terraform types a live Azure scan observed: those of every kind it lists, the subscription-scope ones and the
 * folded ones, less the types of any list or child read that failed (`problems`), so that a denied read of a
 * vault's protected items makes "this VM is not backed up" unknown rather than a failure.
 */
export function observedAzureTypes(problems: readonly CollectionProblem[]): string[] {
  const unreadBy = unreadTypesByArmType();
  const unread = new Set(problems.flatMap((problem) => [...(unreadBy.get(problem.armType.toLowerCase()) ?? [])]));
  const all = [
    'azurerm_subscription',
    ...Object.values(subscriptionLists).flat(),
    ...foldedTypes,
    ...resourceKinds.flatMap((kind) => [...kind.terraformTypes, ...(kind.children ?? []).flatMap((child) => child.terraformTypes ?? [])]),
  ];
  return [...new Set(all)].filter((type) => !unread.has(type)).sort();
}
