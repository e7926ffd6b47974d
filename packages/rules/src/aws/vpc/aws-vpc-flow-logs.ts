import { defineRule } from '@trustscan/core';
import { attribute, readString } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-vpc-flow-logs',
    title: 'VPCs record flow logs of all traffic',
    description:
      'Flow logs record which addresses talked to which, on which ports, and whether the traffic was accepted or rejected. They are how unusual connections, scans and data exfiltration in the network are detected and investigated, which auditors examine under the monitoring criteria. Each VPC needs a flow log capturing all traffic (ALL, or ACCEPT and REJECT together).',
    remediation: [
      'Attach a flow log to every VPC:',
      '',
      '```hcl',
      'resource "aws_flow_log" "main" {',
      '  vpc_id          = aws_vpc.main.id',
      '  traffic_type    = "ALL"',
      '  log_destination = aws_cloudwatch_log_group.flow_logs.arn',
      '  iam_role_arn    = aws_iam_role.flow_logs.arn',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: 'Prowler maps vpc_flow_logs_enabled to CC7.2 and CC7.3; Steampipe maps vpc_flow_logs_enabled to CC6.6, CC7.2 and CC7.3.',
    },
    resourceTypes: ['aws_vpc'],
    relatedTypes: ['aws_flow_log'],
    live: { aws: { configType: 'AWS::EC2::FlowLog (joined to AWS::EC2::VPC)', fields: ['configuration.resourceId', 'configuration.flowLogStatus', 'configuration.trafficType'] } },
    defaults: [
      'A VPC has no flow log until one is attached. `traffic_type` is required on `aws_flow_log`. Only flow logs attached to the VPC itself (`vpc_id`) count; flow logs of single subnets or network interfaces leave the rest of the VPC unrecorded.',
    ],
    equivalents: { checkov: ['CKV2_AWS_11'], kics: ['VPC Flow Logs Disabled'], trivy: ['AVD-AWS-0178'], prowler: ['vpc_flow_logs_enabled'], catalog: ['S2-AWS-VPC-001'] },
    messages: {
      logged: 'VPC {{address}} records flow logs of all traffic ({{logs}}).',
      noFlowLog: 'VPC {{address}} has no flow log. Attach an aws_flow_log with traffic_type = "ALL".',
      partial: 'VPC {{address}} records only {{types}} traffic in its flow logs. Set traffic_type = "ALL" so both accepted and rejected connections are kept.',
      unknown: 'Whether VPC {{address}} records flow logs of all traffic is not known: {{reason}}.',
      notObserved: 'Whether VPC {{address}} records flow logs is not known: this scan did not read VPC flow logs.',
    },
    examples: {
      good: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "main" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n  log_destination = "arn:aws:s3:::acme-flow-logs"\n  log_destination_type = "s3"\n}\n',
      bad: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    },
  },
  evaluate(vpc, context) {
    const address = vpc.address;
    const logs = context.related(vpc, 'aws_flow_log');
    if (logs.length === 0 && !context.observed('aws_flow_log')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    if (logs.length === 0) return { status: 'fail', messageId: 'noFlowLog', data: { address } };
    const types = new Set<string>();
    for (const log of logs) {
      const type = readString(attribute(log, ['traffic_type']));
      if (type.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: type.reason }, path: ['traffic_type'], at: log };
      if (type.kind === 'value') types.add(type.value.toUpperCase());
    }
    const names = logs.map((log) => log.address).join(', ');
    if (types.has('ALL') || (types.has('ACCEPT') && types.has('REJECT'))) return { status: 'pass', messageId: 'logged', data: { address, logs: names } };
    const first = logs[0];
    return { status: 'fail', messageId: 'partial', data: { address, types: [...types].sort().join(' and ') || 'no' }, path: ['traffic_type'], ...(first ? { at: first } : {}) };
  },
});
