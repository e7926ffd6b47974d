import rule from '../../src/aws/dynamodb/aws-dynamodb-point-in-time-recovery.js';
import { testRule } from '../rule-tester.js';

const tableHcl = (body: string, prelude = '') =>
  `${prelude}resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n${body}}\n`;
const table = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_dynamodb_table.orders',
  values: { name: 'orders', billing_mode: 'PAY_PER_REQUEST', hash_key: 'id', attribute: [{ name: 'id', type: 'S' }], ...values },
  computed: ['arn'],
  ...more,
});

testRule(rule, {
  pass: [
    { name: 'point-in-time recovery on', hcl: tableHcl('\n  point_in_time_recovery {\n    enabled = true\n  }\n'), resources: [table({ point_in_time_recovery: [{ enabled: true }] })], messageId: 'enabled', path: 'point_in_time_recovery.0.enabled' },
    {
      name: 'tables of a count, all with recovery',
      hcl: 'resource "aws_dynamodb_table" "orders" {\n  count        = 2\n  name         = "orders-${count.index}"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n',
      resources: [
        { ...table({ name: 'orders-0', point_in_time_recovery: [{ enabled: true }] }), address: 'aws_dynamodb_table.orders[0]' },
        { ...table({ name: 'orders-1', point_in_time_recovery: [{ enabled: true }] }), address: 'aws_dynamodb_table.orders[1]' },
      ],
      subject: 'aws_dynamodb_table.orders[1]',
      messageId: 'enabled',
    },
  ],
  fail: [
    { name: 'no point_in_time_recovery block', hcl: tableHcl(''), resources: [table({ point_in_time_recovery: [{ enabled: false }] })], messageId: 'disabled', path: 'point_in_time_recovery.0.enabled' },
    { name: 'recovery turned off', hcl: tableHcl('\n  point_in_time_recovery {\n    enabled = false\n  }\n'), resources: [table({ point_in_time_recovery: [{ enabled: false }] })], messageId: 'disabled', path: 'point_in_time_recovery.0.enabled' },
  ],
  unknown: [
    {
      name: 'recovery from a variable without a value',
      hcl: tableHcl('\n  point_in_time_recovery {\n    enabled = var.pitr\n  }\n', 'variable "pitr" {\n  type = bool\n}\n\n'),
      resources: [table({ point_in_time_recovery: [{}] }, { unknown: ['point_in_time_recovery.0.enabled'] })],
      messageId: 'unknown',
      path: 'point_in_time_recovery.0.enabled',
    },
  ],
});
