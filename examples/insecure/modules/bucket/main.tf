variable "name" {
  type = string
}

# expect: aws-s3-bucket-versioning
# expect: aws-s3-bucket-access-logging
# expect: aws-s3-bucket-tls-only
# expect: aws-s3-bucket-public-access-block
resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
