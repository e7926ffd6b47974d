/**
 * ARM JSON for the tests, modeled on the 200 responses of the public Azure REST API spec examples
 * (Azure/azure-rest-api-specs, `specification/…/examples/*.json`, `responses["200"].body`); each builder names the
 * example it follows. Every builder returns the resource and the child settings the collector reads, in a
 * compliant (`secure: true`) or insecure form.
 */
import type { ArmObject } from '../../../testing/arm-server.js';

export const subscriptionA = '11111111-2222-3333-4444-555555555555';
export const subscriptionB = '66666666-7777-8888-9999-000000000000';

export function groupId(subscription: string, group: string): string {
  return `/subscriptions/${subscription}/resourceGroups/${group}`;
}

export interface Fixture {
  readonly secure: boolean;
  readonly subscription?: string;
  readonly group?: string;
}

function base({ subscription = subscriptionA, group = 'rg-app' }: Fixture): string {
  return groupId(subscription, group);
}

/** storage/…/2023-05-01/examples/StorageAccountGetProperties.json (+ StorageAccountEnableCMK.json, BlobServicesGet.json, BlobContainersList.json). */
export function storageAccount(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Storage/storageAccounts/${name}`;
  const secure = fixture.secure;
  const properties: ArmObject = {
    creationTime: '2017-06-01T02:42:41.7633306Z',
    networkAcls: { bypass: 'AzureServices', defaultAction: secure ? 'Deny' : 'Allow', ipRules: [], virtualNetworkRules: [] },
    primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/` },
    primaryLocation: 'eastus2',
    provisioningState: 'Succeeded',
    encryption: secure
      ? {
          services: { file: { keyType: 'Account', enabled: true }, blob: { keyType: 'Account', enabled: true } },
          keySource: 'Microsoft.Keyvault',
          keyvaultproperties: { keyvaulturi: 'https://myvault8569.vault.azure.net', keyname: 'wrappingKey', keyversion: '' },
          requireInfrastructureEncryption: true,
        }
      : { services: { file: { keyType: 'Account', enabled: true }, blob: { keyType: 'Account', enabled: true } }, keySource: 'Microsoft.Storage' },
    supportsHttpsTrafficOnly: secure,
    isHnsEnabled: false,
    // The GetProperties example has no minimumTlsVersion and no allowBlobPublicAccess: the insecure account keeps
    // that shape, so its values are unknown, not assumed.
    ...(secure ? { minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, allowSharedKeyAccess: false, publicNetworkAccess: 'Disabled' } : {}),
  };
  return [
    { id, kind: 'StorageV2', location: 'eastus2', name, properties, sku: { name: 'Standard_GRS', tier: 'Standard' }, tags: { env: 'prod' }, type: 'Microsoft.Storage/storageAccounts' },
    {
      id: `${id}/blobServices/default`,
      name: 'default',
      type: 'Microsoft.Storage/storageAccounts/blobServices',
      properties: {
        defaultServiceVersion: '2017-07-29',
        deleteRetentionPolicy: secure ? { enabled: true, days: 30 } : { enabled: false },
        containerDeleteRetentionPolicy: secure ? { enabled: true, days: 14 } : { enabled: false },
        isVersioningEnabled: secure,
        changeFeed: { enabled: secure, retentionInDays: 7 },
      },
      sku: { name: 'Standard_GRS', tier: 'Standard' },
    },
    {
      id: `${id}/blobServices/default/containers/data`,
      name: 'data',
      type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
      etag: '"0x8D589847D51C7DE"',
      properties: { publicAccess: secure ? 'None' : 'Container', leaseStatus: 'Unlocked', leaseState: 'Available', hasImmutabilityPolicy: false, hasLegalHold: false },
    },
  ];
}

