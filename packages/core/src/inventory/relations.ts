/**
 * How resources link to each other. A link is read from `attribute` of a `from` resource: first through the
 * references the source recorded (`bucket = aws_s3_bucket.b.id`), else through a known value equal to one of the
 * `keys` attributes of a `to` resource (the bucket name, an id or an ARN). Rules ask the inventory for the result.
 */
export interface RelationSpec {
  readonly from: string;
  /** Top-level attribute holding a reference, or a string or a list of strings. */
  readonly attribute: string;
  readonly to: readonly string[];
  /** Attributes of the target whose value the link attribute may hold. */
  readonly keys: readonly string[];
}

const s3BucketKeys = ['bucket', 'id'];

const s3SplitResources = [
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_object_lock_configuration',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_replication_configuration',
  'aws_s3_bucket_website_configuration',
];

export const relationSpecs: readonly RelationSpec[] = [
  ...s3SplitResources.map((from) => ({ from, attribute: 'bucket', to: ['aws_s3_bucket'], keys: s3BucketKeys })),
];
