import { isUnknown, type AttributePath, type Value } from '@trustscan/core';
import type { Ternary } from './iam-policy.js';
import { readNumber, readString, type Block } from './values.js';

/** Ports through which an instance is administered: SSH and RDP (the rule's default `ports`). */
export const administrativePorts: readonly number[] = [22, 3389];

/** CIDR blocks that stand for the whole internet. */
const everyAddress = new Set(['0.0.0.0/0', '::/0']);

/** The fields of one ingress rule, in any of the three shapes the provider has (inline, `_rule`, `_ingress_rule`). */
export interface IngressFields {
  readonly protocol: Value | undefined;
  readonly fromPort: Value | undefined;
  readonly toPort: Value | undefined;
  /** CIDR attributes by name, e.g. `cidr_blocks` → `["0.0.0.0/0"]`, `cidr_ipv4` → `"0.0.0.0/0"`. */
  readonly sources: Readonly<Record<string, Value | undefined>>;
}

export interface IngressExposure {
  readonly status: Ternary;
  /** The attribute (relative to the rule) that decided, and what is exposed or why it is unknown. */
  readonly field: string;
  readonly detail: string;
}

/** Reads an inline `ingress` block or a stand-alone rule into `IngressFields`. */
export function ingressFields(block: Block, shape: 'inline' | 'rule' | 'ingress-rule'): IngressFields {
  if (shape === 'ingress-rule') {
    return { protocol: block['ip_protocol'], fromPort: block['from_port'], toPort: block['to_port'], sources: { cidr_ipv4: block['cidr_ipv4'], cidr_ipv6: block['cidr_ipv6'] } };
  }
  return { protocol: block['protocol'], fromPort: block['from_port'], toPort: block['to_port'], sources: { cidr_blocks: block['cidr_blocks'], ipv6_cidr_blocks: block['ipv6_cidr_blocks'] } };
}

/** Whether an ingress rule opens one of `ports` (SSH and RDP by default), or every port, to the whole internet. */
export function exposesAdministrativePorts(rule: IngressFields, ports: readonly number[] = administrativePorts): IngressExposure {
  const world = worldSource(rule.sources);
  if (world.status !== 'yes') return world;
  const protocol = readString(rule.protocol);
  if (protocol.kind === 'unknown') return { status: 'unknown', field: 'protocol', detail: protocol.reason };
  const name = protocol.kind === 'value' ? protocol.value.toLowerCase() : '';
  if (name === '-1' || name === 'all') return { status: 'yes', field: world.field, detail: `every port to ${world.detail}` };
  if (name !== 'tcp' && name !== '6') return { status: 'no', field: 'protocol', detail: '' };
  const from = readNumber(rule.fromPort);
  const to = readNumber(rule.toPort);
  if (from.kind === 'unknown') return { status: 'unknown', field: 'from_port', detail: from.reason };
  if (to.kind === 'unknown') return { status: 'unknown', field: 'to_port', detail: to.reason };
  const low = from.kind === 'value' ? from.value : 0;
  const high = to.kind === 'value' ? to.value : 65535;
  const open = ports.filter((port) => low <= port && port <= high);
  if (open.length === 0) return { status: 'no', field: 'from_port', detail: '' };
  return { status: 'yes', field: world.field, detail: `port ${open.join(' and ')} to ${world.detail}` };
}

function worldSource(sources: IngressFields['sources']): IngressExposure {
  let unknown: IngressExposure | undefined;
  for (const [field, value] of Object.entries(sources)) {
    if (isUnknown(value)) {
      unknown ??= { status: 'unknown', field, detail: value.reason };
      continue;
    }
    const cidrs = Array.isArray(value) ? (value as readonly Value[]) : [value];
    for (const cidr of cidrs) {
      if (isUnknown(cidr)) unknown ??= { status: 'unknown', field, detail: cidr.reason };
      else if (typeof cidr === 'string' && everyAddress.has(cidr.trim())) return { status: 'yes', field, detail: cidr.trim() };
    }
  }
  return unknown ?? { status: 'no', field: '', detail: '' };
}

/** The path of `field` inside an ingress rule at `prefix`. */
export function fieldPath(prefix: AttributePath, field: string): AttributePath {
  return field === '' ? prefix : [...prefix, field];
}
