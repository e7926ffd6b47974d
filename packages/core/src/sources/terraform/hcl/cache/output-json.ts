import { Unknown, type Value } from '../../../../model/value.js';
import type { SourceOutput } from '../../../source.js';

/** Marks an `Unknown` in the JSON of a cached output; no attribute of a real configuration is called this. */
const unknownTag = '\u0000trustscan-unknown';
const numberTag = '\u0000trustscan-number';

/** A source output as JSON, keeping `Unknown` values (with their reason and known part) and non-finite numbers. */
export function outputToJson(output: SourceOutput): string {
  return JSON.stringify(output, function (this: unknown, key: string, converted: unknown) {
    // `Unknown` has a `toJSON` for reports, which runs before this: the holder still has the value itself.
    const value = (this as Record<string, unknown>)[key];
    if (value instanceof Unknown) return value.partial === undefined ? { [unknownTag]: value.reason } : { [unknownTag]: value.reason, partial: value.partial };
    if (typeof value === 'number' && !Number.isFinite(value)) return { [numberTag]: String(value) };
    return converted;
  });
}

/** Reads what `outputToJson` wrote. */
export function outputFromJson(text: string): SourceOutput {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      if (typeof record[unknownTag] === 'string') return new Unknown(record[unknownTag] as string, record['partial'] as Value | undefined);
      if (typeof record[numberTag] === 'string') return Number(record[numberTag]);
    }
    return value;
  }) as SourceOutput;
}
