import { isRecord, type Resource, type RuleContext, type Value } from '@trustscan/core';
import { readPolicy } from './iam-policy.js';
import { bucketPolicyHolder } from './s3-policy.js';
import { attribute, readBlocks, readString } from './values.js';

/**
 * Why a bucket is a server access log destination, in words (`aws_s3_bucket.data`, `the S3 log delivery service
 * (ACL log-delivery-write)`), or `undefined`: another bucket's logging names it (by reference or by name), its ACL
 * is `log-delivery-write`, or its policy lets `logging.s3.amazonaws.com` write to it.
 */
export function logDestinationEvidence(bucket: Resource, context: RuleContext): string | undefined {
  const name = readString(attribute(bucket, ['bucket']));
  const targets = (holder: Resource, path: readonly (string | number)[], references: readonly string[] | undefined) => {
    const target = readString(attribute(holder, path));
    return (references ?? []).includes(bucket.address) || (name.kind === 'value' && target.kind === 'value' && target.value === name.value);
  };
  for (const split of context.resourcesOfType('aws_s3_bucket_logging')) {
    if (split === bucket || !targets(split, ['target_bucket'], split.references?.['target_bucket'])) continue;
    return (context.related(split, 'aws_s3_bucket')[0] ?? split).address;
  }
  const inline = context.resourcesOfType('aws_s3_bucket').find((other) => other !== bucket && targets(other, ['logging', 0, 'target_bucket'], other.references?.['logging']));
  if (inline) return inline.address;
  const acls = [...context.related(bucket, 'aws_s3_bucket_acl'), bucket].map((holder) => readString(attribute(holder, ['acl'])));
  if (acls.some((acl) => acl.kind === 'value' && acl.value === 'log-delivery-write')) return 'the S3 log delivery service (ACL log-delivery-write)';
  const located = bucketPolicyHolder(bucket, context);
  const policy = located ? readPolicy(attribute(located.holder, located.path)) : undefined;
  if (policy?.kind === 'document' && policy.statements.some((s) => s.effect === 'Allow' && isLogDelivery(s.principal))) return 'the S3 log delivery service (bucket policy)';
  return undefined;
}

function isLogDelivery(principal: '*' | Readonly<Record<string, readonly string[]>> | undefined): boolean {
  return principal !== undefined && principal !== '*' && (principal['Service'] ?? []).some((service) => service === 'logging.s3.amazonaws.com');
}

/**
 * A trail that records the bucket's object-level requests as S3 data events: a basic `event_selector` whose
 * `data_resource` of type `AWS::S3::Object` names every bucket (`arn:aws:s3`, `arn:aws:s3:::`) or this one, or an
 * advanced event selector for S3 data events that no `resources.ARN` field narrows to other buckets.
 */
export function dataEventTrail(bucket: Resource, context: RuleContext): Resource | undefined {
  const name = readString(attribute(bucket, ['bucket']));
  const covers = (arn: Value) => typeof arn === 'string' && (/^arn:aws[a-z-]*:s3(:::)?$/.test(arn) || (name.kind === 'value' && arn.startsWith(`arn:aws`) && arn.split(':::')[1]?.split('/')[0] === name.value));
  return context.resourcesOfType('aws_cloudtrail').find((trail) => {
    const selectors = readBlocks(attribute(trail, ['event_selector']));
    const basic = (selectors.kind === 'value' ? selectors.value : []).some((selector) => {
      const resources = readBlocks(selector['data_resource']);
      return (resources.kind === 'value' ? resources.value : []).some((resource) => resource['type'] === 'AWS::S3::Object' && Array.isArray(resource['values']) && (resource['values'] as readonly Value[]).some(covers));
    });
    if (basic) return true;
    const advanced = readBlocks(attribute(trail, ['advanced_event_selector']));
    return (advanced.kind === 'value' ? advanced.value : []).some((selector) => {
      const fields = readBlocks(selector['field_selector']);
      const list = fields.kind === 'value' ? fields.value.filter(isRecord) : [];
      const equals = (field: string, value: string) => list.some((f) => f['field'] === field && Array.isArray(f['equals']) && (f['equals'] as readonly Value[]).includes(value));
      const arnFilter = list.find((f) => f['field'] === 'resources.ARN');
      const narrowed = arnFilter !== undefined && !(['equals', 'starts_with'] as const).some((op) => Array.isArray(arnFilter[op]) && (arnFilter[op] as readonly Value[]).some(covers));
      return equals('eventCategory', 'Data') && equals('resources.type', 'AWS::S3::Object') && !narrowed;
    });
  });
}
