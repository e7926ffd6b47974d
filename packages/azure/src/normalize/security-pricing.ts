import type { Resource } from '@trustscan/core';
import type { ArmReader } from './arm-reader.js';
import { subscriptionResource } from './azure-resource.js';

/** `Microsoft.Security/pricings` (one per Defender plan) → `azurerm_security_center_subscription_pricing`. */
export function normalizeSecurityPricing(pricing: ArmReader, subscription: string): Resource[] {
  const id = pricing.raw('id');
  const name = pricing.raw('name');
  if (typeof id !== 'string' || typeof name !== 'string') return [];
  const p = pricing.at('properties');
  return [
    subscriptionResource(
      subscription,
      'azurerm_security_center_subscription_pricing',
      { resource_type: name, tier: p.string('pricingTier'), subplan: p.optionalString('subPlan') },
      id,
    ),
  ];
}
