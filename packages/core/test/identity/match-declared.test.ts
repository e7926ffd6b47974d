import { describe, expect, it } from 'vitest';
import { attachDeclarations, isJoinable, matchDeclared, type Resource, type Value } from '@trustscan/core';

const account = '123456789012';
const subscription = '11111111-2222-3333-4444-555555555555';
const group = `/subscriptions/${subscription}/resourceGroups/rg-app`;

function live(type: string, arn: string, attributes: Record<string, Value>, references?: Record<string, string[]>): Resource {
  return { address: arn, type, provider: 'aws', attributes, origin: { kind: 'aws', arn, account, region: 'us-east-1' }, ...(references ? { references } : {}) };
}

function azureLive(type: string, id: string, attributes: Record<string, Value>): Resource {
  return { address: id, type, provider: 'azure', attributes: { id, ...attributes }, origin: { kind: 'azure', id, subscription } };
}

function declared(address: string, attributes: Record<string, Value>, extra: Partial<Resource> = {}): Resource {
  const type = address.split('.').at(-2) ?? '';
  return { address, type, provider: type.startsWith('azurerm_') ? 'azure' : 'aws', attributes, origin: { kind: 'state', file: '/repo/terraform.tfstate', address }, ...extra };
}

/**
 * Every identity the rules' resource types are joined by: one row per kind, the live resource as the live sources
 * normalize it, the declaration as HCL (known values only) or state (ids and ARNs) holds it.
 */
const joins: [string, Resource, Resource, string][] = [
  ['an S3 bucket by ARN (state)', live('aws_s3_bucket', 'arn:aws:s3:::acme-data', { id: 'acme-data', bucket: 'acme-data', arn: 'arn:aws:s3:::acme-data' }), declared('aws_s3_bucket.data', { arn: 'arn:aws:s3:::acme-data' }), 'arn'],
  ['an S3 bucket by name (HCL)', live('aws_s3_bucket', 'arn:aws:s3:::acme-data', { id: 'acme-data', bucket: 'acme-data' }), declared('aws_s3_bucket.data', { bucket: 'acme-data' }), 'bucket'],
  ['an S3 setting by bucket name (state id)', live('aws_s3_bucket_versioning', 'arn:aws:s3:::acme-data/versioning', { id: 'acme-data', bucket: 'acme-data' }), declared('aws_s3_bucket_versioning.data', { id: 'acme-data' }), 'id'],
  ['a security group by import id', live('aws_security_group', `arn:aws:ec2:us-east-1:${account}:security-group/sg-0abc`, { id: 'sg-0abc', name: 'web' }), declared('aws_security_group.web', { id: 'sg-0abc' }), 'id'],
  ['an IAM policy by name', live('aws_iam_policy', `arn:aws:iam::${account}:policy/deploy`, { name: 'deploy', arn: `arn:aws:iam::${account}:policy/deploy` }), declared('aws_iam_policy.deploy', { name: 'deploy' }), 'name'],
  ['an RDS instance by identifier', live('aws_db_instance', `arn:aws:rds:us-east-1:${account}:db:app`, { identifier: 'app', id: 'db-ABC' }), declared('aws_db_instance.app', { identifier: 'app' }), 'identifier'],
  ['an RDS cluster by cluster identifier', live('aws_rds_cluster', `arn:aws:rds:us-east-1:${account}:cluster:core`, { cluster_identifier: 'core' }), declared('aws_rds_cluster.core', { cluster_identifier: 'core' }), 'cluster_identifier'],
  ['a KMS key by key id', live('aws_kms_key', `arn:aws:kms:us-east-1:${account}:key/1234abcd`, { key_id: '1234abcd' }), declared('aws_kms_key.data', { key_id: '1234abcd' }), 'key_id'],
  ['an account setting by account id', live('aws_s3_account_public_access_block', `arn:aws:s3::${account}:account-public-access-block`, { account_id: account }), declared('aws_s3_account_public_access_block.this', { account_id: account }), 'account_id'],
  ['an inline policy by role and name', live('aws_iam_role_policy', `arn:aws:iam::${account}:role/app/policy/list`, { role: 'app', name: 'list' }), declared('aws_iam_role_policy.app', { role: 'app', name: 'list', id: 'app:list' }), 'role+name'],
  ['a user policy by user and name', live('aws_iam_user_policy', `arn:aws:iam::${account}:user/ci/policy/push`, { user: 'ci', name: 'push' }), declared('aws_iam_user_policy.ci', { user: 'ci', name: 'push' }), 'user+name'],
  [
    'a policy attachment by role and policy ARN',
    live('aws_iam_role_policy_attachment', `arn:aws:iam::${account}:role/app/attachment/deploy`, { role: 'app', policy_arn: `arn:aws:iam::${account}:policy/deploy` }),
    declared('aws_iam_role_policy_attachment.app', { role: 'app', policy_arn: `arn:aws:iam::${account}:policy/deploy` }),
    'role+policy_arn',
  ],
  ['an Azure resource by resource id (state)', azureLive('azurerm_storage_account', `${group}/providers/Microsoft.Storage/storageAccounts/stdata`, { name: 'stdata', resource_group_name: 'rg-app' }), declared('azurerm_storage_account.data', { id: `${group}/providers/Microsoft.Storage/storageAccounts/StData` }), 'id'],
  ['an Azure resource by name and group (HCL)', azureLive('azurerm_key_vault', `${group}/providers/Microsoft.KeyVault/vaults/kv-app`, { name: 'kv-app', resource_group_name: 'rg-app' }), declared('azurerm_key_vault.app', { name: 'KV-App', resource_group_name: 'rg-app' }), 'name'],
  ['an Azure app by name across its type family (v3 type)', azureLive('azurerm_linux_web_app', `${group}/providers/Microsoft.Web/sites/web`, { name: 'web', resource_group_name: 'rg-app' }), declared('azurerm_app_service.web', { name: 'web' }), 'name'],
];

