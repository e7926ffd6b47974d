/**
 * A scan result with drift of every kind, for reporter tests: a raw state of two buckets and a policy against a
 * live account (a fake live source, as `@trustscan/aws` would return it) whose bucket has versioning suspended and
 * whose policy allows everything, with one bucket deleted and one created by hand.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { scan, type AwsTarget, type LiveSource, type Resource, type Rule, type ScanResult, type Value } from '@trustscan/core';

const account = '123456789012';
const readOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/reports/*' }] });
const everything = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

const bucket = (name: string): Record<string, Value> => ({ id: name, arn: `arn:aws:s3:::${name}`, bucket: name, region: 'us-east-1', force_destroy: false });
const versioning = (name: string, status: string): Record<string, Value> => ({ id: name, bucket: name, versioning_configuration: [{ status, mfa_delete: '' }] });
const policy = (document: string): Record<string, Value> => ({ id: `arn:aws:iam::${account}:policy/read-reports`, arn: `arn:aws:iam::${account}:policy/read-reports`, name: 'read-reports', path: '/', policy: document });

function live(type: string, arn: string, attributes: Record<string, Value>, suffix?: string): Resource {
  return { address: suffix ? `${arn}/${suffix}` : arn, type, provider: 'aws', attributes, origin: { kind: 'aws', arn, account, region: 'us-east-1' }, ...(suffix ? { references: { bucket: [arn] } } : {}) };
}

/** Scans the drift scenario with `rules` (the pack, drift rules included); the state is written into `directory`. */
export async function driftScanResult(directory: string, rules: readonly Rule[]): Promise<ScanResult> {
  const resources: [string, string, Record<string, Value>][] = [
    ['aws_iam_policy', 'reports', policy(readOnly)],
    ['aws_s3_bucket', 'data', bucket('acme-data')],
    ['aws_s3_bucket', 'logs', bucket('acme-logs')],
    ['aws_s3_bucket_versioning', 'data', versioning('acme-data', 'Enabled')],
  ];
  const state = {
    version: 4,
    terraform_version: '1.9.8',
    serial: 2,
    lineage: 'c0ffee00-0000-4000-8000-000000000000',
    outputs: {},
    resources: resources.map(([type, name, attributes]) => ({ mode: 'managed', type, name, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }] })),
  };
  const file = path.join(directory, 'terraform.tfstate');
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  const liveResources = [
    live('aws_iam_policy', `arn:aws:iam::${account}:policy/read-reports`, policy(everything)),
    live('aws_s3_bucket', 'arn:aws:s3:::acme-data', bucket('acme-data')),
    live('aws_s3_bucket_versioning', 'arn:aws:s3:::acme-data', versioning('acme-data', 'Suspended'), 'versioning'),
    live('aws_s3_bucket', 'arn:aws:s3:::acme-manual-with-a-rather-long-name-for-layout', bucket('acme-manual-with-a-rather-long-name-for-layout')),
  ];
  const source: LiveSource<AwsTarget> = {
    load: async () => ({ name: `aws:${account}`, kind: 'aws', resources: liveResources, notifications: [], scope: { accounts: [account], regions: ['us-east-1'] } }),
  };
  return scan({ targets: [{ kind: 'path', path: file }, { kind: 'aws' }], sources: { aws: source }, rules, root: directory, today: '2026-11-26' });
}
