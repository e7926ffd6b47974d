import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, policyJson, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/** `AWS::IAM::Policy` → `aws_iam_policy`, whose `policy` is the default version's document (URL-decoded) as JSON. */
export function normalizeIamPolicy(item: ConfigurationItem): Resource[] {
  const configuration = item.configuration;
  const name = text(field(configuration, 'policyName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(configuration, 'arn')));
  return [
    liveResource(
      identity,
      'aws_iam_policy',
      attributes({
        id: identity.arn,
        arn: identity.arn,
        name,
        path: optional(field(configuration, 'path'), 'string'),
        policy_id: text(field(configuration, 'policyId')) ?? item.resourceId,
        description: optional(field(configuration, 'description'), 'string'),
        policy: item.missing ? new Unknown(item.missing) : defaultVersionDocument(configuration, name),
        tags: item.tags,
      }),
    ),
  ];
}

function defaultVersionDocument(configuration: Value, name: string): Value {
  const versions = list(field(configuration, 'policyVersionList'));
  const defaultId = text(field(configuration, 'defaultVersionId'));
  const version =
    versions.find((v) => field(v, 'isDefaultVersion') === true || field(v, 'isDefaultVersion') === 'true') ??
    versions.find((v) => defaultId !== undefined && text(field(v, 'versionId')) === defaultId);
  if (version === undefined) return new Unknown(`the AWS Config item of policy ${name} has no default policy version`);
  return policyJson(field(version, 'document'), `the default version of policy ${name}`) ?? new Unknown(`the default version of policy ${name} has no document`);
}
