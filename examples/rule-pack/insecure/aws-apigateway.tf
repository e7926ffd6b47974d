# The public API keeps no access logs, and its custom domain accepts TLS 1.0 (the default security policy).

resource "aws_api_gateway_rest_api" "public" {
  name = "acme-public-api"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_resource" "health" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  parent_id   = aws_api_gateway_rest_api.public.root_resource_id
  path_part   = "health"
}

resource "aws_api_gateway_method" "health" {
  rest_api_id   = aws_api_gateway_rest_api.public.id
  resource_id   = aws_api_gateway_resource.health.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "health" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  resource_id = aws_api_gateway_resource.health.id
  http_method = aws_api_gateway_method.health.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "public" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  depends_on  = [aws_api_gateway_integration.health]
}

# expect: aws-apigateway-stage-access-logging
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.public.id
  deployment_id = aws_api_gateway_deployment.public.id
  stage_name    = "prod"
}

# expect: aws-apigateway-domain-tls-policy
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.acme.example"
  regional_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
