# GuardDuty was suspended to save cost.

# expect: aws-guardduty-enabled
resource "aws_guardduty_detector" "main" {
  enable = false
}