/** keyvault/…/2023-07-01/examples/getVault.json and getKey.json (+ monitor/…/2021-05-01-preview/examples/getDiagnosticSetting.json). */
export function keyVault(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.KeyVault/vaults/${name}`;
  const secure = fixture.secure;
  const workspace = `${base(fixture)}/providers/Microsoft.OperationalInsights/workspaces/logs`;
  return [
    {
      id,
      name,
      type: 'Microsoft.KeyVault/vaults',
      location: 'westus',
      tags: {},
      properties: {
        sku: { family: 'A', name: 'standard' },
        tenantId: '00000000-0000-0000-0000-000000000000',
        accessPolicies: [],
        enabledForDeployment: true,
        enabledForDiskEncryption: true,
        enabledForTemplateDeployment: true,
        vaultUri: `https://${name}.vault.azure.net`,
        provisioningState: 'Succeeded',
        publicNetworkAccess: 'Enabled',
        // getVault has neither enableSoftDelete nor enablePurgeProtection: the insecure vault keeps that shape.
        ...(secure ? { enableSoftDelete: true, softDeleteRetentionInDays: 90, enablePurgeProtection: true, enableRbacAuthorization: true } : { softDeleteRetentionInDays: 7 }),
      },
    },
    // keyvault/…/2023-07-01/examples/getKey.json; the compliant key adds an expiry and a rotation policy.
    {
      id: `${id}/keys/${secure ? 'cmk' : 'legacy'}`,
      name: secure ? 'cmk' : 'legacy',
      type: 'Microsoft.KeyVault/vaults/keys',
      location: 'westus',
      properties: {
        attributes: { enabled: true, created: 1598533051, updated: 1598533051, recoveryLevel: 'Recoverable+Purgeable', ...(secure ? { exp: 1893456000 } : {}) },
        kty: 'RSA',
        keyOps: ['wrapKey', 'unwrapKey'],
        keySize: 2048,
        keyUri: `https://${name}.vault.azure.net:443/keys/${secure ? 'cmk' : 'legacy'}`,
        ...(secure
          ? {
              rotationPolicy: {
                attributes: { expiryTime: 'P1Y' },
                lifetimeActions: [
                  { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } },
                  { trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } },
                ],
              },
            }
          : {}),
      },
    },
    {
      id: `${id}/providers/microsoft.insights/diagnosticSettings/audit`,
      type: 'Microsoft.Insights/diagnosticSettings',
      name: 'audit',
      properties: {
        storageAccountId: null,
        workspaceId: workspace,
        eventHubAuthorizationRuleId: null,
        metrics: [{ category: 'AllMetrics', enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
        logs: secure
          ? [{ categoryGroup: 'audit', enabled: true, retentionPolicy: { enabled: false, days: 0 } }]
          : [{ category: 'AuditEvent', enabled: false, retentionPolicy: { enabled: false, days: 0 } }],
      },
    },
  ];
}

