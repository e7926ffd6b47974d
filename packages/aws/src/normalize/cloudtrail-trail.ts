import { isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, fieldAt, optional, required, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/** `AWS::CloudTrail::Trail` → `aws_cloudtrail`; `enable_logging` comes from the supplementary `LoggingStatus` when Config has it. */
export function normalizeCloudtrailTrail(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const missing = item.missing;
  const name = text(field(c, 'name')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'trailARN')));
  return [
    liveResource(
      identity,
      'aws_cloudtrail',
      attributes({
        id: identity.arn,
        name,
        arn: identity.arn,
        home_region: optional(field(c, 'homeRegion'), 'string'),
        s3_bucket_name: optional(field(c, 's3BucketName'), 'string'),
        is_multi_region_trail: required(field(c, 'isMultiRegionTrail'), 'boolean', 'isMultiRegionTrail', missing),
        is_organization_trail: optional(field(c, 'isOrganizationTrail'), 'boolean') ?? false,
        include_global_service_events: required(field(c, 'includeGlobalServiceEvents'), 'boolean', 'includeGlobalServiceEvents', missing),
        enable_log_file_validation: required(field(c, 'logFileValidationEnabled'), 'boolean', 'logFileValidationEnabled', missing),
        kms_key_id: optional(field(c, 'kmsKeyId'), 'string'),
        cloud_watch_logs_group_arn: optional(field(c, 'cloudWatchLogsLogGroupArn'), 'string'),
        cloud_watch_logs_role_arn: optional(field(c, 'cloudWatchLogsRoleArn'), 'string'),
        enable_logging: logging(item),
        tags: item.tags,
      }),
    ),
  ];
}

function logging(item: ConfigurationItem): Value {
  const status = field(item.supplementaryConfiguration, 'LoggingStatus');
  const enabled = isUnknown(status) ? status : (fieldAt(status, 'isLogging') ?? fieldAt(status, 'loggingEnabled'));
  if (isUnknown(enabled) || typeof enabled === 'boolean') return enabled;
  return new Unknown(item.missing ?? `the AWS Config item of trail ${item.resourceId} does not say whether it is logging (cloudtrail:GetTrailStatus)`);
}
