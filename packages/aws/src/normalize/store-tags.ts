import { Unknown, type Value } from '@trustscan/core';
import { readTags, type ConfigurationItem } from '../configuration-item.js';
import { field } from './fields.js';

/**
 * A data store's tags, which AWS Backup selections match: the item's own `tags` (event form), else the tag list its
 * configuration carries (`tagList`, `Tags`, `FileSystemTags`, as `[{ key, value }]` or a map), else `Unknown`.
 * `BatchGetResourceConfig` leaves tags out, and tags that were not read must not count as "no tags": a store a
 * selection picks by tag would otherwise read as not backed up.
 */
export function storeTags(item: ConfigurationItem, ...configurationFields: string[]): Value {
  if (item.tags !== undefined) return item.tags;
  for (const name of configurationFields) {
    const tags = readTags(field(item.configuration, name));
    if (tags !== undefined) return tags;
  }
  return new Unknown(`AWS Config returned no tags for ${item.resourceType} ${item.resourceId} (BatchGetResourceConfig leaves them out)`);
}
