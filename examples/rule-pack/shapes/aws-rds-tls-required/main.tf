# The engine comes from the parameter group's family when the database does not name it.

resource "aws_db_parameter_group" "postgres14_forced" {
  name   = "postgres14-forced"
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

# expect: pass
resource "aws_db_instance" "family_forced" {
  identifier           = "family-forced"
  instance_class       = "db.t3.micro"
  snapshot_identifier  = "arn:aws:rds:eu-west-1:111122223333:snapshot:app-2026-01-01"
  parameter_group_name = aws_db_parameter_group.postgres14_forced.name
}

resource "aws_db_parameter_group" "postgres13_plain" {
  name   = "postgres13-plain"
  family = "postgres13"
}

# PostgreSQL 13 leaves rds.force_ssl off.
# expect: fail
resource "aws_db_instance" "family_plain" {
  identifier           = "family-plain"
  instance_class       = "db.t3.micro"
  snapshot_identifier  = "arn:aws:rds:eu-west-1:111122223333:snapshot:app-2026-01-01"
  parameter_group_name = aws_db_parameter_group.postgres13_plain.name
}

# PostgreSQL 15 forces TLS by default.
# expect: pass
resource "aws_db_instance" "default_group_15" {
  identifier           = "default-group-15"
  instance_class       = "db.t3.micro"
  snapshot_identifier  = "arn:aws:rds:eu-west-1:111122223333:snapshot:app-2026-01-01"
  parameter_group_name = "default.postgres15"
}

resource "aws_db_parameter_group" "mysql" {
  name   = "mysql-secure"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

# expect: pass
resource "aws_db_instance" "mysql" {
  identifier           = "mysql"
  engine               = "mysql"
  engine_version       = "8.0"
  instance_class       = "db.t3.micro"
  allocated_storage    = 20
  parameter_group_name = aws_db_parameter_group.mysql.name
}

# expect: fail
resource "aws_db_instance" "mysql_default" {
  identifier        = "mysql-default"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

# Aurora PostgreSQL clusters read the cluster parameter group.
resource "aws_rds_cluster_parameter_group" "aurora_pg" {
  name   = "aurora-pg-forced"
  family = "aurora-postgresql15"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

# expect: pass
resource "aws_rds_cluster" "aurora_pg" {
  cluster_identifier              = "aurora-pg"
  engine                          = "aurora-postgresql"
  master_username                 = "app"
  manage_master_user_password     = true
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora_pg.name
}

resource "aws_rds_cluster_parameter_group" "aurora_mysql_plain" {
  name   = "aurora-mysql-plain"
  family = "aurora-mysql8.0"
}

# An Aurora cluster without engine whose cluster group says aurora-mysql.
# expect: fail
resource "aws_rds_cluster" "aurora_mysql_family" {
  cluster_identifier              = "aurora-mysql-family"
  master_username                 = "app"
  manage_master_user_password     = true
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora_mysql_plain.name
}
