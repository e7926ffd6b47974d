import { Unknown, type Value } from '@trustscan/core';
import type { ArmFailure } from '../arm-failure.js';
import { isArmObject, type ArmJson } from '../arm-json.js';
import type { ArmRecord } from '../arm-record.js';

/**
 * Reads ARM JSON for normalizers. A property that is absent (or `null`) reads as `Unknown` whose reason names the
 * property and the API it is missing from, and every read of a response that could not be fetched is `Unknown`
 * with the reason (the missing permission for a 403): an absent setting is never taken to be "off".
 */
export class ArmReader {
  private constructor(
    private readonly root: ArmJson | undefined,
    /** Where the JSON came from: `GET Microsoft.Storage/storageAccounts (api-version 2023-05-01)`. */
    private readonly source: string,
    /** Set when nothing could be read; every read is `Unknown` with this reason. */
    private readonly unavailable: string | undefined,
    /** Path of `root` inside the response, for reasons. */
    private readonly base: string,
  ) {}

  /** Reads `json`, which came from `source`. */
  static of(json: ArmJson | undefined, source: string, base = ''): ArmReader {
    return new ArmReader(json, source, undefined, base);
  }

  /** A reader whose every read is `Unknown(reason)`. */
  static unavailable(reason: string): ArmReader {
    return new ArmReader(undefined, '', reason, '');
  }

  /** The reader of a record's resource: its envelope and properties, or `Unknown` everywhere when they were not read. */
  static ofRecord(record: ArmRecord): ArmReader {
    if (record.failure) return ArmReader.unavailable(failureReason(record.failure, record.api));
    return ArmReader.of(record.resource, record.api);
  }

  /** The reader of a child setting the collector fetched with the record (`Unknown` everywhere when it failed). */
  static ofChild(record: ArmRecord, key: string): ArmReader {
    if (record.failure) return ArmReader.unavailable(failureReason(record.failure, record.api));
    const child = record.children.get(key);
    if (!child) return ArmReader.unavailable(`${key} was not read`);
    const source = `GET ${child.spec.armType} (api-version ${child.spec.apiVersion})`;
    if (!child.outcome.ok) return ArmReader.unavailable(failureReason(child.outcome.failure, source));
    return ArmReader.of(child.outcome.value, source);
  }

  /** Whether there is JSON to read (the call succeeded). */
  get readable(): boolean {
    return this.unavailable === undefined;
  }

  /** Why nothing can be read, when `readable` is false. */
  get reason(): string | undefined {
    return this.unavailable;
  }

  /** The raw JSON at `path`, or `undefined` when absent, `null` or unreadable. */
  raw(path: string): ArmJson | undefined {
    if (this.unavailable !== undefined) return undefined;
    let current: ArmJson | undefined = this.root;
    for (const key of path === '' ? [] : path.split('.')) {
      if (Array.isArray(current) && /^\d+$/.test(key)) current = (current as readonly ArmJson[])[Number(key)];
      else if (isArmObject(current)) current = Object.hasOwn(current, key) ? current[key] : undefined;
      else return undefined;
    }
    return current === null ? undefined : current;
  }

  /** The value at `path` as it is, or `Unknown` when absent. */
  value(path: string): Value {
    const found = this.raw(path);
    return found === undefined ? this.missing(path) : (found as Value);
  }

  bool(path: string): boolean | Unknown {
    const found = this.raw(path);
    if (typeof found === 'boolean') return found;
    if (typeof found === 'string' && /^(true|false)$/i.test(found)) return found.toLowerCase() === 'true';
    return found === undefined ? this.missing(path) : this.unexpected(path, found);
  }

  /** A boolean the API documents as left out when it is off (Key Vault's `enablePurgeProtection`): absent reads false. */
  offWhenAbsent(path: string): boolean | Unknown {
    if (this.unavailable !== undefined) return new Unknown(this.unavailable);
    return this.raw(path) === undefined ? false : this.bool(path);
  }

  string(path: string): string | Unknown {
    const found = this.raw(path);
    if (typeof found === 'string') return found;
    return found === undefined ? this.missing(path) : this.unexpected(path, found);
  }

  number(path: string): number | Unknown {
    const found = this.raw(path);
    if (typeof found === 'number') return found;
    if (typeof found === 'string' && /^-?\d+(\.\d+)?$/.test(found)) return Number(found);
    return found === undefined ? this.missing(path) : this.unexpected(path, found);
  }

  /** A string that is simply not set when absent (`null`): ids of optional links, descriptions. */
  optionalString(path: string): string | null | Unknown {
    if (this.unavailable !== undefined) return new Unknown(this.unavailable);
    const found = this.raw(path);
    if (found === undefined || found === '') return null;
    return typeof found === 'string' ? found : this.unexpected(path, found);
  }

  /** The array at `path`, or `Unknown` when absent. */
  array(path: string): readonly ArmJson[] | Unknown {
    const found = this.raw(path);
    if (Array.isArray(found)) return found as readonly ArmJson[];
    return found === undefined ? this.missing(path) : this.unexpected(path, found);
  }

  /** A reader of the object at `path` (reads through it are `Unknown` when it is absent). */
  at(path: string): ArmReader {
    if (this.unavailable !== undefined) return this;
    const found = this.raw(path);
    if (found === undefined) return ArmReader.unavailable(this.missing(path).reason);
    return new ArmReader(found, this.source, undefined, this.join(path));
  }

  /** Readers of the objects in the array at `path`, or `Unknown` when absent. */
  items(path: string): readonly ArmReader[] | Unknown {
    const list = this.array(path);
    if (list instanceof Unknown) return list;
    return list.map((item, index) => new ArmReader(item, this.source, undefined, this.join(`${path}.${index}`)));
  }

  /** `Enabled`/`Disabled` (any case) as a boolean; other values are `Unknown`. */
  enabled(path: string): boolean | Unknown {
    return this.mapped(path, { enabled: true, disabled: false });
  }

  /** A string mapped through `table` (keys lower-case); an unmapped value is `Unknown` naming it. */
  mapped<T extends Value>(path: string, table: Readonly<Record<string, T>>): T | Unknown {
    const found = this.string(path);
    if (found instanceof Unknown) return found;
    const key = found.toLowerCase();
    return Object.hasOwn(table, key) ? (table[key] as T) : this.unexpected(path, found);
  }

  /** The `Unknown` for an absent property. */
  missing(path: string): Unknown {
    if (this.unavailable !== undefined) return new Unknown(this.unavailable);
    return new Unknown(`${this.join(path)} is not in the response of ${this.source}`);
  }

  private unexpected(path: string, found: ArmJson): Unknown {
    return new Unknown(`${this.join(path)} has the unexpected value ${JSON.stringify(found)} in the response of ${this.source}`);
  }

  private join(path: string): string {
    return this.base === '' ? path : path === '' ? this.base : `${this.base}.${path}`;
  }
}

/** Why a call's data is unknown: the missing permission for a 403, else the error. */
export function failureReason(failure: ArmFailure, source: string): string {
  if (failure.status === 403) return `the credentials may not read it (${source} was denied; missing permission ${failure.permission ?? 'unknown'})`;
  return `${source} failed (${failure.status === 0 ? failure.code : `${failure.status} ${failure.code}`}: ${failure.message})`;
}
