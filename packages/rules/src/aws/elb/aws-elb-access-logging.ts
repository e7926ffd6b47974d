import { defineRule } from '@trustscan/core';
import { attribute, readBlocks, readBoolean, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-elb-access-logging',
    title: 'Load balancers write access logs',
    description:
      'Access logs record every request a load balancer receives: client address, path, status, TLS version and timing. They are the evidence for investigating abuse of a public endpoint and are examined under the monitoring criteria. Application and classic load balancers are evaluated; Network and Gateway Load Balancers are not, since they log only TLS connections or nothing.',
    remediation: [
      'Send access logs to an S3 bucket whose policy lets Elastic Load Balancing write to it:',
      '',
      '```hcl',
      'resource "aws_lb" "web" {',
      '  # ...',
      '  access_logs {',
      '    bucket  = aws_s3_bucket.lb_logs.id',
      '    prefix  = "web"',
      '    enabled = true',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: 'Prowler maps elbv2_logging_enabled and elb_logging_enabled to CC7.2 and CC7.3; Steampipe maps elb_application_classic_lb_logging_enabled to CC7.2 and CC7.3.',
    },
    resourceTypes: ['aws_lb', 'aws_alb', 'aws_elb'],
    live: {
      aws: {
        configType: 'AWS::ElasticLoadBalancingV2::LoadBalancer; AWS::ElasticLoadBalancing::LoadBalancer',
        fields: ['supplementaryConfiguration.LoadBalancerAttributes[key=access_logs.s3.enabled]'],
        api: 'ELB DescribeLoadBalancerAttributes',
      },
    },
    defaults: [
      '`access_logs.enabled` defaults to false on `aws_lb` (even when a bucket is given) and to true on `aws_elb`; `load_balancer_type` defaults to application.',
    ],
    equivalents: { checkov: ['CKV_AWS_91', 'CKV_AWS_92'], kics: ['ELB Access Logging Disabled'], prowler: ['elbv2_logging_enabled', 'elb_logging_enabled'], catalog: ['S2-AWS-ELB-003'] },
    messages: {
      enabled: 'Load balancer {{address}} writes access logs to {{bucket}}.',
      disabled: 'Load balancer {{address}} does not write access logs: {{why}}. Add an access_logs block with a bucket and enabled = true.',
      unknown: 'Whether load balancer {{address}} writes access logs is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_lb" "web" {\n  name               = "web"\n  load_balancer_type = "application"\n  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]\n\n  access_logs {\n    bucket  = "acme-lb-logs"\n    enabled = true\n  }\n}\n',
      bad: 'resource "aws_lb" "web" {\n  name               = "web"\n  load_balancer_type = "application"\n  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]\n}\n',
    },
  },
  evaluate(lb) {
    const address = lb.address;
    const classic = lb.type === 'aws_elb';
    if (!classic) {
      const type = readString(attribute(lb, ['load_balancer_type']));
      if (type.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: type.reason }, path: ['load_balancer_type'] };
      if (type.kind === 'value' && type.value !== 'application') return [];
    }
    const blocks = readBlocks(attribute(lb, ['access_logs']));
    if (blocks.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: blocks.reason }, path: ['access_logs'] };
    const settings = blocks.kind === 'value' ? blocks.value[0] : undefined;
    if (!settings) return { status: 'fail', messageId: 'disabled', data: { address, why: 'there is no access_logs block' } };
    const enabledPath = ['access_logs', 0, 'enabled'];
    const enabled = readBoolean(settings['enabled']);
    if (enabled.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: enabled.reason }, path: enabledPath };
    const on = enabled.kind === 'value' ? enabled.value : classic;
    if (!on) return { status: 'fail', messageId: 'disabled', data: { address, why: enabled.kind === 'value' ? 'enabled is false' : 'enabled is not set (default false)' }, path: enabledPath };
    const bucketPath = ['access_logs', 0, 'bucket'];
    const bucket = readString(settings['bucket']);
    if (bucket.kind === 'absent') return { status: 'fail', messageId: 'disabled', data: { address, why: 'no bucket is set' }, path: bucketPath };
    // A bucket created in the same plan is known only after apply, yet logging is on.
    return { status: 'pass', messageId: 'enabled', data: { address, bucket: bucket.kind === 'value' ? bucket.value : 'a bucket created with it' }, path: enabledPath };
  },
});
