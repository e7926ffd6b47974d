# expect: fail
resource "aws_guardduty_detector" "disabled" {
  enable = false
}

# expect: pass
resource "aws_guardduty_detector" "default" {
}

# expect: pass
resource "aws_guardduty_detector" "enabled" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
