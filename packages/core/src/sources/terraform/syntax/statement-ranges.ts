import type { SourceRange } from '../../../model/resource.js';

/**
 * The ranges of a document's `statement` blocks under the rendered JSON's paths (`statement.0` → `Statement.0`),
 * which rules name when they point at a statement.
 */
export function statementRanges(attributes: Readonly<Record<string, SourceRange>>): Record<string, SourceRange> {
  const ranges: Record<string, SourceRange> = {};
  for (const [key, range] of Object.entries(attributes)) if (/^statement\.\d+$/.test(key)) ranges[`Statement${key.slice('statement'.length)}`] = range;
  return ranges;
}
