import type { AttributePath, Resource, RuleContext } from '@trustscan/core';
import { attribute, readBlocks, readString, type Block } from './values.js';

/** The parameter that makes an engine refuse unencrypted connections, and the values that turn it on. */
interface TlsParameter {
  readonly name: string;
  readonly on: readonly string[];
  /** Whether the engine's default parameter group already turns it on, given the engine version. */
  readonly onByDefault: (version: string | undefined) => boolean;
}

const forceSsl = (onByDefault: TlsParameter['onByDefault']): TlsParameter => ({ name: 'rds.force_ssl', on: ['1', 'true', 'on'], onByDefault });
const requireSecureTransport: TlsParameter = { name: 'require_secure_transport', on: ['1', 'on', 'true'], onByDefault: () => false };

/**
 * The TLS parameter of an engine. RDS for PostgreSQL 15 and later sets `rds.force_ssl = 1` in its default
 * parameter group; an absent `engine_version` gets the newest major version, so it counts as 15 or later.
 */
export function tlsParameterOf(engine: string): TlsParameter | undefined {
  if (engine === 'postgres') return forceSsl((version) => version === undefined || Number(version.split('.')[0]) >= 15);
  if (engine === 'aurora-postgresql' || engine.startsWith('sqlserver-')) return forceSsl(() => false);
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql' || engine === 'aurora') return requireSecureTransport;
  return undefined;
}

export type TlsSetting =
  | { readonly kind: 'set'; readonly parameter: string; readonly value: string; readonly on: boolean; readonly group: Resource; readonly path: AttributePath }
  | { readonly kind: 'default'; readonly parameter: string; readonly on: boolean; readonly group: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly at?: Resource; readonly path: AttributePath };

/**
 * The effective TLS setting of a DB instance or cluster: the parameter in the custom parameter group it names
 * (linked by the inventory), else the engine default when it uses a `default.*` group or none.
 */
export function effectiveTlsSetting(database: Resource, parameter: TlsParameter, version: string | undefined, context: RuleContext): TlsSetting {
  const cluster = database.type === 'aws_rds_cluster';
  const groupType = cluster ? 'aws_rds_cluster_parameter_group' : 'aws_db_parameter_group';
  const groupPath = [cluster ? 'db_cluster_parameter_group_name' : 'parameter_group_name'];
  const group = context.related(database, groupType)[0];
  if (group) {
    const blocks = readBlocks(attribute(group, ['parameter']));
    if (blocks.kind === 'unknown') return { kind: 'unknown', reason: blocks.reason, at: group, path: ['parameter'] };
    const list: readonly Block[] = blocks.kind === 'value' ? blocks.value : [];
    const index = list.findIndex((p) => readString(p['name']).kind === 'value' && String(p['name']).toLowerCase() === parameter.name);
    const entry = list[index];
    if (entry) {
      const value = readString(entry['value']);
      const path = ['parameter', index, 'value'];
      if (value.kind === 'unknown') return { kind: 'unknown', reason: value.reason, at: group, path };
      const text = value.kind === 'value' ? value.value : '';
      return { kind: 'set', parameter: parameter.name, value: text, on: parameter.on.includes(text.toLowerCase()), group, path };
    }
    return { kind: 'default', parameter: parameter.name, on: parameter.onByDefault(version), group: group.address };
  }
  const name = readString(attribute(database, groupPath));
  if (name.kind === 'unknown') return { kind: 'unknown', reason: name.reason, path: groupPath };
  if (name.kind === 'value' && !name.value.startsWith('default.')) {
    return { kind: 'unknown', reason: `the parameter group ${name.value} is not part of this configuration`, path: groupPath };
  }
  return { kind: 'default', parameter: parameter.name, on: parameter.onByDefault(version), group: name.kind === 'value' ? name.value : 'the default parameter group' };
}

/** `postgres15` → postgres 15, `aurora-mysql8.0` → aurora-mysql 8.0, `sqlserver-se-15.0` → sqlserver-se 15.0. */
export function engineOfFamily(family: string): { readonly engine: string; readonly version?: string } | undefined {
  const match = /^(aurora-postgresql|aurora-mysql|aurora|postgres|mysql|mariadb|sqlserver-[a-z]+|oracle-[a-z0-9]+|custom-[a-z0-9-]+?)-?(\d[\d.]*)?$/.exec(family.trim().toLowerCase());
  if (!match?.[1]) return undefined;
  return { engine: match[1], ...(match[2] ? { version: match[2] } : {}) };
}

/**
 * The engine and version of a database: its `engine` and `engine_version`, else what its parameter group's
 * `family` says (a configuration may leave `engine` to a snapshot or a module default and still name the family).
 */
export function engineOf(database: Resource, context: RuleContext): { engine: Reading; version: Reading; from: 'engine' | 'family' } {
  const engine = readString(attribute(database, ['engine']));
  const version = readString(attribute(database, ['engine_version']));
  if (engine.kind !== 'absent') return { engine, version, from: 'engine' };
  const cluster = database.type === 'aws_rds_cluster';
  const group = context.related(database, cluster ? 'aws_rds_cluster_parameter_group' : 'aws_db_parameter_group')[0];
  // A default group's name is `default.<family>`.
  const named = readString(attribute(database, [cluster ? 'db_cluster_parameter_group_name' : 'parameter_group_name']));
  const family = group
    ? readString(attribute(group, ['family']))
    : named.kind === 'value' && named.value.startsWith('default.')
      ? ({ kind: 'value', value: named.value.slice('default.'.length) } as const)
      : undefined;
  if (family?.kind !== 'value') return { engine, version, from: 'engine' };
  const parsed = engineOfFamily(family.value);
  if (!parsed) return { engine, version, from: 'engine' };
  return {
    engine: { kind: 'value', value: parsed.engine },
    version: version.kind !== 'absent' ? version : parsed.version ? { kind: 'value', value: parsed.version } : { kind: 'absent' },
    from: 'family',
  };
}

type Reading = ReturnType<typeof readString>;
