import rule from '../../src/azure/network/azure-virtual-network-flow-logs.js';
import { testRule } from '../rule-tester.js';

const storageId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-security/providers/Microsoft.Storage/storageAccounts/acmeflowlogs';
const network = { address: 'azurerm_virtual_network.app', values: { name: 'acme-app', resource_group_name: 'acme-prod', location: 'westeurope', address_space: ['10.10.0.0/16'] }, computed: ['id'] };
const flowLog = (values: Record<string, unknown>, unknown: string[] = []) => ({
  address: 'azurerm_network_watcher_flow_log.app',
  values: { name: 'acme-app', network_watcher_name: 'NetworkWatcher_westeurope', resource_group_name: 'NetworkWatcherRG', storage_account_id: storageId, ...values },
  unknown: ['target_resource_id', ...unknown],
  expressions: { target_resource_id: ['azurerm_virtual_network.app.id', 'azurerm_virtual_network.app'] },
});
const networkHcl = `resource "azurerm_virtual_network" "app" {
  name                = "acme-app"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  address_space       = ["10.10.0.0/16"]
}
`;
const flowLogHcl = (enabled: string, retention: string) => `${networkHcl}
resource "azurerm_network_watcher_flow_log" "app" {
  name                 = "acme-app"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.app.id
  storage_account_id   = "${storageId}"
  enabled              = ${enabled}

  retention_policy {
${retention}  }
}
`;
const nsgPath = [
  { address: 'azurerm_subnet.app', values: { name: 'app', resource_group_name: 'acme-prod', address_prefixes: ['10.10.1.0/24'] }, unknown: ['virtual_network_name'], computed: ['id'], expressions: { virtual_network_name: ['azurerm_virtual_network.app.name', 'azurerm_virtual_network.app'] } },
  { address: 'azurerm_network_security_group.app', values: { name: 'acme-app', resource_group_name: 'acme-prod', location: 'westeurope' }, computed: ['id', 'security_rule'] },
  {
    address: 'azurerm_subnet_network_security_group_association.app',
    unknown: ['subnet_id', 'network_security_group_id'],
    expressions: { subnet_id: ['azurerm_subnet.app.id', 'azurerm_subnet.app'], network_security_group_id: ['azurerm_network_security_group.app.id', 'azurerm_network_security_group.app'] },
  },
  {
    address: 'azurerm_network_watcher_flow_log.nsg',
    values: { name: 'acme-app-nsg', network_watcher_name: 'NetworkWatcher_westeurope', resource_group_name: 'NetworkWatcherRG', storage_account_id: storageId, enabled: true, retention_policy: [{ enabled: true, days: 365 }] },
    unknown: ['network_security_group_id'],
    expressions: { network_security_group_id: ['azurerm_network_security_group.app.id', 'azurerm_network_security_group.app'] },
  },
];

testRule(rule, {
  pass: [
    {
      name: 'VNet flow log, enabled, 90 days',
      hcl: flowLogHcl('true', '    enabled = true\n    days    = 90\n'),
      resources: [network, flowLog({ enabled: true, retention_policy: [{ enabled: true, days: 90 }] })],
      subject: 'azurerm_virtual_network.app',
      messageId: 'recorded',
      path: 'enabled',
      message: 'for 90 days',
    },
    {
      name: 'legacy NSG flow logs on the security group of every subnet',
      resources: [network, ...nsgPath],
      subject: 'azurerm_virtual_network.app',
      messageId: 'recorded',
      message: 'azurerm_network_watcher_flow_log.nsg',
    },
    {
      name: 'a flow log without retention keeps its records',
      hcl: flowLogHcl('true', '    enabled = false\n    days    = 0\n'),
      resources: [network, flowLog({ enabled: true, retention_policy: [{ enabled: false, days: 0 }] })],
      subject: 'azurerm_network_watcher_flow_log.app',
      messageId: 'kept',
      message: 'without a time limit',
    },
  ],
  fail: [
    { name: 'no flow log', hcl: networkHcl, resources: [network], messageId: 'noFlowLog', path: '' },
    {
      name: 'the VNet flow log is disabled',
      hcl: flowLogHcl('false', '    enabled = true\n    days    = 90\n'),
      resources: [network, flowLog({ enabled: false, retention_policy: [{ enabled: true, days: 90 }] })],
      subject: 'azurerm_virtual_network.app',
      messageId: 'disabled',
      path: 'enabled',
    },
    {
      name: 'the flow log keeps records for 7 days',
      hcl: flowLogHcl('true', '    enabled = true\n    days    = 7\n'),
      resources: [network, flowLog({ enabled: true, retention_policy: [{ enabled: true, days: 7 }] })],
      subject: 'azurerm_network_watcher_flow_log.app',
      messageId: 'tooShort',
      path: 'retention_policy.0.days',
    },
    {
      name: 'an NSG flow log on one subnet does not cover a second subnet without one',
      resources: [
        network,
        ...nsgPath,
        { address: 'azurerm_subnet.data', values: { name: 'data', resource_group_name: 'acme-prod', address_prefixes: ['10.10.2.0/24'] }, unknown: ['virtual_network_name'], computed: ['id'], expressions: { virtual_network_name: ['azurerm_virtual_network.app.name', 'azurerm_virtual_network.app'] } },
      ],
      subject: 'azurerm_virtual_network.app',
      messageId: 'noFlowLog',
      path: '',
    },
  ],
  unknown: [
    {
      name: 'enabled from a variable without a value',
      hcl: `variable "flow_logs_on" {
  type = bool
}

${flowLogHcl('var.flow_logs_on', '    enabled = true\n    days    = 90\n')}`,
      resources: [network, flowLog({ retention_policy: [{ enabled: true, days: 90 }] }, ['enabled'])],
      subject: 'azurerm_virtual_network.app',
      messageId: 'unknown',
      path: 'enabled',
    },
  ],
});
