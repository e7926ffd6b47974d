# Customer managed keys; the one for audit logs was created without rotation.

# expect: aws-kms-key-rotation
resource "aws_kms_key" "logs" {
  description = "CloudTrail and CloudWatch Logs"
}

resource "aws_kms_key" "backup" {
  description         = "Backups and data stores"
  enable_key_rotation = true
}
