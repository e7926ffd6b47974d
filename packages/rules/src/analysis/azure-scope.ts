export type ArmScopeKind = 'root' | 'management-group' | 'subscription' | 'resource-group' | 'resource';

/**
 * What an ARM scope id names: `/` (the tenant root), a management group, a subscription, a resource group or a
 * resource. `undefined` when the text is not an ARM id.
 */
export function armScopeKind(id: string): ArmScopeKind | undefined {
  const text = id.trim();
  if (text === '/') return 'root';
  const trimmed = text.replace(/\/+$/, '');
  if (/^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(trimmed)) return 'management-group';
  if (/^\/subscriptions\/[^/]+$/i.test(trimmed)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(trimmed)) return 'resource-group';
  if (/^\/(subscriptions|providers)\/.+/i.test(trimmed)) return 'resource';
  return undefined;
}

/** Whether a scope covers a whole subscription or more (a subscription, a management group or the root). */
export function coversSubscription(kind: ArmScopeKind | undefined): boolean {
  return kind === 'root' || kind === 'management-group' || kind === 'subscription';
}
