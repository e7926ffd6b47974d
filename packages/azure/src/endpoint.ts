import { InputError } from '@trustscan/core';

/** Azure Resource Manager in the public cloud. */
export const publicArmEndpoint = 'https://management.azure.com';

/** Where ARM is and how to reach it. */
export interface ArmEndpoint {
  /** Origin without a trailing slash, e.g. `https://management.azure.com`. */
  readonly url: string;
  /**
   * A plain-http endpoint on this machine (a local ARM stand-in): reached with no credential, since a bearer token
   * must never travel unencrypted.
   */
  readonly local: boolean;
}

/**
 * The ARM endpoint from `TRUSTSCAN_AZURE_ENDPOINT` (sovereign clouds, local tests), else the public cloud. Plain
 * `http:` is accepted only on loopback (`127.0.0.0/8`, `localhost`, `[::1]`); anything else is an input error.
 */
export function resolveArmEndpoint(value: string | undefined): ArmEndpoint {
  if (value === undefined || value.trim() === '') return { url: publicArmEndpoint, local: false };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError(`TRUSTSCAN_AZURE_ENDPOINT: "${value}" is not a URL; set it to an ARM endpoint such as ${publicArmEndpoint}.`, {
      subject: 'TRUSTSCAN_AZURE_ENDPOINT',
    });
  }
  const origin = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  if (url.protocol === 'https:') return { url: origin, local: false };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { url: origin, local: true };
  const problem = url.protocol === 'http:' ? 'plain http is accepted only on loopback (127.0.0.1, localhost, [::1])' : `the ${url.protocol} scheme is not supported`;
  throw new InputError(`TRUSTSCAN_AZURE_ENDPOINT: ${problem}; use an https ARM endpoint such as ${publicArmEndpoint}.`, {
    subject: 'TRUSTSCAN_AZURE_ENDPOINT',
  });
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
