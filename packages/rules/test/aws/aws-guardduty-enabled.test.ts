import rule from '../../src/aws/guardduty/aws-guardduty-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: [
    { name: 'enable left out (defaults to true)', hcl: 'resource "aws_guardduty_detector" "main" {}\n', resources: [{ address: 'aws_guardduty_detector.main', values: {}, computed: ['enable', 'account_id'] }], messageId: 'enabled' },
    { name: 'enable = true', hcl: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}\n', resources: [{ address: 'aws_guardduty_detector.main', values: { enable: true } }], messageId: 'enabled', path: 'enable' },
  ],
  fail: [{ name: 'detector suspended', hcl: 'resource "aws_guardduty_detector" "main" {\n  enable = false\n}\n', resources: [{ address: 'aws_guardduty_detector.main', values: { enable: false } }], messageId: 'disabled', path: 'enable' }],
  unknown: [
    { name: 'enable from a variable without a value', hcl: 'variable "on" {\n  type = bool\n}\n\nresource "aws_guardduty_detector" "main" {\n  enable = var.on\n}\n', resources: [{ address: 'aws_guardduty_detector.main', unknown: ['enable'] }], messageId: 'unknown', path: 'enable' },
  ],
});