/** sql/…/2021-11-01/examples/ServerGet.json (+ ServerBlobAuditingGet.json). */
export function sqlServer(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Sql/servers/${name}`;
  const secure = fixture.secure;
  return [
    {
      tags: { tagKey1: 'TagValue1' },
      id,
      name,
      type: 'Microsoft.Sql/servers',
      location: 'japaneast',
      kind: 'v12.0',
      properties: {
        fullyQualifiedDomainName: `${name}.database.windows.net`,
        administratorLogin: 'dummylogin',
        version: '12.0',
        state: 'Ready',
        publicNetworkAccess: secure ? 'Disabled' : 'Enabled',
        minimalTlsVersion: secure ? '1.2' : 'None',
      },
    },
    {
      id: `${id}/auditingSettings/default`,
      name: 'default',
      type: 'Microsoft.Sql/servers/auditingSettings',
      properties: secure
        ? { state: 'Enabled', storageEndpoint: 'https://auditlogs.blob.core.windows.net/', retentionDays: 90, auditActionsAndGroups: ['SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP'], isAzureMonitorTargetEnabled: true }
        : { state: 'Disabled', storageEndpoint: '', retentionDays: 0, auditActionsAndGroups: [], isAzureMonitorTargetEnabled: false },
    },
  ];
}

/** The shape of a Microsoft.Sql 2021-11-01 database GET (after ServerGet.json), with the TDE `current` and retention `default` children. */
export function sqlDatabase(server: string, name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Sql/servers/${server}/databases/${name}`;
  const secure = fixture.secure;
  return [
    {
      id,
      name,
      type: 'Microsoft.Sql/servers/databases',
      location: 'southeastasia',
      kind: 'v12.0,user',
      sku: { name: 'S0', tier: 'Standard' },
      properties: { collation: 'SQL_Latin1_General_CP1_CI_AS', status: 'Online', zoneRedundant: false, requestedBackupStorageRedundancy: secure ? 'Geo' : 'Local' },
    },
    { id: `${id}/transparentDataEncryption/current`, name: 'current', type: 'Microsoft.Sql/servers/databases/transparentDataEncryption', properties: { state: secure ? 'Enabled' : 'Disabled' } },
    {
      id: `${id}/backupShortTermRetentionPolicies/default`,
      name: 'default',
      type: 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies',
      properties: { retentionDays: secure ? 14 : 1, diffBackupIntervalInHours: 24 },
    },
    {
      id: `${id}/backupLongTermRetentionPolicies/default`,
      name: 'default',
      type: 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies',
      properties: secure
        ? { weeklyRetention: 'P4W', monthlyRetention: 'P12M', yearlyRetention: 'P5Y', weekOfYear: 1 }
        : { weeklyRetention: 'PT0S', monthlyRetention: 'PT0S', yearlyRetention: 'PT0S', weekOfYear: 0 },
    },
    // A database's own auditing: off on the compliant one (its server audits it), on with 10 days on the other.
    {
      id: `${id}/auditingSettings/default`,
      name: 'default',
      type: 'Microsoft.Sql/servers/databases/auditingSettings',
      properties: secure ? { state: 'Disabled', retentionDays: 0 } : { state: 'Enabled', retentionDays: 10, isAzureMonitorTargetEnabled: true },
    },
  ];
}

/** compute/…/DiskRP/stable/2024-03-02/examples/diskExamples/Disk_Get.json (+ Disk_Create_WithDiskEncryptionSet.json). */
export function managedDisk(name: string, fixture: Fixture & { readonly managedBy?: string }): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Compute/disks/${name}`;
  return [
    {
      ...(fixture.managedBy === undefined ? {} : { managedBy: `${base(fixture)}/providers/Microsoft.Compute/virtualMachines/${fixture.managedBy}` }),
      sku: { name: 'Standard_LRS' },
      properties: {
        osType: 'Windows',
        creationData: { createOption: 'Empty' },
        diskSizeGB: 10,
        encryption: fixture.secure
          ? { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: `${base(fixture)}/providers/Microsoft.Compute/diskEncryptionSets/des` }
          : { type: 'EncryptionAtRestWithPlatformKey' },
        networkAccessPolicy: fixture.secure ? 'DenyAll' : 'AllowAll',
        publicNetworkAccess: fixture.secure ? 'Disabled' : 'Enabled',
        provisioningState: 'Succeeded',
      },
      type: 'Microsoft.Compute/disks',
      location: 'westus',
      tags: { department: 'Development' },
      id,
      name,
    },
  ];
}

/** web/…/2023-12-01/examples/GetWebApp.json; `config/web` carries the siteConfig block of that example. */
export function webApp(name: string, fixture: Fixture & { readonly kind?: string }): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Web/sites/${name}`;
  const secure = fixture.secure;
  return [
    {
      id,
      name,
      type: 'Microsoft.Web/sites',
      kind: fixture.kind ?? 'app,linux',
      location: 'East US',
      properties: {
        state: 'Running',
        hostNames: [`${name}.azurewebsites.net`],
        enabled: true,
        serverFarmId: `${base(fixture)}/providers/Microsoft.Web/serverfarms/DefaultAsp`,
        reserved: true,
        // A site GET returns siteConfig values as null: the collector must read config/web.
        siteConfig: { minTlsVersion: null, ftpsState: null, http20Enabled: null },
        clientCertEnabled: false,
        httpsOnly: secure,
        publicNetworkAccess: 'Enabled',
      },
    },
    {
      id: `${id}/config/web`,
      name: 'web',
      type: 'Microsoft.Web/sites/config',
      location: 'East US',
      properties: {
        numberOfWorkers: 1,
        netFrameworkVersion: 'v4.0',
        remoteDebuggingEnabled: false,
        http20Enabled: secure,
        minTlsVersion: secure ? '1.2' : '1.0',
        scmMinTlsVersion: secure ? '1.2' : '1.0',
        ftpsState: secure ? 'Disabled' : 'AllAllowed',
      },
    },
  ];
}

