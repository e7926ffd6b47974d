/**
 * The files `trustscan init` writes: a commented starter config and, with `--github`, the workflow that runs the
 * trustscan action. examples/github-actions/trustscan.yml is this workflow, and a test keeps the two equal.
 */

/** A starter `trustscan.config.yaml`: the settings a team decides first, each explained, the rest as examples. */
export const starterConfig = `# trustscan.config.yaml: what \`trustscan scan\` checks, how strictly, which risks the team has accepted, and who
# fixes what. Written by \`trustscan init\`; every setting is explained in docs/configuration.md.
#
# trustscan reads this file from the working directory or the nearest parent up to the repository root. Paths are
# relative to this file. A setting given on the command line wins over the same setting here. A mistake is reported
# with this file's name, the line and the field, and exit code 2.
version: 1

# What to scan when no PATH is given on the command line: Terraform directories, .tf files, plan JSON files from
# \`terraform show -json\`, and live clouds.
targets:
  - .
  # - plan.json
  # - aws:
  #     regions: [us-east-1]
  # - azure:
  #     subscriptions: [00000000-0000-0000-0000-000000000000]

# Paths to leave out when a directory is walked (globs).
# exclude: ["**/examples/**"]

# The rule profile: baseline, the controls most SOC 2 audits ask for, or strict, every rule with stricter defaults.
profile: baseline

rules:
  # Never run these: rule ids, globs such as "azure-*", area:NAME, severity:LEVEL or criterion:ID.
  disable: []
  # Severities the team decided differently from the rule pack.
  # severity:
  #   aws-s3-bucket-access-logging: high
  # Options of single rules.
  # aws-cloudwatch-log-group-retention:
  #   min-days: 365

# The build fails (exit code 1) on a failing check at or above: critical, high, medium, low or never.
fail-on: high

# Accepted risks. Every field is required: the rule (id or glob), the resource (Terraform address, ARN or Azure
# resource id; globs allowed), why the risk is accepted, who answers for it, and the last day it applies. A waived
# finding stays in every report as "waived"; an expired waiver stops waiving.
# waivers:
#   - rule: aws-s3-bucket-versioning
#     resource: aws_s3_bucket.build_cache
#     reason: Build caches are rebuilt by every pipeline run; old versions have no value.
#     owner: platform@example.com
#     expires: 2027-06-30

# Corrective actions (\`trustscan evidence actions\`): who fixes a failing check (the first owner whose resources,
# paths, tags or targets match; globs where * matches anything), and the days to fix it by severity, counted from
# the first scan that found it.
# owners:
#   - owner: platform@example.com
#     paths: ["infra/**"]
#   - owner: data@example.com
#     resources: ["aws_db_instance.*"]
#     tags: { team: data }
sla: { critical: 7, high: 30, medium: 90, low: 180 }

# SOC 2 evidence: every scan kept as an immutable, hash-chained record in a directory or s3://bucket/prefix, and
# how often scans run (a longer stretch without a record is a gap in the evidence).
# evidence:
#   store: s3://acme-soc2-evidence/trustscan
#   key: .trustscan/evidence.key
#   retain-days: 400
#   cadence: 1d
`;

/** The workflow `trustscan init --github` writes to `.github/workflows/trustscan.yml`. */
export const githubWorkflow = `# SOC 2 checks on every pull request with the trustscan action: it scans the Terraform, uploads SARIF to GitHub code
# scanning (alerts and pull-request annotations, tagged with the Trust Services Criteria), writes a readiness
# summary to the job summary, and fails the job on findings at or above fail-on, after the upload.
#
# Written by \`trustscan init --github\` as .github/workflows/trustscan.yml. The scan also runs on pushes to the
# default branch: code scanning compares a pull request's alerts with the default branch's, and waived findings are
# dismissed there. Targets, fail-on, waivers and owners come from trustscan.config.yaml.
name: trustscan

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  security-events: write # upload SARIF, and dismiss alerts of waived findings
  actions: read # upload-sarif reads the workflow run in private repositories

jobs:
  soc2:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      # To scan a plan instead of (or beside) the HCL, add a Terraform setup and:
      #   terraform -chdir=infra init -input=false
      #   terraform -chdir=infra plan -input=false -out=plan.out
      #   terraform -chdir=infra show -json plan.out > plan.json
      # and set \`targets: plan.json\` and \`args: --tf-dir infra\` below.
      - name: trustscan
        id: trustscan
        uses: trustscan/trustscan@v1
        with:
          formats: sarif markdown
          # targets: infra
          # fail-on: high
          # config: trustscan.config.yaml
          # evidence-store: s3://acme-soc2-evidence/trustscan

      # GitHub ignores SARIF suppressions, so a waived finding would stay an open alert. This action dismisses the
      # alerts whose SARIF result carries a suppression ("Suppressed via SARIF"). Dismissal is global to the
      # repository, so it runs on the default branch only.
      - name: Dismiss alerts of waived findings
        if: always() && github.event_name == 'push' && steps.trustscan.outputs.sarif-id != ''
        uses: advanced-security/dismiss-alerts@v1
        with:
          sarif-id: \${{ steps.trustscan.outputs.sarif-id }}
          sarif-file: \${{ steps.trustscan.outputs.sarif-file }}
        env:
          GITHUB_TOKEN: \${{ github.token }}
`;
