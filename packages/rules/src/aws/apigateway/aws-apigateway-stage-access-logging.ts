import { defineRule } from '@trustscan/core';
import { attribute, readString, referencesAt } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-apigateway-stage-access-logging',
    title: 'API Gateway stages write access logs',
    description:
      'Access logs record who called which API route, from where, with what result. Without them, abuse of a public API or a leaked token cannot be investigated, which auditors examine under the monitoring criteria. The rule reads REST API stages and HTTP/WebSocket API stages.',
    remediation: [
      'Send access logs to a CloudWatch Logs group (or Firehose stream):',
      '',
      '```hcl',
      'resource "aws_api_gateway_stage" "prod" {',
      '  # ...',
      '  access_log_settings {',
      '    destination_arn = aws_cloudwatch_log_group.api_access.arn',
      '    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: {
      primary: ['CC7.2'],
      secondary: ['CC7.3'],
      basis: 'Prowler maps apigateway_restapi_logging_enabled to CC7.2 and CC7.3; Steampipe maps apigateway_stage_logging_enabled to CC7.2 and CC7.3.',
    },
    resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    live: { aws: { configType: 'AWS::ApiGateway::Stage; AWS::ApiGatewayV2::Stage', fields: ['configuration.accessLogSettings.destinationArn'] } },
    defaults: [
      'Access logging is off until `access_log_settings` names a destination. A destination known only after apply that refers to a resource (a log group created in the same configuration) counts as set.',
    ],
    equivalents: { checkov: ['CKV_AWS_76'], kics: ['API Gateway Access Logging Disabled'], trivy: ['AVD-AWS-0001'], prowler: ['apigateway_restapi_logging_enabled', 'apigatewayv2_api_access_logging_enabled'], catalog: ['S2-AWS-APIGW-002'] },
    messages: {
      enabled: 'API Gateway stage {{address}} writes access logs to {{destination}}.',
      disabled: 'API Gateway stage {{address}} does not write access logs. Add access_log_settings with a destination_arn.',
      unknown: 'Whether API Gateway stage {{address}} writes access logs is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "a1b2c3d4e5"\n  deployment_id = "abc123"\n  stage_name    = "prod"\n\n  access_log_settings {\n    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api-access"\n    format          = "$context.requestId $context.identity.sourceIp $context.status"\n  }\n}\n',
      bad: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "a1b2c3d4e5"\n  deployment_id = "abc123"\n  stage_name    = "prod"\n}\n',
    },
  },
  evaluate(stage) {
    const address = stage.address;
    const path = ['access_log_settings', 0, 'destination_arn'];
    const destination = readString(attribute(stage, path));
    if (destination.kind === 'value') return { status: 'pass', messageId: 'enabled', data: { address, destination: destination.value }, path };
    if (destination.kind === 'unknown') {
      const references = referencesAt(stage, path);
      return references.length > 0
        ? { status: 'pass', messageId: 'enabled', data: { address, destination: references.join(', ') }, path }
        : { status: 'unknown', messageId: 'unknown', data: { address, reason: destination.reason }, path };
    }
    return { status: 'fail', messageId: 'disabled', data: { address }, path: ['access_log_settings'] };
  },
});
