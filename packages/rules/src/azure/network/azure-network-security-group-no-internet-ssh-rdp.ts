import { defineRule, isRecord, type Value } from '@trustscan/core';
import { exposure, managementPorts } from '../../analysis/azure-security-rule.js';
import { attribute, readBlocks } from '../../analysis/values.js';

type MessageId = 'closed' | 'exposed' | 'unknown';

export default defineRule<MessageId, { readonly ports: readonly number[] }>({
  meta: {
    id: 'azure-network-security-group-no-internet-ssh-rdp',
    title: 'Network security groups do not open SSH or RDP to the Internet',
    description:
      'SSH (22) and RDP (3389) open to the whole Internet are scanned and brute-forced within minutes of being exposed. Administrative access should come through Azure Bastion, a VPN or a known address range, which auditors check under the criterion for restricting access from outside the system boundary.',
    remediation: [
      'Allow management ports only from a known range, or use Azure Bastion:',
      '',
      '```hcl',
      'resource "azurerm_network_security_rule" "ssh" {',
      '  # ...',
      '  direction                  = "Inbound"',
      '  access                     = "Allow"',
      '  protocol                   = "Tcp"',
      '  source_address_prefix      = "10.20.0.0/24" # the Bastion or VPN subnet',
      '  destination_port_range     = "22"',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.6'],
      secondary: ['CC6.1'],
      basis: "Prowler maps network_ssh_internet_access_restricted and network_rdp_internet_access_restricted to CC6.6; Microsoft's SOC 2 Type 2 initiative maps 'Management ports should be closed on your virtual machines' to CC6.1, CC6.6 and CC6.7.",
    },
    resourceTypes: ['azurerm_network_security_rule', 'azurerm_network_security_group'],
    live: {
      azure: { armType: 'Microsoft.Network/networkSecurityGroups', fields: ['properties.securityRules[].properties.{direction, access, protocol, sourceAddressPrefix(es), destinationPortRange(s)}'] },
    },
    defaults: ['A rule with `source_address_prefix` `*`, `Internet`, `Any` or a `/0` range admits the whole Internet; `destination_port_range` `*` includes every port.'],
    options: {
      ports: {
        type: 'integer-list',
        description: 'The ports that must not be open to the Internet (SSH and RDP by default; add e.g. 5432 or 3306).',
        default: [22, 3389],
        minimum: 0,
        maximum: 65535,
      },
    },
    equivalents: {
      checkov: ['CKV_AZURE_10', 'CKV_AZURE_9'],
      kics: ['SSH Is Exposed To The Internet', 'RDP Is Exposed To The Internet'],
      trivy: ['AVD-AZU-0050', 'AVD-AZU-0048'],
      prowler: ['network_ssh_internet_access_restricted', 'network_rdp_internet_access_restricted'],
      catalog: ['S2-AZR-NSG-001'],
    },
    messages: {
      closed: `The {{what}} {{address}} does not open port ${managementPorts.join(' or ')} to the Internet.`,
      exposed: 'The {{what}} {{address}} allows the Internet to reach port {{ports}}. Allow only a known address range, or use Azure Bastion.',
      unknown: 'Whether {{what}} {{address}} opens SSH or RDP to the Internet is not known: {{reason}}.',
    },
    examples: {
      good: `resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh-from-bastion"
  resource_group_name         = "acme-prod"
  network_security_group_name = "acme-app"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "10.20.0.0/26"
  destination_address_prefix  = "*"
}
`,
      bad: `resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  resource_group_name         = "acme-prod"
  network_security_group_name = "acme-app"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
}
`,
    },
  },
  evaluate(resource, context) {
    const address = resource.address;
    if (resource.type === 'azurerm_network_security_rule') {
      const what = 'security rule';
      const result = exposure(resource.attributes, context.options.ports);
      if (result.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { what, address, reason: result.reason }, path: result.path };
      if (result.kind === 'exposed') return { status: 'fail', messageId: 'exposed', data: { what, address, ports: result.ports.join(' and ') }, path: result.path };
      return { status: 'pass', messageId: 'closed', data: { what, address } };
    }
    const what = 'network security group';
    const rules = readBlocks(attribute(resource, ['security_rule']));
    if (rules.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { what, address, reason: rules.reason }, path: ['security_rule'] };
    const blocks: readonly Value[] = rules.kind === 'value' ? rules.value : [];
    for (const [index, rule] of blocks.entries()) {
      if (!isRecord(rule)) continue;
      const result = exposure(rule, context.options.ports);
      if (result.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { what, address, reason: result.reason }, path: ['security_rule', index, ...result.path] };
      if (result.kind === 'exposed') return { status: 'fail', messageId: 'exposed', data: { what, address, ports: result.ports.join(' and ') }, path: ['security_rule', index, ...result.path] };
    }
    return { status: 'pass', messageId: 'closed', data: { what, address } };
  },
});
