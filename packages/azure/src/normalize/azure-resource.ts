import { Unknown, type Resource, type Value } from '@trustscan/core';
import { isArmObject, resourceGroupOf } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';

/**
 * A canonical resource for an ARM object: address and `id` are the ARM id, origin names the subscription. The
 * attributes `name`, `resource_group_name`, `location` and `tags` come from the envelope (always known: the list
 * call returns them), then the normalizer's own attributes.
 */
export function azureResource(record: ArmRecord, type: string, attributes: Readonly<Record<string, Value>>, id: string = record.resource.id): Resource {
  return subscriptionResource(record.subscription, type, attributes, id);
}

/** A canonical resource for an ARM object read outside a record (subscription-scope settings). */
export function subscriptionResource(subscription: string, type: string, attributes: Readonly<Record<string, Value>>, id: string): Resource {
  return {
    address: id,
    type,
    provider: 'azure',
    attributes: { id, ...attributes },
    origin: { kind: 'azure', id, subscription },
  };
}

/** `name`, `resource_group_name`, `location` and `tags` of a tracked resource, as Terraform holds them. */
export function envelopeAttributes(record: ArmRecord): Record<string, Value> {
  const resource = record.resource;
  const tags = resource['tags'];
  const location = resource['location'];
  return {
    name: resource.name,
    resource_group_name: resourceGroupOf(resource.id) ?? new Unknown(`${resource.id} has no resource group`),
    ...(typeof location === 'string' ? { location: terraformLocation(location) } : {}),
    tags: isArmObject(tags) ? sortedStrings(tags) : {},
  };
}

/** `East US` → `eastus`: Terraform stores locations normalized. */
export function terraformLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

function sortedStrings(object: Readonly<Record<string, unknown>>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const key of Object.keys(object).sort()) {
    const value = object[key];
    out[key] = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  }
  return out;
}

/** The string values of an array, sorted (Terraform sets). */
export function sortedStringList(values: readonly unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string').sort();
}
