# Application log groups keep events for more than a year; the security alarm fires on root sign-ins found in the
# CloudTrail log group.

resource "aws_cloudwatch_log_group" "api" {
  name              = "/acme/api"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/acme/worker"
  retention_in_days = 731
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_log_metric_filter" "root_sign_in" {
  name           = "root-sign-in"
  log_group_name = aws_cloudwatch_log_group.cloudtrail.name
  pattern        = "{ $.userIdentity.type = \"Root\" && $.eventType = \"AwsConsoleSignIn\" }"

  metric_transformation {
    name      = "RootSignIn"
    namespace = "Acme/Security"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root_sign_in" {
  alarm_name          = "root-sign-in"
  namespace           = "Acme/Security"
  metric_name         = "RootSignIn"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:111122223333:security-alerts"]
}
