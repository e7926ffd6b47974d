# expect: baseline=pass strict=fail
resource "aws_s3_bucket" "platform_default" {
  bucket = "acme-platform-default"
}

# expect: pass
resource "aws_s3_bucket" "kms" {
  bucket = "acme-kms"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
  bucket = aws_s3_bucket.kms.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

# SSE-S3 is encryption at rest; the strict profile asks for a KMS key.
# expect: baseline=pass strict=fail
resource "aws_s3_bucket" "aes256" {
  bucket = "acme-aes256"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "aes256" {
  bucket = aws_s3_bucket.aes256.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# expect: fail
resource "aws_s3_bucket" "no_default_rule" {
  bucket = "acme-no-default-rule"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "no_default_rule" {
  bucket = aws_s3_bucket.no_default_rule.id
  rule {
    bucket_key_enabled = true
  }
}

# aws:kms:dsse without a key id uses the AWS managed key.
# expect: baseline=pass strict=fail
resource "aws_s3_bucket" "legacy_kms" {
  bucket = "acme-legacy-kms"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms:dsse"
      }
    }
  }
}

# Encryption of a bucket created elsewhere is judged on its own.
# expect: baseline=pass strict=fail
resource "aws_s3_bucket_server_side_encryption_configuration" "elsewhere" {
  bucket = "acme-created-elsewhere"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
