import rule from '../../src/aws/elb/aws-elb-listener-tls-policy.js';
import { testRule } from '../rule-tester.js';

const lbArn = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const tgArn = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067';
const certificate = 'arn:aws:acm:eu-west-1:111122223333:certificate/abc';
const https = (policyLine: string) => `resource "aws_lb_listener" "web" {
  load_balancer_arn = "${lbArn}"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "${certificate}"
${policyLine}
  default_action {
    type             = "forward"
    target_group_arn = "${tgArn}"
  }
}
`;
const listener = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_lb_listener.web',
  values: { load_balancer_arn: lbArn, port: 443, protocol: 'HTTPS', certificate_arn: certificate, default_action: [{ type: 'forward', target_group_arn: tgArn }], ...values },
  ...more,
});

testRule(rule, {
  pass: [
    { name: 'TLS 1.3 policy', hcl: https('  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n'), resources: [listener({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' })], messageId: 'modern', path: 'ssl_policy' },
    { name: 'forward secrecy TLS 1.2 policy', resources: [listener({ ssl_policy: 'ELBSecurityPolicy-FS-1-2-Res-2020-10' })], messageId: 'modern', path: 'ssl_policy' },
    {
      name: 'NLB TLS listener with a FIPS policy',
      hcl: `resource "aws_lb_listener" "tls" {
  load_balancer_arn = "${lbArn}"
  port              = 443
  protocol          = "TLS"
  certificate_arn   = "${certificate}"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"

  default_action {
    type             = "forward"
    target_group_arn = "${tgArn}"
  }
}
`,
      resources: [{ ...listener({ protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04' }), address: 'aws_lb_listener.tls' }],
      messageId: 'modern',
    },
    {
      name: 'classic negotiation policy referencing a TLS 1.2 policy',
      hcl: 'resource "aws_load_balancer_policy" "tls" {\n  load_balancer_name = "legacy"\n  policy_name        = "tls12"\n  policy_type_name   = "SSLNegotiationPolicyType"\n\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-TLS-1-2-2017-01"\n  }\n}\n',
      resources: [{ address: 'aws_load_balancer_policy.tls', values: { load_balancer_name: 'legacy', policy_name: 'tls12', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] } }],
      messageId: 'modern',
      path: 'policy_attribute.0.value',
    },
  ],
  fail: [
    { name: 'policy that accepts TLS 1.0', hcl: https('  ssl_policy        = "ELBSecurityPolicy-2016-08"\n'), resources: [listener({ ssl_policy: 'ELBSecurityPolicy-2016-08' })], messageId: 'outdated', path: 'ssl_policy' },
    { name: 'TLS 1.3 policy that still accepts TLS 1.1', resources: [listener({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-1-2021-06' })], messageId: 'outdated', path: 'ssl_policy' },
    { name: 'ssl_policy left out gets the API default', hcl: https(''), resources: [listener({}, { computed: ['ssl_policy'] })], messageId: 'defaultPolicy', path: 'ssl_policy' },
    {
      name: 'classic SSL negotiation policy enabling TLS 1.0',
      hcl: 'resource "aws_lb_ssl_negotiation_policy" "legacy" {\n  name          = "legacy"\n  load_balancer = "legacy"\n  lb_port       = 443\n\n  attribute {\n    name  = "Protocol-TLSv1.2"\n    value = "true"\n  }\n\n  attribute {\n    name  = "Protocol-TLSv1"\n    value = "true"\n  }\n}\n',
      resources: [{ address: 'aws_lb_ssl_negotiation_policy.legacy', values: { name: 'legacy', load_balancer: 'legacy', lb_port: 443, attribute: [{ name: 'Protocol-TLSv1.2', value: 'true' }, { name: 'Protocol-TLSv1', value: 'true' }] } }],
      messageId: 'legacyProtocol',
      path: 'attribute.1.value',
    },
  ],
  unknown: [
    {
      name: 'policy from a variable without a value',
      hcl: 'variable "tls_policy" {\n  type = string\n}\n\n' + https('  ssl_policy        = var.tls_policy\n'),
      resources: [listener({}, { unknown: ['ssl_policy'] })],
      messageId: 'unknown',
      path: 'ssl_policy',
    },
  ],
});