describe('joining live resources to their declarations', () => {
  it.each(joins)('joins %s', (_name, liveResource, declaration, by) => {
    const other = declared(`${declaration.type}.other`, { name: 'unrelated', id: 'unrelated', bucket: 'unrelated' });
    const matches = matchDeclared([liveResource], [other, declaration]);
    expect(matches.get(liveResource)?.map((m) => [m.declared.address, m.by])).toEqual([[declaration.address, by]]);
  });

  it('joins a setting through its reference to the resource it configures, when its own identity is known only after apply', () => {
    const bucket = live('aws_s3_bucket', 'arn:aws:s3:::acme-data', { bucket: 'acme-data' });
    const versioning = live('aws_s3_bucket_versioning', 'arn:aws:s3:::acme-data/versioning', {}, { bucket: ['arn:aws:s3:::acme-data'] });
    const matches = matchDeclared(
      [bucket, versioning],
      [declared('aws_s3_bucket.data', { bucket: 'acme-data' }), declared('aws_s3_bucket_versioning.data', {}, { references: { bucket: ['aws_s3_bucket.data'] } })],
    );
    expect(matches.get(versioning)?.map((m) => [m.declared.address, m.by])).toEqual([['aws_s3_bucket_versioning.data', 'reference']]);
  });

  it('joins an Azure child through its declared parent', () => {
    const server = azureLive('azurerm_mssql_server', `${group}/providers/Microsoft.Sql/servers/sql1`, { name: 'sql1', resource_group_name: 'rg-app' });
    const auditing = azureLive('azurerm_mssql_server_extended_auditing_policy', `${server.address}/auditingSettings/default`, { server_id: server.address });
    const matches = matchDeclared(
      [server, auditing],
      [declared('azurerm_mssql_server.main', { name: 'sql1' }), declared('azurerm_mssql_server_extended_auditing_policy.main', {}, { references: { server_id: ['azurerm_mssql_server.main'] } })],
    );
    expect(matches.get(auditing)?.map((m) => [m.declared.address, m.by])).toEqual([['azurerm_mssql_server_extended_auditing_policy.main', 'parent']]);
  });

  it.each<[string, Resource, Resource]>([
    ['a different type with the same name', live('aws_iam_role', `arn:aws:iam::${account}:role/deploy`, { name: 'deploy' }), declared('aws_iam_policy.deploy', { name: 'deploy' })],
    ['an Azure name in another resource group', azureLive('azurerm_key_vault', `${group}/providers/Microsoft.KeyVault/vaults/kv`, { name: 'kv', resource_group_name: 'rg-app' }), declared('azurerm_key_vault.kv', { name: 'kv', resource_group_name: 'rg-other' })],
    ['a value the declaration keeps secret', live('aws_iam_policy', `arn:aws:iam::${account}:policy/deploy`, { name: 'deploy' }), declared('aws_iam_policy.deploy', { name: 'deploy' }, { sensitivePaths: ['name'] })],
    ['another provider', live('aws_s3_bucket', 'arn:aws:s3:::shared', { bucket: 'shared' }), declared('google_storage_bucket.shared', { name: 'shared' })],
  ])('does not join %s', (_name, liveResource, declaration) => {
    expect(matchDeclared([liveResource], [declaration]).size).toBe(0);
  });

  it('returns every declaration that claims one live resource, so drift can say it is declared twice', () => {
    const bucket = live('aws_s3_bucket', 'arn:aws:s3:::acme-data', { bucket: 'acme-data' });
    const matches = matchDeclared([bucket], [declared('aws_s3_bucket.a', { bucket: 'acme-data' }), declared('aws_s3_bucket.b', { bucket: 'acme-data' })]);
    expect(matches.get(bucket)?.map((m) => m.declared.address)).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
  });

  it('locates live findings in --tf-dir: the first declaration by address on AWS, none when ambiguous on Azure', () => {
    const range = { startLine: 3, startColumn: 1, endLine: 5, endColumn: 2 };
    const located = (address: string, attributes: Record<string, Value>) => declared(address, attributes, { declaration: { file: '/repo/main.tf', range, attributes: {} } });
    const bucket = live('aws_s3_bucket', 'arn:aws:s3:::acme-data', { bucket: 'acme-data' });
    const vault = azureLive('azurerm_key_vault', `${group}/providers/Microsoft.KeyVault/vaults/kv`, { name: 'kv', resource_group_name: 'rg-app' });
    const [awsResult, azureResult] = attachDeclarations(
      [bucket, vault],
      [located('aws_s3_bucket.b', { bucket: 'acme-data' }), located('aws_s3_bucket.a', { bucket: 'acme-data' }), located('azurerm_key_vault.x', { name: 'kv' }), located('azurerm_key_vault.y', { name: 'kv' })],
    );
    expect(awsResult?.declaration?.range).toEqual(range);
    expect(azureResult?.declaration).toBeUndefined();
  });

  it.each<[string, Resource, boolean]>([
    ['a name known offline', declared('aws_s3_bucket.a', { bucket: 'acme' }), true],
    ['a name known only after apply', declared('aws_s3_bucket.a', { bucket_prefix: 'acme-' }), false],
    ['an Azure id', declared('azurerm_storage_account.a', { id: '/subscriptions/x' }), true],
    ['an Azure resource without a name', declared('azurerm_storage_account.a', { account_tier: 'Standard' }), false],
  ])('knows whether a declaration can be joined at all: %s', (_name, resource, joinable) => {
    expect(isJoinable(resource)).toBe(joinable);
  });
});
