# Write and permissions-management actions on every resource, with and without constraints.

# expect: fail
resource "aws_iam_policy" "put_anywhere" {
  name   = "put-anywhere"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:PutObject", "s3:DeleteObject"], Resource = "*" }] })
}

# Permissions management: a role that can attach any policy to any role.
# expect: fail
resource "aws_iam_role_policy" "escalate" {
  name   = "escalate"
  role   = "deployer"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:AttachRolePolicy", "iam:PassRole"], Resource = "*" }] })
}

# A prefix wildcard expands to the write actions it covers.
# expect: fail
resource "aws_iam_user_policy" "terminate" {
  name   = "terminate"
  user   = "ops-bot"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ec2:Terminate*", Resource = "*" }] })
}

# A statement without Effect is an Allow.
# expect: fail
resource "aws_iam_group_policy" "no_effect" {
  name   = "no-effect"
  group  = "operators"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Action = "sqs:DeleteQueue", Resource = "*" }] })
}

data "aws_iam_policy_document" "kms_admin" {
  statement {
    actions   = ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"]
    resources = ["*"]
  }
}

# expect: fail
resource "aws_ssoadmin_permission_set_inline_policy" "kms_admin" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
  inline_policy      = data.aws_iam_policy_document.kms_admin.json
}

# Named resources: constrained.
# expect: pass
resource "aws_iam_policy" "put_one_bucket" {
  name   = "put-one-bucket"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::acme-uploads/*" }] })
}

# A condition constrains the statement.
# expect: pass
resource "aws_iam_policy" "tagged_instances" {
  name = "tagged-instances"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["ec2:StopInstances", "ec2:StartInstances"]
      Resource  = "*"
      Condition = { StringEquals = { "aws:ResourceTag/team" = "web" } }
    }]
  })
}

# Read actions, and write actions that only work on "*", cannot be narrowed.
# expect: pass
resource "aws_iam_role_policy" "telemetry" {
  name = "telemetry"
  role = "worker"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ec2:DescribeInstances", "s3:GetObject", "xray:PutTraceSegments", "logs:DescribeLogGroups"], Resource = "*" }]
  })
}

# Deny statements never grant.
# expect: pass
resource "aws_iam_policy" "deny_deletes" {
  name   = "deny-deletes"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "s3:DeleteObject", Resource = "*" }] })
}

# Full administrator access and service-wide wildcards are reported by their own rules.
# expect: pass
resource "aws_iam_policy" "other_rules" {
  name   = "other-rules"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }, { Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}

# Tagging counts only in the strict profile.
# expect: baseline=pass strict=fail
resource "aws_iam_policy" "tagging" {
  name   = "tagging"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ec2:CreateTags", Resource = "*" }] })
}
