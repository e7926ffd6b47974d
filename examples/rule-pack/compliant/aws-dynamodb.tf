# Session and order tables with point-in-time recovery, backed up daily by tag.

resource "aws_dynamodb_table" "orders" {
  name         = "acme-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "tenant_id"
  range_key    = "order_id"

  attribute {
    name = "tenant_id"
    type = "S"
  }

  attribute {
    name = "order_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.backup.arn
  }

  tags = {
    backup = "daily"
  }
}

resource "aws_dynamodb_table" "sessions" {
  name         = "acme-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = {
    backup = "daily"
  }
}
