# The bucket that receives access logs is not asked to log its own access.
# expect: pass
resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

# expect: pass
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}

# A destination named by its bucket name counts too.
# expect: pass
resource "aws_s3_bucket" "named_destination" {
  bucket = "acme-named-destination"
}

# expect: pass
resource "aws_s3_bucket" "legacy_logged" {
  bucket = "acme-legacy-logged"
  logging {
    target_bucket = "acme-named-destination"
    target_prefix = "legacy/"
  }
}

# expect: fail
resource "aws_s3_bucket" "unlogged" {
  bucket = "acme-unlogged"
}

# Logging of a bucket created elsewhere is judged on its own.
# expect: pass
resource "aws_s3_bucket_logging" "elsewhere" {
  bucket        = "acme-created-elsewhere"
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "elsewhere/"
}
