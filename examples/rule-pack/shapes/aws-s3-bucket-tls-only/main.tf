# expect: pass
resource "aws_s3_bucket" "secure_transport" {
  bucket = "acme-secure-transport"
}

resource "aws_s3_bucket_policy" "secure_transport" {
  bucket = aws_s3_bucket.secure_transport.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::acme-secure-transport", "arn:aws:s3:::acme-secure-transport/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })
}

data "aws_iam_policy_document" "tls_version" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::acme-tls-version", "arn:aws:s3:::acme-tls-version/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

# expect: pass
resource "aws_s3_bucket" "tls_version" {
  bucket = "acme-tls-version"
}

resource "aws_s3_bucket_policy" "tls_version" {
  bucket = aws_s3_bucket.tls_version.id
  policy = data.aws_iam_policy_document.tls_version.json
}

# expect: fail
resource "aws_s3_bucket" "no_policy" {
  bucket = "acme-no-policy"
}

# expect: fail
resource "aws_s3_bucket" "allow_only" {
  bucket = "acme-allow-only"
}

resource "aws_s3_bucket_policy" "allow_only" {
  bucket = aws_s3_bucket.allow_only.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-allow-only/*" }] })
}

# A bucket policy of a bucket created elsewhere is judged on its own.
# expect: fail
resource "aws_s3_bucket_policy" "elsewhere" {
  bucket = "acme-created-elsewhere"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-created-elsewhere/*" }] })
}
