import rule from '../../src/aws/ec2/aws-ec2-security-group-admin-ports-closed.js';
import { testRule } from '../rule-tester.js';

const groupHcl = (ingress: string, prelude = '') => `${prelude}resource "aws_security_group" "web" {\n  name   = "web"\n  vpc_id = "vpc-0a1b2c3d"\n${ingress}}\n`;
const ingressHcl = (from: number, to: number, protocol: string, cidrs: string) => `\n  ingress {\n    from_port   = ${from}\n    to_port     = ${to}\n    protocol    = "${protocol}"\n    cidr_blocks = ${cidrs}\n  }\n`;
const rule_ = (from: number, to: number, protocol: string, cidrs: unknown[], v6: unknown[] = []) => ({ from_port: from, to_port: to, protocol, cidr_blocks: cidrs, ipv6_cidr_blocks: v6 });
const group = (ingress: unknown[], more: Record<string, unknown> = {}) => ({ address: 'aws_security_group.web', values: { name: 'web', vpc_id: 'vpc-0a1b2c3d', ingress }, ...more });

testRule(rule, {
  pass: [
    { name: 'HTTPS open to the world', hcl: groupHcl(ingressHcl(443, 443, 'tcp', '["0.0.0.0/0"]')), resources: [group([rule_(443, 443, 'tcp', ['0.0.0.0/0'])])], messageId: 'closed' },
    { name: 'SSH from the VPN range only', hcl: groupHcl(ingressHcl(22, 22, 'tcp', '["10.100.0.0/16"]')), resources: [group([rule_(22, 22, 'tcp', ['10.100.0.0/16'])])], messageId: 'closed' },
    {
      name: 'stand-alone ingress rule for HTTPS over IPv6',
      hcl: 'resource "aws_vpc_security_group_ingress_rule" "https" {\n  security_group_id = "sg-0a1b2c3d"\n  ip_protocol       = "tcp"\n  from_port         = 443\n  to_port           = 443\n  cidr_ipv6         = "::/0"\n}\n',
      resources: [{ address: 'aws_vpc_security_group_ingress_rule.https', values: { security_group_id: 'sg-0a1b2c3d', ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv6: '::/0' } }],
      messageId: 'closed',
    },
  ],
  fail: [
    { name: 'SSH open to 0.0.0.0/0', hcl: groupHcl(ingressHcl(22, 22, 'tcp', '["0.0.0.0/0"]')), resources: [group([rule_(22, 22, 'tcp', ['0.0.0.0/0'])])], messageId: 'open', path: 'ingress.0.cidr_blocks', message: 'port 22' },
    {
      name: 'RDP inside a port range open over IPv6, second ingress block',
      hcl: groupHcl(ingressHcl(443, 443, 'tcp', '["0.0.0.0/0"]') + '\n  ingress {\n    from_port        = 3000\n    to_port          = 4000\n    protocol         = "tcp"\n    ipv6_cidr_blocks = ["::/0"]\n  }\n'),
      resources: [group([rule_(443, 443, 'tcp', ['0.0.0.0/0']), rule_(3000, 4000, 'tcp', [], ['::/0'])])],
      messageId: 'open',
      path: 'ingress.1.ipv6_cidr_blocks',
      message: 'port 3389',
    },
    {
      name: 'all traffic from anywhere in a security group rule',
      hcl: 'resource "aws_security_group_rule" "all" {\n  type              = "ingress"\n  security_group_id = "sg-0a1b2c3d"\n  from_port         = 0\n  to_port           = 0\n  protocol          = "-1"\n  cidr_blocks       = ["0.0.0.0/0"]\n}\n',
      resources: [{ address: 'aws_security_group_rule.all', values: { type: 'ingress', security_group_id: 'sg-0a1b2c3d', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] } }],
      messageId: 'open',
      path: 'cidr_blocks',
      message: 'every port',
    },
    {
      name: 'SSH ingress rule in a module',
      hcl: 'module "bastion" {\n  source = "./modules/bastion"\n}\n',
      files: { 'modules/bastion/main.tf': 'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = "sg-0a1b2c3d"\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "0.0.0.0/0"\n}\n' },
      resources: [{ address: 'module.bastion.aws_vpc_security_group_ingress_rule.ssh', values: { security_group_id: 'sg-0a1b2c3d', ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' } }],
      messageId: 'open',
      path: 'cidr_ipv4',
    },
  ],
  unknown: [
    {
      name: 'SSH source range from a variable without a value',
      hcl: groupHcl('\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.admin_cidrs\n  }\n', 'variable "admin_cidrs" {\n  type = list(string)\n}\n\n'),
      resources: [group([{ from_port: 22, to_port: 22, protocol: 'tcp' }], { unknown: ['ingress.0.cidr_blocks'] })],
      messageId: 'unknown',
      path: 'ingress.0.cidr_blocks',
    },
  ],
});
