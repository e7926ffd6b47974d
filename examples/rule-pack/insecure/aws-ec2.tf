# EBS encryption by default was turned off; an old worker takes its root volume unencrypted from the AMI and a
# scratch volume was created without encryption.

# expect: aws-ebs-encryption-by-default
resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

# expect: aws-ebs-volume-encrypted
resource "aws_instance" "legacy_worker" {
  ami                    = "ami-0a1b2c3d4e5f67890"
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.public_a.id
  vpc_security_group_ids = [aws_security_group.web.id]
}

# expect: aws-ebs-volume-encrypted
resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 500

  tags = {
    backup = "daily"
  }
}

resource "aws_launch_template" "app" {
  name_prefix   = "acme-app-"
  image_id      = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.large"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = "true"
    }
  }
}
