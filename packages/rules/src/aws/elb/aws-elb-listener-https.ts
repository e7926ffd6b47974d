import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { decisive } from '../../analysis/aws-verdicts.js';
import { attribute, readBlocks, readNumber, readString, type Block } from '../../analysis/values.js';

type MessageId = 'encrypted' | 'redirects' | 'plainHttp' | 'plainTcp' | 'unknown';
type Options = { readonly classicTcpPorts: readonly number[] };

export default defineRule<MessageId, Options>({
  meta: {
    id: 'aws-elb-listener-https',
    title: 'Load balancer listeners serve HTTPS or redirect to it',
    description:
      'A listener that serves plain HTTP sends session cookies, credentials and customer data across the internet unencrypted. Application and classic load balancers should accept HTTP only to redirect it to HTTPS, which auditors check under the criterion for protecting data in transit. A classic load balancer\'s TCP listener forwards unencrypted connections the same way and fails too, unless its port is one the team passes TLS through (option `classicTcpPorts`). TCP, UDP and Gateway Load Balancer listeners of Network and Gateway Load Balancers carry protocols the load balancer does not interpret and are not evaluated.',
    remediation: [
      'Serve HTTPS with a certificate, and turn the HTTP listener into a redirect:',
      '',
      '```hcl',
      'resource "aws_lb_listener" "http" {',
      '  load_balancer_arn = aws_lb.web.arn',
      '  port              = 80',
      '  protocol          = "HTTP"',
      '  default_action {',
      '    type = "redirect"',
      '    redirect {',
      '      port        = "443"',
      '      protocol    = "HTTPS"',
      '      status_code = "HTTP_301"',
      '    }',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1'],
      basis: 'Steampipe maps elb_application_lb_redirect_http_request_to_https and elb_classic_lb_use_tls_https_listeners to CC6.1 and CC6.7.',
    },
    resourceTypes: ['aws_lb_listener', 'aws_alb_listener', 'aws_elb'],
    relatedTypes: ['aws_lb', 'aws_alb'],
    live: {
      aws: {
        configType: 'AWS::ElasticLoadBalancingV2::Listener; AWS::ElasticLoadBalancing::LoadBalancer',
        fields: ['configuration.Protocol', 'configuration.DefaultActions[].Type', 'configuration.DefaultActions[].RedirectConfig.Protocol', 'configuration.listenerDescriptions[].listener.protocol'],
      },
    },
    defaults: [
      '`protocol` of `aws_lb_listener` defaults to HTTP on an Application Load Balancer; a redirect keeps the request\'s protocol unless `redirect.protocol` says HTTPS.',
    ],
    options: {
      classicTcpPorts: {
        type: 'integer-list',
        description: 'Load balancer ports of classic TCP listeners that pass TLS through to the instances (e.g. 443), which pass.',
        default: [],
        minimum: 1,
        maximum: 65535,
      },
    },
    equivalents: { checkov: ['CKV_AWS_2', 'CKV2_AWS_20', 'CKV_AWS_376'], kics: ['ALB Listening on HTTP'], trivy: ['AVD-AWS-0054'], prowler: ['elbv2_ssl_listeners', 'elb_ssl_listeners'], catalog: ['S2-AWS-ELB-001'] },
    messages: {
      encrypted: 'Listener {{address}} serves {{protocol}}.',
      redirects: 'Listener {{address}} redirects plain HTTP to HTTPS.',
      plainHttp: 'Listener {{address}} serves plain HTTP. Serve HTTPS, or make the HTTP listener redirect to HTTPS.',
      plainTcp: 'Listener {{address}} forwards unencrypted TCP on port {{port}}. Use an SSL or HTTPS listener, or list the port in classicTcpPorts if it passes TLS through.',
      unknown: 'Whether listener {{address}} serves plain HTTP is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"\n  port              = 80\n  protocol          = "HTTP"\n\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
      bad: 'resource "aws_lb_listener" "http" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"\n  port              = 80\n  protocol          = "HTTP"\n\n  default_action {\n    type             = "forward"\n    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067"\n  }\n}\n',
    },
  },
  evaluate(listener, context) {
    const address = listener.address;
    if (listener.type === 'aws_elb') return classicListeners(listener, context.options.classicTcpPorts) ?? [];
    const path = ['protocol'];
    const protocol = readString(attribute(listener, path));
    if (protocol.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: protocol.reason }, path };
    // Left out, the protocol is HTTP on an Application Load Balancer; a Gateway Load Balancer listener has none.
    if (protocol.kind === 'absent' && isGateway(listener, context)) return [];
    const name = protocol.kind === 'value' ? protocol.value.toUpperCase() : 'HTTP';
    if (name === 'HTTPS' || name === 'TLS') return { status: 'pass', messageId: 'encrypted', data: { address, protocol: name }, path };
    if (name !== 'HTTP') return [];
    const actions = readBlocks(attribute(listener, ['default_action']));
    if (actions.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: actions.reason }, path: ['default_action'] };
    const list: readonly Block[] = actions.kind === 'value' ? actions.value : [];
    for (const [index, action] of list.entries()) {
      const actionPath = ['default_action', index, 'redirect', 0, 'protocol'];
      const type = readString(action['type']);
      const redirect = readBlocks(action['redirect']);
      const target = redirect.kind === 'unknown' ? redirect : readString(redirect.kind === 'value' ? redirect.value[0]?.['protocol'] : undefined);
      const unknown = type.kind === 'unknown' ? type : target.kind === 'unknown' ? target : undefined;
      if (unknown) return { status: 'unknown', messageId: 'unknown', data: { address, reason: unknown.reason }, path: actionPath };
      if (type.kind === 'value' && type.value === 'redirect' && target.kind === 'value' && target.value.toUpperCase() === 'HTTPS') {
        return { status: 'pass', messageId: 'redirects', data: { address }, path: actionPath };
      }
    }
    return { status: 'fail', messageId: 'plainHttp', data: { address }, path };
  },
});

