/**
 * How resources link to each other. A link is read from `attribute` of a `from` resource: first through the
 * references the source recorded (`bucket = aws_s3_bucket.b.id`), else through a known value equal to one of the
 * `keys` attributes of a `to` resource (the bucket name, an id or an ARN). Rules ask the inventory for the result.
 */
export interface RelationSpec {
  readonly from: string;
  /** Top-level attribute holding a reference, or a string or a list of strings. */
  readonly attribute: string;
  readonly to: readonly string[];
  /** Attributes of the target whose value the link attribute may hold. */
  readonly keys: readonly string[];
}

const s3BucketKeys = ['bucket', 'id'];

const s3SplitResources = [
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_object_lock_configuration',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_replication_configuration',
  'aws_s3_bucket_website_configuration',
];

/** The data stores AWS Backup can select by ARN (`aws_backup_selection.resources`). */
const awsBackupDataStores = ['aws_db_instance', 'aws_rds_cluster', 'aws_ebs_volume', 'aws_efs_file_system', 'aws_dynamodb_table'];

/** Terraform types of the Azure resources whose diagnostic settings rules read (by `target_resource_id`). */
const azureDiagnosticTargets = [
  'azurerm_key_vault',
  'azurerm_storage_account',
  'azurerm_mssql_server',
  'azurerm_mssql_database',
  'azurerm_network_security_group',
  'azurerm_recovery_services_vault',
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
];

const azureVirtualMachines = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];
const azureApps = ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app'];

/**
 * Azure resources that configure or belong to another, linked by its ARM id: a reference in Terraform, the id
 * itself for live resources (the live source writes the parent's id exactly as it read it).
 */
const azureRelations: readonly RelationSpec[] = [
  { from: 'azurerm_monitor_diagnostic_setting', attribute: 'target_resource_id', to: azureDiagnosticTargets, keys: ['id'] },
  { from: 'azurerm_mssql_server_extended_auditing_policy', attribute: 'server_id', to: ['azurerm_mssql_server'], keys: ['id'] },
  { from: 'azurerm_mssql_server_transparent_data_encryption', attribute: 'server_id', to: ['azurerm_mssql_server'], keys: ['id'] },
  { from: 'azurerm_mssql_database', attribute: 'server_id', to: ['azurerm_mssql_server'], keys: ['id'] },
  { from: 'azurerm_mssql_database_extended_auditing_policy', attribute: 'database_id', to: ['azurerm_mssql_database'], keys: ['id'] },
  { from: 'azurerm_storage_container', attribute: 'storage_account_id', to: ['azurerm_storage_account'], keys: ['id'] },
  { from: 'azurerm_storage_container', attribute: 'storage_account_name', to: ['azurerm_storage_account'], keys: ['name'] },
  { from: 'azurerm_storage_account_customer_managed_key', attribute: 'storage_account_id', to: ['azurerm_storage_account'], keys: ['id'] },
  { from: 'azurerm_postgresql_flexible_server_configuration', attribute: 'server_id', to: ['azurerm_postgresql_flexible_server'], keys: ['id'] },
  { from: 'azurerm_mysql_flexible_server_configuration', attribute: 'server_name', to: ['azurerm_mysql_flexible_server'], keys: ['name'] },
  { from: 'azurerm_backup_protected_vm', attribute: 'source_vm_id', to: azureVirtualMachines, keys: ['id'] },
  { from: 'azurerm_backup_protected_vm', attribute: 'backup_policy_id', to: ['azurerm_backup_policy_vm'], keys: ['id'] },
  { from: 'azurerm_key_vault_key', attribute: 'key_vault_id', to: ['azurerm_key_vault'], keys: ['id'] },
  { from: 'azurerm_network_watcher_flow_log', attribute: 'network_security_group_id', to: ['azurerm_network_security_group'], keys: ['id'] },
  { from: 'azurerm_network_watcher_flow_log', attribute: 'target_resource_id', to: ['azurerm_network_security_group', 'azurerm_virtual_network'], keys: ['id'] },
  // Subscription-scope settings, linked to the subscription a live scan describes.
  { from: 'azurerm_monitor_diagnostic_setting', attribute: 'target_resource_id', to: ['azurerm_subscription', 'azurerm_key_vault_managed_hardware_security_module'], keys: ['id'] },
  { from: 'azurerm_monitor_activity_log_alert', attribute: 'scopes', to: ['azurerm_subscription'], keys: ['id'] },
  { from: 'azurerm_role_assignment', attribute: 'scope', to: ['azurerm_subscription'], keys: ['id'] },
  // Where a diagnostic setting sends its logs, and how long the destination keeps them.
  { from: 'azurerm_monitor_diagnostic_setting', attribute: 'log_analytics_workspace_id', to: ['azurerm_log_analytics_workspace'], keys: ['id'] },
  { from: 'azurerm_monitor_diagnostic_setting', attribute: 'storage_account_id', to: ['azurerm_storage_account'], keys: ['id'] },
  { from: 'azurerm_log_analytics_workspace_table', attribute: 'workspace_id', to: ['azurerm_log_analytics_workspace'], keys: ['id'] },
  { from: 'azurerm_storage_management_policy', attribute: 'storage_account_id', to: ['azurerm_storage_account'], keys: ['id'] },
  // A virtual network's subnets and their security groups, for NSG flow logs; disks attached to virtual machines.
  { from: 'azurerm_subnet', attribute: 'virtual_network_name', to: ['azurerm_virtual_network'], keys: ['name'] },
  { from: 'azurerm_subnet_network_security_group_association', attribute: 'subnet_id', to: ['azurerm_subnet'], keys: ['id'] },
  { from: 'azurerm_subnet_network_security_group_association', attribute: 'network_security_group_id', to: ['azurerm_network_security_group'], keys: ['id'] },
  { from: 'azurerm_virtual_machine_data_disk_attachment', attribute: 'managed_disk_id', to: ['azurerm_managed_disk'], keys: ['id'] },
  { from: 'azurerm_virtual_machine_data_disk_attachment', attribute: 'virtual_machine_id', to: azureVirtualMachines, keys: ['id'] },
  ...['azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot', 'azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot'].map((from) => ({
    from,
    attribute: 'app_service_id',
    to: azureApps,
    keys: ['id'],
  })),
];

