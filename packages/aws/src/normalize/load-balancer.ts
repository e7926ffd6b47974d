import { isRecord, isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/**
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` → `aws_lb`, with `access_logs` from the supplementary
 * `LoadBalancerAttributes` (`access_logs.s3.*` as `[{ key, value }]`, as `DescribeLoadBalancerAttributes` returns
 * them). Without them, whether it logs is unknown.
 */
export function normalizeLoadBalancer(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const identity = identityOf(item, text(field(c, 'loadBalancerArn')) ?? item.resourceId);
  const scheme = text(field(c, 'scheme'));
  return [
    liveResource(
      identity,
      'aws_lb',
      attributes({
        id: identity.arn,
        arn: identity.arn,
        name: optional(field(c, 'loadBalancerName'), 'string'),
        load_balancer_type: item.missing ? new Unknown(item.missing) : (optional(field(c, 'type'), 'string') ?? 'application'),
        internal: scheme === undefined ? null : scheme === 'internal',
        access_logs: accessLogs(item),
      }),
    ),
  ];
}

function accessLogs(item: ConfigurationItem): Value {
  const raw = field(item.supplementaryConfiguration, 'LoadBalancerAttributes');
  if (isUnknown(raw)) return raw;
  const pairs = new Map<string, string>();
  for (const entry of list(raw)) {
    const key = text(field(entry, 'key'));
    const value = field(entry, 'value');
    if (key !== undefined) pairs.set(key, typeof value === 'string' ? value : String(value ?? ''));
  }
  if (!pairs.has('access_logs.s3.enabled')) {
    return new Unknown(item.missing ?? `the AWS Config item of load balancer ${item.resourceId} has no LoadBalancerAttributes (elasticloadbalancing:DescribeLoadBalancerAttributes)`);
  }
  return [{ enabled: pairs.get('access_logs.s3.enabled') === 'true', bucket: pairs.get('access_logs.s3.bucket') || null, prefix: pairs.get('access_logs.s3.prefix') || null }];
}

/**
 * `AWS::ElasticLoadBalancing::LoadBalancer` (Classic) → `aws_elb`: its `listener` blocks and `access_logs` from the
 * supplementary `LoadBalancerAttributes.accessLog`.
 */
export function normalizeClassicLoadBalancer(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const name = text(field(c, 'loadBalancerName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:elasticloadbalancing:${item.awsRegion}:${item.accountId}:loadbalancer/${name}`);
  const log = field(field(item.supplementaryConfiguration, 'LoadBalancerAttributes'), 'accessLog');
  return [
    liveResource(
      identity,
      'aws_elb',
      attributes({
        id: name,
        name,
        arn: identity.arn,
        internal: text(field(c, 'scheme')) === 'internal',
        listener: item.missing
          ? new Unknown(item.missing)
          : list(field(c, 'listenerDescriptions')).map((description) => {
              const listener = field(description, 'listener');
              return {
                lb_protocol: optional(field(listener, 'protocol'), 'string'),
                lb_port: optional(field(listener, 'loadBalancerPort'), 'number'),
                instance_protocol: optional(field(listener, 'instanceProtocol'), 'string'),
                instance_port: optional(field(listener, 'instancePort'), 'number'),
                ssl_certificate_id: optional(field(listener, 'sslcertificateId'), 'string'),
              };
            }),
        access_logs: isUnknown(log)
          ? log
          : isRecord(log)
            ? [{ enabled: optional(field(log, 'enabled'), 'boolean') ?? false, bucket: optional(field(log, 's3BucketName'), 'string'), bucket_prefix: optional(field(log, 's3BucketPrefix'), 'string'), interval: optional(field(log, 'emitInterval'), 'number') }]
            : new Unknown(item.missing ?? `the AWS Config item of load balancer ${name} has no LoadBalancerAttributes (elasticloadbalancing:DescribeLoadBalancerAttributes)`),
      }),
    ),
  ];
}
