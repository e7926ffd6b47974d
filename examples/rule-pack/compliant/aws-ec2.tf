# Every EBS volume is encrypted: by default for the account and region, and explicitly on each device.

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.backup.arn
}

resource "aws_launch_template" "app" {
  name_prefix            = "acme-app-"
  image_id               = "ami-0a1b2c3d4e5f67890"
  instance_type          = "t3.large"
  vpc_security_group_ids = [aws_security_group.app.id]

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      volume_type = "gp3"
      encrypted   = "true"
    }
  }

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "worker" {
  ami                    = "ami-0a1b2c3d4e5f67890"
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.private_a.id
  vpc_security_group_ids = [aws_security_group.app.id]

  root_block_device {
    volume_size = 20
    encrypted   = true
  }

  tags = {
    Name = "acme-worker"
  }
}

resource "aws_ebs_volume" "worker_data" {
  availability_zone = "us-east-1a"
  size              = 200
  type              = "gp3"
  encrypted         = true

  tags = {
    Name   = "acme-worker-data"
    backup = "daily"
  }
}

resource "aws_volume_attachment" "worker_data" {
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.worker_data.id
  instance_id = aws_instance.worker.id
}
