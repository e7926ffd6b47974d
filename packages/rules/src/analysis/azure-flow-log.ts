import type { Resource, RuleContext } from '@trustscan/core';
import { attribute, readBlocks, readBoolean, readNumber } from './values.js';

export type FlowLogState =
  | { readonly kind: 'ok'; readonly days: number | 'forever' }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'short'; readonly days: number }
  | { readonly kind: 'unknown'; readonly reason: string; readonly path: readonly (string | number)[] };

/**
 * Whether a flow log records traffic and keeps it for `minimumDays`: `enabled` is required by azurerm; a retention
 * policy that is off, or set to 0 days, keeps the records for ever.
 */
export function flowLogState(flowLog: Resource, minimumDays: number): FlowLogState {
  const enabled = readBoolean(attribute(flowLog, ['enabled']));
  if (enabled.kind === 'unknown') return { kind: 'unknown', reason: enabled.reason, path: ['enabled'] };
  if (enabled.kind === 'value' && !enabled.value) return { kind: 'disabled' };
  const policies = readBlocks(attribute(flowLog, ['retention_policy']));
  if (policies.kind === 'unknown') return { kind: 'unknown', reason: policies.reason, path: ['retention_policy'] };
  const policy = policies.kind === 'value' ? policies.value[0] : undefined;
  const on = readBoolean(policy?.['enabled']);
  const days = readNumber(policy?.['days']);
  if (on.kind === 'unknown') return { kind: 'unknown', reason: on.reason, path: ['retention_policy', 0, 'enabled'] };
  if (days.kind === 'unknown') return { kind: 'unknown', reason: days.reason, path: ['retention_policy', 0, 'days'] };
  if (on.kind !== 'value' || !on.value || days.kind !== 'value' || days.value === 0) return { kind: 'ok', days: 'forever' };
  return days.value >= minimumDays ? { kind: 'ok', days: days.value } : { kind: 'short', days: days.value };
}

/**
 * The flow logs that watch a virtual network: VNet flow logs that target it, and legacy NSG flow logs of the
 * network security groups associated with its subnets (every subnet must have one for them to count).
 */
export function flowLogsOfVirtualNetwork(network: Resource, context: RuleContext): { direct: readonly Resource[]; throughSubnets: readonly Resource[] } {
  const direct = context.related(network, 'azurerm_network_watcher_flow_log');
  const subnets = context.related(network, 'azurerm_subnet');
  const perSubnet = subnets.map((subnet) =>
    context
      .related(subnet, 'azurerm_subnet_network_security_group_association')
      .flatMap((association) => context.related(association, 'azurerm_network_security_group'))
      .flatMap((group) => context.related(group, 'azurerm_network_watcher_flow_log')),
  );
  const everySubnet = perSubnet.length > 0 && perSubnet.every((logs) => logs.length > 0);
  return { direct, throughSubnets: everySubnet ? [...new Set(perSubnet.flat())] : [] };
}
