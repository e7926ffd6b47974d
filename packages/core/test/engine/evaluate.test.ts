import { describe, expect, it } from 'vitest';
import { defineRule, evaluateRules, Inventory, Unknown, type Resource, type Rule } from '@trustscan/core';

const root = '/repo';
const bucket = (address: string, attributes: Resource['attributes'], extra: Partial<Resource> = {}): Resource => ({
  address,
  type: 'aws_s3_bucket',
  provider: 'aws',
  attributes,
  origin: { kind: 'hcl', file: '/repo/main.tf' },
  declaration: {
    file: '/repo/infra/main.tf',
    range: { startLine: 3, startColumn: 1, endLine: 9, endColumn: 2 },
    attributes: { bucket: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 20 }, 'versioning.0': { startLine: 5, startColumn: 3, endLine: 7, endColumn: 4 } },
  },
  ...extra,
});

function ruleFor(types: string[], evaluate: Rule['evaluate'], messages: Record<string, string> = { m: 'Resource {{address}} says {{word}}.' }): Rule & { calls: string[] } {
  const calls: string[] = [];
  const rule = defineRule({
    meta: { id: 'test-rule', title: 'Test', description: 'Test.', remediation: 'Test.', severity: 'high', area: 'encryption-at-rest', criteria: { primary: ['CC6.1'], secondary: ['PI1.4'], basis: 'test' }, resourceTypes: types, messages },
    evaluate(resource, context) {
      calls.push(resource.address);
      return evaluate(resource, context);
    },
  });
  return Object.assign(rule, { calls });
}

