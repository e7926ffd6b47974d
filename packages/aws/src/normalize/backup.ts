import { isRecord, isUnknown, Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, policyJson, stringList, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

// AWS Config records AWS Backup resources in the CloudFormation shape (`BackupPlan.BackupPlanRule[]`,
// `BackupSelection.ListOfTags[]`), PascalCase; fields are read ignoring case.

/** `AWS::Backup::BackupPlan` → `aws_backup_plan`, one `rule` per `BackupPlanRule` with its schedule and retention. */
export function normalizeBackupPlan(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const plan = field(c, 'BackupPlan');
  const id = text(field(c, 'BackupPlanId')) ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'BackupPlanArn')) ?? `arn:${partitionOf(item.arn)}:backup:${item.awsRegion}:${item.accountId}:backup-plan:${id}`);
  return [
    liveResource(
      identity,
      'aws_backup_plan',
      attributes({
        id,
        arn: identity.arn,
        name: text(field(plan, 'BackupPlanName')) ?? item.resourceName ?? id,
        version: optional(field(c, 'VersionId'), 'string'),
        rule: item.missing ? new Unknown(item.missing) : list(field(plan, 'BackupPlanRule')).map(planRule),
      }),
    ),
  ];
}

function planRule(rule: Value): Value {
  const lifecycle = field(rule, 'Lifecycle');
  return {
    rule_name: optional(field(rule, 'RuleName'), 'string'),
    target_vault_name: optional(field(rule, 'TargetBackupVault'), 'string'),
    schedule: optional(field(rule, 'ScheduleExpression'), 'string'),
    enable_continuous_backup: optional(field(rule, 'EnableContinuousBackup'), 'boolean'),
    start_window: optional(field(rule, 'StartWindowMinutes'), 'number'),
    completion_window: optional(field(rule, 'CompletionWindowMinutes'), 'number'),
    lifecycle: isRecord(lifecycle)
      ? [{ delete_after: optional(field(lifecycle, 'DeleteAfterDays'), 'number'), cold_storage_after: optional(field(lifecycle, 'MoveToColdStorageAfterDays'), 'number') }]
      : [],
  };
}

const conditionBlocks = [
  ['StringEquals', 'string_equals'],
  ['StringNotEquals', 'string_not_equals'],
  ['StringLike', 'string_like'],
  ['StringNotLike', 'string_not_like'],
] as const;

/**
 * `AWS::Backup::BackupSelection` → `aws_backup_selection`: the ARNs it names (`resources`, linked to the data stores
 * by the inventory), its `ListOfTags` as `selection_tag` blocks and its `Conditions` as a `condition` block.
 */
export function normalizeBackupSelection(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const selection = field(c, 'BackupSelection');
  const planId = text(field(c, 'BackupPlanId')) ?? '';
  const selectionId = text(field(c, 'SelectionId')) ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:backup:${item.awsRegion}:${item.accountId}:backup-plan:${planId}/selection/${selectionId}`);
  const unread = item.missing === undefined ? undefined : new Unknown(item.missing);
  const conditions = field(selection, 'Conditions');
  return [
    liveResource(
      identity,
      'aws_backup_selection',
      attributes({
        id: selectionId,
        name: text(field(selection, 'SelectionName')) ?? item.resourceName ?? selectionId,
        plan_id: planId,
        iam_role_arn: optional(field(selection, 'IamRoleArn'), 'string'),
        resources: unread ?? stringList(field(selection, 'Resources')),
        not_resources: unread ?? stringList(field(selection, 'NotResources')),
        selection_tag:
          unread ??
          list(field(selection, 'ListOfTags')).map((tag) => ({
            type: optional(field(tag, 'ConditionType'), 'string'),
            key: optional(field(tag, 'ConditionKey'), 'string'),
            value: optional(field(tag, 'ConditionValue'), 'string'),
          })),
        condition: unread ?? (isRecord(conditions) ? [conditionBlock(conditions)] : []),
      }),
    ),
  ];
}

function conditionBlock(conditions: Value): Value {
  const block: Record<string, Value> = {};
  for (const [from, to] of conditionBlocks) {
    block[to] = list(field(conditions, from)).map((test) => ({ key: optional(field(test, 'ConditionKey'), 'string'), value: optional(field(test, 'ConditionValue'), 'string') }));
  }
  return block;
}

/**
 * `AWS::Backup::BackupVault` → `aws_backup_vault`, plus `aws_backup_vault_lock_configuration` when the item shows a
 * vault lock and `aws_backup_vault_policy` when it holds an access policy. `kms_key_arn` is the key as recorded; the
 * collector keeps it only when it is a customer managed key (see `resolveVaultKeys`).
 */
export function normalizeBackupVault(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const name = text(field(c, 'BackupVaultName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, text(field(c, 'BackupVaultArn')) ?? `arn:${partitionOf(item.arn)}:backup:${item.awsRegion}:${item.accountId}:backup-vault:${name}`);
  const key = field(c, 'EncryptionKeyArn');
  const vault = liveResource(
    identity,
    'aws_backup_vault',
    attributes({
      id: name,
      name,
      arn: identity.arn,
      kms_key_arn: item.missing ? new Unknown(item.missing) : isUnknown(key) ? key : optional(key, 'string'),
      tags: item.tags,
    }),
  );
  const resources = [vault];
  const lock = field(c, 'LockConfiguration');
  if (isRecord(lock)) {
    resources.push(
      liveResource(
        identity,
        'aws_backup_vault_lock_configuration',
        attributes({
          backup_vault_name: name,
          min_retention_days: optional(field(lock, 'MinRetentionDays'), 'number'),
          max_retention_days: optional(field(lock, 'MaxRetentionDays'), 'number'),
          changeable_for_days: optional(field(lock, 'ChangeableForDays'), 'number'),
        }),
        { suffix: 'lock-configuration', references: { backup_vault_name: [identity.arn] } },
      ),
    );
  }
  const policy = field(c, 'AccessPolicy');
  if (policy !== undefined && policy !== null && policy !== '') {
    resources.push(
      liveResource(identity, 'aws_backup_vault_policy', { backup_vault_name: name, policy: policyJson(policy, `the access policy of backup vault ${name}`) }, {
        suffix: 'policy',
        references: { backup_vault_name: [identity.arn] },
      }),
    );
  }
  return resources;
}
