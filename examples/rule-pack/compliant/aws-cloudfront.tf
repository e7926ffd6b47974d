# The marketing site and web app assets: HTTPS only from viewers, with the company's certificate and TLS 1.2+.

resource "aws_cloudfront_origin_access_control" "web_assets" {
  name                              = "acme-web-assets"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "web" {
  enabled             = true
  aliases             = ["www.acme.example"]
  default_root_object = "index.html"

  origin {
    domain_name              = aws_s3_bucket.web_assets.bucket_regional_domain_name
    origin_id                = "web-assets"
    origin_access_control_id = aws_cloudfront_origin_access_control.web_assets.id
  }

  default_cache_behavior {
    target_origin_id       = "web-assets"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  ordered_cache_behavior {
    path_pattern           = "/app/*"
    target_origin_id       = "web-assets"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
