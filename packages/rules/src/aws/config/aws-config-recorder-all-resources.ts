import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { attribute, readBlocks, readBoolean, readString } from '../../analysis/values.js';

type MessageId = 'recording' | 'partial' | 'noGlobalTypes' | 'notStarted' | 'unknown' | 'notObserved';
type Options = { readonly requireGlobalResourceTypes: boolean };

export default defineRule<MessageId, Options>({
  meta: {
    id: 'aws-config-recorder-all-resources',
    title: 'AWS Config records every resource type',
    description:
      'AWS Config keeps the configuration history of every resource: what changed, when, and how it related to other resources. That history is the evidence for change management and for reconstructing the state of the system at any point of the audit period. A recorder must record all supported resource types and be started; Terraform creates recorders stopped, so the recorder status must be declared too. Global resource types (IAM users, roles, groups and policies) need recording in one region only: a recorder that leaves them out passes when another recorder of the configuration includes them.',
    remediation: [
      'Record all resource types, deliver to a bucket, and start the recorder:',
      '',
      '```hcl',
      'resource "aws_config_configuration_recorder" "main" {',
      '  name     = "main"',
      '  role_arn = aws_iam_role.config.arn',
      '  recording_group {',
      '    all_supported                 = true',
      '    include_global_resource_types = true',
      '  }',
      '}',
      '',
      'resource "aws_config_configuration_recorder_status" "main" {',
      '  name       = aws_config_configuration_recorder.main.name',
      '  is_enabled = true',
      '  depends_on = [aws_config_delivery_channel.main]',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC8.1', 'CC3.4'],
      secondary: ['CC2.1', 'CC7.1'],
      basis: 'Prowler maps config_recorder_all_regions_enabled to CC2.1, CC3.1, CC3.4 and CC8.1; Steampipe maps config_enabled_all_regions to the same criteria.',
    },
    resourceTypes: ['aws_config_configuration_recorder'],
    relatedTypes: ['aws_config_configuration_recorder_status'],
    live: { aws: { configType: '(the recorder is not a configuration item)', fields: ['recordingGroup.allSupported', 'recording'], api: 'Config DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus' } },
    defaults: [
      'Without a `recording_group`, a recorder records all supported resource types (`all_supported` defaults to true) but no global ones (`include_global_resource_types` defaults to false). A recorder without an `aws_config_configuration_recorder_status` is created stopped.',
    ],
    options: {
      requireGlobalResourceTypes: {
        type: 'boolean',
        description: 'Require some recorder of the configuration to include global resource types (IAM).',
        default: true,
      },
    },
    equivalents: { checkov: ['CKV2_AWS_45', 'CKV2_AWS_48'], trivy: ['AVD-AWS-0019'], prowler: ['config_recorder_all_regions_enabled'], catalog: ['S2-AWS-CFG-001'] },
    messages: {
      recording: 'AWS Config recorder {{address}} records every supported resource type and is started.',
      partial: 'AWS Config recorder {{address}} records only some resource types: {{detail}}. Set recording_group.all_supported = true.',
      noGlobalTypes: 'AWS Config recorder {{address}} does not record global resource types (IAM users, roles and policies), and no other recorder here does. Set recording_group.include_global_resource_types = true in one region.',
      notStarted: 'AWS Config recorder {{address}} is not started: {{detail}}. Declare aws_config_configuration_recorder_status with is_enabled = true.',
      unknown: 'Whether AWS Config recorder {{address}} records every resource type is not known: {{reason}}.',
      notObserved: 'Whether AWS Config recorder {{address}} is started is not known: this scan did not read recorder statuses.',
    },
    examples: {
      good: 'resource "aws_config_configuration_recorder" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/aws-config"\n\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n}\n\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = true\n}\n',
      bad: 'resource "aws_config_configuration_recorder" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/aws-config"\n\n  recording_group {\n    all_supported  = false\n    resource_types = ["AWS::S3::Bucket"]\n  }\n}\n\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = true\n}\n',
    },
  },
  evaluate(recorder, context) {
    const address = recorder.address;
    const scope = recordingScope(recorder) ?? (context.options.requireGlobalResourceTypes ? globalTypes(recorder, context) : undefined);
    if (scope) return scope;
    const status = context.related(recorder, 'aws_config_configuration_recorder_status')[0];
    if (!status && !context.observed('aws_config_configuration_recorder_status')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    if (!status) return { status: 'fail', messageId: 'notStarted', data: { address, detail: 'no aws_config_configuration_recorder_status starts it' } };
    const path = ['is_enabled'];
    const enabled = readBoolean(attribute(status, path));
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path, at: status };
    if (enabled.kind === 'value' && enabled.value) return { status: 'pass', messageId: 'recording', data: { address }, path, at: status };
    return { status: 'fail', messageId: 'notStarted', data: { address, detail: 'its status sets is_enabled = false' }, path, at: status };
  },
});

/** A failure when neither this recorder nor another one in the scan records global resource types. */
function globalTypes(recorder: Resource, context: RuleContext): Verdict<MessageId> | undefined {
  const path = ['recording_group', 0, 'include_global_resource_types'];
  const includes = (other: Resource) => readBoolean(attribute(other, path));
  const own = includes(recorder);
  if (own.kind === 'value' && own.value) return undefined;
  if (own.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address: recorder.address, reason: own.reason }, path };
  const others = context.resourcesOfType('aws_config_configuration_recorder').filter((other) => other !== recorder).map(includes);
  if (others.some((r) => r.kind === 'value' && r.value)) return undefined;
  const unknown = others.find((r) => r.kind === 'unknown');
  if (unknown?.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address: recorder.address, reason: unknown.reason }, path };
  return { status: 'fail', messageId: 'noGlobalTypes', data: { address: recorder.address }, path };
}

/** A verdict when the recording group leaves resource types out (or is unknown); `undefined` when it records all. */
function recordingScope(recorder: Resource): Verdict<MessageId> | undefined {
  const address = recorder.address;
  const groups = readBlocks(attribute(recorder, ['recording_group']));
  if (groups.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: groups.reason }, path: ['recording_group'] };
  const group = groups.kind === 'value' ? groups.value[0] : undefined;
  if (!group) return undefined;
  const allPath = ['recording_group', 0, 'all_supported'];
  const all = readBoolean(group['all_supported']);
  if (all.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: all.reason }, path: allPath };
  if (all.kind === 'value' && !all.value) return { status: 'fail', messageId: 'partial', data: { address, detail: 'all_supported is false' }, path: allPath };
  const strategy = readBlocks(group['recording_strategy']);
  const strategyPath = ['recording_group', 0, 'recording_strategy', 0, 'use_only'];
  if (strategy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: strategy.reason }, path: strategyPath };
  const useOnly = readString(strategy.kind === 'value' ? strategy.value[0]?.['use_only'] : undefined);
  if (useOnly.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: useOnly.reason }, path: strategyPath };
  if (useOnly.kind === 'value' && useOnly.value !== 'ALL_SUPPORTED_RESOURCE_TYPES') return { status: 'fail', messageId: 'partial', data: { address, detail: `the recording strategy is ${useOnly.value}` }, path: strategyPath };
  return undefined;
}
