# The data team's policy grants all of S3 on every bucket, a contractor gets permissions directly, and the ops role
# holds AdministratorAccess and may terminate any instance.

# expect: aws-iam-policy-no-service-wildcard
resource "aws_iam_policy" "data_team" {
  name = "data-team"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllOfS3"
        Effect   = "Allow"
        Action   = ["s3:*"]
        Resource = "*"
      },
      {
        Sid      = "DecryptReports"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = aws_kms_key.backup.arn
      },
    ]
  })
}

resource "aws_iam_user" "contractor" {
  name = "contractor-jdoe"
}

# expect: aws-iam-user-no-direct-policies
resource "aws_iam_user_policy_attachment" "contractor" {
  user       = aws_iam_user.contractor.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# expect: aws-iam-policy-no-full-admin
resource "aws_iam_role_policy_attachment" "ops_admin" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# The ops role may also stop and terminate any instance in the account, without a condition.
# expect: aws-iam-policy-no-unconstrained-write
resource "aws_iam_role_policy" "ops_instances" {
  name = "instances"
  role = aws_iam_role.ops.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ec2:StopInstances", "ec2:TerminateInstances"], Resource = "*" }]
  })
}
