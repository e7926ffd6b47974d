# expect: fail
resource "aws_elb" "classic_http" {
  name               = "classic-http"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

# expect: fail
resource "aws_elb" "classic_tcp" {
  name               = "classic-tcp"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 5432
    instance_protocol = "tcp"
    lb_port           = 5432
    lb_protocol       = "tcp"
  }
}

# expect: pass
resource "aws_elb" "classic_https" {
  name               = "classic-https"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
  }

  listener {
    instance_port      = 5432
    instance_protocol  = "tcp"
    lb_port            = 5432
    lb_protocol        = "ssl"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
  }
}

# expect: fail
resource "aws_lb_listener" "alb_http_forward" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

# expect: pass
resource "aws_alb_listener" "alb_redirect" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

# Network Load Balancer TCP listeners are not evaluated.
# expect: none
resource "aws_lb_listener" "nlb_tcp" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/db/50dc6c495c0c9188"
  port              = 5432
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/db/73e2d6bc24d8a067"
  }
}
