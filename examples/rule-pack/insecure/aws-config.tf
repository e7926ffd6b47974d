# AWS Config was declared but never started: the recorder has no status resource, so it records nothing.

resource "aws_iam_role" "config" {
  name = "aws-config-recorder"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "config.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "config" {
  role       = aws_iam_role.config.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"
}

# expect: aws-config-recorder-all-resources
resource "aws_config_configuration_recorder" "main" {
  name     = "acme"
  role_arn = aws_iam_role.config.arn
}

resource "aws_config_delivery_channel" "main" {
  name           = "acme"
  s3_bucket_name = aws_s3_bucket.trail.bucket
  depends_on     = [aws_config_configuration_recorder.main]
}
