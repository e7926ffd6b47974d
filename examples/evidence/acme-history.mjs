// A deterministic twenty days of evidence for a small estate, as JSON reports of nightly scans: the history behind
// the example period report, action plan and summary in this directory, and the one the tests assert every figure
// of. Each day's report is built from the table below, so what happened is written once:
//
//   day  1  the data bucket is not encrypted (open to the end); the legacy database is not encrypted; the tmp bucket
//           has no access logs; the CI policy grants full admin, waived until 2026-03-11 (waiver W2)
//   day  4  the tmp bucket's missing logs are waived until 2026-03-10 (waiver W1)
//   day  5  the logs bucket loses versioning (drift: it passed before); fixed on day 8
//   day  9  waiver W1 is renewed until 2026-06-30
//   day 10  the legacy database is removed
//   day 11  the scan could not read the Terraform (a gap: the record evidences nothing)
//   day 12  waiver W2 has expired: the CI policy fails again (open to the end)
//   days 14 to 16  no scan ran (a gap)
//   day 18  imported from a report written without passing checks; waiver W2 is gone from the configuration
//   day 19  the encryption rule was turned off for that scan (it did not run: not a fix)
//   day  6  is imported last, out of order
import { createHash } from 'node:crypto';

export const acmeTarget = 'infra';
export const acmeDays = 20;
/** Days without a scan. */
export const acmeSkippedDays = [14, 15, 16];
/** The order the reports are imported in: day 6 last. */
export const acmeImportOrder = [...Array.from({ length: acmeDays }, (_, i) => i + 1).filter((day) => day !== 6 && !acmeSkippedDays.includes(day)), 6];
export const acmeAsOf = '2026-03-20';
export const acmePeriod = { from: '2026-03-01', to: '2026-03-20' };
export const acmeSampleSeed = 'acme-2026';

/** The config the corrective actions are computed with. */
export const acmeConfig = `# Who fixes what, and in how many days, for the example action plan.
owners:
  - owner: data@acme.example
    resources: ["aws_db_instance.*"]
  - owner: web@acme.example
    tags: { team: web }
  - owner: platform@acme.example
    paths: ["infra/**"]
sla: { critical: 3, high: 7 }
evidence:
  cadence: 1d
`;

const rules = {
  'aws-s3-bucket-versioning': { severity: 'medium', area: 'backup-recovery', tsc: ['A1.2', 'CC7.4', 'C1.2'], fail: 'does not keep object versions: versioning is not configured' },
  'aws-s3-bucket-default-encryption': { severity: 'high', area: 'encryption-at-rest', tsc: ['CC6.1', 'PI1.4'], fail: 'has no default encryption configured' },
  'aws-s3-bucket-access-logging': { severity: 'medium', area: 'logging-monitoring', tsc: ['CC7.2', 'CC7.3'], fail: 'does not write server access logs' },
  'aws-rds-storage-encrypted': { severity: 'high', area: 'encryption-at-rest', tsc: ['CC6.1', 'PI1.5'], fail: 'does not encrypt its storage: storage_encrypted is not true' },
  'aws-iam-policy-no-full-admin': { severity: 'critical', area: 'least-privilege', tsc: ['CC6.3', 'CC6.1', 'CC1.3'], fail: 'allows every action on every resource (Action "*" on Resource "*")' },
};

const waivers = {
  W1: (expires) => ({ rule: 'aws-s3-bucket-access-logging', resource: 'aws_s3_bucket.tmp', reason: 'Scratch bucket emptied every night; access logs add nothing.', owner: 'web@acme.example', expires, source: { kind: 'config', file: 'trustscan.config.yaml', line: 12 } }),
  W2: () => ({ rule: 'aws-iam-policy-no-full-admin', resource: 'aws_iam_policy.ci', reason: 'CI needs admin until the deploy role split lands.', owner: 'security@acme.example', expires: '2026-03-11', source: { kind: 'config', file: 'trustscan.config.yaml', line: 18 } }),
};

/** The resources, where they are written, and each rule's status on a given day (undefined: not checked that day). */
const estate = [
  { address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', file: 'infra/storage.tf', line: 1, checks: {
    'aws-s3-bucket-versioning': (day) => (day >= 5 && day <= 7 ? 'fail' : 'pass'),
    'aws-s3-bucket-access-logging': () => 'pass',
    'aws-s3-bucket-default-encryption': () => 'pass',
  } },
  { address: 'aws_s3_bucket.data', type: 'aws_s3_bucket', file: 'infra/storage.tf', line: 20, checks: {
    'aws-s3-bucket-versioning': () => 'pass',
    'aws-s3-bucket-access-logging': () => 'pass',
    'aws-s3-bucket-default-encryption': () => 'fail',
  } },
  { address: 'aws_s3_bucket.tmp', type: 'aws_s3_bucket', file: 'infra/storage.tf', line: 40, tags: { team: 'web', env: 'prod' }, checks: {
    'aws-s3-bucket-versioning': () => 'pass',
    'aws-s3-bucket-access-logging': (day) => (day >= 4 ? 'waived' : 'fail'),
    'aws-s3-bucket-default-encryption': () => 'pass',
  } },
  { address: 'aws_db_instance.app', type: 'aws_db_instance', file: 'infra/database.tf', line: 1, checks: { 'aws-rds-storage-encrypted': () => 'pass' } },
  { address: 'aws_db_instance.legacy', type: 'aws_db_instance', file: 'infra/database.tf', line: 30, checks: { 'aws-rds-storage-encrypted': (day) => (day <= 9 ? 'fail' : undefined) } },
  { address: 'aws_iam_policy.ci', type: 'aws_iam_policy', file: 'iam/policies.tf', line: 5, checks: { 'aws-iam-policy-no-full-admin': (day) => (day <= 11 ? 'waived' : 'fail') } },
];

