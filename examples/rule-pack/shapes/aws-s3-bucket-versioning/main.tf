# expect: pass
resource "aws_s3_bucket" "enabled" {
  bucket = "acme-versioned"
}

resource "aws_s3_bucket_versioning" "enabled" {
  bucket = aws_s3_bucket.enabled.id
  versioning_configuration {
    status = "Enabled"
  }
}

# expect: fail
resource "aws_s3_bucket" "suspended" {
  bucket = "acme-suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  versioning_configuration {
    status = "Suspended"
  }
}

# expect: fail
resource "aws_s3_bucket" "missing" {
  bucket = "acme-unversioned"
}

# The legacy inline block of provider v3.
# expect: pass
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-versioned"
  versioning {
    enabled = true
  }
}

# Versioning of buckets created elsewhere is judged on its own.
# expect: fail
resource "aws_s3_bucket_versioning" "elsewhere_suspended" {
  bucket = "acme-created-elsewhere"
  versioning_configuration {
    status = "Suspended"
  }
}

# expect: pass
resource "aws_s3_bucket_versioning" "elsewhere_enabled" {
  bucket = "acme-created-elsewhere-too"
  versioning_configuration {
    status = "Enabled"
  }
}
