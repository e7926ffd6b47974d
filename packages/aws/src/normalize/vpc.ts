import type { Resource } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/** `AWS::EC2::VPC` → `aws_vpc`. */
export function normalizeVpc(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const id = text(field(c, 'vpcId')) ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:ec2:${item.awsRegion}:${item.accountId}:vpc/${id}`);
  return [
    liveResource(
      identity,
      'aws_vpc',
      attributes({ id, arn: identity.arn, cidr_block: optional(field(c, 'cidrBlock'), 'string'), is_default: optional(field(c, 'isDefault'), 'boolean'), tags: item.tags }),
    ),
  ];
}

/** `AWS::EC2::FlowLog` → `aws_flow_log`, with `vpc_id`, `subnet_id` or `eni_id` from the id of the resource it watches. */
export function normalizeFlowLog(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const id = text(field(c, 'flowLogId')) ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:ec2:${item.awsRegion}:${item.accountId}:vpc-flow-log/${id}`);
  const watched = text(field(c, 'resourceId')) ?? '';
  const target = (prefix: string): string | null => (watched.startsWith(prefix) ? watched : null);
  return [
    liveResource(
      identity,
      'aws_flow_log',
      attributes({
        id,
        arn: identity.arn,
        vpc_id: target('vpc-'),
        subnet_id: target('subnet-'),
        eni_id: target('eni-'),
        traffic_type: optional(field(c, 'trafficType'), 'string'),
        log_destination_type: optional(field(c, 'logDestinationType'), 'string'),
        log_destination: optional(field(c, 'logDestination'), 'string'),
        log_group_name: optional(field(c, 'logGroupName'), 'string'),
        deliver_logs_status: optional(field(c, 'deliverLogsStatus'), 'string'),
        tags: item.tags,
      }),
      watched.startsWith('vpc-') ? { references: { vpc_id: [`arn:${identity.arn.split(':')[1] ?? 'aws'}:ec2:${item.awsRegion}:${item.accountId}:vpc/${watched}`] } } : {},
    ),
  ];
}
