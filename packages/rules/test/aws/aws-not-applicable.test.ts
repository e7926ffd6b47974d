import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { scan, type Rule } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import { buildPlan, type PlannedResource } from '../../../../testing/plan-builder.js';
import backupCovered from '../../src/aws/backup/aws-backup-data-store-covered.js';
import ebsEncrypted from '../../src/aws/ebs/aws-ebs-volume-encrypted.js';
import securityGroup from '../../src/aws/ec2/aws-ec2-security-group-admin-ports-closed.js';
import lbLogging from '../../src/aws/elb/aws-elb-access-logging.js';
import listenerHttps from '../../src/aws/elb/aws-elb-listener-https.js';
import listenerTls from '../../src/aws/elb/aws-elb-listener-tls-policy.js';
import fullAdmin from '../../src/aws/iam/aws-iam-policy-no-full-admin.js';
import kmsRotation from '../../src/aws/kms/aws-kms-key-rotation.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const workspace = temporaryDirectory('not-applicable');
let count = 0;

/** The addresses a rule reports on when it scans `resources` as a plan, with their status. */
async function reported(rule: Rule, resources: readonly PlannedResource[]): Promise<[string, string][]> {
  const file = path.join(workspace, `plan-${++count}.json`);
  writeFileSync(file, JSON.stringify(buildPlan(resources)));
  const result = await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules: [rule], root: workspace });
  expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
  return result.findings.map((f) => [f.resource.address, f.status]);
}

// A rule that does not apply to a resource reports nothing about it, rather than a pass that would count as evidence.
describe('AWS rules leave out resources they do not apply to', () => {
  it('aws-kms-key-rotation: asymmetric, HMAC and disabled keys', async () => {
    expect(
      await reported(kmsRotation, [
        { address: 'aws_kms_key.signing', values: { customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' } },
        { address: 'aws_kms_key.hmac', values: { customer_master_key_spec: 'HMAC_256', key_usage: 'GENERATE_VERIFY_MAC' } },
        { address: 'aws_kms_key.retired', values: { is_enabled: false } },
        { address: 'aws_kms_key.data', values: { enable_key_rotation: true } },
      ]),
    ).toEqual([['aws_kms_key.data', 'pass']]);
  });

  it('aws-elb-access-logging: network and gateway load balancers', async () => {
    expect(
      await reported(lbLogging, [
        { address: 'aws_lb.nlb', values: { load_balancer_type: 'network' } },
        { address: 'aws_lb.gwlb', values: { load_balancer_type: 'gateway' } },
        { address: 'aws_lb.alb', values: { load_balancer_type: 'application' } },
      ]),
    ).toEqual([['aws_lb.alb', 'fail']]);
  });

  it('aws-elb-listener-https and aws-elb-listener-tls-policy: TCP and UDP listeners', async () => {
    const resources = [
      { address: 'aws_lb_listener.tcp', values: { load_balancer_arn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/1', protocol: 'TCP', port: 5432 } },
      { address: 'aws_lb_listener.udp', values: { load_balancer_arn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/1', protocol: 'UDP', port: 53 } },
    ];
    expect(await reported(listenerHttps, resources)).toEqual([]);
    expect(await reported(listenerTls, resources)).toEqual([]);
  });

  it('aws-elb-listener-tls-policy: load balancer policies other than SSL negotiation', async () => {
    expect(
      await reported(listenerTls, [{ address: 'aws_load_balancer_policy.stickiness', values: { load_balancer_name: 'legacy', policy_name: 'sticky', policy_type_name: 'LBCookieStickinessPolicyType' } }]),
    ).toEqual([]);
  });

  it('aws-ec2-security-group-admin-ports-closed: egress rules', async () => {
    expect(
      await reported(securityGroup, [{ address: 'aws_security_group_rule.out', values: { type: 'egress', security_group_id: 'sg-1', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] } }]),
    ).toEqual([]);
  });

  it('aws-ebs-volume-encrypted: an instance whose volumes come from its launch template (judged on its own)', async () => {
    expect(
      await reported(ebsEncrypted, [{ address: 'aws_instance.app', values: { instance_type: 't3.micro', launch_template: [{ id: 'lt-0a1b2c3d', version: '$Latest' }] }, computed: ['root_block_device'] }]),
    ).toEqual([]);
  });

  it('aws-backup-data-store-covered: read replicas', async () => {
    expect(await reported(backupCovered, [{ address: 'aws_db_instance.replica', values: { replicate_source_db: 'main', instance_class: 'db.t3.micro' } }])).toEqual([]);
  });

  it('aws-iam-policy-no-full-admin: roles without inline or managed policies', async () => {
    expect(await reported(fullAdmin, [{ address: 'aws_iam_role.worker', values: { name: 'worker', assume_role_policy: '{}' } }])).toEqual([]);
  });
});
