import type { Finding } from '@trustscan/core';
import { sidePlace, sideText, type DriftView } from './drift-view.js';
import { plural } from './readiness.js';

/** The colours the text report paints with. */
export interface TextPaint {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
}

/**
 * The text report's drift section: each drifted control with its declared and live copy on a line each (verdict,
 * value, location), unmanaged resources counted per type and listed, missing resources with where they are declared.
 */
export function driftSectionText(view: DriftView, paint: TextPaint): string[] {
  const counts = [
    `${plural(view.compared, 'control verdict')} compared`,
    `${view.drifted.length} drifted`,
    `${view.unmanaged.length} unmanaged`,
    `${view.missing.length} missing`,
    ...(view.undetermined > 0 ? [`${view.undetermined} not determined`] : []),
    ...(view.setAside > 0 ? [`${view.setAside} waived or in the baseline`] : []),
  ];
  const lines = ['', `${paint.bold('Drift')}  Terraform against the cloud: ${counts.join(', ')}`];
  if (view.drifted.length > 0) {
    lines.push(paint.bold('  Drifted controls'));
    for (const { finding, control, declared, live } of view.drifted) {
      const drift = finding.drift ?? { kind: 'control' as const };
      const places = [sidePlace(declared), live.cloudId ?? live.address];
      const width = Math.max(...places.map((p) => p.length));
      lines.push(`  ${paint.red('✗')} ${severity(finding, paint)} ${control}  ${finding.resource.address}`);
      lines.push(`      declared  ${(declared.status ?? '').padEnd(7)} ${paint.dim((places[0] ?? '').padEnd(width))}  ${sideText(drift, declared).text}`);
      lines.push(`      live      ${(live.status ?? '').padEnd(7)} ${paint.dim((places[1] ?? '').padEnd(width))}  ${sideText(drift, live).text}`);
    }
  }
  if (view.unmanaged.length > 0) {
    lines.push(`${paint.bold('  Unmanaged resources')} ${paint.dim(`(${view.unmanagedByType.map((t) => `${t.type} ${t.count}`).join(', ')})`)}`);
    const width = Math.max(...view.unmanaged.map((f) => f.resource.type.length));
    for (const finding of view.unmanaged) lines.push(`  ${paint.red('✗')} ${severity(finding, paint)} ${finding.resource.type.padEnd(width)}  ${finding.resource.cloudId ?? finding.resource.address}  ${paint.dim(finding.target ?? '')}`);
  }
  if (view.missing.length > 0) {
    lines.push(paint.bold('  Missing resources'));
    for (const finding of view.missing) {
      lines.push(`  ${paint.red('✗')} ${severity(finding, paint)} ${finding.resource.address}  ${paint.dim(`${finding.location.file}:${finding.location.startLine}`)}`);
      lines.push(`      ${finding.message}`);
    }
  }
  return lines;
}

function severity(finding: Finding, paint: TextPaint): string {
  const text = finding.severity.padEnd(8);
  return finding.severity === 'critical' || finding.severity === 'high' ? paint.red(text) : finding.severity === 'medium' ? paint.yellow(text) : text;
}
