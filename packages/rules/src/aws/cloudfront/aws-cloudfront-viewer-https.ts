import { defineRule, type Verdict } from '@trustscan/core';
import { decisive } from '../../analysis/aws-verdicts.js';
import { attribute, readBlocks, readString } from '../../analysis/values.js';

type MessageId = 'https' | 'allowsHttp' | 'unknown';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-cloudfront-viewer-https',
    title: 'CloudFront distributions require HTTPS from viewers',
    description:
      'A cache behaviour with the viewer protocol policy `allow-all` serves content and accepts cookies and form posts over plain HTTP. Requiring HTTPS (or redirecting HTTP to HTTPS) keeps traffic between users and CloudFront encrypted, which auditors check under the criterion for protecting data in transit. Every cache behaviour is read, the default one and the ordered ones.',
    remediation: [
      'Redirect HTTP to HTTPS (or accept HTTPS only) in every cache behaviour:',
      '',
      '```hcl',
      'resource "aws_cloudfront_distribution" "web" {',
      '  # ...',
      '  default_cache_behavior {',
      '    viewer_protocol_policy = "redirect-to-https"',
      '    # ...',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      basis: 'Steampipe maps cloudfront_distribution_encryption_in_transit_enabled to CC6.7.',
    },
    resourceTypes: ['aws_cloudfront_distribution'],
    live: {
      aws: {
        configType: 'AWS::CloudFront::Distribution',
        fields: ['configuration.distributionConfig.defaultCacheBehavior.viewerProtocolPolicy', 'configuration.distributionConfig.cacheBehaviors.items[].viewerProtocolPolicy'],
      },
    },
    equivalents: { checkov: ['CKV_AWS_34'], kics: ['Cloudfront Viewer Protocol Policy Allows HTTP'], trivy: ['AVD-AWS-0012'], prowler: ['cloudfront_distributions_https_enabled'], catalog: ['S2-AWS-CF-001'] },
    messages: {
      https: 'Every cache behaviour of CloudFront distribution {{address}} requires HTTPS or redirects to it.',
      allowsHttp: 'A cache behaviour of CloudFront distribution {{address}} serves plain HTTP (viewer_protocol_policy = "allow-all"). Set it to "redirect-to-https" or "https-only".',
      unknown: 'Whether CloudFront distribution {{address}} requires HTTPS is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_cloudfront_distribution" "web" {\n  enabled = true\n\n  origin {\n    domain_name = "acme-web.s3.eu-west-1.amazonaws.com"\n    origin_id   = "web"\n  }\n\n  default_cache_behavior {\n    target_origin_id       = "web"\n    viewer_protocol_policy = "redirect-to-https"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"\n  }\n\n  restrictions {\n    geo_restriction {\n      restriction_type = "none"\n    }\n  }\n\n  viewer_certificate {\n    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
      bad: 'resource "aws_cloudfront_distribution" "web" {\n  enabled = true\n\n  origin {\n    domain_name = "acme-web.s3.eu-west-1.amazonaws.com"\n    origin_id   = "web"\n  }\n\n  default_cache_behavior {\n    target_origin_id       = "web"\n    viewer_protocol_policy = "allow-all"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"\n  }\n\n  restrictions {\n    geo_restriction {\n      restriction_type = "none"\n    }\n  }\n\n  viewer_certificate {\n    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
    },
  },
  evaluate(distribution) {
    const address = distribution.address;
    const verdicts: Verdict<MessageId>[] = [];
    for (const name of ['default_cache_behavior', 'ordered_cache_behavior']) {
      const behaviours = readBlocks(attribute(distribution, [name]));
      if (behaviours.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: behaviours.reason }, path: [name] };
      (behaviours.kind === 'value' ? behaviours.value : []).forEach((behaviour, index) => {
        const path = [name, index, 'viewer_protocol_policy'];
        const policy = readString(behaviour['viewer_protocol_policy']);
        if (policy.kind === 'unknown') verdicts.push({ status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path });
        else if (policy.kind === 'value' && policy.value === 'allow-all') verdicts.push({ status: 'fail', messageId: 'allowsHttp', data: { address }, path });
        else verdicts.push({ status: 'pass', messageId: 'https', data: { address }, path });
      });
    }
    const verdict = decisive(verdicts);
    return verdict?.status === 'pass' ? { status: 'pass', messageId: 'https', data: { address } } : (verdict ?? []);
  },
});
