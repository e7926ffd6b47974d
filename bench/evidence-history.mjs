// A synthetic history for the evidence benchmarks: one estate of RESOURCES resources, three rules each (passes
// included), scanned once a day, with CHANGE_SHARE of the findings changing status from one day to the next.
// Deterministic (seeded), so every run and every benchmark sees the same history.
import { createHash } from 'node:crypto';
import { rules } from '../packages/rules/dist/index.js';

const types = ['aws_s3_bucket', 'aws_db_instance', 'aws_ebs_volume', 'aws_iam_policy', 'aws_security_group', 'aws_kms_key', 'aws_lb_listener', 'aws_cloudwatch_log_group'];

/** A small, fast, seeded PRNG (mulberry32), so the history is the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const statuses = ['pass', 'fail', 'unknown'];

function finding(meta, index, slot, status) {
  const type = types[index % types.length];
  const address = `module.service_${String(Math.floor(index / 100)).padStart(3, '0')}.${type}.r${String(index).padStart(5, '0')}`;
  const file = `infra/services/service_${String(Math.floor(index / 100)).padStart(3, '0')}/main.tf`;
  const line = 1 + (index % 100) * 12 + slot * 3;
  return {
    ruleId: meta.id,
    status,
    severity: meta.severity,
    area: meta.area,
    tsc: [...meta.criteria.primary, ...(meta.criteria.secondary ?? [])],
    resource: { address, type, provider: 'aws', origin: 'hcl' },
    target: 'infra',
    location: { file, startLine: line, startColumn: 3, endLine: line, endColumn: 40 },
    message: `${meta.title}: ${address} ${status === 'pass' ? 'complies' : status === 'fail' ? 'does not comply; see the rule documentation for the fix' : 'could not be decided offline (a value known only after apply)'}.`,
    path: 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm',
    fingerprint: createHash('sha256').update(`${meta.id}\n${address}`).digest('hex').slice(0, 32),
  };
}

/**
 * The history as a generator of daily scans (`EvidenceScan`s, as `ScanResult`s are): day 0 is the first scan; each
 * later day flips the status of `changeShare` of the findings.
 */
export function* history({ resources = 10_000, days = 365, changeShare = 0.01, start = Date.UTC(2026, 0, 1, 2), seed = 42 } = {}) {
  const next = random(seed);
  const metas = rules.map((rule) => rule.meta);
  const picked = [];
  const findings = [];
  for (let index = 0; index < resources; index++) {
    for (let slot = 0; slot < 3; slot++) {
      const meta = metas[(index * 3 + slot) % metas.length];
      picked.push([meta, index, slot]);
      const roll = next();
      findings.push(finding(meta, index, slot, roll < 0.8 ? 'pass' : roll < 0.98 ? 'fail' : 'unknown'));
    }
  }
  for (let day = 0; day < days; day++) {
    if (day > 0) {
      const changes = Math.round(findings.length * changeShare);
      for (let n = 0; n < changes; n++) {
        const position = Math.floor(next() * findings.length);
        const [meta, index, slot] = picked[position];
        const status = statuses[(statuses.indexOf(findings[position].status) + 1 + Math.floor(next() * 2)) % 3];
        findings[position] = finding(meta, index, slot, status);
      }
    }
    const time = new Date(start + day * 86_400_000).toISOString();
    yield scanOf(findings.slice(), metas, resources, time);
  }
}

function scanOf(findings, metas, resources, time) {
  const byStatus = { pass: 0, fail: 0, unknown: 0, waived: 0, baseline: 0 };
  const failBySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) {
    byStatus[f.status]++;
    if (f.status === 'fail') failBySeverity[f.severity]++;
  }
  return {
    tool: { name: 'trustscan', version: '0.1.0' },
    startedAt: time,
    finishedAt: time,
    targets: [{ name: 'infra', kind: 'terraform-hcl', resources, ok: true, inputs: { sha256: createHash('sha256').update(time).digest('hex'), files: 100 } }],
    rules: metas,
    findings,
    notifications: [],
    waivers: [],
    summary: { resources, byStatus, failBySeverity },
  };
}