describe('rule evaluation', () => {
  it('calls a rule only for the resource types it declares', () => {
    const other: Resource = { ...bucket('aws_kms_key.k', {}), type: 'aws_kms_key' };
    const rule = ruleFor(['aws_s3_bucket'], () => ({ status: 'pass', messageId: 'm', data: { address: 'x', word: 'hi' } }));
    evaluateRules(new Inventory([bucket('aws_s3_bucket.a', {}), other, bucket('aws_s3_bucket.b', {})]), [rule], root);
    expect(rule.calls).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
  });

  it('turns a rule that throws into an unknown finding naming the error, never a crash or a pass', () => {
    const rule = ruleFor(['aws_s3_bucket'], () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const [finding] = evaluateRules(new Inventory([bucket('aws_s3_bucket.a', {})]), [rule], root);
    expect(finding).toMatchObject({ status: 'unknown', ruleId: 'test-rule' });
    expect(finding?.message).toBe('The rule test-rule could not evaluate aws_s3_bucket.a: cannot read properties of undefined.');
  });

  it('points at the deciding attribute, its nearest recorded parent, or the block', () => {
    const rule = ruleFor(['aws_s3_bucket'], (r) => {
      const path = r.attributes['path'] as string;
      return { status: 'fail', messageId: 'm', data: { address: r.address, word: 'no' }, ...(path ? { path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) } : {}) };
    });
    const findings = evaluateRules(new Inventory([bucket('aws_s3_bucket.a', { path: 'bucket' }), bucket('aws_s3_bucket.b', { path: 'versioning.0.enabled' }), bucket('aws_s3_bucket.c', { path: '' })]), [rule], root);
    expect(findings.map((f) => [f.resource.address, f.location])).toEqual([
      ['aws_s3_bucket.a', { file: 'infra/main.tf', startLine: 4, startColumn: 3, endLine: 4, endColumn: 20 }],
      ['aws_s3_bucket.b', { file: 'infra/main.tf', startLine: 5, startColumn: 3, endLine: 7, endColumn: 4 }],
      ['aws_s3_bucket.c', { file: 'infra/main.tf', startLine: 3, startColumn: 1, endLine: 9, endColumn: 2 }],
    ]);
  });

  it('gives live resources without Terraform a stable pseudo-path and keeps the cloud id', () => {
    const live: Resource = { address: 'arn:aws:s3:::acme data', type: 'aws_s3_bucket', provider: 'aws', attributes: {}, origin: { kind: 'aws', arn: 'arn:aws:s3:::acme data', account: '123456789012', region: 'us-east-1' } };
    const azure: Resource = { address: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct', type: 'aws_s3_bucket', provider: 'azure', attributes: {}, origin: { kind: 'azure', id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct', subscription: 's1' } };
    const rule = ruleFor(['aws_s3_bucket'], (r) => ({ status: 'fail', messageId: 'm', data: { address: r.address, word: 'no' } }));
    const [aws, az] = evaluateRules(new Inventory([live, azure]), [rule], root);
    expect(aws?.location).toEqual({ file: 'cloud/aws/123456789012/us-east-1/aws_s3_bucket/acme%20data', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    expect(aws?.resource.cloudId).toBe('arn:aws:s3:::acme data');
    expect(az?.location.file).toBe('cloud/azure/s1/rg/aws_s3_bucket/acct');
  });

  it.each<[string, Resource['attributes'], string[], Record<string, string> | undefined]>([
    ['text tags', { tags: { team: 'data', env: 'prod' } }, [], { team: 'data', env: 'prod' }],
    ['default tags from tags_all, under the resource own tags', { tags_all: { team: 'platform', cost: 'x' }, tags: { team: 'data' } }, [], { team: 'data', cost: 'x' }],
    ['unknown and non-text values left out', { tags: { team: new Unknown('known after apply'), tier: 1, env: 'prod' } }, [], { env: 'prod' }],
    ['sensitive values left out', { tags: { team: 'data', secret: 'hunter2-value' } }, ['tags.secret'], { team: 'data' }],
    ['all tags sensitive', { tags: { team: 'data' } }, ['tags'], undefined],
    ['no tags', {}, [], undefined],
    ['tags that are unknown as a whole', { tags: new Unknown('known after apply') }, [], undefined],
  ])('gives findings the resource tags that are known text: %s', (_name, attributes, sensitivePaths, expected) => {
    const rule = ruleFor(['aws_s3_bucket'], () => ({ status: 'fail', messageId: 'm', data: { address: 'x', word: 'hi' } }));
    const [finding] = evaluateRules(new Inventory([bucket('aws_s3_bucket.a', attributes, sensitivePaths.length > 0 ? { sensitivePaths } : {})]), [rule], root);
    expect(finding?.resource.tags).toEqual(expected);
    expect(JSON.stringify(finding)).not.toContain('hunter2');
  });

  it('never prints sensitive values in messages', () => {
    const secret: Resource = { ...bucket('aws_db_instance.db', { password: 'correct-horse-battery', nested: [{ token: 'abcd-1234-token' }] }), type: 'aws_db_instance', sensitivePaths: ['password', 'nested.0.token'] };
    const rule = ruleFor(['aws_db_instance'], (r) => ({ status: 'fail', messageId: 'm', data: { address: r.address, word: `${String(r.attributes['password'])} and abcd-1234-token` } }));
    const [finding] = evaluateRules(new Inventory([secret]), [rule], root);
    expect(finding?.message).toBe('Resource aws_db_instance.db says (sensitive) and (sensitive).');
  });

  it('keeps fingerprints stable across runs and line moves, and distinct for several verdicts on one resource', () => {
    const rule = ruleFor(['aws_s3_bucket'], (r) => [
      { status: 'fail', messageId: 'm', data: { address: r.address, word: 'a' }, path: ['bucket'] },
      { status: 'fail', messageId: 'm', data: { address: r.address, word: 'b' }, path: ['versioning'] },
    ]);
    const first = evaluateRules(new Inventory([bucket('aws_s3_bucket.a', {})]), [rule], root);
    const moved = bucket('aws_s3_bucket.a', {});
    const again = evaluateRules(new Inventory([{ ...moved, declaration: { ...moved.declaration!, range: { startLine: 30, startColumn: 1, endLine: 40, endColumn: 2 } } }]), [rule], root);
    expect(first.map((f) => f.fingerprint)).toEqual(again.map((f) => f.fingerprint));
    expect(new Set(first.map((f) => f.fingerprint)).size).toBe(2);
    expect(first[0]?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lists the criteria primary first and reads related resources through the inventory', () => {
    const versioning: Resource = { address: 'aws_s3_bucket_versioning.v', type: 'aws_s3_bucket_versioning', provider: 'aws', attributes: { bucket: new Unknown('known after apply') }, origin: { kind: 'hcl', file: '/repo/main.tf' }, references: { bucket: ['aws_s3_bucket.a'] } };
    const rule = ruleFor(['aws_s3_bucket'], (r, context) => ({ status: 'pass', messageId: 'm', data: { address: r.address, word: context.related(r, 'aws_s3_bucket_versioning').map((v) => v.address).join() } }));
    const [finding] = evaluateRules(new Inventory([bucket('aws_s3_bucket.a', {}), versioning]), [rule], root);
    expect(finding?.tsc).toEqual(['CC6.1', 'PI1.4']);
    expect(finding?.message).toBe('Resource aws_s3_bucket.a says aws_s3_bucket_versioning.v.');
  });
});
