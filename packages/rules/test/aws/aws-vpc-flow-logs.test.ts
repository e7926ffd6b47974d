import rule from '../../src/aws/vpc/aws-vpc-flow-logs.js';
import { testRule } from '../rule-tester.js';

const vpcHcl = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
const flowLogHcl = (name: string, traffic: string) =>
  `\nresource "aws_flow_log" "${name}" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = ${traffic}\n  log_destination      = "arn:aws:s3:::acme-flow-logs"\n  log_destination_type = "s3"\n}\n`;
const vpc = { address: 'aws_vpc.main', values: { cidr_block: '10.0.0.0/16' }, computed: ['id', 'arn'] };
const flowLog = (name: string, traffic: string | undefined) => ({
  address: `aws_flow_log.${name}`,
  values: { log_destination: 'arn:aws:s3:::acme-flow-logs', log_destination_type: 's3', ...(traffic === undefined ? {} : { traffic_type: traffic }) },
  unknown: ['vpc_id', ...(traffic === undefined ? ['traffic_type'] : [])],
  expressions: { vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'] },
});

testRule(rule, {
  pass: [
    { name: 'flow log of all traffic linked by reference while the VPC id is unknown', hcl: vpcHcl + flowLogHcl('main', '"ALL"'), resources: [vpc, flowLog('main', 'ALL')], subject: 'aws_vpc.main', messageId: 'logged' },
    { name: 'accepted and rejected traffic in two flow logs', hcl: vpcHcl + flowLogHcl('accept', '"ACCEPT"') + flowLogHcl('reject', '"REJECT"'), resources: [vpc, flowLog('accept', 'ACCEPT'), flowLog('reject', 'REJECT')], subject: 'aws_vpc.main', messageId: 'logged' },
    {
      name: 'flow log linked by a known VPC id (live form)',
      resources: [{ address: 'aws_vpc.main', values: { id: 'vpc-0a1b2c3d', cidr_block: '10.0.0.0/16' } }, { address: 'aws_flow_log.main', values: { vpc_id: 'vpc-0a1b2c3d', traffic_type: 'ALL' }, expressions: { vpc_id: { constant: 'vpc-0a1b2c3d' } } }],
      subject: 'aws_vpc.main',
      messageId: 'logged',
    },
  ],
  fail: [
    { name: 'VPC without a flow log', hcl: vpcHcl, resources: [vpc], messageId: 'noFlowLog', path: '' },
    { name: 'flow log of rejected traffic only', hcl: vpcHcl + flowLogHcl('main', '"REJECT"'), resources: [vpc, flowLog('main', 'REJECT')], subject: 'aws_vpc.main', messageId: 'partial', path: 'traffic_type', message: 'REJECT' },
  ],
  unknown: [
    {
      name: 'traffic type from a variable without a value',
      hcl: 'variable "traffic" {\n  type = string\n}\n\n' + vpcHcl + flowLogHcl('main', 'var.traffic'),
      resources: [vpc, flowLog('main', undefined)],
      subject: 'aws_vpc.main',
      messageId: 'unknown',
      path: 'traffic_type',
    },
  ],
});
