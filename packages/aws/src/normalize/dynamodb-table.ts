import { isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import { storeTags } from './store-tags.js';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, fieldAt, optional, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/**
 * `AWS::DynamoDB::Table` → `aws_dynamodb_table` with `point_in_time_recovery` (from the supplementary
 * `ContinuousBackupsDescription`) and `server_side_encryption` (from `ssedescription`; absent means the AWS owned key,
 * which Terraform records as no block).
 */
export function normalizeDynamodbTable(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const name = text(field(c, 'tableName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'tableArn')));
  return [
    liveResource(
      identity,
      'aws_dynamodb_table',
      attributes({
        id: name,
        name,
        arn: identity.arn,
        billing_mode: optional(fieldAt(c, 'billingModeSummary', 'billingMode'), 'string'),
        point_in_time_recovery: pointInTimeRecovery(item),
        server_side_encryption: item.missing ? new Unknown(item.missing) : serverSideEncryption(field(c, 'ssedescription')),
        tags: storeTags(item),
      }),
    ),
  ];
}

function pointInTimeRecovery(item: ConfigurationItem): Value {
  const status = fieldAt(item.supplementaryConfiguration, 'ContinuousBackupsDescription', 'pointInTimeRecoveryDescription', 'pointInTimeRecoveryStatus');
  if (isUnknown(status)) return status;
  if (typeof status !== 'string') {
    return new Unknown(item.missing ?? `the AWS Config item of table ${item.resourceId} has no ContinuousBackupsDescription (dynamodb:DescribeContinuousBackups)`);
  }
  return [{ enabled: status === 'ENABLED' || status === 'ENABLING' }];
}

function serverSideEncryption(description: Value | undefined): Value {
  const status = text(field(description, 'status'));
  if (status === undefined || (status !== 'ENABLED' && status !== 'ENABLING' && status !== 'UPDATING')) return [];
  return [{ enabled: true, kms_key_arn: optional(field(description, 'kmsmasterKeyArn'), 'string') }];
}