/** network/…/2024-05-01/examples/NetworkSecurityGroupGet.json. */
export function networkSecurityGroup(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Network/networkSecurityGroups/${name}`;
  const rule = (ruleName: string, priority: number, properties: ArmObject): ArmObject => ({
    name: ruleName,
    id: `${id}/securityRules/${ruleName}`,
    properties: { provisioningState: 'Succeeded', protocol: 'Tcp', sourcePortRange: '*', destinationAddressPrefix: '*', access: 'Allow', priority, direction: 'Inbound', ...properties },
  });
  const rules = fixture.secure
    ? [rule('https', 100, { destinationPortRange: '443', sourceAddressPrefix: '*' }), rule('ssh-bastion', 110, { destinationPortRange: '22', sourceAddressPrefixes: ['10.0.1.0/24', '10.0.0.0/24'] })]
    : [rule('http', 130, { protocol: '*', destinationPortRange: '80', sourceAddressPrefix: '*' }), rule('admin', 120, { destinationPortRanges: ['3389', '22'], sourceAddressPrefix: 'Internet' })];
  return [
    {
      name,
      id,
      type: 'Microsoft.Network/networkSecurityGroups',
      location: 'westus',
      properties: {
        provisioningState: 'Succeeded',
        securityRules: rules,
        defaultSecurityRules: [
          {
            name: 'DenyAllInBound',
            id: `${id}/defaultSecurityRules/DenyAllInBound`,
            properties: { protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 65500, direction: 'Inbound' },
          },
        ],
      },
    },
  ];
}

/** recoveryservices/…/2024-04-01/examples/GETVault.json, with a protected VM and its policy. */
export function recoveryServicesVault(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.RecoveryServices/vaults/${name}`;
  const secure = fixture.secure;
  const policyId = `${id}/backupPolicies/DefaultPolicy`;
  return [
    {
      location: 'westus',
      name,
      tags: {},
      identity: { type: 'SystemAssigned' },
      properties: {
        publicNetworkAccess: 'Enabled',
        provisioningState: 'Succeeded',
        securitySettings: {
          immutabilitySettings: { state: secure ? 'Locked' : 'Disabled' },
          softDeleteSettings: { softDeleteRetentionPeriodInDays: 14, softDeleteState: secure ? 'AlwaysON' : 'Disabled', enhancedSecurityState: 'Enabled' },
          multiUserAuthorization: 'Disabled',
        },
        redundancySettings: { standardTierStorageRedundancy: secure ? 'GeoRedundant' : 'LocallyRedundant', crossRegionRestore: secure ? 'Enabled' : 'Disabled' },
      },
      id,
      type: 'Microsoft.RecoveryServices/vaults',
      sku: { name: 'Standard' },
    },
    {
      id: `${id}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;vm1/protectedItems/vm;iaasvmcontainerv2;rg-app;vm1`,
      name: 'vm;iaasvmcontainerv2;rg-app;vm1',
      type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        backupManagementType: 'AzureIaasVM',
        workloadType: 'VM',
        sourceResourceId: `${base(fixture)}/providers/Microsoft.Compute/virtualMachines/vm1`,
        policyId,
        protectionState: 'Protected',
      },
    },
    {
      id: policyId,
      name: 'DefaultPolicy',
      type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
      properties: {
        backupManagementType: 'AzureIaasVM',
        schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily' },
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: { retentionDuration: { count: secure ? 30 : 3, durationType: 'Days' } } },
      },
    },
  ];
}

