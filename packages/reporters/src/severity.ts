import type { Severity } from '@trustscan/core';

/** GitHub's security-severity scale: ≥9 critical, 7–8.9 high, 4–6.9 medium, below 4 low. */
export const securitySeverity: Readonly<Record<Severity, string>> = { critical: '9.5', high: '7.5', medium: '5.5', low: '3.0' };

/** SARIF levels: critical and high fail a GitHub pull-request check by default, medium warns, low notes. */
export const sarifLevel: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
