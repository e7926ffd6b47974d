# The analytics Aurora PostgreSQL cluster: encrypted, private, TLS required by its cluster parameter group, and
# automated backups kept two weeks.

resource "aws_rds_cluster_parameter_group" "analytics" {
  name   = "acme-analytics-aurora-postgresql16"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier              = "acme-analytics"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  master_username                 = "analytics"
  manage_master_user_password     = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.backup.arn
  backup_retention_period         = 14
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.analytics.name
  skip_final_snapshot             = false
  final_snapshot_identifier       = "acme-analytics-final"
}

resource "aws_rds_cluster_instance" "analytics" {
  count               = 2
  identifier          = "acme-analytics-${count.index}"
  cluster_identifier  = aws_rds_cluster.analytics.id
  instance_class      = "db.r6g.large"
  engine              = aws_rds_cluster.analytics.engine
  publicly_accessible = false
}
