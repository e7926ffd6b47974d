import type { Resource, Value } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, list, optional, required, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/** `AWS::ElasticLoadBalancingV2::Listener` (PascalCase keys) → `aws_lb_listener`. */
export function normalizeLbListener(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const identity = identityOf(item, text(field(c, 'ListenerArn')) ?? item.resourceId);
  const certificates = list(field(c, 'Certificates'));
  return [
    liveResource(
      identity,
      'aws_lb_listener',
      attributes({
        id: identity.arn,
        arn: identity.arn,
        load_balancer_arn: optional(field(c, 'LoadBalancerArn'), 'string'),
        port: optional(field(c, 'Port'), 'number'),
        protocol: required(field(c, 'Protocol'), 'string', 'Protocol', item.missing),
        ssl_policy: optional(field(c, 'SslPolicy'), 'string'),
        certificate_arn: optional(field(certificates[0], 'CertificateArn'), 'string'),
        alpn_policy: optional(list(field(c, 'AlpnPolicy'))[0], 'string'),
        default_action: list(field(c, 'DefaultActions')).map(defaultAction),
      }),
    ),
  ];
}

function defaultAction(action: Value): Value {
  const redirect = field(action, 'RedirectConfig');
  return {
    type: optional(field(action, 'Type'), 'string'),
    order: optional(field(action, 'Order'), 'number'),
    target_group_arn: optional(field(action, 'TargetGroupArn'), 'string'),
    redirect:
      redirect === undefined || redirect === null
        ? []
        : [
            {
              protocol: optional(field(redirect, 'Protocol'), 'string'),
              port: optional(field(redirect, 'Port'), 'string'),
              host: optional(field(redirect, 'Host'), 'string'),
              path: optional(field(redirect, 'Path'), 'string'),
              query: optional(field(redirect, 'Query'), 'string'),
              status_code: optional(field(redirect, 'StatusCode'), 'string'),
            },
          ],
  };
}
