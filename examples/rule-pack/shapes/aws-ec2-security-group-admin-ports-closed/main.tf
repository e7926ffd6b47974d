# expect: fail
resource "aws_vpc_security_group_ingress_rule" "ssh_ipv4" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

# expect: fail
resource "aws_vpc_security_group_ingress_rule" "all_ipv6" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}

# expect: pass
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

# A range that includes 22 and 3389.
# expect: fail
resource "aws_security_group_rule" "wide_range" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# expect: fail
resource "aws_security_group_rule" "rdp_ipv6" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}

# expect: pass
resource "aws_security_group_rule" "ssh_office" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["203.0.113.0/24"]
}

# expect: none
resource "aws_security_group_rule" "egress_all" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

# expect: fail
resource "aws_security_group" "all_traffic" {
  name = "all-traffic"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# expect: fail
resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
