import { defineRule, type Resource, type Verdict } from '@trustscan/core';
import { decisive } from '../../analysis/aws-verdicts.js';
import { attribute, readBlocks, readString, type Block } from '../../analysis/values.js';

type MessageId = 'modern' | 'outdated' | 'defaultPolicy' | 'legacyProtocol' | 'unknown';

/** Predefined policies whose lowest protocol is TLS 1.2 or 1.3 (including the FIPS, PQ and Res variants). */
const modernPolicy = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;
const legacyProtocols = ['Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];

export default defineRule<MessageId>({
  meta: {
    id: 'aws-elb-listener-tls-policy',
    title: 'Load balancer TLS listeners accept TLS 1.2 or newer only',
    description:
      'The security policy of an HTTPS or TLS listener decides which protocol versions clients may use. Policies that still accept TLS 1.0 or 1.1, including the API default ELBSecurityPolicy-2016-08, allow connections with known weaknesses. Auditors check protocol versions under the criterion for protecting data in transit. The rule reads Application and Network Load Balancer listeners, and the SSL negotiation policies of classic load balancers.',
    remediation: [
      'Choose a TLS 1.2+ policy; the TLS 1.3 policy is the current recommendation:',
      '',
      '```hcl',
      'resource "aws_lb_listener" "https" {',
      '  load_balancer_arn = aws_lb.web.arn',
      '  port              = 443',
      '  protocol          = "HTTPS"',
      '  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"',
      '  certificate_arn   = aws_acm_certificate.web.arn',
      '  # ...',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      basis: "No anchor maps a TLS-policy check to SOC 2 (Prowler's elbv2_insecure_ssl_ciphers is unmapped); mapped by CC6.7's point of focus 'uses encryption to protect data in transmission'.",
    },
    resourceTypes: ['aws_lb_listener', 'aws_alb_listener', 'aws_lb_ssl_negotiation_policy', 'aws_load_balancer_policy'],
    live: {
      aws: {
        configType: 'AWS::ElasticLoadBalancingV2::Listener; AWS::ElasticLoadBalancing::LoadBalancer',
        fields: ['configuration.SslPolicy', 'supplementaryConfiguration.LoadBalancerPolicies[].policyAttributeDescriptions[]'],
      },
    },
    defaults: [
      'A listener that leaves out `ssl_policy` gets ELBSecurityPolicy-2016-08 from the API (the console picks a TLS 1.3 policy, Terraform does not), which accepts TLS 1.0 and 1.1.',
      'Classic load balancer listeners that use no declared negotiation policy are not evaluated.',
    ],
    equivalents: { checkov: ['CKV_AWS_103', 'CKV_AWS_213'], kics: ['ELB Using Insecure Protocols'], trivy: ['AVD-AWS-0047'], prowler: ['elbv2_insecure_ssl_ciphers', 'elb_insecure_ssl_ciphers'], catalog: ['S2-AWS-ELB-002'] },
    messages: {
      modern: 'The security policy {{policy}} of {{address}} accepts TLS 1.2 or newer only.',
      outdated: 'The security policy {{policy}} of {{address}} accepts protocols older than TLS 1.2. Use ELBSecurityPolicy-TLS13-1-2-2021-06 or another TLS 1.2+ policy.',
      defaultPolicy: 'Listener {{address}} sets no ssl_policy, so it gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1. Set ssl_policy to ELBSecurityPolicy-TLS13-1-2-2021-06 or another TLS 1.2+ policy.',
      legacyProtocol: 'The SSL negotiation policy {{address}} enables {{protocol}}. Turn it off, or reference a TLS 1.2+ security policy.',
      unknown: 'The TLS versions {{address}} accepts are not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n\n  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067"\n  }\n}\n',
      bad: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-2016-08"\n  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/4f4c8d3a-1b2c-4d5e-8f90-1234567890ab"\n\n  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067"\n  }\n}\n',
    },
  },
  evaluate(resource) {
    const address = resource.address;
    if (resource.type === 'aws_lb_ssl_negotiation_policy') return negotiationPolicy(resource, ['attribute']) ?? [];
    if (resource.type === 'aws_load_balancer_policy') {
      return attribute(resource, ['policy_type_name']) === 'SSLNegotiationPolicyType' ? (negotiationPolicy(resource, ['policy_attribute']) ?? []) : [];
    }
    const protocol = readString(attribute(resource, ['protocol']));
    if (protocol.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: protocol.reason }, path: ['protocol'] };
    if (protocol.kind !== 'value' || !['HTTPS', 'TLS'].includes(protocol.value.toUpperCase())) return [];
    const path = ['ssl_policy'];
    const policy = readString(attribute(resource, path));
    if (policy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path };
    if (policy.kind === 'absent') return { status: 'fail', messageId: 'defaultPolicy', data: { address }, path };
    const verdict = modernPolicy.test(policy.value) ? 'pass' : 'fail';
    return { status: verdict, messageId: verdict === 'pass' ? 'modern' : 'outdated', data: { address, policy: policy.value }, path };
  },
});

/** A classic negotiation policy: a referenced predefined policy, or `Protocol-*` attributes set to true. */
function negotiationPolicy(policy: Resource, prefix: [string]): Verdict<MessageId> | undefined {
  const address = policy.address;
  const blocks = readBlocks(attribute(policy, prefix));
  if (blocks.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: blocks.reason }, path: prefix };
  const list: readonly Block[] = blocks.kind === 'value' ? blocks.value : [];
  const verdicts = list.flatMap((entry, index): Verdict<MessageId>[] => {
    const name = readString(entry['name']);
    const value = readString(entry['value']);
    const path = [...prefix, index, 'value'];
    if (name.kind === 'unknown' || value.kind === 'unknown') {
      return [{ status: 'unknown', messageId: 'unknown', data: { address, reason: name.kind === 'unknown' ? name.reason : value.kind === 'unknown' ? value.reason : '' }, path }];
    }
    if (name.kind !== 'value' || value.kind !== 'value') return [];
    if (name.value === 'Reference-Security-Policy') {
      const modern = modernPolicy.test(value.value);
      return [{ status: modern ? 'pass' : 'fail', messageId: modern ? 'modern' : 'outdated', data: { address, policy: value.value }, path }];
    }
    if (legacyProtocols.includes(name.value) && value.value.toLowerCase() === 'true') return [{ status: 'fail', messageId: 'legacyProtocol', data: { address, protocol: name.value }, path }];
    return [];
  });
  return decisive(verdicts) ?? (list.length > 0 ? { status: 'pass', messageId: 'modern', data: { address, policy: 'declared in the resource' } } : undefined);
}
