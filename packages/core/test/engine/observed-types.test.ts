import { describe, expect, it } from 'vitest';
import { defineRule, evaluateRules, Inventory, type Resource, type Rule } from '@trustscan/core';

// A source that reads only some types (a live account) says which; rules that decide on the absence of a resource
// ask the context whether its type was looked for at all.

const resource = (address: string, type: string, attributes: Resource['attributes'] = {}): Resource => ({
  address,
  type,
  provider: 'aws',
  attributes,
  origin: { kind: 'aws', arn: address, account: '111122223333', region: 'eu-west-1' },
});

/** A coverage rule in the shape the built-in ones take: related evidence, else fail, unless the evidence type was not read. */
const flowLogCoverage: Rule = defineRule({
  meta: {
    id: 'test-vpc-flow-log',
    title: 'Test',
    description: 'Test.',
    remediation: 'Test.',
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: { primary: ['CC7.2'], basis: 'test' },
    resourceTypes: ['aws_vpc'],
    messages: {
      logged: 'VPC {{address}} has a flow log.',
      missing: 'VPC {{address}} has no flow log.',
      notObserved: 'Whether VPC {{address}} has a flow log is not known: the scan did not read aws_flow_log resources.',
    },
  },
  evaluate(vpc, context) {
    const address = vpc.address;
    if (context.related(vpc, 'aws_flow_log').length > 0) return { status: 'pass', messageId: 'logged', data: { address } };
    if (!context.observed('aws_flow_log')) return { status: 'unknown', messageId: 'notObserved', data: { address } };
    return { status: 'fail', messageId: 'missing', data: { address } };
  },
});

const vpc = resource('arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1', 'aws_vpc', { id: 'vpc-1' });
const flowLog = resource('arn:aws:ec2:eu-west-1:111122223333:vpc-flow-log/fl-1', 'aws_flow_log', { vpc_id: 'vpc-1' });

describe('observed types', () => {
  it('treats every type as observed when the source does not say (Terraform input)', () => {
    const inventory = new Inventory([vpc]);
    expect(inventory.observes('aws_flow_log')).toBe(true);
    expect(inventory.observes('anything_at_all')).toBe(true);
  });

  it('observes exactly the types the source lists, whether or not resources of them exist', () => {
    const inventory = new Inventory([vpc], undefined, ['aws_vpc', 'aws_flow_log']);
    expect(inventory.observes('aws_flow_log')).toBe(true);
    expect(inventory.observes('aws_vpc')).toBe(true);
    expect(inventory.observes('aws_backup_selection')).toBe(false);
    // Present resources do not make their type observed: a partial listing leaves others out.
    expect(new Inventory([vpc, flowLog], undefined, []).observes('aws_flow_log')).toBe(false);
  });

  it('hands the answer to rules: unknown when the evidence type was not read, fail when it was read and is absent', () => {
    const status = (resources: readonly Resource[], observed?: readonly string[]) =>
      evaluateRules(new Inventory(resources, undefined, observed), [flowLogCoverage], '/repo').map((f) => [f.status, f.message]);
    expect(status([vpc], ['aws_vpc'])).toEqual([['unknown', `Whether VPC ${vpc.address} has a flow log is not known: the scan did not read aws_flow_log resources.`]]);
    expect(status([vpc], ['aws_vpc', 'aws_flow_log'])).toEqual([['fail', `VPC ${vpc.address} has no flow log.`]]);
    expect(status([vpc])).toEqual([['fail', `VPC ${vpc.address} has no flow log.`]]);
    // Evidence that is present decides even when its type was only partly read.
    expect(status([vpc, flowLog], ['aws_vpc'])).toEqual([['pass', `VPC ${vpc.address} has a flow log.`]]);
  });
});
