# expect: pass
resource "aws_kms_key" "rotated" {
  description         = "Customer data"
  enable_key_rotation = true
}

# expect: fail
resource "aws_kms_key" "not_rotated" {
  description = "Customer data"
}

# Keys that cannot rotate automatically are not judged.
# expect: none
resource "aws_kms_key" "signing" {
  description              = "Release signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

# expect: none
resource "aws_kms_key" "rsa_encryption" {
  description              = "Envelope encryption for partners"
  customer_master_key_spec = "RSA_4096"
  key_usage                = "ENCRYPT_DECRYPT"
}

# expect: none
resource "aws_kms_key" "hmac" {
  description              = "Webhook signatures"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

# expect: none
resource "aws_kms_key" "disabled" {
  description = "Retired"
  is_enabled  = false
}

# expect: none
resource "aws_kms_key" "cloudhsm" {
  description         = "Keys in CloudHSM"
  custom_key_store_id = "cks-1234567890abcdef0"
}

# Imported key material is its own resource type and cannot rotate automatically.
# expect: none
resource "aws_kms_external_key" "imported" {
  description = "Imported"
}
