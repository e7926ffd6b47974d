import rule from '../../src/azure/network/azure-network-security-group-no-internet-ssh-rdp.js';
import { testRule } from '../rule-tester.js';

const ruleValues = (values: Record<string, unknown>) => ({
  name: 'admin',
  resource_group_name: 'acme-prod',
  network_security_group_name: 'acme-app',
  priority: 100,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  destination_address_prefix: '*',
  ...values,
});
const securityRule = (values: Record<string, unknown>, unknown: string[] = []) => ({ address: 'azurerm_network_security_rule.admin', values: ruleValues(values), unknown });
const ruleHcl = (source: string, ports: string, extra = '') => `resource "azurerm_network_security_rule" "admin" {
  name                        = "admin"
  resource_group_name         = "acme-prod"
  network_security_group_name = "acme-app"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_address_prefix  = "*"
${source}
${ports}
${extra}}
`;
const inlineRule = (values: Record<string, unknown>) => ({
  name: 'rule',
  priority: 100,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  source_port_ranges: [],
  source_address_prefix: '',
  source_address_prefixes: [],
  destination_port_range: '',
  destination_port_ranges: [],
  destination_address_prefix: '*',
  destination_address_prefixes: [],
  ...values,
});

testRule(rule, {
  pass: [
    { name: 'SSH from the Bastion subnet only', hcl: ruleHcl('  source_address_prefix       = "10.20.0.0/26"', '  destination_port_range      = "22"'), resources: [securityRule({ source_address_prefix: '10.20.0.0/26', destination_port_range: '22' })], messageId: 'closed' },
    { name: 'HTTPS from anywhere', hcl: ruleHcl('  source_address_prefix       = "*"', '  destination_port_range      = "443"'), resources: [securityRule({ source_address_prefix: '*', destination_port_range: '443' })], messageId: 'closed' },
    { name: 'a Deny rule from the Internet', resources: [securityRule({ access: 'Deny', source_address_prefix: 'Internet', destination_port_range: '*' })], messageId: 'closed' },
    { name: 'UDP to 3389', resources: [securityRule({ protocol: 'Udp', source_address_prefix: '*', destination_port_range: '3389' })], messageId: 'closed' },
    {
      name: 'NSG with inline rules that open only HTTPS',
      hcl: `resource "azurerm_network_security_group" "web" {
  name                = "acme-web"
  resource_group_name = "acme-prod"
  location            = "westeurope"

  security_rule {
    name                       = "https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
`,
      resources: [{ address: 'azurerm_network_security_group.web', values: { name: 'acme-web', security_rule: [inlineRule({ name: 'https', source_address_prefix: 'Internet', destination_port_range: '443' })] } }],
      messageId: 'closed',
    },
  ],
  fail: [
    { name: 'SSH from anywhere', hcl: ruleHcl('  source_address_prefix       = "*"', '  destination_port_range      = "22"'), resources: [securityRule({ source_address_prefix: '*', destination_port_range: '22' })], messageId: 'exposed', path: 'destination_port_range', message: 'port 22' },
    {
      name: 'a port range and a prefix list that include RDP from 0.0.0.0/0',
      hcl: ruleHcl('  source_address_prefixes     = ["203.0.113.0/24", "0.0.0.0/0"]', '  destination_port_ranges     = ["80", "3000-4000"]'),
      resources: [securityRule({ source_address_prefixes: ['203.0.113.0/24', '0.0.0.0/0'], destination_port_ranges: ['80', '3000-4000'] })],
      messageId: 'exposed',
      path: 'destination_port_ranges',
      message: 'port 3389',
    },
    {
      name: 'NSG with an inline rule that opens every port to the Internet',
      hcl: `resource "azurerm_network_security_group" "legacy" {
  name                = "acme-legacy"
  resource_group_name = "acme-prod"
  location            = "westeurope"

  security_rule {
    name                       = "https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "everything"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
`,
      resources: [
        {
          address: 'azurerm_network_security_group.legacy',
          values: { name: 'acme-legacy', security_rule: [inlineRule({ name: 'https', source_address_prefix: '*', destination_port_range: '443' }), inlineRule({ name: 'everything', protocol: '*', source_address_prefix: 'Internet', destination_port_range: '*' })] },
        },
      ],
      messageId: 'exposed',
      path: 'security_rule.1.destination_port_range',
      message: 'port 22 and 3389',
    },
  ],
  unknown: [
    {
      name: 'source prefix from a variable without a value',
      hcl: `variable "admin_cidr" {
  type = string
}

${ruleHcl('  source_address_prefix       = var.admin_cidr', '  destination_port_range      = "22"')}`,
      resources: [securityRule({ destination_port_range: '22' }, ['source_address_prefix'])],
      messageId: 'unknown',
      path: 'source_address_prefix',
    },
  ],
});
