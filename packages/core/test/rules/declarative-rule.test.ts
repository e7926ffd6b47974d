import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeclarativeRule, evaluateRules, Inventory, InputError, loadRulesDirectory, Unknown, type Check, type Resource } from '@trustscan/core';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const resource = (attributes: Resource['attributes']): Resource => ({ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', provider: 'aws', attributes, origin: { kind: 'hcl', file: '/repo/main.tf' } });

function verdict(check: Check, attributes: Resource['attributes']) {
  const rule = compileDeclarativeRule({
    id: 'custom-check',
    title: 'Custom check',
    description: 'A custom rule.',
    remediation: 'Fix it.',
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: { primary: ['CC7.2'], basis: 'The team decided.' },
    resourceTypes: ['aws_s3_bucket'],
    check,
    messages: { pass: 'Bucket {{address}} is fine.', fail: 'Bucket {{address}} has {{path}} = {{value}}.' },
  });
  const [finding] = evaluateRules(new Inventory([resource(attributes)]), [rule], '/repo');
  return { status: finding?.status, path: finding?.path, message: finding?.message };
}

describe('declarative rules', () => {
  it.each<[string, Check, Resource['attributes'], string, string | undefined]>([
    ['exists: present', { path: '$.tags.owner', exists: true }, { tags: { owner: 'data' } }, 'pass', 'tags.owner'],
    ['exists: absent', { path: '$.tags.owner', exists: true }, { tags: {} }, 'fail', 'tags.owner'],
    ['equals, case-insensitive for strings', { path: '$.acl', equals: 'private' }, { acl: 'PRIVATE' }, 'pass', 'acl'],
    ['notEquals', { path: '$.acl', notEquals: 'public-read' }, { acl: 'public-read' }, 'fail', 'acl'],
    ['in', { path: '$.sse', in: ['AES256', 'aws:kms'] }, { sse: 'aws:kms' }, 'pass', 'sse'],
    ['notIn', { path: '$.sse', notIn: ['none'] }, { sse: 'none' }, 'fail', 'sse'],
    ['matches', { path: '$.name', matches: '^acme-' }, { name: 'other' }, 'fail', 'name'],
    ['gte over every wildcard match', { path: '$.rule[*].days', gte: 30 }, { rule: [{ days: 90 }, { days: 7 }] }, 'fail', 'rule.1.days'],
    ['lte', { path: '$.ttl', lte: 3600 }, { ttl: 60 }, 'pass', 'ttl'],
    ['default applies when absent', { path: '$.versioning[0].enabled', equals: true, default: false }, {}, 'fail', 'versioning.0.enabled'],
    ['absent without default fails', { path: '$.logging', equals: true }, {}, 'fail', 'logging'],
    ['unknown value', { path: '$.acl', equals: 'private' }, { acl: new Unknown('known after apply') }, 'unknown', 'acl'],
    ['unknown parent block', { path: '$.versioning[0].enabled', equals: true }, { versioning: new Unknown('var.v has no value') }, 'unknown', 'versioning'],
    ['all: one failure fails', { all: [{ path: '$.a', equals: 1 }, { path: '$.b', equals: 2 }] }, { a: 1, b: 3 }, 'fail', 'b'],
    ['any: one pass passes', { any: [{ path: '$.a', equals: 1 }, { path: '$.b', equals: 2 }] }, { a: 0, b: 2 }, 'pass', 'b'],
    ['any: unknown beats failure', { any: [{ path: '$.a', equals: 1 }, { path: '$.b', equals: 2 }] }, { a: 0, b: new Unknown('x') }, 'unknown', 'b'],
  ])('%s', (_name, check, attributes, status, deciding) => {
    const result = verdict(check, attributes);
    expect(result.status).toBe(status);
    expect(result.path ?? '').toBe(deciding ?? '');
  });

  it('fills the message from what it found', () => {
    expect(verdict({ path: '$.acl', equals: 'private' }, { acl: 'public-read' }).message).toBe('Bucket aws_s3_bucket.b has acl = public-read.');
  });

  describe('loading a rules directory', () => {
    const valid = `id: acme-bucket-owner-tag
title: S3 buckets name an owner
description: Every bucket names the team that owns its data.
remediation: Add an owner tag.
severity: low
area: logging-monitoring
criteria:
  primary: [CC7.2]
  basis: Our data inventory policy.
resourceTypes: [aws_s3_bucket]
check:
  path: $.tags.owner
  exists: true
messages:
  pass: Bucket {{address}} names its owner.
  fail: Bucket {{address}} has no owner tag.
`;
    const write = (files: Record<string, string>): string => {
      const directory = temporaryDirectory('rules');
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
        writeFileSync(path.join(directory, name), text);
      }
      return directory;
    };

    it('loads YAML and JSON rules, one per file, as ordinary rules', async () => {
      const directory = write({ 'acme-bucket-owner-tag.yaml': valid, 'notes.md': 'ignored' });
      const [rule] = await loadRulesDirectory(directory);
      expect(rule?.meta).toMatchObject({ id: 'acme-bucket-owner-tag', pack: 'custom', severity: 'low' });
      const [finding] = evaluateRules(new Inventory([resource({ tags: { owner: 'data' } })]), rule ? [rule] : [], '/repo');
      expect(finding?.status).toBe('pass');
    });

    it.each([
      ['a file name that is not the id', { 'other-name.yaml': valid }, /the rule id "acme-bucket-owner-tag" must match the file name "other-name"/],
      ['an unknown criterion', { 'acme-bucket-owner-tag.yaml': valid.replace('[CC7.2]', '[CC9.9]') }, /field "criteria.primary" has "CC9.9", which is not a Trust Services Criterion id/],
      ['two operators', { 'acme-bucket-owner-tag.yaml': valid.replace('  exists: true', '  exists: true\n  equals: x') }, /field "check" must use exactly one of/],
      ['a bad severity', { 'acme-bucket-owner-tag.yaml': valid.replace('severity: low', 'severity: urgent') }, /field "severity" must be one of critical, high, medium, low/],
      ['invalid YAML', { 'acme-bucket-owner-tag.yaml': 'id: [unclosed' }, /acme-bucket-owner-tag\.yaml: not valid YAML/],
    ])('rejects %s with a one-line error naming the file and field', async (_name, files, message) => {
      const error = await loadRulesDirectory(write(files)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
    });
  });
});
