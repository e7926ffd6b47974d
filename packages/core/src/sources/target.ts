/**
 * What to scan. A `path` target is recognised by its content: a Terraform directory or `.tf` file, or a JSON file
 * holding a plan or a state (`terraform-json`: read once, then given to the plan or the state source).
 */
export type Target =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'terraform-plan'; readonly path: string }
  | { readonly kind: 'terraform-state'; readonly path: string }
  | { readonly kind: 'terraform-json'; readonly path: string }
  | {
      readonly kind: 'terraform-hcl';
      readonly path: string;
      /** The directory target this root was found in, when it was found by walking one (excludes are relative to it). */
      readonly discoveredIn?: string;
    }
  | LiveTarget;

/**
 * A live cloud to scan. Core only describes it: the source that reads it comes from its own package
 * (`@trustscan/aws`, `@trustscan/azure`) and is passed to `scan()` in `sources`, so a Terraform-only consumer never
 * installs a cloud SDK.
 */
export type LiveTarget = AwsTarget | AzureTarget;

/** The AWS account of the default credentials (or an AWS Config aggregator), read by `@trustscan/aws`. */
export interface AwsTarget {
  readonly kind: 'aws';
  readonly regions?: readonly string[];
  readonly profile?: string;
  readonly aggregator?: string;
}

/** Azure subscriptions, read by `@trustscan/azure`. */
export interface AzureTarget {
  readonly kind: 'azure';
  readonly subscriptions?: readonly string[];
  readonly resourceGraph?: boolean;
}

/** A short name for a target, for messages before the source has named it. */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'path':
    case 'terraform-plan':
    case 'terraform-state':
    case 'terraform-json':
    case 'terraform-hcl':
      return target.path;
    case 'aws':
      return target.aggregator ? `aws (aggregator ${target.aggregator})` : 'aws';
    case 'azure':
      return 'azure';
  }
}
