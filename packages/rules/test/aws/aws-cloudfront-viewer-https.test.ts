import rule from '../../src/aws/cloudfront/aws-cloudfront-viewer-https.js';
import { testRule } from '../rule-tester.js';

const distributionHcl = (defaultPolicy: string, ordered = '', prelude = '') => `${prelude}resource "aws_cloudfront_distribution" "web" {
  enabled = true

  origin {
    domain_name = "acme-web.s3.eu-west-1.amazonaws.com"
    origin_id   = "web"
  }

  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = ${defaultPolicy}
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
${ordered}
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
`;
const orderedHcl = (policy: string) => `
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "web"
    viewer_protocol_policy = "${policy}"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
`;
const behaviour = (policy: string, extra: Record<string, unknown> = {}) => ({ target_origin_id: 'web', viewer_protocol_policy: policy, allowed_methods: ['GET', 'HEAD'], cached_methods: ['GET', 'HEAD'], ...extra });
const distribution = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_cloudfront_distribution.web', values: { enabled: true, ...values }, ...more });

testRule(rule, {
  pass: [
    { name: 'default behaviour redirects to HTTPS', hcl: distributionHcl('"redirect-to-https"'), resources: [distribution({ default_cache_behavior: [behaviour('redirect-to-https')] })], messageId: 'https' },
    {
      name: 'default and ordered behaviours require HTTPS',
      hcl: distributionHcl('"https-only"', orderedHcl('redirect-to-https')),
      resources: [distribution({ default_cache_behavior: [behaviour('https-only')], ordered_cache_behavior: [behaviour('redirect-to-https', { path_pattern: '/api/*' })] })],
      messageId: 'https',
    },
  ],
  fail: [
    { name: 'default behaviour allows HTTP', hcl: distributionHcl('"allow-all"'), resources: [distribution({ default_cache_behavior: [behaviour('allow-all')] })], messageId: 'allowsHttp', path: 'default_cache_behavior.0.viewer_protocol_policy' },
    {
      name: 'an ordered behaviour allows HTTP',
      hcl: distributionHcl('"redirect-to-https"', orderedHcl('allow-all')),
      resources: [distribution({ default_cache_behavior: [behaviour('redirect-to-https')], ordered_cache_behavior: [behaviour('allow-all', { path_pattern: '/api/*' })] })],
      messageId: 'allowsHttp',
      path: 'ordered_cache_behavior.0.viewer_protocol_policy',
    },
  ],
  unknown: [
    {
      name: 'viewer protocol policy from a variable without a value',
      hcl: distributionHcl('var.viewer_policy', '', 'variable "viewer_policy" {\n  type = string\n}\n\n'),
      resources: [distribution({ default_cache_behavior: [behaviour('x')] }, { unknown: ['default_cache_behavior.0.viewer_protocol_policy'] })],
      messageId: 'unknown',
      path: 'default_cache_behavior.0.viewer_protocol_policy',
    },
  ],
});
