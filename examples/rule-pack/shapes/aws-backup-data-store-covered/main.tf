# Baseline accepts a store's own service backups; strict asks for AWS Backup.

# expect: baseline=pass strict=fail
resource "aws_db_instance" "automated_14" {
  identifier              = "automated-14"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 14
}

# expect: fail
resource "aws_db_instance" "automated_1" {
  identifier              = "automated-1"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 1
}

# expect: baseline=pass strict=fail
resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  backup_retention_period     = 7
}

# expect: baseline=pass strict=fail
resource "aws_dynamodb_table" "pitr" {
  name         = "pitr"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

# expect: fail
resource "aws_dynamodb_table" "no_pitr" {
  name         = "no-pitr"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

# An EFS automatic backup policy is AWS Backup.
# expect: pass
resource "aws_efs_file_system" "backed_up" {
  encrypted = true
}

resource "aws_efs_backup_policy" "backed_up" {
  file_system_id = aws_efs_file_system.backed_up.id

  backup_policy {
    status = "ENABLED"
  }
}

# expect: fail
resource "aws_efs_file_system" "backups_off" {
  encrypted = true
}

resource "aws_efs_backup_policy" "backups_off" {
  file_system_id = aws_efs_file_system.backups_off.id

  backup_policy {
    status = "DISABLED"
  }
}

# expect: pass
resource "aws_ebs_volume" "selected" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  tags = {
    backup = "daily"
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  plan_id      = "4a8b2b1c-6d3e-4f5a-9b8c-7d6e5f4a3b2c"
  iam_role_arn = "arn:aws:iam::111122223333:role/aws-backup"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}

# A read replica is backed up at its source.
# expect: none
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.automated_14.identifier
}
