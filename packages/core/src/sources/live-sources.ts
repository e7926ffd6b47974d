import type { AwsCollection, AwsLoadOptions, AwsTarget } from './aws/load-aws.js';
import type { SourceContext, SourceOutput } from './source.js';
import type { Target } from './target.js';

/*
 * The live sources for library users, loaded on first call: a Terraform or plan scan never loads the cloud
 * sources' hundred modules, let alone their SDKs.
 */

/** Reads an AWS account or organization through AWS Config and S3 (see `sources/aws/load-aws.ts`). */
export async function loadAws(target: AwsTarget, context: SourceContext): Promise<SourceOutput> {
  return (await import('./aws/load-aws.js')).loadAws(target, context);
}

/** Collects an AWS account's resources with what was denied or failed (see `sources/aws/load-aws.ts`). */
export async function collectAws(target: AwsTarget, context: SourceContext, options: AwsLoadOptions = {}): Promise<AwsCollection> {
  return (await import('./aws/load-aws.js')).collectAws(target, context, options);
}

/** Reads Azure subscriptions through Azure Resource Manager (see `sources/azure/load-azure.ts`). */
export async function loadAzure(target: Extract<Target, { kind: 'azure' }>, context: SourceContext): Promise<SourceOutput> {
  return (await import('./azure/load-azure.js')).loadAzure(target, context);
}
