import { defineRule } from '@trustscan/core';
import { attribute, readString } from '../../analysis/values.js';

/** `TLS_1_2`, and the enhanced `SecurityPolicy_TLS12_*` / `SecurityPolicy_TLS13_*` policies that start at TLS 1.2 or 1.3. */
function isModern(policy: string): boolean {
  if (policy === 'TLS_1_2') return true;
  return /^SecurityPolicy_TLS1[23]/.test(policy) && !/_1_[01](_|$)/.test(policy);
}

export default defineRule({
  meta: {
    id: 'aws-apigateway-domain-tls-policy',
    title: 'API Gateway custom domains accept TLS 1.2 or newer only',
    description:
      'The security policy of an API Gateway custom domain decides which TLS versions API clients may use. REST API domains default to TLS_1_0, which still accepts TLS 1.0 and 1.1 with weak ciphers. Auditors check protocol versions under the criterion for protecting data in transit.',
    remediation: [
      'Set the TLS 1.2 security policy:',
      '',
      '```hcl',
      'resource "aws_api_gateway_domain_name" "api" {',
      '  domain_name              = "api.example.com"',
      '  regional_certificate_arn = aws_acm_certificate.api.arn',
      '  security_policy          = "TLS_1_2"',
      '  endpoint_configuration {',
      '    types = ["REGIONAL"]',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      basis: "No anchor maps it to SOC 2; mapped by CC6.7's point of focus 'uses encryption to protect data in transmission'.",
    },
    resourceTypes: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
    live: {
      aws: { configType: '(custom domain names are not recorded by AWS Config)', fields: ['securityPolicy', 'DomainNameConfigurations[].SecurityPolicy'], api: 'API Gateway GetDomainNames; ApiGatewayV2 GetDomainNames' },
    },
    defaults: ['`security_policy` of `aws_api_gateway_domain_name` defaults to TLS_1_0. `aws_apigatewayv2_domain_name` requires it.'],
    equivalents: { checkov: ['CKV_AWS_206'], kics: ['API Gateway Without Security Policy'], trivy: ['AVD-AWS-0005'], catalog: ['S2-AWS-APIGW-001'] },
    messages: {
      modern: 'API Gateway domain {{address}} uses the security policy {{policy}}, which accepts TLS 1.2 or newer only.',
      outdated: 'API Gateway domain {{address}} uses the security policy {{policy}}, which accepts TLS 1.0. Set security_policy = "TLS_1_2".',
      unknown: 'The TLS security policy of API Gateway domain {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name              = "api.acme.example"\n  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n  security_policy          = "TLS_1_2"\n\n  endpoint_configuration {\n    types = ["REGIONAL"]\n  }\n}\n',
      bad: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name              = "api.acme.example"\n  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n\n  endpoint_configuration {\n    types = ["REGIONAL"]\n  }\n}\n',
    },
  },
  evaluate(domain) {
    const address = domain.address;
    const path = domain.type === 'aws_apigatewayv2_domain_name' ? ['domain_name_configuration', 0, 'security_policy'] : ['security_policy'];
    const policy = readString(attribute(domain, path));
    if (policy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path };
    const name = policy.kind === 'value' ? policy.value : 'TLS_1_0';
    if (isModern(name)) return { status: 'pass', messageId: 'modern', data: { address, policy: name }, path };
    return { status: 'fail', messageId: 'outdated', data: { address, policy: policy.kind === 'value' ? name : 'TLS_1_0 (the default)' }, path };
  },
});