export const relationSpecs: readonly RelationSpec[] = [
  ...s3SplitResources.map((from) => ({ from, attribute: 'bucket', to: ['aws_s3_bucket'], keys: s3BucketKeys })),
  ...(['role', 'user', 'group'] as const).flatMap((principal) => [
    { from: `aws_iam_${principal}_policy`, attribute: principal, to: [`aws_iam_${principal}`], keys: ['name', 'id'] },
    { from: `aws_iam_${principal}_policy_attachment`, attribute: principal, to: [`aws_iam_${principal}`], keys: ['name', 'id'] },
    { from: `aws_iam_${principal}_policy_attachment`, attribute: 'policy_arn', to: ['aws_iam_policy'], keys: ['arn', 'id'] },
  ]),
  { from: 'aws_backup_selection', attribute: 'resources', to: awsBackupDataStores, keys: ['arn'] },
  { from: 'aws_backup_vault_lock_configuration', attribute: 'backup_vault_name', to: ['aws_backup_vault'], keys: ['name', 'id'] },
  { from: 'aws_backup_vault_policy', attribute: 'backup_vault_name', to: ['aws_backup_vault'], keys: ['name', 'id'] },
  { from: 'aws_cloudtrail', attribute: 'cloud_watch_logs_group_arn', to: ['aws_cloudwatch_log_group'], keys: ['arn'] },
  { from: 'aws_config_configuration_recorder_status', attribute: 'name', to: ['aws_config_configuration_recorder'], keys: ['name', 'id'] },
  { from: 'aws_db_instance', attribute: 'parameter_group_name', to: ['aws_db_parameter_group'], keys: ['name', 'id'] },
  { from: 'aws_flow_log', attribute: 'vpc_id', to: ['aws_vpc'], keys: ['id'] },
  { from: 'aws_efs_backup_policy', attribute: 'file_system_id', to: ['aws_efs_file_system'], keys: ['id'] },
  { from: 'aws_lb_listener', attribute: 'load_balancer_arn', to: ['aws_lb', 'aws_alb'], keys: ['arn', 'id'] },
  { from: 'aws_alb_listener', attribute: 'load_balancer_arn', to: ['aws_lb', 'aws_alb'], keys: ['arn', 'id'] },
  { from: 'aws_rds_cluster', attribute: 'db_cluster_parameter_group_name', to: ['aws_rds_cluster_parameter_group'], keys: ['name', 'id'] },
  ...azureRelations,
];
