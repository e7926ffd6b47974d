import rule from '../../src/aws/ebs/aws-ebs-encryption-by-default.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: [
    { name: 'declared without enabled (defaults to true)', hcl: 'resource "aws_ebs_encryption_by_default" "this" {}\n', resources: [{ address: 'aws_ebs_encryption_by_default.this', values: {}, computed: ['id'] }], messageId: 'enabled' },
    { name: 'enabled = true', hcl: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n', resources: [{ address: 'aws_ebs_encryption_by_default.this', values: { enabled: true } }], messageId: 'enabled', path: 'enabled' },
  ],
  fail: [
    { name: 'enabled = false', hcl: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n', resources: [{ address: 'aws_ebs_encryption_by_default.this', values: { enabled: false } }], messageId: 'disabled', path: 'enabled' },
    {
      name: 'turned off in one region of a for_each',
      hcl: 'locals {\n  regions = { eu = true, us = false }\n}\n\nresource "aws_ebs_encryption_by_default" "this" {\n  for_each = local.regions\n  enabled  = each.value\n}\n',
      resources: [{ address: 'aws_ebs_encryption_by_default.this["eu"]', values: { enabled: true } }, { address: 'aws_ebs_encryption_by_default.this["us"]', values: { enabled: false } }],
      subject: 'aws_ebs_encryption_by_default.this["us"]',
      messageId: 'disabled',
      path: 'enabled',
    },
  ],
  unknown: [
    { name: 'enabled from a variable without a value', hcl: 'variable "on" {\n  type = bool\n}\n\nresource "aws_ebs_encryption_by_default" "this" {\n  enabled = var.on\n}\n', resources: [{ address: 'aws_ebs_encryption_by_default.this', unknown: ['enabled'] }], messageId: 'unknown', path: 'enabled' },
  ],
});
