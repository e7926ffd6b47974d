import type { Resource } from '@trustscan/core';
import { storeTags } from './store-tags.js';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, required, stringList, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/**
 * `AWS::RDS::DBInstance` → `aws_db_instance`, or `aws_rds_cluster_instance` for a member of an Aurora cluster
 * (whose encryption and backups belong to the cluster, as in Terraform).
 */
export function normalizeRdsInstance(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const missing = item.missing;
  const identifier = text(field(c, 'dBInstanceIdentifier')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'dBInstanceArn')));
  const clusterIdentifier = text(field(c, 'dBClusterIdentifier'));
  const common = {
    identifier,
    arn: identity.arn,
    engine: optional(field(c, 'engine'), 'string'),
    engine_version: optional(field(c, 'engineVersion'), 'string'),
    instance_class: optional(field(c, 'dBInstanceClass'), 'string'),
    publicly_accessible: required(field(c, 'publiclyAccessible'), 'boolean', 'publiclyAccessible', missing),
    resource_id: text(field(c, 'dbiResourceId')) ?? null,
    tags: storeTags(item, 'tagList'),
  };
  if (clusterIdentifier !== undefined && clusterIdentifier !== '') {
    return [liveResource(identity, 'aws_rds_cluster_instance', attributes({ id: identifier, cluster_identifier: clusterIdentifier, ...common }))];
  }
  const parameterGroups = list(field(c, 'dBParameterGroups')).map((group) => text(field(group, 'dBParameterGroupName'))).filter((name) => name !== undefined);
  return [
    liveResource(
      identity,
      'aws_db_instance',
      attributes({
        id: text(field(c, 'dbiResourceId')) ?? identifier,
        ...common,
        storage_encrypted: required(field(c, 'storageEncrypted'), 'boolean', 'storageEncrypted', missing),
        kms_key_id: optional(field(c, 'kmsKeyId'), 'string'),
        backup_retention_period: required(field(c, 'backupRetentionPeriod'), 'number', 'backupRetentionPeriod', missing),
        multi_az: optional(field(c, 'multiAZ'), 'boolean'),
        deletion_protection: optional(field(c, 'deletionProtection'), 'boolean'),
        iam_database_authentication_enabled: optional(field(c, 'iAMDatabaseAuthenticationEnabled'), 'boolean'),
        enabled_cloudwatch_logs_exports: stringList(field(c, 'enabledCloudwatchLogsExports')),
        parameter_group_name: parameterGroups[0] ?? null,
        copy_tags_to_snapshot: optional(field(c, 'copyTagsToSnapshot'), 'boolean'),
        performance_insights_enabled: optional(field(c, 'performanceInsightsEnabled'), 'boolean'),
        performance_insights_kms_key_id: optional(field(c, 'performanceInsightsKMSKeyId'), 'string'),
      }),
    ),
  ];
}

/** `AWS::RDS::DBCluster` → `aws_rds_cluster`. Config spells this type's keys in lower case (`dbclusterIdentifier`); fields are read ignoring case. */
export function normalizeRdsCluster(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const missing = item.missing;
  const identifier = text(field(c, 'dBClusterIdentifier')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'dBClusterArn')));
  return [
    liveResource(
      identity,
      'aws_rds_cluster',
      attributes({
        id: identifier,
        cluster_identifier: identifier,
        arn: identity.arn,
        cluster_resource_id: text(field(c, 'dbClusterResourceId')) ?? null,
        engine: optional(field(c, 'engine'), 'string'),
        engine_version: optional(field(c, 'engineVersion'), 'string'),
        storage_encrypted: required(field(c, 'storageEncrypted'), 'boolean', 'storageEncrypted', missing),
        kms_key_id: optional(field(c, 'kmsKeyId'), 'string'),
        backup_retention_period: required(field(c, 'backupRetentionPeriod'), 'number', 'backupRetentionPeriod', missing),
        deletion_protection: optional(field(c, 'deletionProtection'), 'boolean'),
        iam_database_authentication_enabled: optional(field(c, 'iAMDatabaseAuthenticationEnabled'), 'boolean'),
        enabled_cloudwatch_logs_exports: stringList(field(c, 'enabledCloudwatchLogsExports')),
        db_cluster_parameter_group_name: optional(field(c, 'dBClusterParameterGroup'), 'string'),
        copy_tags_to_snapshot: optional(field(c, 'copyTagsToSnapshot'), 'boolean'),
        tags: storeTags(item, 'tagList'),
      }),
    ),
  ];
}
