# expect: pass
resource "aws_s3_bucket" "blocked" {
  bucket = "acme-blocked"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# expect: fail
resource "aws_s3_bucket" "partial" {
  bucket = "acme-partial"
}

resource "aws_s3_bucket_public_access_block" "partial" {
  bucket            = aws_s3_bucket.partial.id
  block_public_acls = true
}

# expect: fail
resource "aws_s3_bucket" "missing" {
  bucket = "acme-missing"
}

# A public access block of a bucket created elsewhere is judged on its own.
# expect: fail
resource "aws_s3_bucket_public_access_block" "elsewhere_partial" {
  bucket                  = "acme-created-elsewhere"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# expect: pass
resource "aws_s3_bucket_public_access_block" "elsewhere_complete" {
  bucket                  = "acme-created-elsewhere-too"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
