import { Unknown, type Resource } from '@trustscan/core';
import type { ConfigurationItem } from './configuration-item.js';
import { field, text } from './normalize/fields.js';

/**
 * Keeps a backup vault's `kms_key_arn` only when it names a customer managed key. AWS records the key of every vault,
 * the AWS managed `aws/backup` key included, where Terraform leaves `kms_key_arn` unset for that key; the KMS keys
 * the scan read tell the two apart (`keyManager`). A key the scan did not read is unknown, so the vault's key check
 * is never passed on an AWS managed key.
 */
export function resolveVaultKeys(resources: readonly Resource[], items: readonly ConfigurationItem[]): Resource[] {
  const managers = new Map<string, string>();
  for (const item of items) {
    if (item.resourceType !== 'AWS::KMS::Key' || item.missing) continue;
    const manager = text(field(item.configuration, 'keyManager'));
    const arn = item.arn ?? text(field(item.configuration, 'arn'));
    if (arn && manager) managers.set(arn, manager);
  }
  return resources.map((resource) => {
    const key = resource.attributes['kms_key_arn'];
    if (resource.type !== 'aws_backup_vault' || typeof key !== 'string') return resource;
    const manager = managers.get(key);
    if (manager === 'CUSTOMER') return resource;
    const kmsKeyArn = manager === 'AWS' ? null : new Unknown(`whether ${key} is a customer managed key is not known: the scan did not read that KMS key`);
    return { ...resource, attributes: { ...resource.attributes, kms_key_arn: kmsKeyArn } };
  });
}
