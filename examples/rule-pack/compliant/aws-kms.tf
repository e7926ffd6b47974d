# Customer managed keys for logs and backups, each rotated every year.

resource "aws_kms_key" "logs" {
  description         = "CloudTrail, Config and CloudWatch Logs"
  enable_key_rotation = true
}

resource "aws_kms_alias" "logs" {
  name          = "alias/acme-logs"
  target_key_id = aws_kms_key.logs.key_id
}

resource "aws_kms_key" "backup" {
  description             = "AWS Backup recovery points"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

resource "aws_kms_alias" "backup" {
  name          = "alias/acme-backup"
  target_key_id = aws_kms_key.backup.key_id
}
