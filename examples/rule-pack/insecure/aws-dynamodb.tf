# The events table has neither point-in-time recovery nor a backup plan; the orders table has both.

# expect: aws-dynamodb-point-in-time-recovery
# expect: aws-backup-data-store-covered
resource "aws_dynamodb_table" "events" {
  name         = "acme-events"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "event_id"

  attribute {
    name = "event_id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "acme-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = {
    backup = "daily"
  }
}
