// HCL directory scanning: generated trees of 100 and 1,000 files (about 2 KB each, a root module calling local
// modules with count and for_each), scanned cold (empty parse cache, fresh process) and warm (same files, cache
// filled), next to hcl2json's parse() called file after file on one thread. Targets for 1,000 files on 2 cores:
// cold under 4 s, warm under 1 s.
//   node bench/hcl.bench.mjs                    the table
//   node bench/hcl.bench.mjs measure MODE DIR   one measurement as JSON (used by the table, one process each)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const generated = path.join(here, '.generated');
const core = pathToFileURL(path.join(here, '..', 'packages', 'core', 'dist', 'index.js')).href;
const rulesEntry = path.join(here, '..', 'packages', 'rules', 'dist', 'index.js');

if (process.argv[2] === 'measure') {
  console.log(JSON.stringify(await measureOnce(process.argv[3], process.argv[4], process.argv[5])));
} else {
  await table();
}

async function table() {
  const sizes = (process.env.TRUSTSCAN_BENCH_HCL_SIZES ?? '100,1000').split(',').map(Number);
  console.log(`${os.availableParallelism()} cores, Node ${process.version}\n`);
  console.log('| files | MB | resources | hcl2json, 1 thread ms | cold load ms | cold scan ms | warm scan ms | workers | peak RSS MB (cold scan) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    const directory = path.join(generated, `hcl-${size}`);
    const bytes = generateTree(directory, size);
    const cache = path.join(generated, `hcl-cache-${size}`);
    const sequential = median(3, () => run('hcl2json', directory, cache));
    const coldLoad = median(3, () => (rmSync(cache, { recursive: true, force: true }), run('load', directory, cache)));
    const coldScan = median(3, () => (rmSync(cache, { recursive: true, force: true }), run('scan', directory, cache)));
    run('scan', directory, cache);
    const warmScan = median(3, () => run('scan', directory, cache));
    console.log(
      `| ${size.toLocaleString('en')} | ${(bytes / 1e6).toFixed(2)} | ${coldScan.resources.toLocaleString('en')} | ${sequential.ms.toFixed(0)} | ${coldLoad.ms.toFixed(0)} | ${coldScan.ms.toFixed(0)} | ${warmScan.ms.toFixed(0)} | ${coldScan.workers} | ${coldScan.rssMb.toFixed(0)} |`,
    );
  }
  const init = run('init', generated, '');
  console.log(`\nWASM start-up on one thread: hcl2json ${init.hcl2json.toFixed(0)} ms (first parse), tree-sitter ${init.treeSitter.toFixed(0)} ms; each parse worker pays both.`);
  console.log('cold = empty parse cache, in a fresh process (imports included); warm = unchanged files, cache filled; median of 3.');
}

function run(mode, directory, cache) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'measure', mode, directory, cache], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${mode} ${directory} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

function median(times, measure) {
  const runs = Array.from({ length: times }, measure).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(times / 2)];
}

async function measureOnce(mode, directory, cache) {
  const started = performance.now();
  if (mode === 'init') {
    const require = createRequire(path.join(here, '..', 'packages', 'core', 'package.json'));
    let t = performance.now();
    const { parse } = require('@cdktf/hcl2json');
    await parse('a.tf', 'x = 1\n');
    const hcl2json = performance.now() - t;
    t = performance.now();
    const { Parser, Language } = await import(pathToFileURL(require.resolve('web-tree-sitter')).href);
    await Parser.init();
    await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    return { hcl2json, treeSitter: performance.now() - t };
  }
  if (mode === 'hcl2json') {
    const require = createRequire(path.join(here, '..', 'packages', 'core', 'package.json'));
    const { parse } = require('@cdktf/hcl2json');
    const files = listFiles(directory);
    for (const file of files) await parse(path.basename(file), readFileSync(file, 'utf8'));
    return { ms: performance.now() - started, files: files.length };
  }
  const { scan, loadTarget } = await import(core);
  if (mode === 'load') {
    const output = await loadTarget(
      { kind: 'terraform-hcl', path: directory },
      { root: directory, locator: undefined, progress: () => {}, terraform: { cacheDirectory: cache }, declaredResources: async () => [] },
    );
    return { ms: performance.now() - started, resources: output.resources.length, rssMb: process.resourceUsage().maxRSS / 1024 };
  }
  const rules = existsSync(rulesEntry) ? (await import(pathToFileURL(rulesEntry).href)).rules : [];
  const result = await scan({ targets: [{ kind: 'terraform-hcl', path: directory }], rules, root: directory, terraform: { cacheDirectory: cache } });
  const { lastHclLoadStatistics } = await import(core);
  const statistics = typeof lastHclLoadStatistics === 'function' ? lastHclLoadStatistics() : undefined;
  return {
    ms: performance.now() - started,
    resources: result.summary.resources,
    findings: result.findings.length,
    notifications: result.notifications.length,
    workers: statistics?.workers ?? '?',
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function listFiles(directory) {
  const files = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.tf')) files.push(full);
    }
  };
  visit(directory);
  return files.sort();
}

/**
 * Writes a root module calling nine local modules (three plain, three with count = 2, three with for_each over two
 * keys), `size` files in all, about 2 KB each, shaped like real repositories: per module a variables file with
 * descriptions, outputs, versions and locals, and resource files of four to eight resources (S3 buckets with their
 * split configuration, KMS keys, policy documents, security groups with dynamic blocks). Returns the bytes written. Every
 * file differs, so the parse cache cannot share work between files.
 */
function generateTree(directory, size) {
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

