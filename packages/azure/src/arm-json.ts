/** JSON as ARM sends it. */
export type ArmJson = null | boolean | number | string | readonly ArmJson[] | { readonly [key: string]: ArmJson };
export type ArmObject = { readonly [key: string]: ArmJson };

/** A resource as ARM or Resource Graph returns it: the envelope, and `properties` when the response carries them. */
export interface ArmResource extends ArmObject {
  readonly id: string;
  readonly name: string;
  readonly type: string;
}

/** Whether `value` is a JSON object. */
export function isArmObject(value: unknown): value is ArmObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` looks like an ARM resource (an object with string `id`, `name` and `type`). */
export function isArmResource(value: unknown): value is ArmResource {
  return isArmObject(value) && typeof value['id'] === 'string' && typeof value['name'] === 'string' && typeof value['type'] === 'string';
}

/** The subscription id in a resource id, lower-cased. */
export function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase();
}

/** The resource group in a resource id, as written there. */
export function resourceGroupOf(id: string): string | undefined {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1];
}

/** The id of the resource that `id` is nested in (`…/servers/s/databases/d` → `…/servers/s`). */
export function parentIdOf(id: string): string {
  return id.split('/').slice(0, -2).join('/');
}
