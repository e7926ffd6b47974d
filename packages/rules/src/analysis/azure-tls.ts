/**
 * The TLS version a setting names, as a number (`1.2`): Azure spells it `TLS1_2` (storage), `1.2` (SQL, App
 * Service, Redis), `TLSv1.2` (PostgreSQL, MySQL) or `Tls12`. `undefined` for anything else (`Disabled`, `None`).
 */
export function tlsVersion(text: string): number | undefined {
  const match = /^(?:tls\s*v?)?1(?:[._]?([0-3]))?$/i.exec(text.trim());
  if (!match) return undefined;
  return 1 + Number(match[1] ?? '0') / 10;
}

/**
 * The lowest TLS version a comma-separated list allows (MySQL's `tls_version` is `TLSv1.2,TLSv1.3`). `undefined`
 * when an entry is not a TLS version.
 */
export function lowestTlsVersion(list: string): number | undefined {
  const versions = list.split(',').map((entry) => tlsVersion(entry));
  if (versions.length === 0 || versions.some((v) => v === undefined)) return undefined;
  return Math.min(...(versions as number[]));
}

/** Renders a version number the way messages show it: `1.0`, `1.2`. */
export function formatTlsVersion(version: number): string {
  return version.toFixed(1);
}
