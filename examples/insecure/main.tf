# An AWS stack with planted SOC 2 gaps. Each "# expect: <rule-id>" comment names a rule that must fail for the
# resource block below it; the tests scan this directory and its plan and check that exactly these fail.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "change-me-now-1234"
}

# expect: aws-s3-bucket-versioning
# expect: aws-s3-bucket-access-logging
# expect: aws-s3-bucket-tls-only
# expect: aws-s3-bucket-public-access-block
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-customer-uploads"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "reports" {
  source = "./modules/bucket"
  name   = "acme-finance-reports"
}

# expect: aws-rds-storage-encrypted
# expect: aws-rds-backup-retention
# expect: aws-backup-data-store-covered
resource "aws_db_instance" "app" {
  identifier              = "acme-app"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  username                = "app"
  password                = var.db_password
  storage_encrypted       = false
  backup_retention_period = 1
  skip_final_snapshot     = true
}

# expect: aws-iam-policy-no-full-admin
resource "aws_iam_policy" "ci_deploy" {
  name = "ci-deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DeployEverything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
