import { isRecord, Unknown, type Resource } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { attributes, field, optional, text } from './fields.js';
import { identityOf, liveResource } from './live-resource.js';

/**
 * `AWS::ApiGateway::Stage` → `aws_api_gateway_stage` and `AWS::ApiGatewayV2::Stage` → `aws_apigatewayv2_stage`,
 * with `access_log_settings` from the stage's `accessLogSettings` (absent when the stage writes no access logs).
 */
export function normalizeApiGatewayStage(item: ConfigurationItem): Resource[] {
  const c = item.configuration;
  const name = text(field(c, 'stageName')) ?? item.resourceName ?? item.resourceId;
  const identity = identityOf(item, item.resourceId.startsWith('arn:') ? item.resourceId : undefined);
  // The stage ARN names its API: arn:aws:apigateway:us-east-2::/restapis/<id>/stages/<name> (or /apis/<id>/ for v2).
  const apiId = /\/(?:restapis|apis)\/([^/]+)\/stages\//.exec(identity.arn)?.[1] ?? null;
  const settings = field(c, 'accessLogSettings');
  const v2 = item.resourceType === 'AWS::ApiGatewayV2::Stage';
  return [
    liveResource(
      identity,
      v2 ? 'aws_apigatewayv2_stage' : 'aws_api_gateway_stage',
      attributes({
        id: name,
        arn: identity.arn,
        stage_name: v2 ? undefined : name,
        name: v2 ? name : undefined,
        rest_api_id: v2 ? undefined : apiId,
        api_id: v2 ? apiId : undefined,
        access_log_settings: item.missing
          ? new Unknown(item.missing)
          : isRecord(settings) && text(field(settings, 'destinationArn'))
            ? [{ destination_arn: optional(field(settings, 'destinationArn'), 'string'), format: optional(field(settings, 'format'), 'string') }]
            : [],
        xray_tracing_enabled: v2 ? undefined : optional(field(c, 'tracingEnabled'), 'boolean'),
      }),
    ),
  ];
}
