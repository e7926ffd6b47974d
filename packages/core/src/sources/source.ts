import type { Notification, TargetInputs } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { Waiver } from '../model/waiver.js';
import type { LiveScope } from '../drift/cloud-scope.js';
import type { AwsTarget, AzureTarget, LiveTarget } from './target.js';
import type { DeclarationLocator } from './terraform/syntax/declarations.js';
import type { TerraformSession } from './terraform/terraform-session.js';

/** What every source receives from the scan. */
export interface SourceContext {
  /** Absolute directory that finding locations are relative to. */
  readonly root: string;
  /** A Terraform configuration directory given with `--tf-dir`, for locating plan and live findings. */
  readonly tfDir?: string;
  readonly locator: DeclarationLocator;
  readonly signal?: AbortSignal;
  /** Reports what the source is doing (shown on a TTY). */
  readonly progress: (message: string) => void;
  readonly terraform: TerraformOptions;
  /**
   * The resources declared in `--tf-dir`, evaluated by the HCL source once per scan (empty without `--tf-dir`).
   * Live sources match cloud resources to them (by name, ARN or id) to point findings at Terraform blocks.
   */
  readonly declaredResources: () => Promise<readonly Resource[]>;
  /** What the Terraform sources share within one scan (parsed files, the result cache); one per call when absent. */
  readonly terraformSession?: TerraformSession;
}

/** Options for reading Terraform configuration. */
export interface TerraformOptions {
  /** `--var NAME=VALUE`, in the order given. */
  readonly vars?: readonly (readonly [name: string, value: string])[];
  /** `--var-file FILE`, in the order given. */
  readonly varFiles?: readonly string[];
  /** Directory for the cache of evaluated root modules; `false` disables it. */
  readonly cacheDirectory?: string | false;
  /**
   * `--exclude` patterns, `.gitignore`-style, relative to each directory target: what they match is not walked for
   * root modules, and never read.
   */
  readonly exclude?: readonly string[];
}

/** What a source produced from one target. */
export interface SourceOutput {
  /** A display name for the target: a path relative to the root, `aws:<account>`, `azure:<subscription>`. */
  readonly name: string;
  readonly kind: string;
  readonly resources: readonly Resource[];
  readonly notifications: readonly Notification[];
  readonly waivers?: readonly Waiver[];
  /**
   * The Terraform resource types the source looked for, when it sees only part of the world: a live source reads an
   * account type by type, and a type whose listing was denied or failed is not in view. A type listed here that has
   * no resource truly has none; for a type left out, rules that decide on the absence of a resource (a data store
   * no backup selection names, a VPC without a flow log) report `unknown`. Absent: every type is in view, as in a
   * Terraform configuration, which declares everything it has.
   */
  readonly observedTypes?: readonly string[];
  /** What the target's content was: file hashes, or the accounts, regions and subscriptions read. */
  readonly inputs?: TargetInputs;
  /**
   * For a live target: the accounts (or subscriptions) and regions it read, so drift knows which declared resources
   * the scan could have found. Absent: the accounts of its resources, every region.
   */
  readonly scope?: LiveScope;
  /**
   * For an evaluated Terraform root: its key in the cache of evaluated roots, so the findings of a rule set the
   * caller identifies can be kept beside it.
   */
  readonly cacheKey?: string;
}

/** A source of live resources: reads one target of its kind into Terraform-shaped resources. */
export interface LiveSource<T extends LiveTarget> {
  load(target: T, context: SourceContext): Promise<SourceOutput>;
}

/**
 * The live sources a scan may use, by target kind: `{ aws: awsSource }` from `@trustscan/aws`, `{ azure: azureSource }`
 * from `@trustscan/azure`. A live target whose source is not given is reported as an input error.
 */
export interface LiveSources {
  readonly aws?: LiveSource<AwsTarget>;
  readonly azure?: LiveSource<AzureTarget>;
}
