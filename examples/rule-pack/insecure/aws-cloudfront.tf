# The downloads distribution serves HTTP and uses the default *.cloudfront.net certificate (TLS 1.0).

# expect: aws-cloudfront-viewer-https
# expect: aws-cloudfront-minimum-tls-version
resource "aws_cloudfront_distribution" "downloads" {
  enabled = true

  origin {
    domain_name = aws_s3_bucket.downloads.bucket_regional_domain_name
    origin_id   = "downloads"
  }

  default_cache_behavior {
    target_origin_id       = "downloads"
    viewer_protocol_policy = "allow-all"
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
    cloudfront_default_certificate = true
  }
}
