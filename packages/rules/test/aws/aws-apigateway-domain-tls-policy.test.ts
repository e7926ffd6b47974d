import rule from '../../src/aws/apigateway/aws-apigateway-domain-tls-policy.js';
import { testRule } from '../rule-tester.js';

const certificate = 'arn:aws:acm:eu-west-1:111122223333:certificate/abc';
const restDomainHcl = (policyLine: string, prelude = '') =>
  `${prelude}resource "aws_api_gateway_domain_name" "api" {\n  domain_name              = "api.acme.example"\n  regional_certificate_arn = "${certificate}"\n${policyLine}\n  endpoint_configuration {\n    types = ["REGIONAL"]\n  }\n}\n`;
const restDomain = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_api_gateway_domain_name.api',
  values: { domain_name: 'api.acme.example', regional_certificate_arn: certificate, endpoint_configuration: [{ types: ['REGIONAL'] }], ...values },
  ...more,
});

testRule(rule, {
  pass: [
    { name: 'REST API domain with TLS_1_2', hcl: restDomainHcl('  security_policy          = "TLS_1_2"\n'), resources: [restDomain({ security_policy: 'TLS_1_2' })], messageId: 'modern', path: 'security_policy' },
    {
      name: 'HTTP API domain with TLS_1_2',
      hcl: `resource "aws_apigatewayv2_domain_name" "api" {\n  domain_name = "api.acme.example"\n\n  domain_name_configuration {\n    certificate_arn = "${certificate}"\n    endpoint_type   = "REGIONAL"\n    security_policy = "TLS_1_2"\n  }\n}\n`,
      resources: [{ address: 'aws_apigatewayv2_domain_name.api', values: { domain_name: 'api.acme.example', domain_name_configuration: [{ certificate_arn: certificate, endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' }] } }],
      messageId: 'modern',
      path: 'domain_name_configuration.0.security_policy',
    },
    { name: 'enhanced TLS 1.3 security policy', resources: [restDomain({ security_policy: 'SecurityPolicy_TLS13_1_3_2025_09' })], messageId: 'modern' },
  ],
  fail: [
    { name: 'security policy left out (defaults to TLS_1_0)', hcl: restDomainHcl(''), resources: [restDomain({}, { computed: ['security_policy'] })], messageId: 'outdated', path: 'security_policy', message: 'TLS_1_0 (the default)' },
    { name: 'TLS_1_0 written out', hcl: restDomainHcl('  security_policy          = "TLS_1_0"\n'), resources: [restDomain({ security_policy: 'TLS_1_0' })], messageId: 'outdated', path: 'security_policy' },
  ],
  unknown: [
    {
      name: 'security policy from a variable without a value',
      hcl: restDomainHcl('  security_policy          = var.policy\n', 'variable "policy" {\n  type = string\n}\n\n'),
      resources: [restDomain({}, { unknown: ['security_policy'] })],
      messageId: 'unknown',
      path: 'security_policy',
    },
  ],
});
