/**
 * Attribute values in the canonical model: JSON-like trees in which any node may be `Unknown`.
 * Nested Terraform blocks are arrays of objects, as in plan JSON, whatever the source.
 */
export type Value = null | boolean | number | string | Unknown | readonly Value[] | { readonly [key: string]: Value };

/** An attribute path: object keys and array indexes, e.g. `['rule', 0, 'sse_algorithm']`. */
export type AttributePath = readonly (string | number)[];

/** A value the scanner cannot know (known after apply, an unset variable, a setting it may not read), with the reason. */
export class Unknown {
  /**
   * What is known of a value that is only partly unknown, when a rule can still decide on it: for example the
   * decoded document of `jsonencode({ Statement = [{ Effect = "Deny", Resource = aws_s3_bucket.b.arn, … }] })`,
   * with `Unknown` leaves where the unknown parts are. Absent when nothing is known.
   */
  readonly partial?: Value;
  constructor(
    readonly reason: string,
    partial?: Value,
  ) {
    if (partial !== undefined) this.partial = partial;
  }
  toJSON(): string {
    return `(unknown: ${this.reason})`;
  }
  toString(): string {
    return `(unknown: ${this.reason})`;
  }
}

/** Whether `value` is an `Unknown`. */
export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** Whether `value` is an object (not an array, not `null`, not `Unknown`). */
export function isRecord(value: unknown): value is { readonly [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown);
}

/**
 * Reads the value at `path`. Returns `undefined` when the path is absent and the first `Unknown` met on the way
 * when part of it is unknown, so an unknown parent never reads as "absent". Index 0 of an object is the object
 * itself: `.tf.json` may write a single nested block as an object where HCL and plans have a list of one.
 */
export function valueAt(root: Value | undefined, path: AttributePath): Value | undefined {
  let current: Value | undefined = root;
  for (const key of path) {
    if (current === undefined || current === null) return undefined;
    if (current instanceof Unknown) return current;
    if (Array.isArray(current)) {
      if (typeof key !== 'number') return undefined;
      current = (current as readonly Value[])[key];
    } else if (isRecord(current)) {
      // A nested block written as one JSON object (Terraform's JSON syntax allows it) is a list of that one block.
      if (typeof key === 'number') {
        if (key !== 0) return undefined;
        continue;
      }
      current = Object.hasOwn(current, key) ? current[key] : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

/** Renders a path as the dotted form used in keys and messages: `rule.0.sse_algorithm`. */
export function pathToString(path: AttributePath): string {
  return path.join('.');
}

/** Parses the dotted form back into a path; numeric segments become indexes. */
export function parsePath(dotted: string): AttributePath {
  if (dotted === '') return [];
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
