import { Unknown, type Resource, type Value } from '@trustscan/core';
import type { ArmRecord } from '../arm-record.js';
import { ArmReader } from './arm-reader.js';
import { azureResource, envelopeAttributes, sortedStringList } from './azure-resource.js';

/**
 * `Microsoft.Network/networkSecurityGroups` → `azurerm_network_security_group` with inline `security_rule`s, as
 * Terraform holds them: a single value in `*_range`/`*_prefix` and several in the plural list, the other left empty.
 * The built-in `defaultSecurityRules` are not Terraform's and are left out.
 */
export function normalizeNetworkSecurityGroup(record: ArmRecord): Resource[] {
  const p = ArmReader.ofRecord(record).at('properties');
  const rules = p.items('securityRules');
  return [
    azureResource(record, 'azurerm_network_security_group', {
      ...envelopeAttributes(record),
      security_rule: rules instanceof Unknown ? rules : [...rules].map(securityRule).sort(byPriority),
    }),
  ];
}

function securityRule(rule: ArmReader): Record<string, Value> {
  const r = rule.at('properties');
  return {
    name: rule.string('name'),
    priority: r.number('priority'),
    direction: r.string('direction'),
    access: r.string('access'),
    protocol: r.string('protocol'),
    description: r.raw('description') === undefined ? '' : r.string('description'),
    source_port_range: single(r, 'sourcePortRange'),
    source_port_ranges: plural(r, 'sourcePortRanges'),
    destination_port_range: single(r, 'destinationPortRange'),
    destination_port_ranges: plural(r, 'destinationPortRanges'),
    source_address_prefix: single(r, 'sourceAddressPrefix'),
    source_address_prefixes: plural(r, 'sourceAddressPrefixes'),
    destination_address_prefix: single(r, 'destinationAddressPrefix'),
    destination_address_prefixes: plural(r, 'destinationAddressPrefixes'),
  };
}

function single(r: ArmReader, path: string): Value {
  const value = r.raw(path);
  return value === undefined ? '' : r.string(path);
}

function plural(r: ArmReader, path: string): Value {
  const value = r.raw(path);
  if (value === undefined) return [];
  const list = r.array(path);
  return list instanceof Unknown ? list : sortedStringList(list);
}

function byPriority(a: Record<string, Value>, b: Record<string, Value>): number {
  const pa = typeof a['priority'] === 'number' ? a['priority'] : 0;
  const pb = typeof b['priority'] === 'number' ? b['priority'] : 0;
  return pa - pb || String(a['name']).localeCompare(String(b['name']));
}
