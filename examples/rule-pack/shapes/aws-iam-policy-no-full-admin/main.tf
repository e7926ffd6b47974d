# Every way a configuration grants (or attaches) full administrator access.

resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

# expect: fail
resource "aws_iam_role_policy" "inline_admin" {
  name   = "inline-admin"
  role   = aws_iam_role.ops.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

# expect: pass
resource "aws_iam_role_policy" "inline_scoped" {
  name   = "inline-scoped"
  role   = aws_iam_role.ops.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "arn:aws:sqs:eu-west-1:111122223333:jobs" }] })
}

# expect: fail
resource "aws_iam_user_policy" "user_admin" {
  name   = "user-admin"
  user   = "deploy-bot"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }] })
}

# A statement without Effect is an Allow.
# expect: fail
resource "aws_iam_group_policy" "no_effect" {
  name   = "no-effect"
  group  = "operators"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Action = "*", Resource = "*" }] })
}

# expect: pass
resource "aws_iam_group_policy" "deny_all" {
  name   = "deny-all"
  group  = "operators"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })
}

# expect: fail
resource "aws_iam_role" "inline_block" {
  name               = "inline-block"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })

  inline_policy {
    name   = "everything"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }] })
  }
}

# expect: fail
resource "aws_iam_role" "managed_arns" {
  name                = "managed-arns"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# expect: fail
resource "aws_iam_role_policy_attachment" "admin_by_arn" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy" "administrator" {
  name = "AdministratorAccess"
}

# expect: fail
resource "aws_iam_group_policy_attachment" "admin_by_data" {
  group      = "operators"
  policy_arn = data.aws_iam_policy.administrator.arn
}

data "aws_iam_policy" "read_only" {
  arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# expect: pass
resource "aws_iam_user_policy_attachment" "read_only_by_data" {
  user       = "auditor"
  policy_arn = data.aws_iam_policy.read_only.arn
}

# expect: fail
resource "aws_iam_policy_attachment" "admin_everywhere" {
  name       = "admin-everywhere"
  roles      = [aws_iam_role.ops.name]
  policy_arn = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy_document" "everything" {
  statement {
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
}

# The finding points at the statement block of the data source.
# expect: fail
resource "aws_iam_policy" "from_document" {
  name   = "from-document"
  policy = data.aws_iam_policy_document.everything.json
}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-reports/*"]
  }
}

# expect: pass
resource "aws_iam_policy" "from_scoped_document" {
  name   = "from-scoped-document"
  policy = data.aws_iam_policy_document.scoped.json
}

# IAM Identity Center permission sets.
# expect: fail
resource "aws_ssoadmin_permission_set_inline_policy" "admin" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
  inline_policy      = data.aws_iam_policy_document.everything.json
}

# expect: pass
resource "aws_ssoadmin_permission_set_inline_policy" "reports" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222"
  inline_policy      = data.aws_iam_policy_document.scoped.json
}

# expect: fail
resource "aws_ssoadmin_managed_policy_attachment" "admin" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# expect: pass
resource "aws_ssoadmin_managed_policy_attachment" "view_only" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222"
  managed_policy_arn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
}

# A customer managed policy read by name has an ARN only AWS knows: offline, that is unknown (a plan knows it).
data "aws_iam_policy" "team" {
  name = "team-deploy"
}

# expect: unknown
resource "aws_iam_role_policy_attachment" "team_by_data" {
  role       = aws_iam_role.ops.name
  policy_arn = data.aws_iam_policy.team.arn
}
