const trailingInstanceKey = /^(.*)\[(\d+|\*|"(?:[^"\\]|\\.)*")\]$/s;

/**
 * Splits `aws_s3_bucket.b["logs"]` into `aws_s3_bucket.b` and `["logs"]`; no key gives `''`. The key of a
 * representative instance, whose keys are not known, is `[*]`.
 */
export function splitInstanceKey(address: string): { base: string; key: string } {
  if (!address.endsWith(']')) return { base: address, key: '' };
  const match = trailingInstanceKey.exec(address);
  if (!match) return { base: address, key: '' };
  return { base: match[1] ?? address, key: `[${match[2] ?? ''}]` };
}

/** Formats an instance key the way Terraform writes it in addresses: `[0]` or `["name"]`. */
export function formatInstanceKey(key: number | string): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
