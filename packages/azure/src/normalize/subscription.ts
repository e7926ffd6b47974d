import type { Resource } from '@trustscan/core';
import type { SubscriptionInfo } from '../arm-client.js';
import { subscriptionResource } from './azure-resource.js';

/**
 * A scanned subscription → `azurerm_subscription` with `id` `/subscriptions/{id}`: what its Activity Log diagnostic
 * settings, activity log alerts and role assignments point at, for the rules about the subscription as a whole.
 */
export function normalizeSubscription(info: SubscriptionInfo): Resource {
  const id = `/subscriptions/${info.subscriptionId}`;
  return subscriptionResource(info.subscriptionId, 'azurerm_subscription', { subscription_id: info.subscriptionId, subscription_name: info.displayName, tags: {} }, id);
}
