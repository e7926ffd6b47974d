# The API's log group keeps two weeks of events; the worker's is fine.

# expect: aws-cloudwatch-log-group-retention
resource "aws_cloudwatch_log_group" "api" {
  name              = "/acme/api"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/acme/worker"
  retention_in_days = 400
}
