import { describe, expect, it } from 'vitest';
import { defineRule, scan, type AwsTarget, type AzureTarget, type LiveSource, type Resource, type Rule, type SourceContext } from '@trustscan/core';

// Live targets are read by sources from their own packages (@trustscan/aws, @trustscan/azure), plugged into scan().

const bucketVersioning: Rule = defineRule({
  meta: {
    id: 'test-bucket-versioning',
    title: 'Test',
    description: 'Test.',
    remediation: 'Test.',
    severity: 'medium',
    area: 'backup-recovery',
    criteria: { primary: ['A1.2'], basis: 'test' },
    resourceTypes: ['aws_s3_bucket'],
    messages: { on: 'Bucket {{address}} keeps versions.', off: 'Bucket {{address}} keeps no versions.' },
  },
  evaluate(bucket) {
    return bucket.attributes['versioning'] === true ? { status: 'pass', messageId: 'on', data: { address: bucket.address } } : { status: 'fail', messageId: 'off', data: { address: bucket.address } };
  },
});

const liveBucket = (name: string, versioning: boolean): Resource => ({
  address: `arn:aws:s3:::${name}`,
  type: 'aws_s3_bucket',
  provider: 'aws',
  attributes: { bucket: name, versioning },
  origin: { kind: 'aws', arn: `arn:aws:s3:::${name}`, account: '111122223333', region: 'eu-west-1' },
});

/** A source that records what scan() hands it and returns two buckets. */
function recordingAwsSource(): { source: LiveSource<AwsTarget>; calls: { target: AwsTarget; context: SourceContext }[] } {
  const calls: { target: AwsTarget; context: SourceContext }[] = [];
  return {
    calls,
    source: {
      load: async (target, context) => {
        calls.push({ target, context });
        return { name: 'aws:111122223333', kind: 'aws', resources: [liveBucket('kept', true), liveBucket('lost', false)], notifications: [] };
      },
    },
  };
}

describe('live sources in scan()', () => {
  it('hands a live target to the source of its kind, with the scan context, and evaluates what it returns', async () => {
    const aws = recordingAwsSource();
    const result = await scan({ targets: [{ kind: 'aws', regions: ['eu-west-1'], profile: 'audit' }], sources: { aws: aws.source }, rules: [bucketVersioning], root: '/work/repo' });
    expect(aws.calls.map((c) => c.target)).toEqual([{ kind: 'aws', regions: ['eu-west-1'], profile: 'audit' }]);
    expect(aws.calls[0]?.context.root).toBe('/work/repo');
    expect(result.targets).toEqual([{ name: 'aws:111122223333', kind: 'aws', resources: 2, ok: true }]);
    expect(result.findings.map((f) => [f.resource.address, f.status])).toEqual([
      ['arn:aws:s3:::kept', 'pass'],
      ['arn:aws:s3:::lost', 'fail'],
    ]);
  });

  it.each<[string, AwsTarget | AzureTarget, string]>([
    ['aws', { kind: 'aws' }, 'aws: live AWS scans need the @trustscan/aws package; install it and pass its source to scan(): sources: { aws: awsSource }.'],
    ['azure', { kind: 'azure', subscriptions: ['s1'] }, 'azure: live Azure scans need the @trustscan/azure package; install it and pass its source to scan(): sources: { azure: azureSource }.'],
  ])('reports a live %s target without its source as an input error, and scans the other targets', async (_kind, target, message) => {
    const aws = recordingAwsSource();
    const sources = target.kind === 'azure' ? { aws: aws.source } : {};
    const result = await scan({ targets: [target, ...(target.kind === 'azure' ? [{ kind: 'aws' as const }] : [])], sources, rules: [bucketVersioning], root: '/work/repo' });
    expect(result.notifications).toEqual([{ level: 'error', code: 'input-error', message, subject: target.kind }]);
    expect(result.targets[0]).toEqual({ name: target.kind, kind: target.kind, resources: 0, ok: false });
    expect(result.targets.slice(1).map((t) => t.ok)).toEqual(target.kind === 'azure' ? [true] : []);
  });
});