function isGateway(listener: Resource, context: RuleContext): boolean {
  return [...context.related(listener, 'aws_lb'), ...context.related(listener, 'aws_alb')].some((lb) => attribute(lb, ['load_balancer_type']) === 'gateway');
}

/** A classic load balancer's `listener` blocks: HTTP and TCP fail (but TCP on a pass-through port), HTTPS and SSL pass. */
function classicListeners(elb: Resource, tcpPorts: readonly number[]): Verdict<MessageId> | undefined {
  const address = elb.address;
  const blocks = readBlocks(attribute(elb, ['listener']));
  if (blocks.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: blocks.reason }, path: ['listener'] };
  const verdicts = (blocks.kind === 'value' ? blocks.value : []).flatMap((block, index): Verdict<MessageId>[] => {
    const path = ['listener', index, 'lb_protocol'];
    const protocol = readString(block['lb_protocol']);
    if (protocol.kind === 'unknown') return [{ status: 'unknown', messageId: 'unknown', data: { address, reason: protocol.reason }, path }];
    const name = protocol.kind === 'value' ? protocol.value.toUpperCase() : '';
    if (name === 'HTTP') return [{ status: 'fail', messageId: 'plainHttp', data: { address }, path }];
    if (name === 'TCP') {
      const port = readNumber(block['lb_port']);
      if (port.kind === 'unknown') return [{ status: 'unknown', messageId: 'unknown', data: { address, reason: port.reason }, path: ['listener', index, 'lb_port'] }];
      const number = port.kind === 'value' ? port.value : 0;
      if (!tcpPorts.includes(number)) return [{ status: 'fail', messageId: 'plainTcp', data: { address, port: number }, path }];
      return [{ status: 'pass', messageId: 'encrypted', data: { address, protocol: `TLS passed through TCP port ${number}` }, path }];
    }
    return name === 'HTTPS' || name === 'SSL' ? [{ status: 'pass', messageId: 'encrypted', data: { address, protocol: name }, path }] : [];
  });
  return decisive(verdicts);
}
