# Shared storage for customer uploads being processed, encrypted with KMS and backed up by tag.

resource "aws_efs_file_system" "shared" {
  creation_token = "acme-shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.backup.arn

  tags = {
    Name   = "acme-shared"
    backup = "daily"
  }
}
