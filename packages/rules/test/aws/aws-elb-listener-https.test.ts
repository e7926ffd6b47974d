import rule from '../../src/aws/elb/aws-elb-listener-https.js';
import { testRule } from '../rule-tester.js';

const lbArn = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';
const tgArn = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067';
const listener = (values: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ address: 'aws_lb_listener.web', values: { load_balancer_arn: lbArn, ...values }, ...more });
const forward = [{ type: 'forward', target_group_arn: tgArn }];

testRule(rule, {
  pass: [
    {
      name: 'HTTP listener that redirects to HTTPS',
      hcl: `resource "aws_lb_listener" "web" {
  load_balancer_arn = "${lbArn}"
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
`,
      resources: [listener({ port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' }] }] })],
      messageId: 'redirects',
      path: 'default_action.0.redirect.0.protocol',
    },
    {
      name: 'HTTPS listener',
      hcl: `resource "aws_lb_listener" "web" {
  load_balancer_arn = "${lbArn}"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  default_action {
    type             = "forward"
    target_group_arn = "${tgArn}"
  }
}
`,
      resources: [listener({ port: 443, protocol: 'HTTPS', default_action: forward })],
      messageId: 'encrypted',
      path: 'protocol',
    },
    {
      name: 'classic load balancer with an HTTPS listener only (lower-case protocol)',
      hcl: 'resource "aws_elb" "legacy" {\n  availability_zones = ["eu-west-1a"]\n\n  listener {\n    instance_port      = 8080\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"\n  }\n}\n',
      resources: [{ address: 'aws_elb.legacy', values: { listener: [{ instance_port: 8080, instance_protocol: 'http', lb_port: 443, lb_protocol: 'https' }] } }],
      messageId: 'encrypted',
    },
  ],
  fail: [
    {
      name: 'HTTP listener forwarding to targets',
      hcl: `resource "aws_lb_listener" "web" {
  load_balancer_arn = "${lbArn}"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = "${tgArn}"
  }
}
`,
      resources: [listener({ port: 80, protocol: 'HTTP', default_action: forward })],
      messageId: 'plainHttp',
      path: 'protocol',
    },
    {
      name: 'protocol left out on an application load balancer (defaults to HTTP)',
      hcl: `resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "${tgArn}"
  }
}
`,
      resources: [
        { address: 'aws_lb.web', values: { name: 'web', subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] }, computed: ['arn', 'load_balancer_type'] },
        { address: 'aws_lb_listener.web', values: { port: 80, default_action: forward }, unknown: ['load_balancer_arn'], computed: ['protocol'], expressions: { load_balancer_arn: ['aws_lb.web.arn', 'aws_lb.web'] } },
      ],
      subject: 'aws_lb_listener.web',
      messageId: 'plainHttp',
      path: 'protocol',
    },
    {
      name: 'redirect that keeps the request protocol',
      resources: [listener({ port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ port: '8080', protocol: '#{protocol}', status_code: 'HTTP_302' }] }] })],
      messageId: 'plainHttp',
      path: 'protocol',
    },
    {
      name: 'classic load balancer with a plain HTTP listener beside an HTTPS one',
      hcl: 'resource "aws_elb" "legacy" {\n  availability_zones = ["eu-west-1a"]\n\n  listener {\n    instance_port      = 8080\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"\n  }\n\n  listener {\n    instance_port     = 8080\n    instance_protocol = "http"\n    lb_port           = 80\n    lb_protocol       = "http"\n  }\n}\n',
      resources: [{ address: 'aws_elb.legacy', values: { listener: [{ instance_port: 8080, instance_protocol: 'http', lb_port: 443, lb_protocol: 'https' }, { instance_port: 8080, instance_protocol: 'http', lb_port: 80, lb_protocol: 'http' }] } }],
      messageId: 'plainHttp',
      path: 'listener.1.lb_protocol',
    },
  ],
  unknown: [
    {
      name: 'protocol chosen by a variable without a value',
      hcl: `variable "protocol" {
  type = string
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = "${lbArn}"
  port              = 443
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = "${tgArn}"
  }
}
`,
      resources: [listener({ port: 443, default_action: forward }, { unknown: ['protocol'] })],
      messageId: 'unknown',
      path: 'protocol',
    },
  ],
});
