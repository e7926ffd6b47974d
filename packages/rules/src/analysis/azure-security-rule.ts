import { isUnknown, type AttributePath, type Value } from '@trustscan/core';
import type { Block } from './values.js';

/** Management ports that must not be reachable from the Internet: SSH and RDP (the rule's default `ports`). */
export const managementPorts: readonly number[] = [22, 3389];

export type RuleExposure =
  | { readonly kind: 'exposed'; readonly ports: readonly number[]; readonly path: AttributePath }
  | { readonly kind: 'closed' }
  | { readonly kind: 'unknown'; readonly reason: string; readonly path: AttributePath };

const anywhere = new Set(['*', 'any', 'internet', '0.0.0.0', '0.0.0.0/0', '::/0']);

/**
 * Whether a network security rule (an `azurerm_network_security_rule`, or one `security_rule` block of an
 * `azurerm_network_security_group`, both with the same fields) lets Internet traffic reach a management port over
 * TCP. Deny rules of higher priority are not considered: an Allow from anywhere to SSH is a finding on its own.
 */
export function exposure(rule: Block, ports: readonly number[] = managementPorts): RuleExposure {
  for (const [field, expected] of [['direction', 'inbound'], ['access', 'allow']] as const) {
    const value = rule[field];
    if (isUnknown(value)) return { kind: 'unknown', reason: value.reason, path: [field] };
    if (typeof value !== 'string' || value.toLowerCase() !== expected) return { kind: 'closed' };
  }
  const protocol = rule['protocol'];
  if (isUnknown(protocol)) return { kind: 'unknown', reason: protocol.reason, path: ['protocol'] };
  if (typeof protocol === 'string' && !['tcp', '*'].includes(protocol.toLowerCase())) return { kind: 'closed' };
  const sources = values(rule, 'source_address_prefix', 'source_address_prefixes');
  if (sources.kind === 'unknown') return sources;
  if (!sources.values.some((s) => anywhere.has(s.toLowerCase()) || /\/0$/.test(s))) return { kind: 'closed' };
  const ranges = values(rule, 'destination_port_range', 'destination_port_ranges');
  if (ranges.kind === 'unknown') return ranges;
  const open = ports.filter((port) => ranges.values.some((range) => covers(range, port)));
  return open.length > 0 ? { kind: 'exposed', ports: open, path: [ranges.field] } : { kind: 'closed' };
}

function values(rule: Block, single: string, plural: string): { kind: 'values'; values: string[]; field: string } | { kind: 'unknown'; reason: string; path: AttributePath } {
  const found: string[] = [];
  let field = single;
  for (const name of [single, plural]) {
    const value: Value | undefined = rule[name];
    if (isUnknown(value)) return { kind: 'unknown', reason: value.reason, path: [name] };
    const items = Array.isArray(value) ? (value as readonly Value[]) : [value];
    for (const item of items) {
      if (isUnknown(item)) return { kind: 'unknown', reason: item.reason, path: [name] };
      if (typeof item === 'string' && item.trim() !== '') {
        found.push(item.trim());
        if (found.length === 1) field = name;
      } else if (typeof item === 'number') {
        found.push(String(item));
        if (found.length === 1) field = name;
      }
    }
  }
  return { kind: 'values', values: found, field };
}

/** Whether a port range (`*`, `22`, `20-30`) includes `port`. */
function covers(range: string, port: number): boolean {
  if (range === '*') return true;
  const [low, high] = range.split('-').map((part) => Number(part.trim()));
  if (low === undefined || Number.isNaN(low)) return false;
  return port >= low && port <= (high === undefined || Number.isNaN(high) ? low : high);
}