/** postgresql/…/2022-12-01/examples/ServerGet.json, with its TLS configurations. */
export function postgresqlFlexibleServer(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}`;
  const secure = fixture.secure;
  const configuration = (configName: string, value: string): ArmObject => ({
    id: `${id}/configurations/${configName}`,
    name: configName,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    properties: { value, dataType: 'Enumeration', source: 'user-override' },
  });
  return [
    {
      sku: { name: 'Standard_D4s_v3', tier: 'GeneralPurpose' },
      properties: {
        fullyQualifiedDomainName: `${name}.postgres.database.azure.com`,
        version: '12',
        state: 'Ready',
        backup: { backupRetentionDays: secure ? 35 : 7, geoRedundantBackup: secure ? 'Enabled' : 'Disabled' },
        network: { publicNetworkAccess: secure ? 'Disabled' : 'Enabled' },
      },
      location: 'westus',
      tags: { ElasticServer: '1' },
      id,
      name,
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
    },
    configuration('require_secure_transport', secure ? 'on' : 'off'),
    configuration('ssl_min_protocol_version', secure ? 'TLSv1.2' : 'TLSv1'),
  ];
}

/** redis/…/2024-03-01/examples/RedisCacheGet.json (which has no minimumTlsVersion: kept for the insecure cache). */
export function redisCache(name: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Cache/Redis/${name}`;
  return [
    {
      id,
      location: 'West US',
      name,
      type: 'Microsoft.Cache/Redis',
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        redisVersion: '6.0',
        sku: { name: 'Premium', family: 'P', capacity: 3 },
        enableNonSslPort: !fixture.secure,
        ...(fixture.secure ? { minimumTlsVersion: '1.2' } : {}),
        hostName: `${name}.redis.cache.windows.net`,
        port: 6379,
        sslPort: 6380,
        publicNetworkAccess: 'Enabled',
      },
    },
  ];
}

/** Subscription-scope settings: the Activity Log export (getDiagnosticSetting.json shape), its Log Analytics
 * workspace, Defender plans, role definitions and assignments, and activity log alerts. The export names its
 * workspace in lower case, as ARM often does, unlike the workspace's own id. */
export function subscriptionSettings(subscription: string, fixture: Fixture): ArmObject[] {
  const scope = `/subscriptions/${subscription}`;
  const workspace = `${groupId(subscription, 'rg-ops')}/providers/Microsoft.OperationalInsights/workspaces/logs`;
  const owner = `${scope}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
  const assignment = (n: number): ArmObject => ({
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/a1b2c3d4-0000-0000-0000-00000000000${n}`,
    name: `a1b2c3d4-0000-0000-0000-00000000000${n}`,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: owner, principalId: `99999999-0000-0000-0000-00000000000${n}`, principalType: 'User', scope },
  });
  const operations = [
    'Microsoft.Authorization/policyAssignments/write',
    'Microsoft.Authorization/policyAssignments/delete',
    'Microsoft.Network/networkSecurityGroups/write',
    'Microsoft.Network/networkSecurityGroups/delete',
    'Microsoft.Network/publicIPAddresses/write',
    'Microsoft.Network/publicIPAddresses/delete',
    'Microsoft.Security/securitySolutions/write',
    'Microsoft.Security/securitySolutions/delete',
    'Microsoft.Sql/servers/firewallRules/write',
    'Microsoft.Sql/servers/firewallRules/delete',
  ];
  const alerts: ArmObject[] = (fixture.secure ? operations : operations.slice(0, 1)).map((operation, index) => ({
    id: `${groupId(subscription, 'rg-ops')}/providers/Microsoft.Insights/activityLogAlerts/alert-${index}`,
    name: `alert-${index}`,
    type: 'Microsoft.Insights/activityLogAlerts',
    location: 'Global',
    properties: {
      scopes: [scope],
      enabled: fixture.secure,
      condition: { allOf: [{ field: 'category', equals: 'Administrative' }, { field: 'operationName', equals: operation }] },
      actions: { actionGroups: [{ actionGroupId: `${groupId(subscription, 'rg-ops')}/providers/Microsoft.Insights/actionGroups/oncall` }] },
    },
  }));
  return [
    {
      id: `${scope}/providers/microsoft.insights/diagnosticSettings/activity`,
      type: 'Microsoft.Insights/diagnosticSettings',
      name: 'activity',
      properties: {
        workspaceId: workspace.toLowerCase(),
        logs: ['Administrative', 'Security', 'Policy', 'Alert'].map((category) => ({ category, enabled: fixture.secure || category === 'Administrative' })),
      },
    },
    {
      id: workspace,
      name: 'logs',
      type: 'Microsoft.OperationalInsights/workspaces',
      location: 'westus',
      properties: { provisioningState: 'Succeeded', sku: { name: 'PerGB2018' }, retentionInDays: fixture.secure ? 365 : 30 },
    },
    {
      id: `${scope}/providers/Microsoft.Security/pricings/VirtualMachines`,
      name: 'VirtualMachines',
      type: 'Microsoft.Security/pricings',
      properties: { pricingTier: fixture.secure ? 'Standard' : 'Free', subPlan: fixture.secure ? 'P2' : null },
    },
    {
      id: owner,
      name: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      type: 'Microsoft.Authorization/roleDefinitions',
      properties: { roleName: 'Owner', type: 'BuiltInRole', assignableScopes: ['/'], permissions: [{ actions: ['*'], notActions: [] }] },
    },
    {
      id: `${scope}/providers/Microsoft.Authorization/roleDefinitions/0b3d1a54-9c2a-4d5e-8a61-6f1c2d3e4f50`,
      name: '0b3d1a54-9c2a-4d5e-8a61-6f1c2d3e4f50',
      type: 'Microsoft.Authorization/roleDefinitions',
      properties: {
        roleName: 'Ops',
        type: 'CustomRole',
        assignableScopes: [scope],
        permissions: [{ actions: fixture.secure ? ['Microsoft.Compute/virtualMachines/read'] : ['*'], notActions: [], dataActions: [], notDataActions: [] }],
      },
    },
    ...(fixture.secure ? [assignment(1), assignment(2)] : [assignment(1)]),
    ...alerts,
  ];
}

