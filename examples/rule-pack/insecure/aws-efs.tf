# Shared storage created from the API without encryption.

# expect: aws-efs-file-system-encrypted
resource "aws_efs_file_system" "shared" {
  creation_token = "acme-shared"

  tags = {
    backup = "daily"
  }
}
