# Production has no flow logs and staging records rejected traffic only; a bastion and a Windows host are open to
# the internet on SSH and RDP.

# expect: aws-vpc-flow-logs
resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "public_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.0.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "public_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1b"
}

# expect: aws-vpc-flow-logs
resource "aws_vpc" "staging" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_flow_log" "staging" {
  vpc_id               = aws_vpc.staging.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect: aws-ec2-security-group-admin-ports-closed
resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "windows" {
  name   = "windows-admin"
  vpc_id = aws_vpc.main.id
}

# expect: aws-ec2-security-group-admin-ports-closed
resource "aws_vpc_security_group_ingress_rule" "windows_rdp" {
  security_group_id = aws_security_group.windows.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
}