/** compute/…/ComputeRP virtual machine GET shape: a Linux VM, encrypted at host or not. */
export function virtualMachine(name: string, fixture: Fixture): ArmObject[] {
  return [
    {
      id: `${base(fixture)}/providers/Microsoft.Compute/virtualMachines/${name}`,
      name,
      type: 'Microsoft.Compute/virtualMachines',
      location: 'westus',
      properties: {
        hardwareProfile: { vmSize: 'Standard_D2s_v3' },
        ...(fixture.secure ? { securityProfile: { encryptionAtHost: true } } : {}),
        storageProfile: { osDisk: { osType: 'Linux', name: `${name}-os`, createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } } },
        provisioningState: 'Succeeded',
      },
    },
  ];
}

/** network/…/2024-05-01 virtual network GET shape with one subnet behind `nsg`, and a flow log (NetworkWatcher flowLogs). */
export function virtualNetwork(name: string, nsg: string, fixture: Fixture): ArmObject[] {
  const id = `${base(fixture)}/providers/Microsoft.Network/virtualNetworks/${name}`;
  const nsgId = `${base(fixture)}/providers/Microsoft.Network/networkSecurityGroups/${nsg}`;
  const watcher = `${groupId(fixture.subscription ?? subscriptionA, 'NetworkWatcherRG')}/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westus`;
  return [
    {
      id,
      name,
      type: 'Microsoft.Network/virtualNetworks',
      location: 'westus',
      properties: {
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
        subnets: [{ name: 'app', id: `${id}/subnets/app`, properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: nsgId } } }],
      },
    },
    {
      id: `${watcher}/flowLogs/${name}-flows`,
      name: `NetworkWatcher_westus/${name}-flows`,
      type: 'Microsoft.Network/networkWatchers/flowLogs',
      location: 'westus',
      properties: {
        targetResourceId: id,
        storageId: `${base(fixture)}/providers/Microsoft.Storage/storageAccounts/flowlogs`,
        enabled: fixture.secure,
        retentionPolicy: { days: fixture.secure ? 90 : 7, enabled: true },
        format: { type: 'JSON', version: 2 },
      },
    },
  ];
}
