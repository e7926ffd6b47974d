/** What to scan. A `path` target is recognised by its content: a plan JSON file, or a Terraform directory or file. */
export type Target =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'terraform-plan'; readonly path: string }
  | {
      readonly kind: 'terraform-hcl';
      readonly path: string;
      /** The directory target this root was found in, when it was found by walking one (excludes are relative to it). */
      readonly discoveredIn?: string;
    }
  | {
      readonly kind: 'aws';
      readonly regions?: readonly string[];
      readonly profile?: string;
      readonly aggregator?: string;
    }
  | {
      readonly kind: 'azure';
      readonly subscriptions?: readonly string[];
      readonly resourceGraph?: boolean;
    };

/** A short name for a target, for messages before the source has named it. */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'path':
    case 'terraform-plan':
    case 'terraform-hcl':
      return target.path;
    case 'aws':
      return target.aggregator ? `aws (aggregator ${target.aggregator})` : 'aws';
    case 'azure':
      return 'azure';
  }
}
