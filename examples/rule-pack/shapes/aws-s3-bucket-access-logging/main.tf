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

# A log bucket for other stacks, recognized by its grant to the S3 log delivery service.
# expect: pass
resource "aws_s3_bucket" "shared_log_bucket_acl" {
  bucket = "acme-shared-access-logs"
}

resource "aws_s3_bucket_acl" "shared_log_bucket_acl" {
  bucket = aws_s3_bucket.shared_log_bucket_acl.id
  acl    = "log-delivery-write"
}

# expect: pass
resource "aws_s3_bucket" "shared_log_bucket_policy" {
  bucket = "acme-shared-access-logs-policy"
}

resource "aws_s3_bucket_policy" "shared_log_bucket_policy" {
  bucket = aws_s3_bucket.shared_log_bucket_policy.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "logging.s3.amazonaws.com" }, Action = "s3:PutObject", Resource = "arn:aws:s3:::acme-shared-access-logs-policy/*", Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } } }]
  })
}

# CloudTrail S3 data events record the same requests.
# expect: pass
resource "aws_s3_bucket" "data_events" {
  bucket = "acme-data-events"
}

# expect: pass
resource "aws_s3_bucket" "advanced_data_events" {
  bucket = "acme-advanced-data-events"
}

resource "aws_cloudtrail" "data_events" {
  name           = "data-events"
  s3_bucket_name = "acme-trail"

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::acme-data-events/"]
    }
  }
}

resource "aws_cloudtrail" "advanced" {
  name           = "advanced"
  s3_bucket_name = "acme-trail"

  advanced_event_selector {
    name = "S3 data events"

    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }

    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }

    field_selector {
      field       = "resources.ARN"
      starts_with = ["arn:aws:s3:::acme-advanced-data-events/"]
    }
  }
}
