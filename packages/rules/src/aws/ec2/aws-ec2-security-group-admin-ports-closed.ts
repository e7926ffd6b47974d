import { defineRule, type Verdict } from '@trustscan/core';
import { exposesAdministrativePorts, fieldPath, ingressFields } from '../../analysis/aws-security-group.js';
import { decisive } from '../../analysis/aws-verdicts.js';
import { attribute, readBlocks, type Block } from '../../analysis/values.js';

type MessageId = 'closed' | 'open' | 'unknown';

export default defineRule<MessageId, { readonly ports: readonly number[] }>({
  meta: {
    id: 'aws-ec2-security-group-admin-ports-closed',
    title: 'Security groups do not open SSH or RDP to the internet',
    description:
      'SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 let anyone on the internet try to log in, and are scanned and brute-forced within minutes of exposure. Administrative access should come through Session Manager, a VPN or a bastion with a narrow source range, which auditors check under the criterion for protecting system boundaries. Rules that open every port count too.',
    remediation: [
      'Remove the world-open rule and reach instances through AWS Systems Manager Session Manager, or allow only the office or VPN range:',
      '',
      '```hcl',
      'resource "aws_vpc_security_group_ingress_rule" "ssh_from_vpn" {',
      '  security_group_id = aws_security_group.bastion.id',
      '  ip_protocol       = "tcp"',
      '  from_port         = 22',
      '  to_port           = 22',
      '  cidr_ipv4         = "10.100.0.0/16"',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.6'],
      secondary: ['CC6.1'],
      basis: 'Prowler maps ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22 to CC6.6 and CC7.2; Steampipe maps vpc_security_group_restrict_ingress_ssh_all to CC6.1, CC6.2, CC6.6 and CC7.2.',
    },
    resourceTypes: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
    live: {
      aws: { configType: 'AWS::EC2::SecurityGroup', fields: ['configuration.ipPermissions[].fromPort', 'configuration.ipPermissions[].toPort', 'configuration.ipPermissions[].ipProtocol', 'configuration.ipPermissions[].ipv4Ranges[].cidrIp', 'configuration.ipPermissions[].ipv6Ranges[].cidrIpv6'] },
    },
    defaults: ['Egress rules are not evaluated. Protocol -1 (all) opens every port.'],
    options: {
      ports: {
        type: 'integer-list',
        description: 'The ports that must not be open to the internet (SSH and RDP by default; add e.g. 5432 or 3306).',
        default: [22, 3389],
        minimum: 0,
        maximum: 65535,
      },
    },
    equivalents: { checkov: ['CKV_AWS_24', 'CKV_AWS_25'], kics: ['Security Group With Unrestricted Access To SSH'], trivy: ['AVD-AWS-0107'], prowler: ['ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22', 'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389', 'ec2_securitygroup_allow_ingress_from_internet_to_all_ports'], catalog: ['S2-AWS-EC2-001'] },
    messages: {
      closed: 'The ingress of {{what}} {{address}} does not open SSH or RDP to the internet.',
      open: 'The ingress of {{what}} {{address}} opens {{detail}}. Remove the rule, or allow only a VPN or office range and prefer Session Manager.',
      unknown: 'Whether {{address}} opens SSH or RDP to the internet is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_security_group" "web" {\n  name   = "web"\n  vpc_id = "vpc-0a1b2c3d"\n\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      bad: 'resource "aws_security_group" "web" {\n  name   = "web"\n  vpc_id = "vpc-0a1b2c3d"\n\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    },
  },
  evaluate(group, context) {
    const ports = context.options.ports;
    const address = group.address;
    const what = group.type.endsWith('_rule') ? 'security group rule' : 'security group';
    if (group.type === 'aws_security_group_rule') {
      if (attribute(group, ['type']) === 'egress') return [];
      return judge(address, what, group.attributes, 'rule', [], ports);
    }
    if (group.type === 'aws_vpc_security_group_ingress_rule') return judge(address, what, group.attributes, 'ingress-rule', [], ports);
    const blocks = readBlocks(attribute(group, ['ingress']));
    if (blocks.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: blocks.reason }, path: ['ingress'] };
    const list: readonly Block[] = blocks.kind === 'value' ? blocks.value : [];
    const verdicts = list.map((block, index) => judge(address, what, block, 'inline', ['ingress', index], ports));
    return decisive(verdicts.filter((v) => v.status !== 'pass')) ?? { status: 'pass', messageId: 'closed', data: { address, what } };
  },
});

function judge(address: string, what: string, block: Block, shape: 'inline' | 'rule' | 'ingress-rule', prefix: (string | number)[], ports: readonly number[]): Verdict<MessageId> {
  const exposure = exposesAdministrativePorts(ingressFields(block, shape), ports);
  const path = fieldPath(prefix, exposure.field);
  const where = path.length > 0 ? { path } : {};
  if (exposure.status === 'yes') return { status: 'fail', messageId: 'open', data: { address, what, detail: exposure.detail }, ...where };
  if (exposure.status === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: exposure.detail }, ...where };
  return { status: 'pass', messageId: 'closed', data: { address, what }, ...where };
}
