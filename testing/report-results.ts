/**
 * Scan results for reporter tests, derived from a real scan: one whose every free-text field is hostile to
 * Markdown, HTML and XML, and one with thousands of findings.
 */
import { summarize, type Finding, type ScanResult } from '@trustscan/core';

/** Text that breaks naive Markdown, HTML or XML output, and a control character XML cannot hold. */
export const hostile = '<script>alert("x")</script> | **bold** _em_ `tick` [link](javascript:alert(1)) & &amp; \u0007 @team\nsecond line';

/** The same scan with hostile text in messages, addresses, waiver fields, notifications and rule metadata. */
export function hostileResult(result: ScanResult): ScanResult {
  const findings = result.findings.map((f, index): Finding => {
    const hostileOne = index % 2 === 0;
    return hostileOne ? { ...f, message: `${f.message} ${hostile}`, resource: { ...f.resource, address: `${f.resource.address}["${hostile}"]` } } : f;
  });
  const waived = findings.findIndex((f) => f.status === 'fail');
  if (waived >= 0) {
    const finding = findings[waived] as Finding;
    findings[waived] = { ...finding, status: 'waived', waiver: { reason: hostile, owner: hostile, expires: '2030-01-01', source: { kind: 'config', file: 'trustscan.config.yaml', line: 3 } } };
  }
  return {
    ...result,
    findings,
    rules: result.rules.map((r) => ({ ...r, title: `${r.title} ${hostile}`, remediation: `${r.remediation}\n\n${hostile}\n\n<img src=x onerror=alert(1)>` })),
    notifications: [...result.notifications, { level: 'warning', code: 'test-hostile', message: hostile, subject: hostile }],
    waivers: [{ rule: 'aws-*', resource: hostile, reason: hostile, owner: hostile, expires: '2030-01-01', source: { kind: 'config', file: 'trustscan.config.yaml', line: 3 }, matched: 1, state: 'active' }],
    summary: summarize(findings, result.rules, result.summary.resources),
  };
}

/** The scan's findings repeated over `copies` made-up resources each, with the summary recomputed. */
export function largeResult(result: ScanResult, copies: number): ScanResult {
  const findings: Finding[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const f of result.findings) {
      const address = `module.tenant_${copy}.${f.resource.address}`;
      findings.push({ ...f, resource: { ...f.resource, address }, fingerprint: `${f.fingerprint.slice(0, 24)}${copy.toString(16).padStart(8, '0')}`, message: f.message.replace(f.resource.address, address) });
    }
  }
  return { ...result, findings, summary: summarize(findings, result.rules.filter((r) => findings.some((f) => f.ruleId === r.id)), result.summary.resources * copies) };
}
