import type { AttributePath, Value } from './value.js';

/** A 1-based range in a text file; `endColumn` is the column after the last character (SARIF's convention). */
export interface SourceRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Where a resource is written in Terraform: the block, and the range of each attribute and nested block inside
 * it, keyed by dotted attribute path (`versioning.0.enabled`, `rule.0`, `tags`).
 */
export interface Declaration {
  /** Absolute path of the `.tf` file. */
  readonly file: string;
  readonly range: SourceRange;
  readonly attributes: Readonly<Record<string, SourceRange>>;
}

/** Where a resource came from. */
export type Origin =
  | { readonly kind: 'hcl'; readonly file: string }
  | { readonly kind: 'plan'; readonly file: string; readonly address: string }
  /** Terraform state (`terraform state pull`, or `terraform show -json` of a state): `line` is where the resource is in the file. */
  | { readonly kind: 'state'; readonly file: string; readonly address: string; readonly line?: number }
  | { readonly kind: 'aws'; readonly arn: string; readonly account: string; readonly region: string }
  | { readonly kind: 'azure'; readonly id: string; readonly subscription: string };

export type OriginKind = Origin['kind'];

export type ProviderName = 'aws' | 'azure' | (string & {});

/**
 * A resource in the canonical model. Whatever the source, `type` and `attributes` follow the Terraform provider
 * schema (`aws_s3_bucket`, `azurerm_storage_account`), so one rule serves HCL, plan and live cloud.
 */
export interface Resource {
  /** Terraform address (`module.a.aws_s3_bucket.b[0]`), ARN, or Azure resource id. Unique within a scan target. */
  readonly address: string;
  readonly type: string;
  readonly provider: ProviderName;
  readonly attributes: { readonly [key: string]: Value };
  readonly origin: Origin;
  /** The Terraform block that declares the resource, when known; findings point at it. */
  readonly declaration?: Declaration;
  /**
   * Addresses this resource refers to, by the dotted attribute path holding the reference
   * (`bucket` → `['aws_s3_bucket.b']`). Sources fill it; the inventory turns it into relations.
   */
  readonly references?: Readonly<Record<string, readonly string[]>>;
  /** Dotted attribute paths whose values are sensitive: evaluated, never printed. */
  readonly sensitivePaths?: readonly string[];
  /**
   * Blocks outside the resource that write an attribute's value, by dotted attribute path: `policy` → the
   * `data "aws_iam_policy_document"` it renders. A finding on a path under it points into that block
   * (`policy.statement.1` → the second `statement`).
   */
  readonly attributeSources?: Readonly<Record<string, Declaration>>;
  /**
   * Set on the representative instance of a block or module whose `count` or `for_each` is not known offline
   * (its address has `[*]` for the unknown key: `aws_s3_bucket.b[*]`, `module.m[*].aws_s3_bucket.b`): why the number of
   * instances is not known. What rules decide on it holds for every instance there will be.
   */
  readonly unknownInstances?: string;
  /**
   * Arguments the configuration leaves out that the source set to the provider's default, because that default
   * depends on the provider version (a plan made with that version holds the same value): top-level argument →
   * what the value is and which version it comes from, for messages.
   */
  readonly defaults?: Readonly<Record<string, string>>;
}

/** The provider of a Terraform resource type, from its prefix. */
export function providerOfType(type: string): ProviderName {
  if (type.startsWith('aws_')) return 'aws';
  if (type.startsWith('azurerm_') || type.startsWith('azuread_') || type.startsWith('azapi_')) return 'azure';
  return type.split('_')[0] ?? type;
}

/** Reads an attribute of a resource by path; see `valueAt`. */
export type AttributeReader = (resource: Resource, path: AttributePath) => Value | undefined;
