import { isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import { field, list, optional, stringList, text } from './fields.js';
import { liveResource, type LiveIdentity } from './live-resource.js';

// Settings that are not configuration items, read from their own APIs, one per account and region.

/** Where an account-level setting lives. */
export interface SettingScope {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

function identity(scope: SettingScope, service: string, resource: string): LiveIdentity {
  return { arn: `arn:${scope.partition}:${service}:${scope.region}:${scope.account}:${resource}`, account: scope.account, region: scope.region };
}

/**
 * `DescribeConfigurationRecorders` and `DescribeConfigurationRecorderStatus` answers → `aws_config_configuration_recorder`
 * and `aws_config_configuration_recorder_status` (linked by reference, since every region's recorder is `default`).
 * `statuses` is `Unknown` when the status could not be read.
 */
export function normalizeConfigRecorders(recorders: readonly Value[], statuses: readonly Value[] | Unknown, scope: SettingScope): Resource[] {
  return recorders.flatMap((recorder) => {
    const name = text(field(recorder, 'name'));
    if (name === undefined) return [];
    const id = { ...identity(scope, 'config', `config-recorder/${name}`), ...(text(field(recorder, 'arn')) ? { arn: text(field(recorder, 'arn')) as string } : {}) };
    const group = field(recorder, 'recordingGroup');
    const strategy = text(field(field(group, 'recordingStrategy'), 'useOnly'));
    const status = isUnknown(statuses) ? undefined : statuses.find((s) => text(field(s, 'name')) === name);
    return [
      liveResource(id, 'aws_config_configuration_recorder', {
        id: name,
        name,
        role_arn: optional(field(recorder, 'roleARN'), 'string'),
        recording_group: group
          ? [
              {
                all_supported: optional(field(group, 'allSupported'), 'boolean'),
                include_global_resource_types: optional(field(group, 'includeGlobalResourceTypes'), 'boolean'),
                resource_types: stringList(field(group, 'resourceTypes')),
                recording_strategy: strategy === undefined ? [] : [{ use_only: strategy }],
              },
            ]
          : [],
      }),
      liveResource(
        id,
        'aws_config_configuration_recorder_status',
        {
          id: name,
          name,
          is_enabled: isUnknown(statuses)
            ? statuses
            : status === undefined
              ? new Unknown(`DescribeConfigurationRecorderStatus did not list recorder ${name}`)
              : (optional(field(status, 'recording'), 'boolean') ?? false),
        },
        { suffix: 'status', references: { name: [id.arn] } },
      ),
    ];
  });
}

/** `GetEbsEncryptionByDefault` → `aws_ebs_encryption_by_default` of a region (`enabled` `Unknown` when it could not be read). */
export function normalizeEbsEncryptionByDefault(enabled: boolean | Unknown, scope: SettingScope): Resource {
  return liveResource(identity(scope, 'ec2', 'ebs-encryption-by-default'), 'aws_ebs_encryption_by_default', { id: `${scope.account}:${scope.region}`, enabled });
}

/** `GetDetector` → `aws_guardduty_detector`: `enable` is whether the detector's status is `ENABLED`. */
export function normalizeGuardDutyDetector(detectorId: string, detector: Value, scope: SettingScope): Resource {
  const status = text(field(detector, 'Status'));
  return liveResource(identity(scope, 'guardduty', `detector/${detectorId}`), 'aws_guardduty_detector', {
    id: detectorId,
    enable: status === undefined ? new Unknown(`GetDetector returned no status for detector ${detectorId}`) : status.toUpperCase() === 'ENABLED',
    finding_publishing_frequency: optional(field(detector, 'FindingPublishingFrequency'), 'string'),
    data_sources: list(field(detector, 'Features')).map((feature) => ({ name: optional(field(feature, 'Name'), 'string'), status: optional(field(feature, 'Status'), 'string') })),
  });
}
