import { isUnknown, type AttributePath, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { formatTlsVersion, lowestTlsVersion, tlsVersion } from './azure-tls.js';
import { attribute, readBoolean, readString } from './values.js';

export type DatabaseTlsMessageId = 'required' | 'transportOptional' | 'outdated' | 'unknown';

/** How a PostgreSQL or MySQL engine names the server parameters that govern TLS. */
export interface TlsParameters {
  /** The flexible-server configuration resource type. */
  readonly configurationType: string;
  /** The parameter holding the lowest accepted TLS version (`ssl_min_protocol_version`, `tls_version`). */
  readonly minimumVersion: string;
}

/**
 * Decides whether a PostgreSQL or MySQL server requires TLS 1.2 or newer. Flexible servers require TLS 1.2 unless a
 * configuration resource turns `require_secure_transport` off or lowers the minimum version; single servers (azurerm
 * v3) set `ssl_enforcement_enabled` and `ssl_minimal_tls_version_enforced` on the server itself.
 */
export function databaseTlsVerdict(server: Resource, context: RuleContext, parameters: TlsParameters): Verdict<DatabaseTlsMessageId> {
  const address = server.address;
  const unknown = (reason: string, path: AttributePath, at?: Resource): Verdict<DatabaseTlsMessageId> => ({
    status: 'unknown', messageId: 'unknown', data: { address, reason }, path, ...(at ? { at } : {}),
  });
  if (server.type.endsWith('_flexible_server')) {
    let minimum = 1.2;
    for (const configuration of context.related(server, parameters.configurationType)) {
      const name = attribute(configuration, ['name']);
      const value = readString(attribute(configuration, ['value']));
      if (isUnknown(name)) return unknown(name.reason, ['name'], configuration);
      if (name !== 'require_secure_transport' && name !== parameters.minimumVersion) continue;
      if (value.kind === 'unknown') return unknown(value.reason, ['value'], configuration);
      if (value.kind === 'absent') continue;
      if (name === 'require_secure_transport' && value.value.toLowerCase() === 'off') {
        return { status: 'fail', messageId: 'transportOptional', data: { address, setting: 'require_secure_transport = OFF' }, path: ['value'], at: configuration };
      }
      const version = lowestTlsVersion(value.value);
      if (name === parameters.minimumVersion && version !== undefined && version < 1.2) {
        return { status: 'fail', messageId: 'outdated', data: { address, version: formatTlsVersion(version), setting: parameters.minimumVersion }, path: ['value'], at: configuration };
      }
      if (version !== undefined) minimum = Math.max(minimum, version);
    }
    return { status: 'pass', messageId: 'required', data: { address, version: formatTlsVersion(minimum) } };
  }
  const enforcedPath = ['ssl_enforcement_enabled'];
  const enforced = readBoolean(attribute(server, enforcedPath));
  if (enforced.kind === 'unknown') return unknown(enforced.reason, enforcedPath);
  const legacy = readString(attribute(server, ['ssl_enforcement']));
  if ((enforced.kind === 'value' && !enforced.value) || (legacy.kind === 'value' && legacy.value === 'Disabled')) {
    return { status: 'fail', messageId: 'transportOptional', data: { address, setting: 'ssl_enforcement_enabled = false' }, path: enforced.kind === 'value' ? enforcedPath : ['ssl_enforcement'] };
  }
  const minimumPath = ['ssl_minimal_tls_version_enforced'];
  const minimum = readString(attribute(server, minimumPath));
  if (minimum.kind === 'unknown') return unknown(minimum.reason, minimumPath);
  const version = minimum.kind === 'value' ? tlsVersion(minimum.value) : 1.2;
  if (version === undefined) return { status: 'fail', messageId: 'transportOptional', data: { address, setting: `ssl_minimal_tls_version_enforced = ${minimum.kind === 'value' ? minimum.value : ''}` }, path: minimumPath };
  if (version < 1.2) return { status: 'fail', messageId: 'outdated', data: { address, version: formatTlsVersion(version), setting: 'ssl_minimal_tls_version_enforced' }, path: minimumPath };
  return { status: 'pass', messageId: 'required', data: { address, version: formatTlsVersion(version) }, ...(minimum.kind === 'value' ? { path: minimumPath } : {}) };
}
