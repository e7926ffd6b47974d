# The bucket that receives the server access logs of every other bucket, and the static web assets bucket that
# CloudFront serves through origin access control.

resource "aws_s3_bucket" "s3_access_logs" {
  bucket = "acme-s3-access-logs"
}

resource "aws_s3_bucket_ownership_controls" "s3_access_logs" {
  bucket = aws_s3_bucket.s3_access_logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "s3_access_logs" {
  bucket = aws_s3_bucket.s3_access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Access logs of the log bucket itself go to a prefix of the same bucket.
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
        Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
      },
    ]
  })
}

resource "aws_s3_bucket" "web_assets" {
  bucket = "acme-web-assets"
}

resource "aws_s3_bucket_versioning" "web_assets" {
  bucket = aws_s3_bucket.web_assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "web_assets" {
  bucket        = aws_s3_bucket.web_assets.id
  target_bucket = aws_s3_bucket.s3_access_logs.id
  target_prefix = "acme-web-assets/"
}

resource "aws_s3_bucket_policy" "web_assets" {
  bucket = aws_s3_bucket.web_assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.web_assets.arn, "${aws_s3_bucket.web_assets.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "CloudFrontOriginAccessControl"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.web_assets.arn}/*"
        Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.web.arn } }
      },
    ]
  })
}
