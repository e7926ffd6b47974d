import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, stringList, text } from './fields.js';
import { identityOf, liveResource, partitionOf } from './live-resource.js';

/** `AWS::EC2::SecurityGroup` → `aws_security_group` with `ingress` and `egress` rules in Terraform's shape. */
export function normalizeSecurityGroup(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const id = text(field(c, 'groupId')) ?? item.resourceId;
  const identity = identityOf(item, `arn:${partitionOf(item.arn)}:ec2:${item.awsRegion}:${item.accountId}:security-group/${id}`);
  return [
    liveResource(
      identity,
      'aws_security_group',
      attributes({
        id,
        arn: identity.arn,
        name: optional(field(c, 'groupName'), 'string'),
        description: optional(field(c, 'description'), 'string'),
        vpc_id: optional(field(c, 'vpcId'), 'string'),
        ingress: item.missing ? new Unknown(item.missing) : list(field(c, 'ipPermissions')).map((p) => permission(p, id)),
        egress: item.missing ? new Unknown(item.missing) : list(field(c, 'ipPermissionsEgress')).map((p) => permission(p, id)),
        tags: item.tags,
      }),
    ),
  ];
}

/** One API `IpPermission` as a Terraform rule: all-protocol rules (`-1`) have ports 0–0, as in Terraform's state. */
function permission(value: Value, groupId: string): Value {
  const protocol = text(field(value, 'ipProtocol')) ?? '-1';
  const allPorts = protocol === '-1';
  const ipv4 = [
    ...list(field(value, 'ipv4Ranges')).map((range) => text(field(range, 'cidrIp'))),
    ...stringList(field(value, 'ipRanges')),
  ].filter((cidr): cidr is string => cidr !== undefined);
  const pairs = list(field(value, 'userIdGroupPairs')).map((pair) => text(field(pair, 'groupId'))).filter((g): g is string => g !== undefined);
  return {
    from_port: allPorts ? 0 : (optional(field(value, 'fromPort'), 'number') ?? 0),
    to_port: allPorts ? 0 : (optional(field(value, 'toPort'), 'number') ?? 0),
    protocol,
    cidr_blocks: [...new Set(ipv4)].sort(),
    ipv6_cidr_blocks: [...new Set(list(field(value, 'ipv6Ranges')).map((r) => text(field(r, 'cidrIpv6'))).filter((c): c is string => c !== undefined))].sort(),
    prefix_list_ids: list(field(value, 'prefixListIds')).map((p) => text(field(p, 'prefixListId'))).filter((p): p is string => p !== undefined).sort(),
    security_groups: pairs.filter((g) => g !== groupId).sort(),
    self: pairs.includes(groupId),
    description: null,
  };
}
