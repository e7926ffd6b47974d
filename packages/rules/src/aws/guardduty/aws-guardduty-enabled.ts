import { defineRule } from '@trustscan/core';
import { attribute, readBoolean } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-guardduty-enabled',
    title: 'GuardDuty detectors are enabled',
    description:
      'GuardDuty analyses CloudTrail, VPC flow and DNS logs for signs of compromise: stolen credentials used from unusual places, crypto mining, reconnaissance. It is the managed threat detection auditors accept as evidence that security events are detected and evaluated. A detector is regional; declare one enabled in each region in use (or auto-enable it for the organization).',
    remediation: [
      'Enable a detector in each region:',
      '',
      '```hcl',
      'resource "aws_guardduty_detector" "main" {',
      '  enable = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.1', 'CC6.8'],
      basis: 'Prowler maps guardduty_is_enabled to CC3.1, CC3.2, CC4.2, CC6.8 and CC7.1 to CC7.4; Steampipe maps guardduty_enabled to the same criteria and CC6.6.',
    },
    resourceTypes: ['aws_guardduty_detector'],
    live: { aws: { configType: '(the detector is not a configuration item)', fields: ['Status'], api: 'GuardDuty ListDetectors, GetDetector' } },
    defaults: ['`enable` defaults to true.'],
    equivalents: { checkov: ['CKV2_AWS_3'], kics: ['GuardDuty Detector Disabled'], prowler: ['guardduty_is_enabled'], catalog: ['S2-AWS-GD-001'] },
    messages: {
      enabled: 'GuardDuty detector {{address}} is enabled.',
      disabled: 'GuardDuty detector {{address}} is disabled. Set enable = true.',
      unknown: 'Whether GuardDuty detector {{address}} is enabled is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n',
      bad: 'resource "aws_guardduty_detector" "main" {\n  enable = false\n}\n',
    },
  },
  evaluate(detector) {
    const address = detector.address;
    const path = ['enable'];
    const enabled = readBoolean(attribute(detector, path));
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path };
    if (enabled.kind === 'value' && !enabled.value) return { status: 'fail', messageId: 'disabled', data: { address }, path };
    return { status: 'pass', messageId: 'enabled', data: { address }, path };
  },
});
