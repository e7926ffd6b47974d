# A reporting replica opened to the internet for a BI tool, and a MySQL database that accepts unencrypted
# connections (MySQL does not require TLS unless its parameter group says so).

# expect: aws-rds-not-publicly-accessible
resource "aws_db_instance" "reporting" {
  identifier                  = "acme-reporting"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t3.medium"
  allocated_storage           = 100
  username                    = "reporting"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
  publicly_accessible         = true
}

# expect: aws-rds-tls-required
resource "aws_db_instance" "legacy_crm" {
  identifier                  = "acme-legacy-crm"
  engine                      = "mysql"
  engine_version              = "8.0.39"
  instance_class              = "db.t3.medium"
  allocated_storage           = 50
  username                    = "crm"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
}