/** The scan time of a day: 02:00 UTC, March 2026. */
export function acmeTime(day) {
  return new Date(Date.UTC(2026, 2, day, 2, 0, 0)).toISOString();
}

function waiversOn(day) {
  const active = (expires) => day <= Number(expires.slice(8, 10)) || expires.slice(5, 7) !== '03';
  const list = [];
  if (day >= 4) {
    const w1 = waivers.W1(day >= 9 ? '2026-06-30' : '2026-03-10');
    list.push({ ...w1, matched: day === 11 ? 0 : 1, state: day === 11 ? 'stale' : active(w1.expires) ? 'active' : 'expired' });
  }
  if (day < 18) {
    const w2 = waivers.W2();
    list.push({ ...w2, matched: active(w2.expires) && day !== 11 ? 1 : 0, state: !active(w2.expires) ? 'expired' : day === 11 ? 'stale' : 'active' });
  }
  return list;
}

/** The JSON report of a day's scan, as `trustscan scan --format json` writes it (with passes unless `passes` is false). */
export function acmeReport(day) {
  const unreadable = day === 11;
  const passes = day !== 18;
  const findings = [];
  if (!unreadable) {
    for (const resource of estate) {
      for (const [ruleId, statusOn] of Object.entries(resource.checks)) {
        if (day === 19 && ruleId === 'aws-s3-bucket-default-encryption') continue;
        const status = statusOn(day);
        if (status === undefined || (!passes && status === 'pass')) continue;
        const rule = rules[ruleId];
        const waiver = status === 'waived' ? waiversOn(day).find((w) => w.rule === ruleId && w.resource === resource.address) : undefined;
        findings.push({
          ruleId,
          status,
          severity: rule.severity,
          area: rule.area,
          tsc: rule.tsc,
          resource: { address: resource.address, type: resource.type, provider: 'aws', origin: 'hcl', ...(resource.tags ? { tags: resource.tags } : {}) },
          target: acmeTarget,
          location: { file: resource.file, startLine: resource.line, endLine: resource.line + 8, startColumn: 1, endColumn: 2 },
          message: `${resource.address} ${status === 'pass' ? 'complies' : rule.fail}.`,
          fingerprint: createHash('sha256').update(`${ruleId}\n${resource.address}`).digest('hex').slice(0, 32),
          ...(waiver ? { waiver: { reason: waiver.reason, owner: waiver.owner, expires: waiver.expires, source: waiver.source } } : {}),
        });
      }
    }
  }
  const all = unreadable ? [] : findings;
  const byStatus = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
  const failBySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const resource of unreadable ? [] : estate) {
    for (const [ruleId, statusOn] of Object.entries(resource.checks)) {
      const status = day === 19 && ruleId === 'aws-s3-bucket-default-encryption' ? undefined : statusOn(day);
      if (status === undefined) continue;
      byStatus[status]++;
      if (status === 'fail') failBySeverity[rules[ruleId].severity]++;
    }
  }
  const time = acmeTime(day);
  return {
    schemaVersion: 1,
    tool: { name: 'trustscan', version: '0.1.0' },
    startedAt: time,
    finishedAt: time,
    profile: 'baseline',
    ruleOptions: {},
    targets: [{ name: acmeTarget, kind: 'terraform-hcl', resources: unreadable ? 0 : estate.filter((r) => day <= 9 || r.address !== 'aws_db_instance.legacy').length, ok: !unreadable, ...(unreadable ? {} : { inputs: { sha256: createHash('sha256').update(`infra day ${day}`).digest('hex'), files: 3 } }) }],
    findings: all,
    summary: { resources: unreadable ? 0 : estate.length - (day >= 10 ? 1 : 0), rulesEvaluated: 5, byStatus, failBySeverity, criteria: [] },
    notifications: unreadable ? [{ level: 'error', code: 'input-error', message: 'infra/storage.tf:12: not valid HCL: unexpected "}".', subject: 'infra/storage.tf' }] : [],
    waivers: waiversOn(day),
  };
}

/** The rules a day's scan ran: all five, but the encryption rule was turned off on day 19. */
export function acmeRulesRun(day) {
  return Object.keys(rules).filter((id) => day !== 19 || id !== 'aws-s3-bucket-default-encryption');
}

/** The days that have a scan, in day order. */
export function acmeScanDays() {
  return Array.from({ length: acmeDays }, (_, i) => i + 1).filter((day) => !acmeSkippedDays.includes(day));
}
