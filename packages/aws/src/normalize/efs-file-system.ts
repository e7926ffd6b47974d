import type { Resource } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, required, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';
import { storeTags } from './store-tags.js';

/**
 * `AWS::EFS::FileSystem` (CloudFormation shape) → `aws_efs_file_system`: encryption at rest, and the tags AWS Backup
 * selections match; its `BackupPolicy` becomes an `aws_efs_backup_policy`, as Terraform declares it.
 */
export function normalizeEfsFileSystem(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const id = text(field(c, 'FileSystemId')) ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'Arn')) ?? `arn:${partitionOf(item.arn)}:elasticfilesystem:${item.awsRegion}:${item.accountId}:file-system/${id}`);
  const backup = text(field(field(c, 'BackupPolicy'), 'Status'));
  return [
    ...(backup === undefined
      ? []
      : [liveResource(identity, 'aws_efs_backup_policy', { file_system_id: id, backup_policy: [{ status: backup }] }, { suffix: 'backup-policy', references: { file_system_id: [identity.arn] } })]),
    liveResource(
      identity,
      'aws_efs_file_system',
      attributes({
        id,
        arn: identity.arn,
        encrypted: required(field(c, 'Encrypted'), 'boolean', 'Encrypted', item.missing),
        kms_key_id: optional(field(c, 'KmsKeyId'), 'string'),
        performance_mode: optional(field(c, 'PerformanceMode'), 'string'),
        tags: storeTags(item, 'FileSystemTags'),
      }),
    ),
  ];
}
