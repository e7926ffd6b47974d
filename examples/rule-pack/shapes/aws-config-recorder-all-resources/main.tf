provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

# The primary region records global resource types.
# expect: pass
resource "aws_config_configuration_recorder" "primary" {
  name     = "primary"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder_status" "primary" {
  name       = aws_config_configuration_recorder.primary.name
  is_enabled = true
}

# A second region need not record them again.
# expect: pass
resource "aws_config_configuration_recorder" "secondary" {
  provider = aws.us
  name     = "secondary"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"
}

resource "aws_config_configuration_recorder_status" "secondary" {
  provider   = aws.us
  name       = aws_config_configuration_recorder.secondary.name
  is_enabled = true
}
