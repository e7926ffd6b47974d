import { defineRule, type Resource, type Verdict } from '@trustscan/core';
import { flowLogsOfVirtualNetwork, flowLogState } from '../../analysis/azure-flow-log.js';

const minimumDays = 90;
type MessageId = 'recorded' | 'kept' | 'noFlowLog' | 'disabled' | 'tooShort' | 'unknown' | 'notObserved';

export default defineRule<MessageId, { readonly minDays: number }>({
  meta: {
    id: 'azure-virtual-network-flow-logs',
    title: `Virtual network traffic is recorded by flow logs kept for at least ${minimumDays} days`,
    description:
      'Flow logs record which addresses talked to which, on which ports, and whether the traffic was allowed. They are how a team reconstructs lateral movement or data exfiltration after the fact, which auditors examine under the monitoring criteria. A virtual network counts as covered by a VNet flow log that targets it, or by legacy NSG flow logs on the security groups of all its subnets (Azure stopped creating NSG flow logs in June 2025). Each flow log must be enabled and keep its records for at least 90 days, or for ever.',
    remediation: [
      `Record the virtual network's traffic with a VNet flow log and keep it for ${minimumDays} days or more:`,
      '',
      '```hcl',
      'resource "azurerm_network_watcher_flow_log" "app" {',
      '  name                 = "app-vnet"',
      '  network_watcher_name = "NetworkWatcher_westeurope"',
      '  resource_group_name  = "NetworkWatcherRG"',
      '  target_resource_id   = azurerm_virtual_network.app.id',
      '  storage_account_id   = azurerm_storage_account.flow_logs.id',
      '  enabled              = true',
      '',
      '  retention_policy {',
      '    enabled = true',
      `    days    = ${minimumDays}`,
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: "Prowler maps network_flow_log_captured_sent and network_flow_log_more_than_90_days to CC7.2 and CC7.3; Microsoft's SOC 2023 initiative maps its flow-log policies to CC7.2.",
    },
    resourceTypes: ['azurerm_virtual_network', 'azurerm_network_watcher_flow_log'],
    relatedTypes: ['azurerm_subnet', 'azurerm_subnet_network_security_group_association', 'azurerm_network_security_group'],
    live: {
      azure: { armType: 'Microsoft.Network/networkWatchers/flowLogs', fields: ['properties.enabled', 'properties.targetResourceId', 'properties.retentionPolicy.enabled', 'properties.retentionPolicy.days'] },
    },
    defaults: ['A network has no flow log until one is declared. A flow log whose retention policy is off, or set to 0 days, keeps its records until they are deleted.'],
    options: {
      minDays: {
        type: 'integer',
        description: 'The fewest days flow log records must be kept (0 keeps them forever).',
        default: 90,
        minimum: 1,
        maximum: 365,
      },
    },
    equivalents: {
      checkov: ['CKV_AZURE_12'],
      kics: ['Network Watcher Flow Disabled'],
      trivy: ['AVD-AZU-0073', 'AVD-AZU-0049'],
      prowler: ['network_flow_log_captured_sent', 'network_flow_log_more_than_90_days'],
      catalog: ['S2-AZR-NET-001'],
    },
    messages: {
      recorded: 'The traffic of {{address}} is recorded by flow log {{flowLog}}, kept {{kept}}.',
      kept: 'Flow log {{flowLog}} is enabled and keeps its records {{kept}}.',
      noFlowLog: 'Virtual network {{address}} has no flow log, so its traffic is not recorded. Add a VNet flow log that targets it.',
      disabled: 'Flow log {{flowLog}} is disabled, so it records no traffic. Set enabled to true.',
      tooShort: `Flow log {{flowLog}} keeps records for {{days}} day(s). Set retention_policy days to {{minDays}} or more, or 0 to keep them.`,
      unknown: 'Whether the traffic of {{address}} is recorded is not known: {{reason}}.',
      notObserved: 'Whether the traffic of {{address}} is recorded is not known: this scan did not read every flow log, subnet and network security group.',
    },
    examples: {
      good: `resource "azurerm_virtual_network" "app" {
  name                = "acme-app"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  address_space       = ["10.10.0.0/16"]
}

resource "azurerm_network_watcher_flow_log" "app" {
  name                 = "acme-app"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.app.id
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-security/providers/Microsoft.Storage/storageAccounts/acmeflowlogs"
  enabled              = true

  retention_policy {
    enabled = true
    days    = 90
  }
}
`,
      bad: `resource "azurerm_virtual_network" "app" {
  name                = "acme-app"
  resource_group_name = "acme-prod"
  location            = "westeurope"
  address_space       = ["10.10.0.0/16"]
}
`,
    },
  },
  evaluate(resource, context) {
    if (resource.type === 'azurerm_network_watcher_flow_log') return check(resource, resource.address, false, context.options.minDays);
    const { direct, throughSubnets } = flowLogsOfVirtualNetwork(resource, context);
    const verdicts = [...direct, ...throughSubnets].map((flowLog) => check(flowLog, resource.address, true, context.options.minDays));
    if (verdicts.length === 0 && !flowLogTypes.every((type) => context.observed(type))) return { status: 'unknown', messageId: 'notObserved', data: { address: resource.address } };
    if (verdicts.length === 0) return { status: 'fail', messageId: 'noFlowLog', data: { address: resource.address } };
    // Retention is the flow log's own finding; the network only needs one enabled flow log.
    const recording = verdicts.filter((v) => v.messageId !== 'disabled');
    return recording.find((v) => v.status === 'pass') ?? recording.find((v) => v.status === 'unknown') ?? (verdicts.find((v) => v.status === 'fail') as Verdict<MessageId>);
  },
});

/** What shows that a network has no flow log: the flow logs, and the subnets and security groups NSG flow logs watch. */
const flowLogTypes = ['azurerm_network_watcher_flow_log', 'azurerm_subnet', 'azurerm_subnet_network_security_group_association', 'azurerm_network_security_group'];

/** Judges a flow log; for a network (`forNetwork`) only whether it records, since retention is judged on the flow log. */
function check(flowLog: Resource, address: string, forNetwork: boolean, minDays: number): Verdict<MessageId> {
  const at = forNetwork ? { at: flowLog } : {};
  const data = { address, flowLog: flowLog.address };
  const state = flowLogState(flowLog, minDays);
  switch (state.kind) {
    case 'unknown':
      return { status: 'unknown', messageId: 'unknown', data: { address, reason: state.reason }, path: state.path, ...at };
    case 'disabled':
      return { status: 'fail', messageId: 'disabled', data, path: ['enabled'], ...at };
    case 'short':
      if (!forNetwork) return { status: 'fail', messageId: 'tooShort', data: { ...data, days: state.days }, path: ['retention_policy', 0, 'days'] };
      return { status: 'pass', messageId: 'recorded', data: { ...data, kept: `for ${state.days} days` }, path: ['enabled'], ...at };
    case 'ok':
      return { status: 'pass', messageId: forNetwork ? 'recorded' : 'kept', data: { ...data, kept: state.days === 'forever' ? 'without a time limit' : `for ${state.days} days` }, path: ['enabled'], ...at };
  }
}
