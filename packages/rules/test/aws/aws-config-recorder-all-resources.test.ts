import rule from '../../src/aws/config/aws-config-recorder-all-resources.js';
import { testRule } from '../rule-tester.js';

const role = 'arn:aws:iam::111122223333:role/aws-config';
const recorderHcl = (group: string) => `resource "aws_config_configuration_recorder" "main" {\n  name     = "main"\n  role_arn = "${role}"\n${group}}\n`;
const statusHcl = (enabled: string) => `\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = ${enabled}\n}\n`;
const recorder = (values: Record<string, unknown> = {}, more: Record<string, unknown> = {}) => ({ address: 'aws_config_configuration_recorder.main', values: { name: 'main', role_arn: role, ...values }, ...more });
const globalGroup = '\n  recording_group {\n    include_global_resource_types = true\n  }\n';
const globalValues = { recording_group: [{ include_global_resource_types: true }] };
const status = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_config_configuration_recorder_status.main',
  values: { name: 'main', ...values },
  expressions: { name: ['aws_config_configuration_recorder.main.name', 'aws_config_configuration_recorder.main'] },
  ...more,
});

testRule(rule, {
  pass: [
    { name: 'default recording group with global types, started', hcl: recorderHcl(globalGroup) + statusHcl('true'), resources: [recorder(globalValues), status({ is_enabled: true })], subject: 'aws_config_configuration_recorder.main', messageId: 'recording', path: 'is_enabled' },
    {
      name: 'no global types, when the team records them elsewhere (option off)',
      hcl: recorderHcl('') + statusHcl('true'),
      resources: [recorder({}, { computed: ['recording_group'] }), status({ is_enabled: true })],
      subject: 'aws_config_configuration_recorder.main',
      options: { requireGlobalResourceTypes: false },
      messageId: 'recording',
    },
    {
      name: 'all supported types with global resources, started',
      hcl: recorderHcl('\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n') + statusHcl('true'),
      resources: [recorder({ recording_group: [{ all_supported: true, include_global_resource_types: true }] }), status({ is_enabled: true })],
      subject: 'aws_config_configuration_recorder.main',
      messageId: 'recording',
    },
  ],
  fail: [
    {
      name: 'default recording group leaves global types out, and no other recorder records them',
      hcl: recorderHcl('') + statusHcl('true'),
      resources: [recorder({}, { computed: ['recording_group'] }), status({ is_enabled: true })],
      subject: 'aws_config_configuration_recorder.main',
      messageId: 'noGlobalTypes',
      path: 'recording_group.0.include_global_resource_types',
    },
    { name: 'recorder never started', hcl: recorderHcl(globalGroup), resources: [recorder(globalValues)], messageId: 'notStarted', path: '' },
    { name: 'recorder stopped', hcl: recorderHcl(globalGroup) + statusHcl('false'), resources: [recorder(globalValues), status({ is_enabled: false })], subject: 'aws_config_configuration_recorder.main', messageId: 'notStarted', path: 'is_enabled' },
    {
      name: 'only some resource types',
      hcl: recorderHcl('\n  recording_group {\n    all_supported  = false\n    resource_types = ["AWS::S3::Bucket"]\n  }\n') + statusHcl('true'),
      resources: [recorder({ recording_group: [{ all_supported: false, resource_types: ['AWS::S3::Bucket'] }] }), status({ is_enabled: true })],
      subject: 'aws_config_configuration_recorder.main',
      messageId: 'partial',
      path: 'recording_group.0.all_supported',
    },
    {
      name: 'exclusion recording strategy',
      resources: [recorder({ recording_group: [{ all_supported: false, recording_strategy: [{ use_only: 'EXCLUSION_BY_RESOURCE_TYPES' }] }] }), status({ is_enabled: true })],
      subject: 'aws_config_configuration_recorder.main',
      messageId: 'partial',
      path: 'recording_group.0.all_supported',
    },
  ],
  unknown: [
    {
      name: 'recorder status from a variable without a value',
      hcl: 'variable "record" {\n  type = bool\n}\n\n' + recorderHcl(globalGroup) + statusHcl('var.record'),
      resources: [recorder(globalValues), status({}, { unknown: ['is_enabled'] })],
      subject: 'aws_config_configuration_recorder.main',
      messageId: 'unknown',
      path: 'is_enabled',
    },
  ],
});
