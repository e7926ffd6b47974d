import rule from '../../src/aws/apigateway/aws-apigateway-stage-access-logging.js';
import { testRule } from '../rule-tester.js';

const stageHcl = (body: string, prelude = '') => `${prelude}resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "a1b2c3d4e5"\n  deployment_id = "abc123"\n  stage_name    = "prod"\n${body}}\n`;
const stage = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_api_gateway_stage.prod', values: { rest_api_id: 'a1b2c3d4e5', deployment_id: 'abc123', stage_name: 'prod', ...values }, ...more });
const logGroupArn = 'arn:aws:logs:eu-west-1:111122223333:log-group:api-access';

testRule(rule, {
  pass: [
    {
      name: 'REST stage logging to a known log group',
      hcl: stageHcl(`\n  access_log_settings {\n    destination_arn = "${logGroupArn}"\n    format          = "$context.requestId"\n  }\n`),
      resources: [stage({ access_log_settings: [{ destination_arn: logGroupArn, format: '$context.requestId' }] })],
      messageId: 'enabled',
      path: 'access_log_settings.0.destination_arn',
    },
    {
      name: 'HTTP API stage logging to a log group created alongside',
      hcl: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/acme/api-access"\n  retention_in_days = 365\n}\n\nresource "aws_apigatewayv2_stage" "prod" {\n  api_id      = "a1b2c3d4e5"\n  name        = "prod"\n  auto_deploy = true\n\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = "$context.requestId"\n  }\n}\n',
      resources: [
        {
          address: 'aws_apigatewayv2_stage.prod',
          values: { api_id: 'a1b2c3d4e5', name: 'prod', auto_deploy: true, access_log_settings: [{ format: '$context.requestId' }] },
          unknown: ['access_log_settings.0.destination_arn'],
          // Plans record references inside a nested block under the block's name.
          expressions: { access_log_settings: ['aws_cloudwatch_log_group.api.arn', 'aws_cloudwatch_log_group.api'] },
        },
      ],
      subject: 'aws_apigatewayv2_stage.prod',
      messageId: 'enabled',
      message: 'aws_cloudwatch_log_group.api',
    },
  ],
  fail: [
    { name: 'no access_log_settings', hcl: stageHcl(''), resources: [stage({})], messageId: 'disabled', path: 'access_log_settings' },
    {
      name: 'stages of a for_each, one without logging',
      hcl: `locals {\n  stages = { prod = "${logGroupArn}", dev = null }\n}\n\nresource "aws_api_gateway_stage" "this" {\n  for_each      = local.stages\n  rest_api_id   = "a1b2c3d4e5"\n  deployment_id = "abc123"\n  stage_name    = each.key\n\n  dynamic "access_log_settings" {\n    for_each = each.value == null ? [] : [each.value]\n    content {\n      destination_arn = access_log_settings.value\n      format          = "$context.requestId"\n    }\n  }\n}\n`,
      resources: [
        { address: 'aws_api_gateway_stage.this["prod"]', values: { rest_api_id: 'a1b2c3d4e5', deployment_id: 'abc123', stage_name: 'prod', access_log_settings: [{ destination_arn: logGroupArn, format: '$context.requestId' }] } },
        { address: 'aws_api_gateway_stage.this["dev"]', values: { rest_api_id: 'a1b2c3d4e5', deployment_id: 'abc123', stage_name: 'dev', access_log_settings: [] } },
      ],
      subject: 'aws_api_gateway_stage.this["dev"]',
      messageId: 'disabled',
      path: 'access_log_settings',
    },
  ],
  unknown: [
    {
      name: 'destination known after apply that refers to no resource',
      resources: [
        {
          address: 'aws_apigatewayv2_stage.prod',
          values: { api_id: 'a1b2c3d4e5', name: 'prod', auto_deploy: true, access_log_settings: [{ format: '$context.requestId' }] },
          unknown: ['access_log_settings.0.destination_arn'],
        },
      ],
      messageId: 'unknown',
      path: 'access_log_settings.0.destination_arn',
    },
    {
      name: 'destination from a variable without a value',
      hcl: stageHcl('\n  access_log_settings {\n    destination_arn = var.destination\n    format          = "$context.requestId"\n  }\n', 'variable "destination" {\n  type = string\n}\n\n'),
      resources: [stage({ access_log_settings: [{ format: '$context.requestId' }] }, { unknown: ['access_log_settings.0.destination_arn'] })],
      messageId: 'unknown',
      path: 'access_log_settings.0.destination_arn',
    },
  ],
});
