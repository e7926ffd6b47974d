// The generated Terraform tree of the HCL benchmarks: a root module calling nine local modules, `size` files in all.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a root module calling nine local modules (three plain, three with count = 2, three with for_each over two
 * keys), `size` files in all, about 2 KB each, shaped like real repositories: per module a variables file with
 * descriptions, outputs, versions and locals, and resource files of four to eight resources (S3 buckets with their
 * split configuration, KMS keys, policy documents, security groups with dynamic blocks). Returns the bytes written. Every
 * file differs, so the parse cache cannot share work between files.
 */
export function generateTree(directory, size) {
  rmSync(directory, { recursive: true, force: true });
  const modules = 9;
  const perModule = Math.max(5, Math.floor((size - 1) / (modules + 1)));
  let bytes = 0;
  let files = 0;
  const write = (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files++;
  };
  const calls = Array.from({ length: modules }, (_, m) => {
    const meta = m < 3 ? '' : m < 6 ? '  count    = 2\n' : '  for_each = toset(["a", "b"])\n';
    const suffix = m < 3 ? '' : m < 6 ? '-${count.index}' : '-${each.key}';
    return `module "m${m}" {\n  source   = "./modules/m${m}"\n${meta}  prefix   = "\${local.prefix}-m${m}${suffix}"\n  tags     = local.tags\n  ports    = var.ports\n}\n`;
  }).join('\n');
  write(
    path.join(directory, 'main.tf'),
    `variable "environment" {\n  type    = string\n  default = "prod"\n}\n\nvariable "ports" {\n  type    = list(number)\n  default = [443, 8443]\n}\n\nlocals {\n  prefix = "acme-\${var.environment}"\n  tags   = { Environment = var.environment, Owner = "platform" }\n}\n\n${calls}`,
  );
  const module = (dir, id, count, prefix, tags, ports) => {
    write(path.join(dir, 'variables.tf'), variablesFile(id));
    write(path.join(dir, 'outputs.tf'), `output "first_bucket" {\n  description = "The first bucket of ${id}."\n  value       = aws_s3_bucket.b_${id}_0.id\n}\n\noutput "kms_key_arn" {\n  description = "The key of the first bucket."\n  value       = aws_kms_key.k_${id}_0.arn\n}\n`);
    write(path.join(dir, 'versions.tf'), `terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.0"\n    }\n  }\n}\n`);
    write(path.join(dir, 'locals.tf'), `locals {\n  module_id = "${id}"\n  name      = "\${${prefix}}-\${local.module_id}"\n  common_tags = merge(${tags}, {\n    Module    = local.module_id\n    ManagedBy = "terraform"\n  })\n}\n`);
    for (let i = 0; i < count - 4; i++) {
      const header = `# ${id}/res-${pad(i)}.tf: part of the ${id} service.\n# Changes here go through the platform team's review; see docs/terraform.md.\n\n`;
      const text = header + resourceFile(`${id}_${i}`, 'local.name', 'local.common_tags', ports, i % 3) + '\n' + resourceFile(`${id}_${i}x`, 'local.name', 'local.common_tags', ports, (i + 1) % 3);
      write(path.join(dir, `res-${pad(i)}.tf`), text);
    }
  };
  module(directory, 'root', size - modules * perModule - 1, 'local.prefix', 'local.tags', 'var.ports');
  for (let m = 0; m < modules; m++) module(path.join(directory, 'modules', `m${m}`), `m${m}`, perModule, 'var.prefix', 'var.tags', 'var.ports');
  if (files !== size) throw new Error(`generated ${files} files, not ${size}`);
  return bytes;
}

function variablesFile(id) {
  const variable = (name, type, description, fallback) =>
    `variable "${name}" {\n  description = "${description}"\n  type        = ${type}\n${fallback === undefined ? '' : `  default     = ${fallback}\n`}}\n`;
  return [
    id === 'root' ? '' : variable('prefix', 'string', 'Prefix of every name in this module.'),
    id === 'root' ? '' : variable('tags', 'map(string)', 'Tags added to every resource that takes tags.', '{}'),
    id === 'root' ? '' : variable('ports', 'list(number)', 'TCP ports the security groups open to the internal network.'),
    variable('versioning', 'bool', 'Whether buckets keep object versions.', 'true'),
    variable('kms_deletion_window', 'number', 'Days before a scheduled key deletion happens.', '10'),
    variable('log_retention_days', 'number', 'Days to keep application logs.', '365'),
    variable('allowed_cidrs', 'list(string)', 'Networks allowed to reach the services.', '["10.0.0.0/8"]'),
    variable('settings', 'object({\n    enabled = bool\n    tier    = optional(string, "standard")\n  })', 'Feature settings.', '{ enabled = true }'),
  ].join('\n');
}

/** One resource file: a bucket with its split configuration, or a key and a policy, or a security group and logs. */
function resourceFile(id, name, tags, ports, kind) {
  const dashed = id.replace(/_/g, '-');
  if (kind === 0) {
    return `# Bucket ${id}: data written by the ${id} service, encrypted with its own key.
resource "aws_s3_bucket" "b_${id}" {
  bucket = "\${${name}}-${dashed}"
  tags   = merge(${tags}, { Name = "bucket ${id}", DataClass = "internal" })
}

resource "aws_s3_bucket_versioning" "b_${id}" {
  bucket = aws_s3_bucket.b_${id}.id
  versioning_configuration {
    status = var.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b_${id}" {
  bucket = aws_s3_bucket.b_${id}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k_${id}.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "b_${id}" {
  bucket                  = aws_s3_bucket.b_${id}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_kms_key" "k_${id}" {
  description             = "Key for bucket ${id}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window
  tags                    = ${tags}
}
`;
  }
  if (kind === 1) {
    return `# Transport policy for bucket ${id}.
data "aws_iam_policy_document" "tls_${id}" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::\${${name}}-${dashed}", "arn:aws:s3:::\${${name}}-${dashed}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "b_${id}" {
  bucket = "\${${name}}-${dashed}"
  policy = data.aws_iam_policy_document.tls_${id}.json
}
`;
  }
  return `# Network access and logs for service ${id}.
resource "aws_security_group" "sg_${id}" {
  name        = "\${${name}}-${dashed}"
  description = "Ingress for ${id}"
  dynamic "ingress" {
    for_each = ${ports}
    content {
      description = "port \${ingress.value}"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.allowed_cidrs
    }
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = ${tags}
}

resource "aws_cloudwatch_log_group" "logs_${id}" {
  name              = "/\${${name}}/${dashed}"
  retention_in_days = var.log_retention_days
  tags              = ${tags}
}
`;
}

function pad(n) {
  return String(n).padStart(4, '0');
}

