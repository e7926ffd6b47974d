import rule from '../../src/aws/cloudtrail/aws-cloudtrail-log-file-validation.js';
import { testRule } from '../rule-tester.js';

const trailHcl = (body: string, prelude = '') => `${prelude}resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n${body}}\n`;
const trail = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_cloudtrail.main', values: { name: 'main', s3_bucket_name: 'acme-cloudtrail', ...values }, ...more });

testRule(rule, {
  pass: [
    { name: 'validation enabled', hcl: trailHcl('  enable_log_file_validation = true\n'), resources: [trail({ enable_log_file_validation: true })], messageId: 'enabled', path: 'enable_log_file_validation' },
    {
      name: 'trail in a module',
      hcl: 'module "audit" {\n  source = "./modules/audit"\n}\n',
      files: { 'modules/audit/main.tf': trailHcl('  enable_log_file_validation = true\n') },
      resources: [{ ...trail({ enable_log_file_validation: true }), address: 'module.audit.aws_cloudtrail.main' }],
      messageId: 'enabled',
    },
  ],
  fail: [
    { name: 'validation left out', hcl: trailHcl(''), resources: [trail({})], messageId: 'disabled', path: 'enable_log_file_validation', message: 'default false' },
    { name: 'validation turned off', hcl: trailHcl('  enable_log_file_validation = false\n'), resources: [trail({ enable_log_file_validation: false })], messageId: 'disabled', path: 'enable_log_file_validation' },
  ],
  unknown: [
    {
      name: 'validation from a variable without a value',
      hcl: trailHcl('  enable_log_file_validation = var.validate\n', 'variable "validate" {\n  type = bool\n}\n\n'),
      resources: [trail({}, { unknown: ['enable_log_file_validation'] })],
      messageId: 'unknown',
      path: 'enable_log_file_validation',
    },
  ],
});
