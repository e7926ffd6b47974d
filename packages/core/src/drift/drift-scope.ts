import type { Resource } from '../model/resource.js';

/**
 * The resource types for which trustscan reports unmanaged and missing resources: things someone creates, one
 * Terraform resource each, that the live sources read. Left out on purpose: settings and parts of another resource
 * (an S3 bucket's versioning, an inline policy, a policy attachment, a SQL auditing policy, a subnet, a disk
 * attachment), which drift shows through the controls of the resource they belong to; account-wide settings that
 * exist in every account whether anyone set them or not (EBS encryption by default, the account's public access
 * block, Defender plans, the subscription); credentials (access keys, login profiles, the root user); data-plane
 * objects apps create at run time (storage containers, Key Vault keys); and EBS volumes, since a live scan cannot
 * tell a volume made by hand from the root volume an instance made.
 */
const inventoryTypes = new Set([
  'aws_api_gateway_stage',
  'aws_apigatewayv2_stage',
  'aws_backup_plan',
  'aws_backup_selection',
  'aws_backup_vault',
  'aws_cloudfront_distribution',
  'aws_cloudtrail',
  'aws_cloudwatch_log_group',
  'aws_config_configuration_recorder',
  'aws_db_instance',
  'aws_dynamodb_table',
  'aws_efs_file_system',
  'aws_elb',
  'aws_flow_log',
  'aws_guardduty_detector',
  'aws_iam_group',
  'aws_iam_policy',
  'aws_iam_role',
  'aws_iam_user',
  'aws_kms_external_key',
  'aws_kms_key',
  'aws_lb',
  'aws_lb_listener',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_s3_bucket',
  'aws_security_group',
  'aws_vpc',
  'azurerm_data_protection_backup_vault',
  'azurerm_key_vault',
  'azurerm_linux_function_app',
  'azurerm_linux_function_app_slot',
  'azurerm_linux_virtual_machine',
  'azurerm_linux_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_log_analytics_workspace',
  'azurerm_managed_disk',
  'azurerm_monitor_activity_log_alert',
  'azurerm_monitor_diagnostic_setting',
  'azurerm_mssql_database',
  'azurerm_mssql_managed_instance',
  'azurerm_mssql_server',
  'azurerm_mysql_flexible_server',
  'azurerm_network_security_group',
  'azurerm_network_watcher_flow_log',
  'azurerm_postgresql_flexible_server',
  'azurerm_recovery_services_vault',
  'azurerm_redis_cache',
  'azurerm_role_assignment',
  'azurerm_role_definition',
  'azurerm_storage_account',
  'azurerm_virtual_machine',
  'azurerm_virtual_network',
  'azurerm_windows_function_app',
  'azurerm_windows_function_app_slot',
  'azurerm_windows_virtual_machine',
  'azurerm_windows_web_app',
  'azurerm_windows_web_app_slot',
]);

/** The types unmanaged and missing resources are reported for, sorted. */
export const driftInventoryTypes: readonly string[] = [...inventoryTypes].sort();

/** Whether unmanaged and missing resources of `type` are reported (see `inventoryTypes`). */
export function isInventoryType(type: string): boolean {
  return inventoryTypes.has(type);
}

/**
 * Why a live resource was made by the cloud itself rather than by anyone, so it is not reported as unmanaged: the
 * default VPC and security groups, service-linked roles, AWS managed policies, log groups AWS services create on
 * first write, AWS Backup's default vaults, Azure's default workspaces and virtual machines' OS disks.
 */
export function madeByTheCloud(resource: Resource): string | undefined {
  const text = (name: string): string | undefined => {
    const value = resource.attributes[name];
    return typeof value === 'string' ? value : undefined;
  };
  switch (resource.type) {
    case 'aws_vpc':
      return resource.attributes['is_default'] === true ? 'the default VPC AWS creates in every region' : undefined;
    case 'aws_security_group':
      return text('name') === 'default' ? 'the default security group AWS creates in every VPC' : undefined;
    case 'aws_iam_role':
      return /^\/(aws-service-role|aws-reserved)\//.test(text('path') ?? '') ? 'a role AWS creates for a service or for IAM Identity Center' : undefined;
    case 'aws_iam_policy':
      return /^arn:[^:]+:iam::aws:policy\//.test(text('arn') ?? '') ? 'a policy AWS manages' : undefined;
    case 'aws_cloudwatch_log_group':
      return (text('name') ?? '').startsWith('/aws/') ? 'a log group an AWS service creates on first write' : undefined;
    case 'aws_backup_vault':
      return text('name') === 'Default' || (text('name') ?? '').startsWith('aws/') ? 'a vault AWS Backup creates' : undefined;
    case 'aws_backup_plan':
      return (text('name') ?? '').startsWith('aws/') ? 'a plan AWS Backup creates' : undefined;
    case 'azurerm_log_analytics_workspace':
      return (text('name') ?? '').startsWith('DefaultWorkspace-') ? 'a workspace Microsoft Defender for Cloud creates' : undefined;
    case 'azurerm_managed_disk':
      return text('os_type') !== undefined && text('os_type') !== '' ? 'the operating-system disk a virtual machine creates' : undefined;
    default:
      return undefined;
  }
}
