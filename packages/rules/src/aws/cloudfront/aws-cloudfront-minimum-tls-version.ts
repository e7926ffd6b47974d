import { defineRule } from '@trustscan/core';
import { attribute, readBlocks, readBoolean, readString } from '../../analysis/values.js';

/** CloudFront's viewer security policies whose lowest protocol is TLS 1.2 or 1.3. */
const modernVersion = /^TLSv1\.[23]_\d{4}$/;

export default defineRule({
  meta: {
    id: 'aws-cloudfront-minimum-tls-version',
    title: 'CloudFront distributions accept TLS 1.2 or newer only',
    description:
      'The viewer certificate\'s minimum protocol version decides which TLS versions CloudFront accepts from browsers and API clients. The default, TLSv1, and the default *.cloudfront.net certificate still accept TLS 1.0 and 1.1. Auditors check protocol versions under the criterion for protecting data in transit.',
    remediation: [
      'Serve the distribution with your own certificate and a TLS 1.2+ security policy:',
      '',
      '```hcl',
      'resource "aws_cloudfront_distribution" "web" {',
      '  # ...',
      '  viewer_certificate {',
      '    acm_certificate_arn      = aws_acm_certificate.web.arn',
      '    ssl_support_method       = "sni-only"',
      '    minimum_protocol_version = "TLSv1.2_2021"',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      basis: "No anchor maps it to SOC 2; mapped by CC6.7's point of focus 'uses encryption to protect data in transmission' (AWS Config's CLOUDFRONT_SECURITY_POLICY_CHECK flags policies below TLS 1.2).",
    },
    resourceTypes: ['aws_cloudfront_distribution'],
    live: { aws: { configType: 'AWS::CloudFront::Distribution', fields: ['configuration.distributionConfig.viewerCertificate.minimumProtocolVersion', 'configuration.distributionConfig.viewerCertificate.cloudFrontDefaultCertificate'] } },
    defaults: [
      '`minimum_protocol_version` defaults to TLSv1. With `cloudfront_default_certificate = true` CloudFront ignores it and accepts TLS 1.0. Every TLSv1.2_* and TLSv1.3_* policy passes.',
    ],
    equivalents: { checkov: ['CKV_AWS_174', 'CKV2_AWS_54'], kics: ['CloudFront Without Minimum Protocol TLS 1.2'], trivy: ['AVD-AWS-0013'], catalog: ['S2-AWS-CF-002'] },
    messages: {
      modern: 'CloudFront distribution {{address}} accepts {{version}} or newer only.',
      outdated: 'CloudFront distribution {{address}} accepts protocols older than TLS 1.2: the minimum protocol version is {{version}}. Set minimum_protocol_version to TLSv1.2_2021.',
      defaultCertificate: 'CloudFront distribution {{address}} uses the default *.cloudfront.net certificate, which accepts TLS 1.0. Serve it with your own certificate and minimum_protocol_version = "TLSv1.2_2021".',
      unknown: 'The minimum TLS version of CloudFront distribution {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_cloudfront_distribution" "web" {\n  enabled = true\n\n  origin {\n    domain_name = "acme-web.s3.eu-west-1.amazonaws.com"\n    origin_id   = "web"\n  }\n\n  default_cache_behavior {\n    target_origin_id       = "web"\n    viewer_protocol_policy = "redirect-to-https"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"\n  }\n\n  restrictions {\n    geo_restriction {\n      restriction_type = "none"\n    }\n  }\n\n  viewer_certificate {\n    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
      bad: 'resource "aws_cloudfront_distribution" "web" {\n  enabled = true\n\n  origin {\n    domain_name = "acme-web.s3.eu-west-1.amazonaws.com"\n    origin_id   = "web"\n  }\n\n  default_cache_behavior {\n    target_origin_id       = "web"\n    viewer_protocol_policy = "redirect-to-https"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"\n  }\n\n  restrictions {\n    geo_restriction {\n      restriction_type = "none"\n    }\n  }\n\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n',
    },
  },
  evaluate(distribution) {
    const address = distribution.address;
    const certificate = readBlocks(attribute(distribution, ['viewer_certificate']));
    if (certificate.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: certificate.reason }, path: ['viewer_certificate'] };
    const settings = certificate.kind === 'value' ? certificate.value[0] : undefined;
    const defaultPath = ['viewer_certificate', 0, 'cloudfront_default_certificate'];
    const useDefault = readBoolean(settings?.['cloudfront_default_certificate']);
    if (useDefault.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: useDefault.reason }, path: defaultPath };
    if (!settings || (useDefault.kind === 'value' && useDefault.value)) return { status: 'fail', messageId: 'defaultCertificate', data: { address }, path: settings ? defaultPath : ['viewer_certificate'] };
    const path = ['viewer_certificate', 0, 'minimum_protocol_version'];
    const version = readString(settings['minimum_protocol_version']);
    if (version.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: version.reason }, path };
    const name = version.kind === 'value' ? version.value : 'TLSv1';
    if (modernVersion.test(name)) return { status: 'pass', messageId: 'modern', data: { address, version: name }, path };
    return { status: 'fail', messageId: 'outdated', data: { address, version: version.kind === 'value' ? name : 'TLSv1 (the default)' }, path };
  },
});
