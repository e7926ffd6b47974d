import { Unknown, type Resource } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/** `AWS::Logs::LogGroup` → `aws_cloudwatch_log_group`; no retention means logs never expire, which Terraform writes as `0`. */
export function normalizeLogGroup(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const name = text(field(c, 'logGroupName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:logs:${item.awsRegion}:${item.accountId}:log-group:${name}`);
  const retention = optional(field(c, 'retentionInDays'), 'number');
  return [
    liveResource(
      identity,
      'aws_cloudwatch_log_group',
      attributes({
        id: name,
        name,
        arn: identity.arn,
        retention_in_days: item.missing ? new Unknown(item.missing) : (retention ?? 0),
        kms_key_id: optional(field(c, 'kmsKeyId'), 'string'),
        tags: item.tags,
      }),
    ),
  ];
}
