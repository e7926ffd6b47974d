# ACLs and bucket policies that make a bucket public, and the ones that do not.

# expect: fail
resource "aws_s3_bucket" "canned_public_read" {
  bucket = "acme-canned-public-read"
}

resource "aws_s3_bucket_acl" "canned_public_read" {
  bucket = aws_s3_bucket.canned_public_read.id
  acl    = "public-read"
}

# expect: fail
resource "aws_s3_bucket" "authenticated_read" {
  bucket = "acme-authenticated-read"
}

resource "aws_s3_bucket_acl" "authenticated_read" {
  bucket = aws_s3_bucket.authenticated_read.id
  acl    = "authenticated-read"
}

# expect: fail
resource "aws_s3_bucket" "grant_all_users" {
  bucket = "acme-grant-all-users"
}

resource "aws_s3_bucket_acl" "grant_all_users" {
  bucket = aws_s3_bucket.grant_all_users.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
    }
  }
}

# expect: fail
resource "aws_s3_bucket" "grant_authenticated_users" {
  bucket = "acme-grant-authenticated-users"
}

resource "aws_s3_bucket_acl" "grant_authenticated_users" {
  bucket = aws_s3_bucket.grant_authenticated_users.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "WRITE"
    }
    owner {
      id = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
    }
  }
}

# expect: pass
resource "aws_s3_bucket" "private_acl" {
  bucket = "acme-private-acl"
}

resource "aws_s3_bucket_acl" "private_acl" {
  bucket = aws_s3_bucket.private_acl.id
  acl    = "private"
}

# The legacy inline ACL of provider v3.
# expect: fail
resource "aws_s3_bucket" "legacy_public_read_write" {
  bucket = "acme-legacy-public-read-write"
  acl    = "public-read-write"
}

# expect: fail
resource "aws_s3_bucket" "principal_star" {
  bucket = "acme-principal-star"
}

resource "aws_s3_bucket_policy" "principal_star" {
  bucket = aws_s3_bucket.principal_star.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-principal-star/*" }] })
}

# expect: fail
resource "aws_s3_bucket" "principal_aws_star" {
  bucket = "acme-principal-aws-star"
}

resource "aws_s3_bucket_policy" "principal_aws_star" {
  bucket = aws_s3_bucket.principal_aws_star.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = ["s3:GetObject", "s3:ListBucket"], Resource = ["arn:aws:s3:::acme-principal-aws-star", "arn:aws:s3:::acme-principal-aws-star/*"] }] })
}

# A condition on a wildcard value restricts nothing.
# expect: fail
resource "aws_s3_bucket" "wildcard_condition" {
  bucket = "acme-wildcard-condition"
}

resource "aws_s3_bucket_policy" "wildcard_condition" {
  bucket = aws_s3_bucket.wildcard_condition.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = ["*"] }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-wildcard-condition/*", Condition = { IpAddress = { "aws:SourceIp" = "0.0.0.0/0" } } }] })
}

# expect: pass
resource "aws_s3_bucket" "source_vpce" {
  bucket = "acme-source-vpce"
}

resource "aws_s3_bucket_policy" "source_vpce" {
  bucket = aws_s3_bucket.source_vpce.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-source-vpce/*", Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890" } } }] })
}

# expect: pass
resource "aws_s3_bucket" "source_ip" {
  bucket = "acme-source-ip"
}

resource "aws_s3_bucket_policy" "source_ip" {
  bucket = aws_s3_bucket.source_ip.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-source-ip/*", Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } } }] })
}

# expect: pass
resource "aws_s3_bucket" "principal_org" {
  bucket = "acme-principal-org"
}

resource "aws_s3_bucket_policy" "principal_org" {
  bucket = aws_s3_bucket.principal_org.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-principal-org/*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }] })
}

# expect: pass
resource "aws_s3_bucket" "source_account" {
  bucket = "acme-source-account"
}

resource "aws_s3_bucket_policy" "source_account" {
  bucket = aws_s3_bucket.source_account.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "logging.s3.amazonaws.com" }, Action = "s3:PutObject", Resource = "arn:aws:s3:::acme-source-account/*", Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } } }, { Effect = "Allow", Principal = "*", Action = "s3:PutObject", Resource = "arn:aws:s3:::acme-source-account/*", Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } } }] })
}

# Deny statements never make a bucket public.
# expect: pass
resource "aws_s3_bucket" "deny_only" {
  bucket = "acme-deny-only"
}

resource "aws_s3_bucket_policy" "deny_only" {
  bucket = aws_s3_bucket.deny_only.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::acme-deny-only", "arn:aws:s3:::acme-deny-only/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })
}

# Block Public Access neutralizes a public grant.
# expect: pass
resource "aws_s3_bucket" "blocked" {
  bucket = "acme-blocked"
}

resource "aws_s3_bucket_acl" "blocked" {
  bucket = aws_s3_bucket.blocked.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Settings of a bucket created elsewhere are judged on their own.
# expect: fail
resource "aws_s3_bucket_acl" "elsewhere_acl" {
  bucket = "acme-created-elsewhere"
  acl    = "public-read"
}

# expect: fail
resource "aws_s3_bucket_policy" "elsewhere_policy" {
  bucket = "acme-created-elsewhere-too"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-created-elsewhere-too/*" }] })
}

# expect: pass
resource "aws_s3_bucket_policy" "elsewhere_private" {
  bucket = "acme-created-elsewhere-private"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-created-elsewhere-private/*" }] })
}

# expect: pass
resource "aws_s3_bucket_acl" "elsewhere_blocked" {
  bucket = "acme-elsewhere-blocked"
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "elsewhere_blocked" {
  bucket                  = "acme-elsewhere-blocked"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Policy documents written with the data source: principals of type "*" are everyone.
data "aws_iam_policy_document" "public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-document-public/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# expect: fail
resource "aws_s3_bucket" "document_public" {
  bucket = "acme-document-public"
}

resource "aws_s3_bucket_policy" "document_public" {
  bucket = aws_s3_bucket.document_public.id
  policy = data.aws_iam_policy_document.public_read.json
}

data "aws_iam_policy_document" "org_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-document-org/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

# expect: pass
resource "aws_s3_bucket" "document_org" {
  bucket = "acme-document-org"
}

resource "aws_s3_bucket_policy" "document_org" {
  bucket = aws_s3_bucket.document_org.id
  policy = data.aws_iam_policy_document.org_read.json
}
