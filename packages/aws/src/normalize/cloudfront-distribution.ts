import { isRecord, Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/**
 * `AWS::CloudFront::Distribution` → `aws_cloudfront_distribution`: the viewer certificate and the viewer protocol
 * policy of every cache behaviour. Config records the CloudFront API's shape (`cacheBehaviors.items[]`) or the
 * CloudFormation one (`CacheBehaviors[]`); both are read.
 */
export function normalizeCloudfrontDistribution(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const config = field(c, 'distributionConfig');
  const id = text(field(c, 'id')) ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'arn')) ?? `arn:${partitionOf(item.arn)}:cloudfront::${item.accountId}:distribution/${id}`);
  const missing = item.missing === undefined ? undefined : new Unknown(item.missing);
  const certificate = field(config, 'viewerCertificate');
  const defaultBehavior = field(config, 'defaultCacheBehavior');
  return [
    liveResource(
      identity,
      'aws_cloudfront_distribution',
      attributes({
        id,
        arn: identity.arn,
        domain_name: optional(field(c, 'domainName'), 'string'),
        enabled: optional(field(config, 'enabled'), 'boolean'),
        viewer_certificate:
          missing ??
          (isRecord(certificate)
            ? [
                {
                  cloudfront_default_certificate: optional(field(certificate, 'cloudFrontDefaultCertificate'), 'boolean') ?? false,
                  minimum_protocol_version: optional(field(certificate, 'minimumProtocolVersion'), 'string'),
                  acm_certificate_arn: optional(field(certificate, 'acmCertificateArn'), 'string'),
                  iam_certificate_id: optional(field(certificate, 'iamCertificateId'), 'string'),
                  ssl_support_method: optional(field(certificate, 'sslSupportMethod'), 'string'),
                },
              ]
            : []),
        default_cache_behavior: missing ?? (isRecord(defaultBehavior) ? [behavior(defaultBehavior)] : []),
        ordered_cache_behavior: missing ?? items(field(config, 'cacheBehaviors')).map(behavior),
      }),
    ),
  ];
}

function behavior(value: Value): Value {
  return {
    path_pattern: optional(field(value, 'pathPattern'), 'string'),
    target_origin_id: optional(field(value, 'targetOriginId'), 'string'),
    viewer_protocol_policy: optional(field(value, 'viewerProtocolPolicy'), 'string'),
  };
}

/** The elements of a CloudFront list: `{ quantity, items: [...] }` in the API's shape, a plain array in CloudFormation's. */
function items(value: Value | undefined): readonly Value[] {
  return Array.isArray(value) ? (value as readonly Value[]) : list(field(value, 'items'));
}
