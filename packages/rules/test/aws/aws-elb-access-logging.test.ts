import rule from '../../src/aws/elb/aws-elb-access-logging.js';
import { testRule } from '../rule-tester.js';

const lb = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_lb.web', values: { name: 'web', subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], ...values }, ...more });
const lbHcl = (body: string) => `resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]\n${body}}\n`;

testRule(rule, {
  pass: [
    {
      name: 'logs to a bucket created in the same configuration',
      hcl: 'resource "aws_s3_bucket" "lb_logs" {\n  bucket = "acme-lb-logs"\n}\n\n' + lbHcl('\n  access_logs {\n    bucket  = aws_s3_bucket.lb_logs.id\n    enabled = true\n  }\n'),
      resources: [lb({ access_logs: [{ enabled: true }] }, { unknown: ['access_logs.0.bucket'] })],
      subject: 'aws_lb.web',
      messageId: 'enabled',
      path: 'access_logs.0.enabled',
    },
    {
      name: 'classic load balancer with an access_logs block (enabled defaults to true)',
      hcl: 'resource "aws_elb" "legacy" {\n  availability_zones = ["eu-west-1a"]\n\n  listener {\n    instance_port     = 80\n    instance_protocol = "http"\n    lb_port           = 443\n    lb_protocol       = "https"\n    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"\n  }\n\n  access_logs {\n    bucket = "acme-lb-logs"\n  }\n}\n',
      resources: [{ address: 'aws_elb.legacy', values: { access_logs: [{ bucket: 'acme-lb-logs' }] } }],
      messageId: 'enabled',
      message: 'acme-lb-logs',
    },
  ],
  fail: [
    { name: 'no access_logs block', hcl: lbHcl(''), resources: [lb({}, { computed: ['access_logs', 'load_balancer_type'] })], messageId: 'disabled', path: '' },
    {
      name: 'bucket given but enabled left out (defaults to false on aws_lb)',
      hcl: lbHcl('\n  access_logs {\n    bucket = "acme-lb-logs"\n  }\n'),
      resources: [lb({ access_logs: [{ bucket: 'acme-lb-logs' }] })],
      messageId: 'disabled',
      path: 'access_logs.0.enabled',
      message: 'default false',
    },
    { name: 'explicitly disabled', resources: [lb({ load_balancer_type: 'application', access_logs: [{ bucket: 'acme-lb-logs', enabled: false }] })], messageId: 'disabled', path: 'access_logs.0.enabled' },
  ],
  unknown: [
    {
      name: 'enabled from a variable without a value',
      hcl: 'variable "log" {\n  type = bool\n}\n\n' + lbHcl('\n  access_logs {\n    bucket  = "acme-lb-logs"\n    enabled = var.log\n  }\n'),
      resources: [lb({ access_logs: [{ bucket: 'acme-lb-logs' }] }, { unknown: ['access_logs.0.enabled'] })],
      messageId: 'unknown',
      path: 'access_logs.0.enabled',
    },
  ],
});
