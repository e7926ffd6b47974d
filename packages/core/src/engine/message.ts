import type { Resource } from '../model/resource.js';
import { isRecord, parsePath, valueAt, type Value } from '../model/value.js';

const placeholder = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, readonly string[]>();

/** Fills `{{name}}` placeholders from `data`, else from `fallback` (a rule's options); a missing value stays visible as `{{name}}`. */
export function formatMessage(
  template: string,
  data: Readonly<Record<string, string | number | boolean>> = {},
  fallback?: Readonly<Record<string, string | number | boolean>>,
): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(placeholder);
    compiled.set(template, parts);
  }
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = Object.hasOwn(data, name) ? data[name] : fallback && Object.hasOwn(fallback, name) ? fallback[name] : undefined;
    text += (value === undefined ? `{{${name}}}` : String(value)) + (parts[i + 1] ?? '');
  }
  return text;
}

export const redactedText = '(sensitive)';

/** Replaces every sensitive value of the given resources that appears in `text`. */
export function redactSensitive(text: string, resources: readonly (Resource | undefined)[]): string {
  let result = text;
  for (const resource of resources) {
    if (!resource?.sensitivePaths?.length) continue;
    for (const secret of sensitiveStrings(resource)) result = result.split(secret).join(redactedText);
  }
  return result;
}

/** Leaf values under the sensitive paths, as strings long enough to be recognised without garbling other text. */
function sensitiveStrings(resource: Resource): string[] {
  const found = new Set<string>();
  const collect = (value: Value | undefined): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value);
      if (text.length >= 4) found.add(text);
    } else if (Array.isArray(value)) {
      for (const item of value as readonly Value[]) collect(item);
    } else if (isRecord(value)) {
      for (const item of Object.values(value)) collect(item);
    }
  };
  for (const path of resource.sensitivePaths ?? []) collect(valueAt(resource.attributes, parsePath(path)));
  // Longest first, so a secret that contains another is replaced whole.
  return [...found].sort((a, b) => b.length - a.length);
}
