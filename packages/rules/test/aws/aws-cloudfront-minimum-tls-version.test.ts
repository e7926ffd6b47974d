import rule from '../../src/aws/cloudfront/aws-cloudfront-minimum-tls-version.js';
import { testRule } from '../rule-tester.js';

const certificate = 'arn:aws:acm:us-east-1:111122223333:certificate/abc';
const distributionHcl = (viewerCertificate: string, prelude = '') => `${prelude}resource "aws_cloudfront_distribution" "web" {
  enabled = true

  origin {
    domain_name = "acme-web.s3.eu-west-1.amazonaws.com"
    origin_id   = "web"
  }

  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
${viewerCertificate}  }
}
`;
const distribution = (viewerCertificate: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  address: 'aws_cloudfront_distribution.web',
  values: { enabled: true, default_cache_behavior: [{ target_origin_id: 'web', viewer_protocol_policy: 'redirect-to-https' }], viewer_certificate: [viewerCertificate] },
  ...more,
});

testRule(rule, {
  pass: [
    {
      name: 'own certificate with TLSv1.2_2021',
      hcl: distributionHcl(`    acm_certificate_arn      = "${certificate}"\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n`),
      resources: [distribution({ acm_certificate_arn: certificate, ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' })],
      messageId: 'modern',
      path: 'viewer_certificate.0.minimum_protocol_version',
    },
    { name: 'TLS 1.3 only', resources: [distribution({ acm_certificate_arn: certificate, ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.3_2025' })], messageId: 'modern' },
  ],
  fail: [
    {
      name: 'default *.cloudfront.net certificate',
      hcl: distributionHcl('    cloudfront_default_certificate = true\n'),
      resources: [distribution({ cloudfront_default_certificate: true })],
      messageId: 'defaultCertificate',
      path: 'viewer_certificate.0.cloudfront_default_certificate',
    },
    {
      name: 'own certificate without a minimum protocol version (defaults to TLSv1)',
      hcl: distributionHcl(`    acm_certificate_arn = "${certificate}"\n    ssl_support_method  = "sni-only"\n`),
      resources: [distribution({ acm_certificate_arn: certificate, ssl_support_method: 'sni-only' }, { computed: ['viewer_certificate.0.minimum_protocol_version'] })],
      messageId: 'outdated',
      path: 'viewer_certificate.0.minimum_protocol_version',
      message: 'TLSv1 (the default)',
    },
    { name: 'TLSv1.1_2016', resources: [distribution({ acm_certificate_arn: certificate, ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.1_2016' })], messageId: 'outdated', path: 'viewer_certificate.0.minimum_protocol_version' },
  ],
  unknown: [
    {
      name: 'minimum version from a variable without a value',
      hcl: distributionHcl(`    acm_certificate_arn      = "${certificate}"\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = var.tls\n`, 'variable "tls" {\n  type = string\n}\n\n'),
      resources: [distribution({ acm_certificate_arn: certificate, ssl_support_method: 'sni-only' }, { unknown: ['viewer_certificate.0.minimum_protocol_version'] })],
      messageId: 'unknown',
      path: 'viewer_certificate.0.minimum_protocol_version',
    },
  ],
});
