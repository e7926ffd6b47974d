# The access log bucket is in order. The public downloads bucket is readable by anyone through its policy, and the
# partner exchange bucket through an ACL; neither is protected by Block Public Access, and the partner exchange
# bucket's encryption configuration has no default rule.

resource "aws_s3_bucket" "s3_access_logs" {
  bucket = "acme-s3-access-logs"
}

resource "aws_s3_bucket_public_access_block" "s3_access_logs" {
  bucket                  = aws_s3_bucket.s3_access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "s3_access_logs" {
  bucket = aws_s3_bucket.s3_access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "s3_access_logs" {
  bucket        = aws_s3_bucket.s3_access_logs.id
  target_bucket = aws_s3_bucket.s3_access_logs.id
  target_prefix = "acme-s3-access-logs/"
}

resource "aws_s3_bucket_policy" "s3_access_logs" {
  bucket = aws_s3_bucket.s3_access_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.s3_access_logs.arn, "${aws_s3_bucket.s3_access_logs.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "S3ServerAccessLogs"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.s3_access_logs.arn}/*"
      },
    ]
  })
}

# expect: aws-s3-bucket-not-public
# expect: aws-s3-bucket-public-access-block
resource "aws_s3_bucket" "downloads" {
  bucket = "acme-public-downloads"
}

resource "aws_s3_bucket_public_access_block" "downloads" {
  bucket                  = aws_s3_bucket.downloads.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_versioning" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "downloads" {
  bucket        = aws_s3_bucket.downloads.id
  target_bucket = aws_s3_bucket.s3_access_logs.id
  target_prefix = "acme-public-downloads/"
}

resource "aws_s3_bucket_policy" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.downloads.arn, "${aws_s3_bucket.downloads.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "PublicRead"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.downloads.arn}/*"
      },
    ]
  })
}

# expect: aws-s3-bucket-not-public
# expect: aws-s3-bucket-public-access-block
# expect: aws-s3-bucket-default-encryption
resource "aws_s3_bucket" "partner_exchange" {
  bucket = "acme-partner-exchange"
}

# Bucket keys turned on without a default encryption rule.
resource "aws_s3_bucket_server_side_encryption_configuration" "partner_exchange" {
  bucket = aws_s3_bucket.partner_exchange.id
  rule {
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_ownership_controls" "partner_exchange" {
  bucket = aws_s3_bucket.partner_exchange.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "partner_exchange" {
  bucket     = aws_s3_bucket.partner_exchange.id
  acl        = "authenticated-read"
  depends_on = [aws_s3_bucket_ownership_controls.partner_exchange]
}

resource "aws_s3_bucket_versioning" "partner_exchange" {
  bucket = aws_s3_bucket.partner_exchange.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "partner_exchange" {
  bucket        = aws_s3_bucket.partner_exchange.id
  target_bucket = aws_s3_bucket.s3_access_logs.id
  target_prefix = "acme-partner-exchange/"
}

resource "aws_s3_bucket_policy" "partner_exchange" {
  bucket = aws_s3_bucket.partner_exchange.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.partner_exchange.arn, "${aws_s3_bucket.partner_exchange.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
